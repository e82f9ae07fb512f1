import {
  acknowledgeRefusal,
  closedAtOrAfter,
  decisionCheck,
  deleteRefusal,
  editRefusal,
  publishCheck,
  quartersOf,
  readRefusal,
  revisionRefusal,
  submitCheck,
  type RuledVersion,
} from './plan-version-rules';

const draft: RuledVersion = {
  number: 3,
  status: 'DRAFT',
  authorId: 'hr',
  participantUserIds: ['vp-sales', 'lena'],
};
const inReview: RuledVersion = { ...draft, status: 'IN_REVIEW' };
const approved = { ...draft, status: 'APPROVED' as const, effectiveFrom: 'FY2027-Q2' };
const hr = { id: 'hr', roles: ['HR', 'MEMBER'] as const };
const approver = { id: 'approver', roles: ['APPROVER'] as const };
const executive = { id: 'vp-sales', roles: ['EXECUTIVE'] as const };

describe('editing a plan version', () => {
  it('edits and deletes drafts only, saying to create a new version instead', () => {
    expect(editRefusal(draft)).toBeNull();
    expect(editRefusal(inReview)).toEqual({
      status: 409,
      message: 'Version 3 is IN_REVIEW: only drafts can be edited; create a new version instead.',
    });
    expect(editRefusal({ ...draft, status: 'PUBLISHED' })).toMatchObject({ status: 409 });
    expect(deleteRefusal(draft)).toBeNull();
    expect(deleteRefusal({ ...draft, status: 'PUBLISHED' })?.message).toMatch(
      /^Version 3 is PUBLISHED: only drafts can be deleted/,
    );
  });

  it('needs If-Match with the current revision: 428 without it, 412 when someone changed it since', () => {
    expect(revisionRefusal(undefined, 7)).toMatchObject({
      status: 428,
      message: expect.stringContaining('If-Match'),
    });
    expect(revisionRefusal('  ', 7)).toMatchObject({ status: 428 });
    expect(revisionRefusal('*', 7)).toMatchObject({ status: 428 });
    expect(revisionRefusal('"6"', 7)).toEqual({
      status: 412,
      message:
        'This version was changed by someone else (now revision 7); reload it and apply your change again.',
    });
    expect(revisionRefusal('"7"', 7)).toBeNull();
    expect(revisionRefusal('W/"7"', 7)).toBeNull();
    expect(revisionRefusal('7', 7)).toBeNull();
    expect(revisionRefusal('"5", "7"', 7)).toBeNull();
  });
});

describe('the review workflow', () => {
  it('lets HR submit a draft with valid rules and participants', () => {
    expect(submitCheck(draft, hr, [])).toEqual({ to: 'IN_REVIEW' });
  });

  it('refuses to submit with every reason: rule problems and no participants', () => {
    const result = submitCheck({ ...draft, participantUserIds: [] }, hr, [
      'The weights add up to 95 %; they must add up to exactly 100 %.',
    ]);
    expect(result).toMatchObject({ refusal: { status: 422 } });
    const refusal = 'refusal' in result ? result.refusal : null;
    expect(refusal?.errors).toEqual([
      'The weights add up to 95 %; they must add up to exactly 100 %.',
      'The version has no participants: add them (or import a CSV) before submitting.',
    ]);
    expect(refusal?.message).toMatch(/^Version 3 cannot be submitted yet: The weights add up to 95 %/);
  });

  it('submits drafts only, and only by HR', () => {
    expect(submitCheck(inReview, hr, [])).toMatchObject({
      refusal: { status: 409, message: expect.stringMatching(/^Version 3 is IN_REVIEW/) },
    });
    expect(submitCheck(draft, approver, [])).toMatchObject({ refusal: { status: 403 } });
  });

  it('lets an approver who neither wrote the version nor is in it approve or reject it', () => {
    expect(decisionCheck('approve', inReview, approver)).toEqual({ to: 'APPROVED' });
    expect(decisionCheck('reject', inReview, approver)).toEqual({ to: 'DRAFT' });
  });

  it('refuses an approver who wrote the version', () => {
    const both = { id: 'hr', roles: ['HR', 'APPROVER'] as const };
    expect(decisionCheck('approve', inReview, both)).toEqual({
      refusal: { status: 403, message: 'You wrote this version: another approver must approve it.' },
    });
    expect(decisionCheck('reject', inReview, both)).toMatchObject({
      refusal: { status: 403, message: expect.stringMatching(/^You wrote this version/) },
    });
  });

  it('refuses an approver who is a participant of the version', () => {
    expect(decisionCheck('approve', inReview, { id: 'lena', roles: ['APPROVER'] })).toEqual({
      refusal: {
        status: 403,
        message: 'You are a participant of this version, so you cannot approve your own pay.',
      },
    });
  });

  it('refuses a decision on a version that is not in review (409) and anyone who is not an approver (403)', () => {
    expect(decisionCheck('approve', draft, approver)).toMatchObject({
      refusal: {
        status: 409,
        message: expect.stringMatching(/^Version 3 is a DRAFT: only a version in review can be approved/),
      },
    });
    expect(decisionCheck('approve', { ...draft, status: 'APPROVED' }, approver)).toMatchObject({
      refusal: { status: 409 },
    });
    expect(decisionCheck('reject', { ...draft, status: 'PUBLISHED' }, approver)).toMatchObject({
      refusal: { status: 409 },
    });
    expect(decisionCheck('approve', inReview, hr)).toMatchObject({ refusal: { status: 403 } });
  });

  it('lets HR publish an approved version, and nothing else', () => {
    expect(publishCheck(approved, hr, [])).toEqual({ to: 'PUBLISHED' });
    expect(publishCheck({ ...approved, status: 'IN_REVIEW' }, hr, [])).toMatchObject({
      refusal: {
        status: 409,
        message: expect.stringMatching(/^Version 3 is IN_REVIEW: only an approved version can be published/),
      },
    });
    expect(publishCheck({ ...approved, status: 'PUBLISHED' }, hr, [])).toMatchObject({
      refusal: { status: 409 },
    });
    expect(publishCheck(approved, approver, [])).toMatchObject({ refusal: { status: 403 } });
  });

  it('refuses to publish when a statement period at or after the effective-from is closed', () => {
    expect(publishCheck(approved, hr, ['FY2026-Q4', 'FY2027-Q1'])).toEqual({ to: 'PUBLISHED' });
    expect(publishCheck(approved, hr, ['FY2027-Q1', 'FY2027-Q2'])).toEqual({
      refusal: { status: 409, message: 'FY2027-Q2 is closed: publish with a later effective-from.' },
    });
    expect(publishCheck(approved, hr, ['FY2027-Q3', 'FY2027-Q2'])).toMatchObject({
      refusal: { message: 'FY2027-Q2 and FY2027-Q3 are closed: publish with a later effective-from.' },
    });
  });
});

describe('reading and acknowledging', () => {
  const published: RuledVersion = { ...draft, status: 'PUBLISHED' };

  it('lets HR and approvers read any version, and an executive only a published one they are in', () => {
    expect(readRefusal(draft, hr)).toBeNull();
    expect(readRefusal(draft, approver)).toBeNull();
    expect(readRefusal(published, executive)).toBeNull();
    expect(readRefusal(draft, executive)).toMatchObject({
      status: 403,
      message: expect.stringMatching(/not published yet/),
    });
    expect(readRefusal(published, { id: 'vp-marketing', roles: ['EXECUTIVE'] })).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^You are not a participant of version 3/),
    });
  });

  it('lets only a participant acknowledge, and only a published version', () => {
    expect(acknowledgeRefusal(published, executive)).toBeNull();
    expect(acknowledgeRefusal(published, { id: 'someone', roles: ['MEMBER'] })).toMatchObject({
      status: 403,
    });
    expect(acknowledgeRefusal(draft, executive)).toMatchObject({ status: 409 });
  });
});

describe('quarters', () => {
  it('applies a version from its effective-from to the end of that fiscal year', () => {
    expect(quartersOf('FY2027-Q2')).toEqual(['FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(quartersOf('FY2027-Q4')).toEqual(['FY2027-Q4']);
  });

  it('orders quarters across fiscal years', () => {
    expect(closedAtOrAfter('FY2026-Q4', ['FY2027-Q1', 'FY2026-Q3', 'FY2026-Q4'])).toEqual([
      'FY2026-Q4',
      'FY2027-Q1',
    ]);
  });
});
