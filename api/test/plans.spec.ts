import type {
  IncentivePlan,
  PlanParticipantInput,
  PlanRules,
  PlanVersion,
  PlanVersionDiff,
} from '@lodestar/contracts';
import type { FrozenInputs } from '../src/incentives/frozen-inputs';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Incentive plans and their versions through the real app and PostgreSQL. The plans here apply
 * from FY2027-Q2 (January to September 2027 with the demo's October start) and read:
 * - quota attainment of the participant's own unit, curve from targets: Sales has the demo's
 *   FY2027 band 90 / 100 / 120; Key Accounts gets 85 / 100 / 115 for the year and 88 / 100 / 118
 *   phased into FY2027-Q3 here;
 * - revenue of the own unit, curve from targets: Key Accounts gets 200 / 240 / 260 for the year
 *   here, so 50 / 60 / 65 a quarter (a sum metric's year split evenly);
 * - the company's CX index on points, which a CX gate reads at its threshold.
 * HR (who is also made an APPROVER here) writes the versions; the approver, who is a participant,
 * and a second approver decide them.
 */
describe('incentive plans', () => {
  let t: TestApp;
  let hr: string;
  let approver: string;
  let secondApprover: string;
  let executive: string;
  let otherExecutive: string;
  let admin: string;
  let ids: Record<string, string>;
  let plan: IncentivePlan;
  let v1: PlanVersion;

  const rules = (quotaWeight = '50', revenueWeight = '10', cxWeight = '40'): PlanRules => ({
    components: [
      {
        key: 'quota',
        label: 'Quota attainment',
        metric: 'quota_attainment',
        scope: 'OWN_UNIT',
        weight: quotaWeight,
        curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
        cap: '200',
      },
      {
        key: 'revenue',
        label: 'Revenue',
        metric: 'revenue',
        scope: 'OWN_UNIT',
        weight: revenueWeight,
        curve: { source: 'TARGETS', payouts: ['50', '100', '150'] },
        cap: null,
      },
      {
        key: 'cx',
        label: 'CX index',
        metric: 'cx_index',
        scope: 'COMPANY',
        weight: cxWeight,
        curve: {
          source: 'POINTS',
          points: [
            { value: '50', payout: '50' },
            { value: '100', payout: '100' },
            { value: '150', payout: '200' },
          ],
        },
        cap: null,
      },
    ],
    gates: [
      { key: 'cx_gate', label: 'CX gate', input: 'cx', level: null, components: ['quota'], maxPayout: '100' },
    ],
    multiplier: null,
    planCap: '200',
  });
  const participants = (): PlanParticipantInput[] => [
    {
      user: 'vp.sales@example.com',
      orgUnit: 'sales',
      annualTargetBonus: '30000.00',
      startDate: '2026-10-01',
    },
    {
      user: 'lena.fischer@example.com',
      orgUnit: 'key-accounts',
      annualTargetBonus: 12000,
      startDate: '2026-10-01',
      endDate: '2027-03-31',
    },
    // a transfer: the same person in another unit from the day after
    {
      user: 'lena.fischer@example.com',
      orgUnit: 'sales',
      annualTargetBonus: '14000.5',
      startDate: '2027-04-01',
      endDate: null,
    },
    {
      user: 'approver@example.com',
      orgUnit: 'key-accounts',
      annualTargetBonus: '5000',
      startDate: '2026-10-01',
    },
  ];

  const version = (id: string, token = hr) => t.http.get(`/api/v1/plan-versions/${id}`).set(...bearer(token));
  const patch = (id: string, body: object, ifMatch?: string | null, token = hr) => {
    const call = t.http.patch(`/api/v1/plan-versions/${id}`).set(...bearer(token));
    if (ifMatch) call.set('If-Match', ifMatch);
    return call.send(body);
  };
  const putParticipants = (id: string, list: object[], ifMatch: string) =>
    t.http
      .put(`/api/v1/plan-versions/${id}/participants`)
      .set(...bearer(hr))
      .set('If-Match', ifMatch)
      .send({ participants: list });
  const importCsv = (id: string, csv: string, ifMatch: string) =>
    t.http
      .post(`/api/v1/plan-versions/${id}/participants/imports`)
      .set(...bearer(hr))
      .set('If-Match', ifMatch)
      .attach('file', Buffer.from(csv, 'utf8'), 'participants.csv');
  const step = (
    id: string,
    action: 'submit' | 'approve' | 'reject' | 'publish',
    token: string,
    body: object = {},
  ) =>
    t.http
      .post(`/api/v1/plan-versions/${id}/${action}`)
      .set(...bearer(token))
      .send(body);
  const newVersion = async (body: object, planId = plan.id): Promise<PlanVersion> =>
    (
      await t.http
        .post(`/api/v1/plans/${planId}/versions`)
        .set(...bearer(hr))
        .send(body)
        .expect(201)
    ).body;
  /** A draft with rules and participants, ready to submit; returns it as last read. */
  const readyDraft = async (
    list: object[] = participants(),
    effectiveFrom = 'FY2027-Q2',
  ): Promise<PlanVersion> => {
    const created = await newVersion({ effectiveFrom });
    await patch(created.id, { rules: rules() }, '"1"').expect(200);
    return (await putParticipants(created.id, list, '"2"').expect(200)).body;
  };
  const auditOf = (entityId: string) =>
    t.sql<{
      action: string;
      actor_email: string;
      before: unknown;
      after: Record<string, unknown>;
      reason: string | null;
      pay_data: boolean;
    }>(
      `SELECT action, actor_email, before, after, reason, pay_data FROM audit_entries WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    const users = await t.sql<{ email: string; id: string }>('SELECT email, id FROM users');
    ids = Object.fromEntries(users.map((user) => [user.email, user.id]));
    const units = await t.sql<{ key: string; id: string }>('SELECT key, id FROM org_units');
    const unit = Object.fromEntries(units.map((row) => [row.key, row.id]));
    await t.sql(
      `INSERT INTO targets (metric_key, org_unit_id, period, threshold, target, stretch) VALUES
         ('quota_attainment', $1, 'FY2027', 85, 100, 115),
         ('quota_attainment', $1, 'FY2027-Q3', 88, 100, 118),
         ('revenue', $1, 'FY2027', 200, 240, 260)
       ON CONFLICT (metric_key, org_unit_id, period) DO UPDATE
         SET threshold = EXCLUDED.threshold, target = EXCLUDED.target, stretch = EXCLUDED.stretch`,
      [unit['key-accounts']],
    );
    [admin, approver, executive, otherExecutive] = await Promise.all(
      ['admin@example.com', 'approver@example.com', 'vp.sales@example.com', 'vp.marketing@example.com'].map(
        (email) => t.tokenFor(email),
      ),
    );
    // HR also approves here, through the users API, to prove the author never approves their own version
    await t.http
      .patch(`/api/v1/users/${ids['hr@example.com']}`)
      .set(...bearer(admin))
      .send({ roles: ['HR', 'APPROVER', 'MEMBER'] })
      .expect(200);
    hr = await t.tokenFor('hr@example.com');
    secondApprover = (await t.userWithRoles(['APPROVER'])).token;
  });
  afterAll(() => t.close());

  describe('plans and drafts', () => {
    it('creates a plan (201) and refuses a second plan with its key (409)', async () => {
      const res = await t.http
        .post('/api/v1/plans')
        .set(...bearer(hr))
        .send({
          key: 'sales-incentive-test',
          name: 'Sales incentive (test)',
          description: 'Quota, revenue and CX.',
        })
        .expect(201);
      plan = res.body;
      expect(plan).toMatchObject({
        key: 'sales-incentive-test',
        name: 'Sales incentive (test)',
        versions: [],
      });
      const again = await t.http
        .post('/api/v1/plans')
        .set(...bearer(hr))
        .send({ key: 'sales-incentive-test', name: 'Again' })
        .expect(409);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.body.detail).toMatch(/already exists/);
      const bad = await t.http
        .post('/api/v1/plans')
        .set(...bearer(hr))
        .send({ key: 'Sales Plan', name: 'x' })
        .expect(400);
      expect(bad.body.detail).toMatch(/^key must be lower-case letters/);
    });

    it('creates version 1 as a draft authored by the caller, with its ETag', async () => {
      const res = await t.http
        .post(`/api/v1/plans/${plan.id}/versions`)
        .set(...bearer(hr))
        .send({ effectiveFrom: 'FY2027-Q2' })
        .expect(201);
      v1 = res.body;
      expect(res.headers['etag']).toBe('"1"');
      expect(v1).toMatchObject({
        planId: plan.id,
        number: 1,
        status: 'DRAFT',
        effectiveFrom: 'FY2027-Q2',
        revision: 1,
        author: { id: ids['hr@example.com'] },
        rules: { components: [], gates: [], multiplier: null, planCap: null },
        participants: [],
        rejection: null,
        frozenAt: null,
      });
      const read = await version(v1.id).expect(200);
      expect(read.headers['etag']).toBe('"1"');
    });

    it('refuses an effective-from that is not a quarter, and path ids that are not UUIDs', async () => {
      const res = await t.http
        .post(`/api/v1/plans/${plan.id}/versions`)
        .set(...bearer(hr))
        .send({ effectiveFrom: 'FY2027' })
        .expect(400);
      expect(res.body.detail).toMatch(/effectiveFrom must be a fiscal quarter such as FY2027-Q1/);
      expect((await version('not-a-uuid').expect(400)).body.detail).toBe(
        'The plan version id must be a UUID: GET /api/v1/plans lists the plans with their versions.',
      );
      expect(
        (
          await t.http
            .get('/api/v1/plans/42')
            .set(...bearer(hr))
            .expect(400)
        ).body.detail,
      ).toMatch(/^The plan id must be a UUID/);
    });

    it('refuses rules whose weights add up to 95 % with the sentence (422), and saves them at 100 %', async () => {
      const refused = await patch(v1.id, { rules: rules('45') }, '"1"').expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toContain('The weights add up to 95 %; they must add up to exactly 100 %.');
      expect(refused.body.detail).toMatch(
        /^The rules were not saved \(1 problem\): The weights add up to 95 %/,
      );
      expect((await version(v1.id).expect(200)).body.revision).toBe(1);

      const saved = await patch(v1.id, { rules: rules(), notes: 'First draft.' }, '"1"').expect(200);
      expect(saved.headers['etag']).toBe('"2"');
      expect(saved.body).toMatchObject({ revision: 2, notes: 'First draft.', rules: rules() });
    });

    it('refuses rules of the wrong JSON shape before reading them (400)', async () => {
      const wrongCurve = rules();
      (wrongCurve.components[0] as unknown as { curve: object }).curve = { source: 'SPLINE', points: [] };
      const res = await patch(v1.id, { rules: wrongCurve }, '"2"').expect(400);
      expect(res.body.errors.join(' ')).toMatch(/source must be POINTS .* or TARGETS/);
      const noPayouts = rules();
      (noPayouts.components[0] as unknown as { curve: object }).curve = {
        source: 'TARGETS',
        payouts: ['50', '100'],
      };
      expect((await patch(v1.id, { rules: noPayouts }, '"2"').expect(400)).body.detail).toMatch(
        /payouts must be three payout percentages/,
      );
      const notDecimal = rules();
      notDecimal.components[1].weight = 'ten';
      expect((await patch(v1.id, { rules: notDecimal }, '"2"').expect(400)).body.detail).toMatch(
        /components\[1\]\.weight "ten" is not a decimal number/,
      );
      expect(
        (await patch(v1.id, { rules: { ...rules(), extra: true } }, '"2"').expect(400)).body.detail,
      ).toMatch(/extra should not exist/);
    });

    it('needs If-Match on a write to a draft: 428 without it, 412 when someone changed it since', async () => {
      const missing = await patch(v1.id, { notes: 'No tag.' }).expect(428);
      expect(missing.body.title).toBe('Precondition required');
      expect(missing.body.detail).toMatch(/needs an If-Match header with the version's ETag/);
      const stale = await patch(v1.id, { notes: 'Old tag.' }, '"1"').expect(412);
      expect(stale.body.detail).toBe(
        'This version was changed by someone else (now revision 2); reload it and apply your change again.',
      );
      await putParticipants(v1.id, participants(), '"1"').expect(412);
      expect((await version(v1.id).expect(200)).body).toMatchObject({ revision: 2, notes: 'First draft.' });
    });

    it('lets exactly one of two concurrent writes with the same revision win', async () => {
      const [a, b] = await Promise.all([
        patch(v1.id, { notes: 'Writer A.' }, '"2"'),
        patch(v1.id, { notes: 'Writer B.' }, '"2"'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? 'Writer A.' : 'Writer B.';
      expect((await version(v1.id).expect(200)).body).toMatchObject({ revision: 3, notes: winner });
    });

    it('refuses participants with unknown people or units, bad amounts, bad dates and overlapping transfers, storing none', async () => {
      const res = await putParticipants(
        v1.id,
        [
          {
            user: 'nobody@example.com',
            orgUnit: 'sales',
            annualTargetBonus: '1000',
            startDate: '2026-10-01',
          },
          {
            user: 'vp.sales@example.com',
            orgUnit: 'no-such-unit',
            annualTargetBonus: '12.345',
            startDate: '2026-10-01',
          },
          {
            user: 'lena.fischer@example.com',
            orgUnit: 'sales',
            annualTargetBonus: '-5',
            startDate: '2027-02-30',
          },
          {
            user: 'omar.haddad@example.com',
            orgUnit: 'sales',
            annualTargetBonus: '1000',
            startDate: '2027-01-01',
            endDate: '2026-12-31',
          },
          {
            user: 'ines.costa@example.com',
            orgUnit: 'service',
            annualTargetBonus: '1000',
            startDate: '2026-10-01',
            endDate: '2027-06-30',
          },
          {
            user: 'Ines.Costa@example.com',
            orgUnit: 'field-service',
            annualTargetBonus: '1000',
            startDate: '2027-06-30',
          },
        ],
        '"3"',
      ).expect(400);
      expect(res.body.errors).toEqual([
        'participants[0]: user "nobody@example.com" is not the e-mail address of a user',
        expect.stringMatching(
          /^participants\[1\]: orgUnit "no-such-unit" is not an org unit key .*; annualTargetBonus must be an amount of 0 or more .* not 12\.345$/,
        ),
        expect.stringMatching(
          /^participants\[2\]: annualTargetBonus must be an amount of 0 or more .*; startDate "2027-02-30" is not an ISO date/,
        ),
        'participants[3]: endDate 2026-12-31 is before startDate 2027-01-01',
        expect.stringMatching(
          /^participants\[5\]: ines\.costa@example\.com is already in the plan from 2026-10-01 to 2027-06-30 \(participants\[4\]\): .* must not overlap/,
        ),
      ]);
      expect((await version(v1.id).expect(200)).body).toMatchObject({ revision: 3, participants: [] });
    });

    it('replaces the participants, a transfer included, and counts people once', async () => {
      const res = await putParticipants(v1.id, participants(), '"3"').expect(200);
      expect(res.headers['etag']).toBe('"4"');
      const saved: PlanVersion = res.body;
      expect(saved.participantCount).toBe(3);
      expect(saved.participants).toEqual([
        expect.objectContaining({
          user: expect.objectContaining({ email: 'approver@example.com' }),
          annualTargetBonus: '5000.00',
          endDate: null,
        }),
        expect.objectContaining({
          user: expect.objectContaining({ email: 'lena.fischer@example.com' }),
          orgUnit: { key: 'key-accounts', name: 'Key Accounts' },
          annualTargetBonus: '12000.00',
          startDate: '2026-10-01',
          endDate: '2027-03-31',
        }),
        expect.objectContaining({
          orgUnit: { key: 'sales', name: 'Sales' },
          annualTargetBonus: '14000.50',
          startDate: '2027-04-01',
        }),
        expect.objectContaining({
          user: expect.objectContaining({ name: 'Victor Salas' }),
          annualTargetBonus: '30000.00',
        }),
      ]);
    });

    it('refuses a CSV import with two bad lines as a whole, naming lines 3 and 5 (422), and writes nothing', async () => {
      const csv = [
        'email,org_unit,annual_target_bonus,start_date,end_date',
        'vp.sales@example.com,sales,31000,2026-10-01,',
        'nobody@example.com,sales,1000,2026-10-01,',
        'lena.fischer@example.com,key-accounts,12000,2026-10-01,2027-03-31',
        'approver@example.com,key-accounts,12.345,2026-10-01,',
        'omar.haddad@example.com,regional-sales,9000,2027-01-01,',
      ].join('\n');
      const res = await importCsv(v1.id, csv, '"4"').expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { line: 3, message: 'email "nobody@example.com" is not the e-mail address of a user' },
        {
          line: 5,
          message: expect.stringMatching(
            /^annual_target_bonus must be an amount of 0 or more .* not 12\.345$/,
          ),
        },
      ]);
      expect(res.body.detail).toMatch(
        /^2 of 5 lines of participants\.csv are not valid, so no participant was stored: line 3: /,
      );
      const after: PlanVersion = (await version(v1.id).expect(200)).body;
      expect(after.revision).toBe(4);
      expect(after.participants.map((row) => row.annualTargetBonus)).toEqual([
        '5000.00',
        '12000.00',
        '14000.50',
        '30000.00',
      ]);
    });

    it('replaces the participants from a valid CSV, columns in any order', async () => {
      const csv = [
        'start_date,email,org_unit,annual_target_bonus,end_date',
        '2026-10-01,vp.sales@example.com,sales,30000,',
        '2026-10-01,lena.fischer@example.com,key-accounts,12000,2027-03-31',
        '2027-04-01,lena.fischer@example.com,sales,14000.50,',
        '2026-10-01,approver@example.com,key-accounts,5000,',
      ].join('\r\n');
      const res = await importCsv(v1.id, csv, '"4"').expect(200);
      expect(res.body).toMatchObject({ revision: 5, participantCount: 3 });
      expect(res.headers['etag']).toBe('"5"');
    });
  });

  describe('review', () => {
    it('refuses to approve a draft (409) and lets no executive approve (403 by role)', async () => {
      const draft = await step(v1.id, 'approve', secondApprover).expect(409);
      expect(draft.body.detail).toBe(
        'Version 1 is a DRAFT: only a version in review can be approved; HR submits it first.',
      );
      const byRole = await step(v1.id, 'approve', executive).expect(403);
      expect(byRole.body.detail).toMatch(/^This needs the role Approver/);
    });

    it('refuses to submit a draft without participants, with the reason (422)', async () => {
      const empty = await newVersion({ effectiveFrom: 'FY2027-Q3' });
      const res = await step(empty.id, 'submit', hr).expect(422);
      expect(res.body.errors).toEqual([
        'A plan needs at least one component.',
        'The version has no participants: add them (or import a CSV) before submitting.',
      ]);
      await t.http
        .delete(`/api/v1/plan-versions/${empty.id}`)
        .set(...bearer(hr))
        .expect(204);
      await version(empty.id).expect(404);
    });

    it('submits a draft for review, after which it is no longer edited (409) nor published (409)', async () => {
      const res = await step(v1.id, 'submit', hr).expect(200);
      expect(res.body).toMatchObject({ status: 'IN_REVIEW', revision: 6 });
      expect(res.body.submittedAt).toEqual(expect.any(String));
      expect(res.headers['etag']).toBe('"6"');
      const edit = await patch(v1.id, { notes: 'Late change.' }, '"6"').expect(409);
      expect(edit.body.detail).toBe(
        'Version 1 is IN_REVIEW: only drafts can be edited; create a new version instead.',
      );
      const publish = await step(v1.id, 'publish', hr).expect(409);
      expect(publish.body.detail).toMatch(
        /^Version 1 is IN_REVIEW: only an approved version can be published/,
      );
      await step(v1.id, 'submit', hr).expect(409);
    });

    it('refuses the approver who wrote the version', async () => {
      const res = await step(v1.id, 'approve', hr).expect(403);
      expect(res.body.detail).toBe('You wrote this version: another approver must approve it.');
    });

    it('refuses an approver who is a participant of the version', async () => {
      const res = await step(v1.id, 'approve', approver).expect(403);
      expect(res.body.detail).toBe(
        'You are a participant of this version, so you cannot approve your own pay.',
      );
      await step(v1.id, 'reject', approver, { reason: 'I would rather not.' }).expect(403);
    });

    it('rejects with a reason required, back to draft, and keeps the rejection', async () => {
      const noReason = await step(v1.id, 'reject', secondApprover, {}).expect(400);
      expect(noReason.body.detail).toMatch(/reason must say why the version is rejected/);
      const res = await step(v1.id, 'reject', secondApprover, {
        reason: 'The revenue payouts stop at 150 %: say why in the notes.',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'DRAFT',
        submittedAt: null,
        rejection: {
          reason: 'The revenue payouts stop at 150 %: say why in the notes.',
          by: { name: expect.stringMatching(/^Test APPROVER/) },
        },
      });
      const edited = await patch(
        v1.id,
        { notes: 'Revenue pays at most 150 %: it is a secondary goal.' },
        `"${res.body.revision}"`,
      ).expect(200);
      expect(edited.body.rejection.reason).toBe('The revenue payouts stop at 150 %: say why in the notes.');
      await step(v1.id, 'submit', hr).expect(200);
    });

    it('lets another approver approve, freezing the bands the version reads', async () => {
      const res = await step(v1.id, 'approve', secondApprover).expect(200);
      expect(res.body).toMatchObject({
        status: 'APPROVED',
        approvedBy: { name: expect.stringMatching(/^Test APPROVER/) },
      });
      expect(res.body.frozenAt).toEqual(expect.any(String));
      const [{ frozen }] = await t.sql<{ frozen: FrozenInputs }>(
        'SELECT frozen FROM plan_versions WHERE id = $1',
        [v1.id],
      );
      const band = (metric: string, orgUnit: string, period: string) =>
        frozen.bands.find((row) => row.metric === metric && row.orgUnit === orgUnit && row.period === period);
      // a phased quarter, else the year's band
      expect(band('quota_attainment', 'key-accounts', 'FY2027-Q2')).toMatchObject({
        threshold: '85',
        target: '100',
        stretch: '115',
      });
      expect(band('quota_attainment', 'key-accounts', 'FY2027-Q3')).toMatchObject({
        threshold: '88',
        target: '100',
        stretch: '118',
      });
      expect(band('quota_attainment', 'sales', 'FY2027-Q4')).toMatchObject({
        threshold: '90',
        target: '100',
        stretch: '120',
      });
      // a sum metric's year split evenly per quarter
      expect(band('revenue', 'key-accounts', 'FY2027-Q3')).toMatchObject({
        threshold: '50',
        target: '60',
        stretch: '65',
      });
      // the gate's input at the company, and the CX metrics behind the index with the weights in force
      expect(band('cx_index', 'company', 'FY2027-Q2')).toBeDefined();
      expect(band('nps', 'company', 'FY2027-Q4')).toBeDefined();
      expect(band('quota_attainment', 'key-accounts', 'FY2027-Q1')).toBeUndefined();
      expect(frozen.cxIndexWeights).toEqual(
        expect.arrayContaining([{ orgUnit: null, metric: 'nps', weight: expect.any(String) }]),
      );
      await step(v1.id, 'approve', secondApprover).expect(409);
    });

    it('refuses approval listing every band a TARGETS curve lacks (409), and approves nothing', async () => {
      const draft = await readyDraft([
        {
          user: 'omar.haddad@example.com',
          orgUnit: 'regional-sales',
          annualTargetBonus: '9000',
          startDate: '2026-10-01',
        },
      ]);
      await step(draft.id, 'submit', hr).expect(200);
      const res = await step(draft.id, 'approve', secondApprover).expect(409);
      expect(res.body.errors).toEqual([
        'Quota attainment has no target for Regional Sales in FY2027-Q2, FY2027-Q3 and FY2027-Q4; set it before approving.',
        'Revenue has no target for Regional Sales in FY2027-Q2, FY2027-Q3 and FY2027-Q4; set it before approving.',
      ]);
      expect((await version(draft.id).expect(200)).body).toMatchObject({
        status: 'IN_REVIEW',
        frozenAt: null,
      });
    });

    it('lets HR publish an approved version, which then never changes (409)', async () => {
      await step(v1.id, 'publish', secondApprover).expect(403);
      const res = await step(v1.id, 'publish', hr).expect(200);
      expect(res.body).toMatchObject({ status: 'PUBLISHED', publishedBy: { id: ids['hr@example.com'] } });
      const etag = res.headers['etag'] as string;
      const edit = await patch(v1.id, { rules: rules() }, etag).expect(409);
      expect(edit.body.detail).toBe(
        'Version 1 is PUBLISHED: only drafts can be edited; create a new version instead.',
      );
      await putParticipants(v1.id, participants(), etag).expect(409);
      await importCsv(
        v1.id,
        'email,org_unit,annual_target_bonus,start_date\nvp.sales@example.com,sales,1,2026-10-01',
        etag,
      ).expect(409);
      await t.http
        .delete(`/api/v1/plan-versions/${v1.id}`)
        .set(...bearer(hr))
        .expect(409);
      await step(v1.id, 'publish', hr).expect(409);
      await step(v1.id, 'reject', secondApprover, { reason: 'Too late for that.' }).expect(409);
    });

    it('refuses to publish when a statement period at or after the effective-from is closed', async () => {
      const draft = await readyDraft(participants().slice(0, 1), 'FY2027-Q3');
      await step(draft.id, 'submit', hr).expect(200);
      await step(draft.id, 'approve', secondApprover).expect(200);
      await t.sql(
        `INSERT INTO statement_periods (period, status, closed_by) VALUES ('FY2027-Q3', 'CLOSED', $1)`,
        [ids['hr@example.com']],
      );
      try {
        const res = await step(draft.id, 'publish', hr).expect(409);
        expect(res.body.detail).toBe('FY2027-Q3 is closed: publish with a later effective-from.');
        expect((await version(draft.id).expect(200)).body.status).toBe('APPROVED');
      } finally {
        await t.sql(`DELETE FROM statement_periods WHERE period = 'FY2027-Q3'`);
      }
    });
  });

  describe('reading, diffs and acknowledgements', () => {
    let v2: PlanVersion;

    it('lists the plans with their versions, and reads one plan', async () => {
      const list: IncentivePlan[] = (
        await t.http
          .get('/api/v1/plans')
          .set(...bearer(approver))
          .expect(200)
      ).body;
      const mine = list.find((item) => item.id === plan.id);
      expect(mine?.versions.map((summary) => [summary.number, summary.status])).toEqual([
        [1, 'PUBLISHED'],
        // the deleted draft's number 2 went to the next version
        [2, 'IN_REVIEW'],
        [3, 'APPROVED'],
      ]);
      expect(mine?.versions[0]).toMatchObject({
        planName: 'Sales incentive (test)',
        effectiveFrom: 'FY2027-Q2',
        participantCount: 3,
      });
      const one: IncentivePlan = (
        await t.http
          .get(`/api/v1/plans/${plan.id}`)
          .set(...bearer(hr))
          .expect(200)
      ).body;
      expect(one.versions).toHaveLength(3);
      await t.http
        .get('/api/v1/plans')
        .set(...bearer(executive))
        .expect(403);
    });

    it('copies rules and participants into a new version based on another, numbered next', async () => {
      v2 = await newVersion({ effectiveFrom: 'FY2027-Q3', basedOn: v1.id });
      expect(v2).toMatchObject({
        number: 4,
        status: 'DRAFT',
        revision: 1,
        participantCount: 3,
        rules: rules(),
      });
      const otherPlan: IncentivePlan = (
        await t.http
          .post('/api/v1/plans')
          .set(...bearer(hr))
          .send({ key: 'other-plan-test', name: 'Other' })
          .expect(201)
      ).body;
      const res = await t.http
        .post(`/api/v1/plans/${otherPlan.id}/versions`)
        .set(...bearer(hr))
        .send({ effectiveFrom: 'FY2027-Q3', basedOn: v1.id })
        .expect(400);
      expect(res.body.detail).toMatch(/^basedOn must be a version of this plan/);
    });

    it('lists a changed weight and a changed target bonus against the version it was based on', async () => {
      await patch(v2.id, { rules: rules('40', '20') }, '"1"').expect(200);
      const list = participants().map((row) =>
        row.user === 'vp.sales@example.com' ? { ...row, annualTargetBonus: '32000' } : row,
      );
      await putParticipants(v2.id, list, '"2"').expect(200);
      const diff: PlanVersionDiff = (
        await t.http
          .get(`/api/v1/plan-versions/${v2.id}/diff`)
          .set(...bearer(approver))
          .expect(200)
      ).body;
      expect(diff.from).toEqual({ id: v1.id, number: 1 });
      expect(diff.to).toEqual({ id: v2.id, number: 4 });
      expect(diff.changes).toEqual([
        { path: 'effectiveFrom', kind: 'CHANGED', before: 'FY2027-Q2', after: 'FY2027-Q3' },
        { path: 'components.quota.weight', kind: 'CHANGED', before: '50 %', after: '40 %' },
        { path: 'components.revenue.weight', kind: 'CHANGED', before: '10 %', after: '20 %' },
        {
          path: 'participants.vp.sales@example.com.annualTargetBonus',
          kind: 'CHANGED',
          before: '30000.00',
          after: '32000.00',
        },
      ]);
      const reverse: PlanVersionDiff = (
        await t.http
          .get(`/api/v1/plan-versions/${v1.id}/diff`)
          .query({ against: v2.id })
          .set(...bearer(hr))
          .expect(200)
      ).body;
      expect(reverse.changes).toHaveLength(4);
      await t.http
        .get(`/api/v1/plan-versions/${v1.id}/diff`)
        .query({ against: 'x' })
        .set(...bearer(hr))
        .expect(400);
    });

    it('lets an executive read a published version they are in (their own row only), not a draft nor one they are not in', async () => {
      const res = await version(v1.id, executive).expect(200);
      expect(res.body.status).toBe('PUBLISHED');
      expect(res.body.participants).toEqual([
        expect.objectContaining({ user: expect.objectContaining({ email: 'vp.sales@example.com' }) }),
      ]);
      const notIn = await version(v1.id, otherExecutive).expect(403);
      expect(notIn.body.detail).toMatch(/^You are not a participant of version 1/);
      const draft = await version(v2.id, executive).expect(403);
      expect(draft.body.detail).toMatch(/^Version 4 is not published yet/);
    });

    it('records a participant’s acknowledgement once, answering the first date again', async () => {
      const first = await t.http
        .post(`/api/v1/plan-versions/${v1.id}/acknowledge`)
        .set(...bearer(executive))
        .expect(200);
      expect(first.body.acknowledgedAt).toEqual(expect.any(String));
      const again = await t.http
        .post(`/api/v1/plan-versions/${v1.id}/acknowledge`)
        .set(...bearer(executive))
        .expect(200);
      expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
      await t.http
        .post(`/api/v1/plan-versions/${v1.id}/acknowledge`)
        .set(...bearer(otherExecutive))
        .expect(403);
      await t.http
        .post(`/api/v1/plan-versions/${v2.id}/acknowledge`)
        .set(...bearer(executive))
        .expect(409);
      const read: PlanVersion = (await version(v1.id).expect(200)).body;
      expect(read.acknowledgements).toEqual([
        { user: { id: ids['vp.sales@example.com'], name: 'Victor Salas' }, at: first.body.acknowledgedAt },
      ]);
    });
  });

  describe('the audit log', () => {
    it('records every write of the plan and its version in order, participants as pay data', async () => {
      const planEntries = await auditOf(plan.id);
      expect(planEntries.map((entry) => [entry.action, entry.actor_email])).toEqual([
        ['incentive-plan.create', 'hr@example.com'],
      ]);
      const entries = await auditOf(v1.id);
      expect(entries.map((entry) => entry.action)).toEqual([
        'plan-version.create',
        'plan-version.update', // rules at 100 %
        'plan-version.update', // the concurrent winner
        'plan-version.participants.replace',
        'plan-version.participants.import',
        'plan-version.submit',
        'plan-version.reject',
        'plan-version.update',
        'plan-version.submit',
        'plan-version.approve',
        'plan-version.publish',
        'plan-version.acknowledge',
      ]);
      const reject = entries[6];
      expect(reject.reason).toBe('The revenue payouts stop at 150 %: say why in the notes.');
      expect(reject.before).toMatchObject({ status: 'IN_REVIEW' });
      expect(reject.after).toMatchObject({ status: 'DRAFT' });
      const replaced = entries[3];
      expect(replaced.pay_data).toBe(true);
      expect(replaced.after['participants']).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ email: 'vp.sales@example.com', annualTargetBonus: '30000.00' }),
        ]),
      );
      expect(entries[1].pay_data).toBe(false);
      expect(entries[1].after).toMatchObject({ revision: 2, rules: rules() });
      // pay data stays out of an administrator's view of the log
      const adminView = (
        await t.http
          .get('/api/v1/audit')
          .query({ entityId: v1.id, pageSize: 50 })
          .set(...bearer(admin))
          .expect(200)
      ).body;
      expect(adminView.items.map((entry: { action: string }) => entry.action)).not.toContain(
        'plan-version.participants.replace',
      );
    });
  });
});
