import type { Page, PayOverride, PayOverrideInput } from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Pay overrides through the real app and PostgreSQL: HR enters a value for a unit's CX input of a
 * quarter, an APPROVER who did not enter it decides, and every write is audited with it.
 */
describe('pay overrides', () => {
  let t: TestApp;
  let hr: string;
  let approver: string;
  let secondApprover: string;
  let hrApprover: { id: string; token: string };
  let member: string;

  const good: PayOverrideInput = {
    orgUnit: 'field-service',
    metric: 'nps',
    period: 'FY2026-Q1',
    value: '38.5',
    reason: 'Only 12 answers after the survey tool outage; last year’s level agreed with the VP.',
  };
  const enter = (body: object, token = hr) =>
    t.http
      .post('/api/v1/pay-overrides')
      .set(...bearer(token))
      .send(body);
  const decide = (id: string, body: object, token = approver) =>
    t.http
      .post(`/api/v1/pay-overrides/${id}/decision`)
      .set(...bearer(token))
      .send(body);
  const audit = (id: string) =>
    t.sql<{
      action: string;
      actor_email: string;
      before: unknown;
      after: Record<string, unknown>;
      reason: string | null;
      pay_data: boolean;
    }>(
      `SELECT action, actor_email, before, after, reason, pay_data FROM audit_entries WHERE entity_type = 'pay-override' AND entity_id = $1 ORDER BY id`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.tokenFor('hr@example.com');
    approver = await t.tokenFor('approver@example.com');
    secondApprover = (await t.userWithRoles(['APPROVER'])).token;
    hrApprover = await t.userWithRoles(['HR', 'APPROVER']);
    member = await t.tokenFor('member@example.com');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('enters an override as pending, with who entered it, and audits it in the same write', async () => {
    const res = await enter(good).expect(201);
    const created = res.body as PayOverride;
    expect(created).toMatchObject({
      orgUnit: { key: 'field-service', name: 'Field Service' },
      metric: 'nps',
      period: 'FY2026-Q1',
      value: '38.5',
      reason: good.reason,
      status: 'PENDING',
      enteredBy: { name: 'Hanna Reyes' },
      decidedBy: null,
      decidedAt: null,
    });
    const entries = await audit(created.id);
    expect(entries).toEqual([
      {
        action: 'pay-override.enter',
        actor_email: 'hr@example.com',
        before: null,
        after: {
          orgUnit: 'field-service',
          metric: 'nps',
          period: 'FY2026-Q1',
          value: '38.5',
          reason: good.reason,
          status: 'PENDING',
        },
        reason: good.reason,
        pay_data: true,
      },
    ]);
  });

  it('refuses a second live override of the same unit, metric and quarter with 409, and allows one after a rejection', async () => {
    const first = (await enter({ ...good, metric: 'csat', value: 71 }).expect(201)).body as PayOverride;
    const again = await enter({ ...good, metric: 'csat', value: 75 }).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.detail).toBe(
      'Customer satisfaction (top-2-box) of Field Service in FY2026-Q1 already has an override: 71, entered by Hanna Reyes, waits for an approver. Have it decided first; a rejected one can be replaced.',
    );
    await decide(first.id, {
      approve: false,
      reason: 'The trailing twelve months are representative enough.',
    }).expect(200);
    const replaced = (await enter({ ...good, metric: 'csat', value: 75 }).expect(201)).body as PayOverride;
    await decide(replaced.id, { approve: true }).expect(200);
    const afterApproval = await enter({ ...good, metric: 'csat', value: 80 }).expect(409);
    expect(afterApproval.body.detail).toBe(
      'Customer satisfaction (top-2-box) of Field Service in FY2026-Q1 already has an override: 75, approved by Arthur Pryce, is in force for that quarter.',
    );
    // another quarter or unit is another override
    await enter({ ...good, metric: 'csat', period: 'FY2026-Q2' }).expect(201);
    await enter({ ...good, metric: 'csat', orgUnit: 'customer-support' }).expect(201);
  });

  it('refuses a metric that does not rest on a sample of answers, with a sentence', async () => {
    for (const metric of ['gross_margin', 'quota_attainment', 'retention', 'happiness']) {
      const res = await enter({ ...good, metric }).expect(400);
      expect(res.body.detail).toBe(
        'metric must be one of nps, csat, ces, cx_index: only a CX input resting on a sample of answers can be overridden for pay.',
      );
    }
    for (const metric of ['ces', 'cx_index']) await enter({ ...good, metric, value: '5' }).expect(201);
  });

  it('says what is wrong with a bad unit, period, value or reason', async () => {
    const detail = async (body: object) => (await enter(body).expect(400)).body.detail as string;
    expect(await detail({ ...good, orgUnit: 'atlantis' })).toBe(
      'orgUnit "atlantis" is not an org unit: GET /api/v1/org-units lists their keys.',
    );
    expect(await detail({ ...good, period: 'FY2026' })).toBe(
      'period must be a fiscal quarter such as FY2026-Q1: an override replaces one quarter’s input.',
    );
    expect(await detail({ ...good, value: 'high' })).toBe(
      'value must be an NPS from −100 to 100, with at most 6 decimals, such as "38.5".',
    );
    expect(await detail({ ...good, value: '101' })).toBe(
      'value must be an NPS from −100 to 100, with at most 6 decimals, such as "38.5", not 101.',
    );
    expect(await detail({ ...good, metric: 'ces', value: 0.5 })).toBe(
      'value must be a CES from 1 to 7, with at most 6 decimals, such as "38.5", not 0.5.',
    );
    expect(await detail({ ...good, value: '1.1234567' })).toBe(
      'value must be an NPS from −100 to 100, with at most 6 decimals, such as "38.5", not 1.1234567.',
    );
    expect(await detail({ ...good, reason: '  too short ' })).toBe(
      'reason must say, in 10 to 2,000 characters, why this value is fair for pay.',
    );
    expect(await detail({ ...good, approvedBy: 'me' })).toBe(
      'approvedBy: property approvedBy should not exist.',
    );
    const missing = await enter({}).expect(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^orgUnit must be/),
        expect.stringMatching(/^metric must be/),
        expect.stringMatching(/^period must be/),
        expect.stringMatching(/^value must be/),
        expect.stringMatching(/^reason must/),
      ]),
    );
  });

  it('refuses the person who entered an override as its approver (four eyes), and lets another approver approve it', async () => {
    const created = (await enter({ ...good, orgUnit: 'logistics' }, hrApprover.token).expect(201))
      .body as PayOverride;
    const own = await decide(created.id, { approve: true }, hrApprover.token).expect(403);
    expect(own.body.detail).toBe(
      'You entered this override, so another approver must decide it: an override of pay needs four eyes.',
    );
    const approved = (await decide(created.id, { approve: true }, secondApprover).expect(200))
      .body as PayOverride;
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: { name: 'Test APPROVER' } });
    expect(approved.decidedAt).not.toBeNull();
    const again = await decide(created.id, { approve: false, reason: 'Changed my mind about it.' }).expect(
      409,
    );
    expect(again.body.detail).toBe(
      'This override is already approved by Test APPROVER: only a pending one can be decided.',
    );
    expect((await audit(created.id)).map((entry) => [entry.action, entry.before])).toEqual([
      ['pay-override.enter', null],
      ['pay-override.approve', { status: 'PENDING' }],
    ]);
  });

  it('needs a reason to reject, and keeps it with the decision and in the audit log', async () => {
    const created = (await enter({ ...good, orgUnit: 'manufacturing' }).expect(201)).body as PayOverride;
    const bare = await decide(created.id, { approve: false }).expect(400);
    expect(bare.body.detail).toBe(
      'reason is required when rejecting: say why, so HR can enter a better value or leave the fallback.',
    );
    const rejected = (
      await decide(created.id, { approve: false, reason: 'The parent unit’s value is fair here.' }).expect(
        200,
      )
    ).body as PayOverride;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      decidedBy: { name: 'Arthur Pryce' },
      decisionReason: 'The parent unit’s value is fair here.',
    });
    const [, decision] = await audit(created.id);
    expect(decision).toMatchObject({
      action: 'pay-override.reject',
      actor_email: 'approver@example.com',
      reason: 'The parent unit’s value is fair here.',
      after: { status: 'REJECTED' },
    });
  });

  it('answers an unknown or malformed id with 404 and 400', async () => {
    const unknown = await decide('00000000-0000-4000-8000-000000000000', { approve: true }).expect(404);
    expect(unknown.body.detail).toBe(
      'There is no pay override with the id 00000000-0000-4000-8000-000000000000.',
    );
    const malformed = await decide('nope', { approve: true }).expect(400);
    expect(malformed.body.detail).toBe('The pay override id must be a UUID.');
  });

  it('lists overrides newest first, page by page, and narrows them by quarter, status and unit', async () => {
    const all = (
      await t.http
        .get('/api/v1/pay-overrides')
        .set(...bearer(approver))
        .expect(200)
    ).body as Page<PayOverride>;
    expect(all.total).toBeGreaterThanOrEqual(8);
    const times = all.items.map((item) => item.enteredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page = (
      await t.http
        .get('/api/v1/pay-overrides')
        .query({ page: 2, pageSize: 2 })
        .set(...bearer(hr))
        .expect(200)
    ).body as Page<PayOverride>;
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items.map((item) => item.id)).toEqual(all.items.slice(2, 4).map((item) => item.id));
    const narrowed = (
      await t.http
        .get('/api/v1/pay-overrides')
        .query({ period: 'FY2026-Q1', status: 'APPROVED', orgUnit: 'field-service' })
        .set(...bearer(hr))
        .expect(200)
    ).body as Page<PayOverride>;
    expect(narrowed.items.map((item) => [item.metric, item.value])).toEqual([['csat', '75']]);
    const bad = await t.http
      .get('/api/v1/pay-overrides')
      .query({ status: 'LIVE' })
      .set(...bearer(hr))
      .expect(400);
    expect(bad.body.detail).toBe('status must be one of PENDING, APPROVED, REJECTED.');
  });

  it('lets only HR enter, only approvers decide, and HR and approvers read', async () => {
    await enter({ ...good, orgUnit: 'it' }, approver).expect(403);
    await enter({ ...good, orgUnit: 'it' }, member).expect(403);
    const created = (await enter({ ...good, orgUnit: 'it' }).expect(201)).body as PayOverride;
    await decide(created.id, { approve: true }, hr).expect(403);
    await t.http
      .get('/api/v1/pay-overrides')
      .set(...bearer(member))
      .expect(403);
  });
});
