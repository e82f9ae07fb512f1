import type {
  CompanyScorecard,
  CxInvestment,
  CxInvestmentBudget,
  CxInvestmentInput,
  Page,
  ScorecardRow,
  UnitScorecard,
} from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * CX investments through the real app and PostgreSQL. The demo's investments are in FY2026, so
 * these live in FY2030 (2029-10 … 2030-09 with the demo's October start). The scorecard fixture
 * is FY2030-Q1 of Sales and the company:
 * - Sales' gross margin 4,000 / 10,000, 4,500 / 10,000 and 3,500 / 10,000 in October to December
 *   (40 %), with approved costs of 600 at Key Accounts (November) and 300 at Sales (December):
 *   adjusted margin (12,000 + 900) ÷ 30,000 = 43 %; November alone (4,500 + 600) ÷ 10,000 = 51 %;
 * - the company's gross margin 10,000 / 25,000 a month (40 %), plus 150 at Field Service
 *   (October): (30,000 + 1,050) ÷ 75,000 = 41.4 %;
 * - Sales' quota attainment 900, 950 and 1,000 of 1,000 (95 %), with 180 of quota relief at Key
 *   Accounts (December): (2,850 + 180) ÷ 3,000 = 101 %;
 * - a proposed cost, one awaiting the approver and a rejected relief in the quarter, which count
 *   for nothing. Other quarters of FY2030 hold the approval flows.
 */
describe('CX investments', () => {
  let t: TestApp;
  let cx: string;
  let approver: string;
  let member: string;
  let noah: string;
  let lena: string;
  let jan: string;
  let ines: string;
  let vpSales: string;
  let ceo: string;
  let ids: Record<string, string>;

  const propose = (body: object, token = noah) =>
    t.http
      .post('/api/v1/cx-investments')
      .set(...bearer(token))
      .send(body);
  const proposed = async (body: Partial<CxInvestmentInput>, token = noah): Promise<CxInvestment> =>
    (
      await propose(
        { kind: 'cost', orgUnit: 'key-accounts', reason: 'Extra on-site support for the customer.', ...body },
        token,
      ).expect(201)
    ).body;
  const decide = (id: string, body: object, token = cx) =>
    t.http
      .post(`/api/v1/cx-investments/${id}/decision`)
      .set(...bearer(token))
      .send(body);
  const approved = async (body: Partial<CxInvestmentInput>, proposer = noah): Promise<CxInvestment> => {
    const created = await proposed(body, proposer);
    const first = (await decide(created.id, { approve: true }).expect(200)).body as CxInvestment;
    if (first.status === 'approved') return first;
    return (await decide(created.id, { approve: true }, approver).expect(200)).body;
  };
  const withdraw = (id: string, token = noah) =>
    t.http
      .post(`/api/v1/cx-investments/${id}/withdraw`)
      .set(...bearer(token))
      .send({});
  const list = async (query: object): Promise<Page<CxInvestment>> =>
    (
      await t.http
        .get('/api/v1/cx-investments')
        .query(query)
        .set(...bearer(member))
        .expect(200)
    ).body;
  const budget = async (orgUnit: string, quarter: string): Promise<CxInvestmentBudget> =>
    (
      await t.http
        .get('/api/v1/cx-investments/budget')
        .query({ orgUnit, quarter })
        .set(...bearer(member))
        .expect(200)
    ).body;
  const auditOf = (id: string) =>
    t.sql<{
      action: string;
      actor_email: string;
      before: unknown;
      after: Record<string, unknown>;
      reason: string | null;
    }>(
      `SELECT action, actor_email, before, after, reason FROM audit_entries WHERE entity_type = 'cx-investment' AND entity_id = $1 ORDER BY id`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp();
    // the CEO office approves, and the head of Sales also acts as a CX lead here: both lead units above Key Accounts
    await t.sql(`UPDATE users SET roles = roles || '{APPROVER}' WHERE email = 'ceo@example.com'`);
    await t.sql(`UPDATE users SET roles = roles || '{CX_LEAD}' WHERE email = 'vp.sales@example.com'`);
    [cx, approver, member, noah, lena, jan, ines, vpSales, ceo] = await Promise.all(
      [
        'cx@example.com',
        'approver@example.com',
        'member@example.com',
        'noah.berger@example.com',
        'lena.fischer@example.com',
        'jan.devries@example.com',
        'ines.costa@example.com',
        'vp.sales@example.com',
        'ceo@example.com',
      ].map((email) => t.tokenFor(email)),
    );
    const users = await t.sql<{ email: string; id: string }>('SELECT email, id FROM users');
    ids = Object.fromEntries(users.map((user) => [user.email, user.id]));
  });
  afterAll(() => t.close());

  describe('proposals', () => {
    it('lets a member of the unit propose: 201, proposed, with an audit entry', async () => {
      const res = await propose({
        kind: 'cost',
        orgUnit: 'key-accounts',
        period: '2030-01',
        amount: '1250.50',
        account: 'Taiwan Foundry Co.',
        reason: 'A loaner module while theirs is repaired.',
        link: 'ESC-2030-0001',
      }).expect(201);
      const created: CxInvestment = res.body;
      expect(created).toEqual({
        id: expect.any(String),
        kind: 'cost',
        orgUnit: 'key-accounts',
        orgUnitName: 'Key Accounts',
        period: '2030-01',
        amount: '1250.50',
        account: 'Taiwan Foundry Co.',
        reason: 'A loaner module while theirs is repaired.',
        link: 'ESC-2030-0001',
        status: 'proposed',
        proposedBy: { id: ids['noah.berger@example.com'], name: 'Noah Berger' },
        proposedAt: expect.any(String),
        decisions: [],
        needsSecondApproval: false,
      });
      const [entry] = await auditOf(created.id);
      expect(entry).toMatchObject({
        action: 'cx-investment.propose',
        actor_email: 'noah.berger@example.com',
        after: { status: 'proposed', amount: '1250.50' },
      });
      expect(
        (
          await t.http
            .get(`/api/v1/cx-investments/${created.id}`)
            .set(...bearer(member))
            .expect(200)
        ).body,
      ).toEqual(created);
    });

    it('lets someone in a unit below, the unit’s leader and a CX lead propose, and refuses anyone else with 403 and a sentence', async () => {
      // Jan works in EMEA, below Sales
      await proposed({ orgUnit: 'sales', period: '2030-02', amount: 10 }, jan);
      await proposed({ orgUnit: 'key-accounts', period: '2030-02', amount: 10 }, cx);
      // a leader who is not in the unit
      const outsideLeader = await t.userWithRoles(['MEMBER']);
      const [{ leader }] = await t.sql<{ leader: string }>(
        `SELECT leader_id AS leader FROM org_units WHERE key = 'emea'`,
      );
      await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'emea'`, [outsideLeader.id]);
      try {
        await proposed({ orgUnit: 'emea', period: '2030-02', amount: 10 }, outsideLeader.token);
      } finally {
        await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'emea'`, [leader]);
      }
      const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM cx_investments');
      // someone elsewhere, and the head of another function
      for (const token of [member, await t.tokenFor('vp.operations@example.com')]) {
        const res = await propose(
          {
            kind: 'cost',
            orgUnit: 'key-accounts',
            period: '2030-02',
            amount: 10,
            reason: 'Extra on-site support for the customer.',
          },
          token,
        ).expect(403);
        expect(res.body.detail).toBe(
          'Only people in Key Accounts or a unit below it, its leader or a CX lead can propose a CX investment for it.',
        );
      }
      expect(await t.sql('SELECT count(*)::int AS n FROM cx_investments')).toEqual(before);
      await t.http
        .post('/api/v1/cx-investments')
        .send({
          kind: 'cost',
          orgUnit: 'key-accounts',
          period: '2030-02',
          amount: 10,
          reason: 'Extra on-site support.',
        })
        .expect(401);
    });

    it('refuses a bad proposal with sentences: unit, month, amount, reason, kind and unknown fields', async () => {
      const good = {
        kind: 'cost',
        orgUnit: 'key-accounts',
        period: '2030-02',
        amount: '100',
        reason: 'Extra on-site support for the customer.',
      };
      const problems = async (body: object) => (await propose(body).expect(400)).body;
      expect((await problems({ ...good, orgUnit: 'atlantis' })).detail).toBe(
        'orgUnit "atlantis" is not an org unit: GET /api/v1/org-units lists their keys.',
      );
      for (const period of ['FY2030-Q2', 'FY2030', '2030-13', '']) {
        expect((await problems({ ...good, period })).errors).toEqual([
          'period must be a month such as 2026-03: a CX investment adjusts the margin or quota of one month',
        ]);
      }
      const amountRule =
        'a positive amount of money with at most 12 digits before the point and 2 after, such as "12500.50"';
      expect((await problems({ ...good, amount: '0' })).errors).toEqual([
        `amount must be more than 0: ${amountRule}`,
      ]);
      expect((await problems({ ...good, amount: '-5' })).errors).toEqual([
        `amount must be ${amountRule}, not -5`,
      ]);
      expect((await problems({ ...good, amount: '12.345' })).errors).toEqual([
        `amount must be ${amountRule}, not 12.345`,
      ]);
      expect((await problems({ ...good, amount: '1234567890123' })).errors).toEqual([
        `amount must be ${amountRule}, not 1234567890123`,
      ]);
      expect((await problems({ ...good, amount: '1e5' })).errors).toEqual([`amount must be ${amountRule}`]);
      expect((await problems({ ...good, amount: undefined })).errors).toEqual([
        `amount must be ${amountRule}`,
      ]);
      expect((await problems({ ...good, reason: '  too short ' })).errors).toEqual([
        'reason must say, in 10 to 2,000 characters, what was done for the customer and why',
      ]);
      expect((await problems({ ...good, reason: 'x'.repeat(2001) })).errors).toHaveLength(1);
      expect((await problems({ ...good, kind: 'gift' })).errors).toEqual([
        'kind must be one of cost, quota_relief',
      ]);
      expect((await problems({ ...good, status: 'approved' })).errors).toEqual([
        'status: property status should not exist',
      ]);
      // the largest amount there is, and a JSON number, are fine
      expect((await propose({ ...good, amount: '999999999999.99' }).expect(201)).body.amount).toBe(
        '999999999999.99',
      );
      expect((await propose({ ...good, amount: 0.1 }).expect(201)).body.amount).toBe('0.10');
    });
  });

  describe('decisions', () => {
    it('has a CX lead approve at or below the threshold at once, audited', async () => {
      const created = await proposed({ period: '2030-02', amount: '25000.00' });
      const res = await decide(created.id, { approve: true }).expect(200);
      expect(res.body).toMatchObject({ status: 'approved', needsSecondApproval: false });
      expect(res.body.decisions).toEqual([
        {
          by: { id: ids['cx@example.com'], name: 'Chloé Xavier' },
          role: 'CX_LEAD',
          approve: true,
          reason: null,
          at: expect.any(String),
        },
      ]);
      const entries = await auditOf(created.id);
      expect(entries.map((entry) => entry.action)).toEqual([
        'cx-investment.propose',
        'cx-investment.approve',
      ]);
      expect(entries[1]).toMatchObject({
        actor_email: 'cx@example.com',
        before: { status: 'proposed' },
        after: { status: 'approved' },
      });
    });

    it('needs an approver after the CX lead above the threshold, each step by its own role', async () => {
      const created = await proposed({ period: '2030-02', amount: '25000.01' });
      expect(created.needsSecondApproval).toBe(true);
      const early = await decide(created.id, { approve: true }, approver).expect(403);
      expect(early.body.detail).toBe(
        'A CX lead decides a proposed CX investment first; an approver decides after that, when the amount is above 25,000.00.',
      );
      const first = await decide(created.id, { approve: true }).expect(200);
      expect(first.body).toMatchObject({ status: 'awaiting_second_approval', needsSecondApproval: true });
      const again = await decide(created.id, { approve: true }).expect(403);
      expect(again.body.detail).toBe(
        'This CX investment has the CX lead’s approval and now awaits an approver’s: only an APPROVER can decide it.',
      );
      const second = await decide(created.id, { approve: true }, approver).expect(200);
      expect(second.body).toMatchObject({ status: 'approved', needsSecondApproval: true });
      expect(
        second.body.decisions.map((d: { role: string; by: { name: string } }) => [d.role, d.by.name]),
      ).toEqual([
        ['CX_LEAD', 'Chloé Xavier'],
        ['APPROVER', 'Arthur Pryce'],
      ]);
      expect((await auditOf(created.id)).map((entry) => entry.action)).toEqual([
        'cx-investment.propose',
        'cx-investment.approve',
        'cx-investment.approve',
      ]);
    });

    it('never lets one person take both steps (four eyes)', async () => {
      const both = await t.userWithRoles(['CX_LEAD', 'APPROVER']);
      const created = await proposed({ period: '2030-02', amount: '30000' });
      await decide(created.id, { approve: true }, both.token).expect(200);
      const res = await decide(created.id, { approve: true }, both.token).expect(403);
      expect(res.body.detail).toBe(
        'You approved this CX investment as CX lead, so a different person must give the second approval (four eyes).',
      );
      await decide(created.id, { approve: true }, approver).expect(200);
    });

    it('never lets the proposer decide their own', async () => {
      const created = await proposed({ period: '2030-02', amount: '100' }, cx);
      const res = await decide(created.id, { approve: true }, cx).expect(403);
      expect(res.body.detail).toBe(
        'You proposed this CX investment, so someone else must decide it: a CX lead, and an approver above the threshold (four eyes).',
      );
      expect(
        (
          await t.http
            .get(`/api/v1/cx-investments/${created.id}`)
            .set(...bearer(member))
            .expect(200)
        ).body.status,
      ).toBe('proposed');
    });

    it('never lets the leader of the unit or a unit above it decide: the investment would raise their own pay', async () => {
      const created = await proposed({ period: '2030-02', amount: '30000' });
      const sales = await decide(created.id, { approve: true }, vpSales).expect(403);
      expect(sales.body.detail).toBe(
        'You lead Sales, above Key Accounts, so this CX investment would raise the margin or quota attainment your own pay is measured on: another CX lead or approver must decide it.',
      );
      await decide(created.id, { approve: true }).expect(200);
      const company = await decide(created.id, { approve: true }, ceo).expect(403);
      expect(company.body.detail).toBe(
        'You lead Helix Lithography Systems, above Key Accounts, so this CX investment would raise the margin or quota attainment your own pay is measured on: another CX lead or approver must decide it.',
      );
      // the head of Sales may still decide for a unit elsewhere
      const elsewhere = await proposed({ orgUnit: 'field-service', period: '2030-02', amount: '100' }, ines);
      await decide(elsewhere.id, { approve: true }, vpSales).expect(200);
      // and the unit's own leader is refused with the unit's name alone
      const regionalLead = await t.userWithRoles(['CX_LEAD']);
      await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'regional-sales'`, [regionalLead.id]);
      const own = await proposed(
        { orgUnit: 'regional-sales', period: '2030-02', amount: '100' },
        await t.tokenFor('omar.haddad@example.com'),
      );
      const refused = await decide(own.id, { approve: true }, regionalLead.token).expect(403);
      expect(refused.body.detail).toMatch(/^You lead Regional Sales, so this CX investment would raise/);
      await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'regional-sales'`, [
        ids['omar.haddad@example.com'],
      ]);
    });

    it('needs a reason to reject; a rejection ends the investment', async () => {
      const created = await proposed({ period: '2030-02', amount: '100' });
      const bare = await decide(created.id, { approve: false }).expect(400);
      expect(bare.body.detail).toBe(
        'reason is required when rejecting: say why, so the person who proposed it can act on it.',
      );
      await decide(created.id, { approve: false, reason: '   ' }).expect(400);
      await decide(created.id, { approve: 'no' }).expect(400);
      const res = await decide(created.id, {
        approve: false,
        reason: 'Routine support, not an investment.',
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'rejected' });
      expect(res.body.decisions[0]).toMatchObject({
        role: 'CX_LEAD',
        approve: false,
        reason: 'Routine support, not an investment.',
      });
      const entries = await auditOf(created.id);
      expect(entries[1]).toMatchObject({
        action: 'cx-investment.reject',
        reason: 'Routine support, not an investment.',
      });
      const late = await decide(created.id, { approve: true }).expect(409);
      expect(late.body.detail).toBe(
        'This CX investment is already rejected: there is nothing left to decide.',
      );
      // an approver can reject at the second step too
      const above = await proposed({ period: '2030-02', amount: '40000' });
      await decide(above.id, { approve: true }).expect(200);
      const second = await decide(
        above.id,
        { approve: false, reason: 'Above what the account is worth this year.' },
        approver,
      ).expect(200);
      expect(second.body.status).toBe('rejected');
    });

    it('refuses an approval past the unit’s quarterly cap with 409 and changes nothing; a raised cap lets it through', async () => {
      // FY2030-Q3 of Key Accounts: default cap 150,000, both kinds together
      const first = await approved({ period: '2030-04', amount: '100000.00' });
      expect(first.status).toBe('approved');
      await approved({ kind: 'quota_relief', period: '2030-06', amount: '30000.00' });
      const over = await proposed({ period: '2030-05', amount: '30000.00' });
      const auditBefore = await auditOf(over.id);
      const res = await decide(over.id, { approve: true }).expect(409);
      expect(res.body.detail).toBe(
        'Approving 30,000.00 would take Key Accounts past its cap of 150,000.00 for CX investments in FY2030-Q3: 130,000.00 is approved so far, ' +
          'so at most 20,000.00 more can be. Nothing was changed; a CX lead can raise the unit’s cap for the quarter.',
      );
      const after = (
        await t.http
          .get(`/api/v1/cx-investments/${over.id}`)
          .set(...bearer(member))
          .expect(200)
      ).body as CxInvestment;
      expect(after).toMatchObject({ status: 'proposed', decisions: [] });
      expect(await auditOf(over.id)).toEqual(auditBefore);
      expect(await budget('key-accounts', 'FY2030-Q3')).toEqual({
        orgUnit: 'key-accounts',
        quarter: 'FY2030-Q3',
        cap: '150000.00',
        approved: '130000.00',
        remaining: '20000.00',
      });

      // a unit's own cap for the quarter, set by a CX lead
      const setCap = (cap: string | null, token = cx) =>
        t.http
          .put('/api/v1/cx-investments/budget')
          .set(...bearer(token))
          .send({ orgUnit: 'key-accounts', quarter: 'FY2030-Q3', cap });
      await setCap('200000', member).expect(403);
      expect((await setCap('200000').expect(200)).body).toEqual({
        orgUnit: 'key-accounts',
        quarter: 'FY2030-Q3',
        cap: '200000.00',
        approved: '130000.00',
        remaining: '70000.00',
      });
      const [audit] = await t.sql<{ before: { cap: string }; after: { cap: string; own: boolean } }>(
        `SELECT before, after FROM audit_entries WHERE action = 'cx-investment-cap.set' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toMatchObject({ before: { cap: '150000.00' }, after: { cap: '200000.00', own: true } });
      expect((await decide(over.id, { approve: true }).expect(200)).body.status).toBe(
        'awaiting_second_approval',
      );

      // back to the default cap: the approver's step checks the cap again
      expect((await setCap(null).expect(200)).body.cap).toBe('150000.00');
      expect((await decide(over.id, { approve: true }, approver).expect(409)).body.detail).toMatch(
        /past its cap of 150,000\.00/,
      );
      expect((await budget('key-accounts', 'FY2030-Q3')).approved).toBe('130000.00');
      expect(
        (
          await t.http
            .get(`/api/v1/cx-investments/${over.id}`)
            .set(...bearer(member))
            .expect(200)
        ).body.status,
      ).toBe('awaiting_second_approval');
    });

    it('lets the proposer withdraw while not finally decided, and nobody else', async () => {
      const created = await proposed({ period: '2030-02', amount: '100' });
      const other = await withdraw(created.id, lena).expect(403);
      expect(other.body.detail).toBe('Only Noah Berger, who proposed this CX investment, can withdraw it.');
      expect((await withdraw(created.id).expect(200)).body.status).toBe('withdrawn');
      expect((await withdraw(created.id).expect(409)).body.detail).toBe(
        'This CX investment is already withdrawn: only one that is not yet decided can be withdrawn.',
      );
      expect((await decide(created.id, { approve: true }).expect(409)).body.detail).toBe(
        'This CX investment is withdrawn by the person who proposed it: there is nothing left to decide.',
      );
      const awaiting = await proposed({ period: '2030-02', amount: '50000' });
      await decide(awaiting.id, { approve: true }).expect(200);
      expect((await withdraw(awaiting.id).expect(200)).body.status).toBe('withdrawn');
      const done = await approved({ period: '2030-02', amount: '5' });
      expect((await withdraw(done.id).expect(409)).body.detail).toBe(
        'This CX investment is already approved: only one that is not yet decided can be withdrawn.',
      );
      expect((await auditOf(created.id)).map((entry) => entry.action)).toEqual([
        'cx-investment.propose',
        'cx-investment.withdraw',
      ]);
    });

    it('answers an unknown or malformed id with 404 or 400', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect(
        (
          await t.http
            .get(`/api/v1/cx-investments/${missing}`)
            .set(...bearer(member))
            .expect(404)
        ).body.detail,
      ).toBe(`There is no CX investment with the id ${missing}.`);
      await decide(missing, { approve: true }).expect(404);
      await withdraw(missing).expect(404);
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments/abc')
            .set(...bearer(member))
            .expect(400)
        ).body.detail,
      ).toBe('The CX investment id must be a UUID.');
    });
  });

  describe('lists, budgets and settings', () => {
    let listed: CxInvestment[];
    beforeAll(async () => {
      // FY2030-Q4: four investments at EMEA and Regional Sales, oldest first
      listed = [];
      listed.push(await approved({ orgUnit: 'emea', period: '2030-07', amount: '0.10' }, jan));
      listed.push(await approved({ orgUnit: 'emea', period: '2030-08', amount: '0.20' }, jan));
      listed.push(await proposed({ orgUnit: 'emea', period: '2030-08', amount: '7' }, jan));
      listed.push(
        await proposed(
          { kind: 'quota_relief', orgUnit: 'regional-sales', period: '2030-09', amount: '8' },
          await t.tokenFor('omar.haddad@example.com'),
        ),
      );
    });

    it('lists newest first, a unit with the units below it, a period and a status, page by page', async () => {
      const q4 = await list({ period: 'FY2030-Q4' });
      expect(q4).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect(q4.items.map((item) => item.id)).toEqual([...listed].reverse().map((item) => item.id));
      expect((await list({ period: 'FY2030-Q4', orgUnit: 'emea' })).total).toBe(3);
      expect((await list({ period: 'FY2030-Q4', orgUnit: 'sales' })).total).toBe(4);
      expect((await list({ period: 'FY2030-Q4', orgUnit: 'service' })).total).toBe(0);
      expect((await list({ period: '2030-08' })).items.map((item) => item.amount)).toEqual(['7.00', '0.20']);
      expect(
        (await list({ period: 'FY2030-Q4', status: 'approved' })).items.map((item) => item.amount),
      ).toEqual(['0.20', '0.10']);
      const page2 = await list({ period: 'FY2030-Q4', page: 2, pageSize: 3 });
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((item) => item.id)).toEqual([listed[0].id]);
      // the demo's investments are FY2026's
      const fy2026 = await list({ period: 'FY2026', pageSize: 200 });
      expect(fy2026.total).toBe(21);
      expect(fy2026.items.find((item) => item.status === 'awaiting_second_approval')).toMatchObject({
        orgUnit: 'key-accounts',
        needsSecondApproval: true,
        decisions: [{ role: 'CX_LEAD', by: { name: 'Chloé Xavier' } }],
      });
      const all = await list({});
      expect(all.total).toBeGreaterThan(fy2026.total);
    });

    it('refuses an unknown unit, period or status', async () => {
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments')
            .query({ orgUnit: 'atlantis' })
            .set(...bearer(member))
            .expect(404)
        ).body.detail,
      ).toBe('There is no org unit with the key "atlantis": GET /api/v1/org-units lists them.');
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments')
            .query({ period: 'FY2030-Q5' })
            .set(...bearer(member))
            .expect(400)
        ).body.detail,
      ).toMatch(/^"FY2030-Q5" is not a period label/);
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments')
            .query({ status: 'pending' })
            .set(...bearer(member))
            .expect(400)
        ).body.errors,
      ).toEqual(['status must be one of proposed, awaiting_second_approval, approved, rejected, withdrawn']);
      await t.http
        .get('/api/v1/cx-investments')
        .query({ pageSize: 201 })
        .set(...bearer(member))
        .expect(400);
    });

    it('adds approved amounts exactly in the budget: 0.10 + 0.20 = 0.30', async () => {
      expect(await budget('emea', 'FY2030-Q4')).toEqual({
        orgUnit: 'emea',
        quarter: 'FY2030-Q4',
        cap: '150000.00',
        approved: '0.30',
        remaining: '149999.70',
      });
      expect(await budget('emea', 'FY2030-Q1')).toMatchObject({ approved: '0.00', remaining: '150000.00' });
      await t.http
        .get('/api/v1/cx-investments/budget')
        .query({ orgUnit: 'atlantis', quarter: 'FY2030-Q4' })
        .set(...bearer(member))
        .expect(404);
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments/budget')
            .query({ orgUnit: 'emea', quarter: '2030-07' })
            .set(...bearer(member))
            .expect(400)
        ).body.errors,
      ).toEqual(['quarter must be a fiscal quarter such as FY2026-Q1']);
      // the demo's Key Accounts has its own cap for FY2026
      expect(await budget('key-accounts', 'FY2026-Q1')).toEqual({
        orgUnit: 'key-accounts',
        quarter: 'FY2026-Q1',
        cap: '4500000.00',
        approved: '4130000.00',
        remaining: '370000.00',
      });
    });

    it('lets anyone read the settings and a CX lead change them, audited; the threshold moves at once', async () => {
      expect(
        (
          await t.http
            .get('/api/v1/cx-investments/settings')
            .set(...bearer(member))
            .expect(200)
        ).body,
      ).toEqual({
        secondApprovalAbove: '25000.00',
        defaultQuarterCap: '150000.00',
      });
      const bad = await t.http
        .put('/api/v1/cx-investments/settings')
        .set(...bearer(cx))
        .send({ secondApprovalAbove: '-1', defaultQuarterCap: 'lots' })
        .expect(400);
      expect(bad.body.errors).toEqual([
        'secondApprovalAbove must be an amount of 0 or more of money with at most 12 digits before the point and 2 after, such as "12500.50", not -1',
        'defaultQuarterCap must be an amount of 0 or more of money with at most 12 digits before the point and 2 after, such as "12500.50"',
      ]);
      const res = await t.http
        .put('/api/v1/cx-investments/settings')
        .set(...bearer(cx))
        .send({ secondApprovalAbove: 5, defaultQuarterCap: '150000' })
        .expect(200);
      expect(res.body).toEqual({ secondApprovalAbove: '5.00', defaultQuarterCap: '150000.00' });
      try {
        const [entry] = await t.sql<{ before: object; after: object; actor_email: string }>(
          `SELECT before, after, actor_email FROM audit_entries WHERE action = 'cx-investment-settings.update' ORDER BY id DESC LIMIT 1`,
        );
        expect(entry).toEqual({
          before: { secondApprovalAbove: '25000.00', defaultQuarterCap: '150000.00' },
          after: { secondApprovalAbove: '5.00', defaultQuarterCap: '150000.00' },
          actor_email: 'cx@example.com',
        });
        const created = await proposed({ orgUnit: 'emea', period: '2030-09', amount: '6' }, jan);
        expect(created.needsSecondApproval).toBe(true);
        expect((await decide(created.id, { approve: true }).expect(200)).body.status).toBe(
          'awaiting_second_approval',
        );
      } finally {
        await t.http
          .put('/api/v1/cx-investments/settings')
          .set(...bearer(cx))
          .send({ secondApprovalAbove: '25000', defaultQuarterCap: '150000' })
          .expect(200);
      }
    });
  });

  describe('adjusted figures on the scorecard', () => {
    const Q1 = 'FY2030-Q1';
    const unit = async (key: string, period: string): Promise<UnitScorecard> =>
      (
        await t.http
          .get(`/api/v1/scorecards/org-units/${key}`)
          .query({ period })
          .set(...bearer(member))
          .expect(200)
      ).body;
    const company = async (period: string): Promise<CompanyScorecard> =>
      (
        await t.http
          .get('/api/v1/scorecards/company')
          .query({ period })
          .set(...bearer(member))
          .expect(200)
      ).body;
    const sales = async (period = Q1): Promise<ScorecardRow> => (await unit('sales', period)).unit;

    beforeAll(async () => {
      const ratio = (
        metric: string,
        orgUnit: string,
        period: string,
        numerator: number,
        denominator: number,
      ) => ({
        metric,
        orgUnit,
        period,
        numerator,
        denominator,
      });
      await t.http
        .post('/api/v1/measurements')
        .set(...bearer(cx))
        .send({
          measurements: [
            ratio('gross_margin', 'sales', '2029-10', 4000, 10000),
            ratio('gross_margin', 'sales', '2029-11', 4500, 10000),
            ratio('gross_margin', 'sales', '2029-12', 3500, 10000),
            ratio('gross_margin', 'company', '2029-10', 10000, 25000),
            ratio('gross_margin', 'company', '2029-11', 10000, 25000),
            ratio('gross_margin', 'company', '2029-12', 10000, 25000),
            ratio('quota_attainment', 'sales', '2029-10', 900, 1000),
            ratio('quota_attainment', 'sales', '2029-11', 950, 1000),
            ratio('quota_attainment', 'sales', '2029-12', 1000, 1000),
          ],
        })
        .expect(200);
      await t.http
        .post('/api/v1/targets')
        .set(...bearer(cx))
        .send({
          targets: [
            {
              metric: 'gross_margin',
              orgUnit: 'sales',
              period: 'FY2030',
              threshold: 38,
              target: 42,
              stretch: 46,
            },
            {
              metric: 'quota_attainment',
              orgUnit: 'sales',
              period: 'FY2030',
              threshold: 90,
              target: 100,
              stretch: 120,
            },
            {
              metric: 'gross_margin',
              orgUnit: 'company',
              period: 'FY2030',
              threshold: 44,
              target: 46,
              stretch: 48,
            },
            // the company's adjusted margin has a band of its own
            {
              metric: 'adjusted_margin',
              orgUnit: 'company',
              period: 'FY2030',
              threshold: 41,
              target: 42,
              stretch: 43,
            },
          ],
        })
        .expect(200);
      await approved({ period: '2029-11', amount: '600.00' });
      await approved({ orgUnit: 'sales', period: '2029-12', amount: '300' }, jan);
      await approved({ orgUnit: 'field-service', period: '2029-10', amount: '150' }, ines);
      await approved({ kind: 'quota_relief', period: '2029-12', amount: '180' }, lena);
      // none of these count
      await proposed({ period: '2029-10', amount: '5000' });
      const awaiting = await proposed({ period: '2029-10', amount: '30000' });
      await decide(awaiting.id, { approve: true }).expect(200);
      const rejected = await proposed({ kind: 'quota_relief', period: '2029-11', amount: '500' });
      await decide(rejected.id, { approve: false, reason: 'The customer’s own delay.' }).expect(200);
    });

    it('adds approved costs back in the adjusted margin, scored on the margin’s band', async () => {
      const row = await sales();
      expect(row.margin).toMatchObject({ metric: 'gross_margin', actual: 40, score: 75, status: 'amber' });
      expect(row.margin?.adjusted).toEqual({
        metric: 'adjusted_margin',
        actual: 43,
        score: 112.5,
        status: 'green',
      });
      expect((await sales('2029-11')).margin?.adjusted?.actual).toBe(51);
      expect((await sales('2029-10')).margin?.adjusted?.actual).toBe(40);
    });

    it('credits approved quota relief in the adjusted quota attainment, scored on the quota’s band', async () => {
      const row = await sales();
      expect(row.primary).toMatchObject({
        metric: 'quota_attainment',
        actual: 95,
        score: 75,
        status: 'amber',
      });
      expect(row.primary?.adjusted).toEqual({
        metric: 'adjusted_quota_attainment',
        actual: 101,
        score: 102.5,
        status: 'green',
      });
      for (const cell of row.cx) expect(cell.adjusted).toBeNull();
    });

    it('adds every unit below to the company’s adjusted margin, on the adjusted metric’s own band when it has one', async () => {
      const card = await company(Q1);
      expect(card.company.margin).toMatchObject({ actual: 40, score: 0, status: 'red' });
      expect(card.company.margin?.adjusted?.actual).toBeCloseTo(41.4, 9);
      expect(card.company.margin?.adjusted).toMatchObject({ metric: 'adjusted_margin', status: 'amber' });
      expect(card.company.margin?.adjusted?.score).toBeCloseTo(70, 9);
      expect(card.company.primary?.adjusted).toBeNull();
      expect(card.functions.find((row) => row.orgUnit === 'sales')?.margin?.adjusted?.actual).toBe(43);
      // a unit without figures has no adjusted figure either
      expect(
        (await unit('sales', Q1)).children.find((row) => row.orgUnit === 'key-accounts')?.margin?.adjusted,
      ).toMatchObject({
        actual: null,
        score: null,
      });
      // Marketing's margin is budget attainment: nothing to adjust
      expect(card.functions.find((row) => row.orgUnit === 'marketing')?.margin?.adjusted).toBeNull();
    });

    it('shows the demo’s FY2026 investments carved out of Sales’ margin and credited to its quota', async () => {
      const row = (await company('FY2026')).functions.find((r) => r.orgUnit === 'sales');
      const margin = row?.margin;
      const quota = row?.primary;
      expect((margin?.adjusted?.actual ?? 0) - (margin?.actual ?? 0)).toBeGreaterThan(0.4);
      expect((quota?.adjusted?.actual ?? 0) - (quota?.actual ?? 0)).toBeGreaterThan(0.8);
    });

    it('lists the investments of a unit and the units below it on its scorecard, newest first', async () => {
      const card = await unit('sales', 'FY2026');
      const listed = await t.http
        .get('/api/v1/cx-investments')
        .query({ orgUnit: 'sales', period: 'FY2026', pageSize: 50 })
        .set(...bearer(member))
        .expect(200);
      expect(card.investments.length).toBeGreaterThan(0);
      expect(card.investments.map((item) => item.id)).toEqual(
        listed.body.items.map((item: { id: string }) => item.id),
      );
      expect(card.investments.some((item) => item.status === 'approved' && item.kind === 'quota_relief')).toBe(true);
    });

    it('shows an approval at once, though the scorecard was cached', async () => {
      expect((await sales()).margin?.adjusted?.actual).toBe(43);
      const created = await proposed({ period: '2029-10', amount: '900' });
      // a proposal alone changes nothing
      expect((await sales()).margin?.adjusted?.actual).toBe(43);
      await decide(created.id, { approve: true }).expect(200);
      // (12,000 + 900 + 900) ÷ 30,000
      expect((await sales()).margin?.adjusted?.actual).toBe(46);
      expect(
        (await company(Q1)).functions.find((row) => row.orgUnit === 'sales')?.margin?.adjusted?.actual,
      ).toBe(46);
    });
  });
});
