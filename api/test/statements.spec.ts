import type { ParticipantFacts, Statement, StatementSummary } from '@lodestar/contracts';
import { computeStatement } from '@lodestar/incentives';
import { as, createPlan, TEST_RULES, userId } from './support/incentive-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** Statements of open quarters: projections computed by the engine from the demo's actuals. */
describe('statements', () => {
  let t: TestApp;
  let versionId: string;
  let hr: Awaited<ReturnType<typeof as>>;
  let sales: Awaited<ReturnType<typeof as>>;
  let marketing: Awaited<ReturnType<typeof as>>;
  let salesStatement: StatementSummary;
  let marketingStatement: StatementSummary;

  beforeAll(async () => {
    t = await createTestApp();
    ({
      version: { id: versionId },
    } = await createPlan(t, { key: 'statements-plan', effectiveFrom: 'FY2026-Q1' }));
    hr = await as(t, 'hr@example.com');
    sales = await as(t, 'vp.sales@example.com');
    marketing = await as(t, 'vp.marketing@example.com');
  });
  afterAll(() => t.close());

  it('recomputes a quarter for HR and counts its statements', async () => {
    const res = await hr.post('/api/v1/statements/recompute?period=FY2026-Q3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: 'FY2026-Q3', statements: 3 });
    expect(typeof res.body.milliseconds).toBe('number');
  });

  it('lists every statement of a quarter for HR, as projections with their currency', async () => {
    const res = await hr.get('/api/v1/statements?period=FY2026-Q3');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    const items = res.body.items as StatementSummary[];
    expect(items.map((item) => item.status)).toEqual(['PROJECTION', 'PROJECTION', 'PROJECTION']);
    salesStatement = items.find((item) => item.participant.name === 'Victor Salas') as StatementSummary;
    marketingStatement = items.find((item) => item.participant.name === 'Maya Kent') as StatementSummary;
    expect(salesStatement).toMatchObject({ currency: 'EUR', orgUnit: { key: 'sales' }, adjustments: '0.00' });
  });

  it('computes a projection to the cent the engine computes on the same facts', async () => {
    const salesId = await userId(t, 'vp.sales@example.com');
    const facts = await hr.get(
      `/api/v1/plan-versions/${versionId}/preview-facts?period=FY2026-Q3&participant=${salesId}`,
    );
    expect(facts.status).toBe(200);
    const trace = computeStatement(TEST_RULES, facts.body as ParticipantFacts);
    const statement = (await sales.get(`/api/v1/statements/${salesStatement.id}`)).body as Statement;
    expect(statement.amount).toBe(trace.amount);
    expect(statement.payable).toBe(trace.payable);
    expect(statement.trace.unrounded).toBe(trace.unrounded);
    expect(statement.trace.components.find((c) => c.key === 'quota')?.input.value).toBe(
      trace.components.find((c) => c.key === 'quota')?.input.value,
    );
    expect(Number(trace.amount)).toBeGreaterThan(0);
  });

  it('shows its owner what it takes for a projection, and its inquiries', async () => {
    const statement = (await sales.get(`/api/v1/statements/${salesStatement.id}`)).body as Statement;
    expect(statement.whatItTakes?.map((take) => take.component)).toEqual(['quota', 'margin']);
    expect(statement.inquiries).toEqual([]);
  });

  it('prorates the target of someone who joined during the quarter', async () => {
    const list = (await hr.get('/api/v1/statements?period=FY2026-Q2')).body.items as StatementSummary[];
    const service = list.find((item) => item.participant.name === 'Sam Okafor') as StatementSummary;
    const statement = (await hr.get(`/api/v1/statements/${service.id}`)).body as Statement;
    // 2026-02-16 to 2026-03-31 of FY2026 (2025-10-01 to 2026-09-30, 365 days)
    expect(statement.trace.targetBonus).toMatchObject({
      annual: '90000.00',
      eligibleDays: 44,
      daysInYear: 365,
    });
  });

  it("refuses an executive another executive's statement with 403, not 404", async () => {
    const res = await marketing.get(`/api/v1/statements/${salesStatement.id}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail ?? res.body.title).toContain('This statement belongs to someone else.');
  });

  it('lists an executive only their own statements, and refuses naming someone else', async () => {
    const own = await marketing.get('/api/v1/statements?period=FY2026-Q3');
    expect(own.status).toBe(200);
    expect((own.body.items as StatementSummary[]).map((item) => item.id)).toEqual([marketingStatement.id]);
    const salesId = await userId(t, 'vp.sales@example.com');
    const other = await marketing.get(`/api/v1/statements?participant=${salesId}`);
    expect(other.status).toBe(403);
    const member = await as(t, 'member@example.com');
    expect((await member.get('/api/v1/statements?period=FY2026-Q3')).body.total).toBe(0);
    expect((await member.get(`/api/v1/statements/${salesStatement.id}`)).status).toBe(403);
  });

  it("writes HR's read of someone else's statement to the audit log as pay data, and not the owner's own read", async () => {
    const count = async () =>
      (
        await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'statement' AND action = 'statement.read' AND entity_id = $1`,
          [salesStatement.id],
        )
      )[0].n;
    const before = await count();
    expect((await sales.get(`/api/v1/statements/${salesStatement.id}`)).status).toBe(200);
    expect(await count()).toBe(before);
    expect((await hr.get(`/api/v1/statements/${salesStatement.id}`)).status).toBe(200);
    expect(await count()).toBe(before + 1);
    const [entry] = await t.sql<{ pay_data: boolean; actor_email: string }>(
      `SELECT pay_data, actor_email FROM audit_entries WHERE entity_type = 'statement' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [salesStatement.id],
    );
    expect(entry).toEqual({ pay_data: true, actor_email: 'hr@example.com' });
  });

  it("writes HR's list of other people's statements to the audit log, and not an executive's list of their own", async () => {
    const lists = async () =>
      (
        await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'statement.list' AND pay_data`,
        )
      )[0].n;
    const before = await lists();
    await marketing.get('/api/v1/statements?period=FY2026-Q3');
    expect(await lists()).toBe(before);
    await hr.get('/api/v1/statements?period=FY2026-Q3');
    expect(await lists()).toBe(before + 1);
  });

  it('recomputes an open quarter when a read finds its inputs changed', async () => {
    const before = (await sales.get(`/api/v1/statements/${salesStatement.id}`)).body as Statement;
    const cx = await as(t, 'cx@example.com');
    // September 2026 is the last month of FY2026-Q4; FY2026-Q3 ends in June: restate June's bookings
    const [june] = await t.sql<{ numerator: string; denominator: string }>(
      `SELECT m.numerator::text, m.denominator::text FROM measurements m JOIN org_units o ON o.id = m.org_unit_id
        WHERE m.metric_key = 'quota_attainment' AND o.key = 'sales' AND m.month = '2026-06' ORDER BY m.version DESC LIMIT 1`,
    );
    const restated = await cx.post('/api/v1/measurements', {
      measurements: [
        {
          metric: 'quota_attainment',
          orgUnit: 'sales',
          period: '2026-06',
          numerator: (Number(june.numerator) * 0.8).toFixed(2),
          denominator: june.denominator,
          reason: 'A June order was cancelled by the customer and reversed from bookings.',
        },
      ],
    });
    expect(restated.status).toBeLessThan(300);
    const after = (await sales.get(`/api/v1/statements/${salesStatement.id}`)).body as Statement;
    expect(Number(after.trace.components[0].input.value)).toBeLessThan(
      Number(before.trace.components[0].input.value),
    );
    expect(Number(after.amount)).toBeLessThan(Number(before.amount));
  });

  it("moves an open quarter's projections to a newly published version at once", async () => {
    const before = (await hr.get('/api/v1/statements?period=FY2026-Q3')).body.items as StatementSummary[];
    expect(before.map((item) => item.version.number)).toEqual([1, 1, 1]);
    const rules = JSON.parse(JSON.stringify(TEST_RULES)) as typeof TEST_RULES;
    rules.components[0].weight = '80';
    rules.components[1].weight = '20';
    const { planId } = (
      await t.sql<{ planId: string }>('SELECT plan_id AS "planId" FROM plan_versions WHERE id = $1', [
        versionId,
      ])
    )[0];
    await createPlan(t, {
      key: 'statements-plan',
      planId,
      effectiveFrom: 'FY2026-Q3',
      basedOn: versionId,
      rules,
    });
    const after = (await hr.get('/api/v1/statements?period=FY2026-Q3')).body.items as StatementSummary[];
    expect(after.map((item) => item.version.number)).toEqual([2, 2, 2]);
    // FY2026-Q2 stays with the first version
    const q2 = (await hr.get('/api/v1/statements?period=FY2026-Q2')).body.items as StatementSummary[];
    expect(q2.map((item) => item.version.number)).toEqual([1, 1, 1]);
  });

  it('refuses a recompute by anyone but HR, and a period that is not a quarter with a sentence', async () => {
    const approver = await as(t, 'approver@example.com');
    expect((await approver.post('/api/v1/statements/recompute?period=FY2026-Q3')).status).toBe(403);
    const bad = await hr.post('/api/v1/statements/recompute?period=FY2026-Q5');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('FY2026-Q5 is not a quarter; use FY2026-Q1 … Q4.');
    const unknown = await hr.get('/api/v1/statements/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('There is no statement with the id');
  });
});
