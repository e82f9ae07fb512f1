import {
  monthOfInstant,
  quarterOfMonth,
  type MyIncentive,
  type ParticipantFacts,
  type Statement,
  type StatementPeriod,
  type StatementSummary,
} from '@lodestar/contracts';
import { computeStatement } from '@lodestar/incentives';
import { as, createPlan, TEST_RULES, userId } from './support/incentive-fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Caller = Awaited<ReturnType<typeof as>>;

/** Closing locks a quarter's statements; later restatements and answers become adjustments of the next open one. */
describe('statement periods: close and release', () => {
  let t: TestApp;
  let versionId: string;
  let hr: Caller;
  let sales: Caller;
  let marketing: Caller;

  const statementOf = async (name: string, period: string): Promise<Statement> => {
    const list = (await hr.get(`/api/v1/statements?period=${period}`)).body.items as StatementSummary[];
    const found = list.find((item) => item.participant.name === name);
    if (!found) throw new Error(`${name} has no statement for ${period}`);
    return (await hr.get(`/api/v1/statements/${found.id}`)).body as Statement;
  };

  /** The amount the engine computes today for a participant of the version in a quarter. */
  const engineAmount = async (email: string, period: string): Promise<string> => {
    const facts = await hr.get(
      `/api/v1/plan-versions/${versionId}/preview-facts?period=${period}&participant=${await userId(t, email)}`,
    );
    return computeStatement(TEST_RULES, facts.body as ParticipantFacts).amount;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({
      version: { id: versionId },
    } = await createPlan(t, { key: 'periods-plan', effectiveFrom: 'FY2026-Q1' }));
    hr = await as(t, 'hr@example.com');
    sales = await as(t, 'vp.sales@example.com');
    marketing = await as(t, 'vp.marketing@example.com');
  });
  afterAll(() => t.close());

  it('refuses closing a quarter before the previous quarter with statements is closed', async () => {
    const res = await hr.post('/api/v1/statement-periods/FY2026-Q2/close');
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(
      'Close FY2026-Q1 first: quarters close in order, and FY2026-Q1 has statements that are still open.',
    );
  });

  it('refuses closing a quarter that has not ended', async () => {
    const today = quarterOfMonth(monthOfInstant(new Date(), 'Europe/Amsterdam'), 10);
    const res = await hr.post(`/api/v1/statement-periods/${today}/close`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('a quarter can be closed once it has ended');
  });

  it('refuses a period that is not a quarter with a sentence', async () => {
    const res = await hr.post('/api/v1/statement-periods/FY2026-Q5/close');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('FY2026-Q5 is not a quarter; use FY2026-Q1 … Q4.');
  });

  it('refuses a release by anyone but HR, and of a quarter that is still open', async () => {
    for (const email of ['approver@example.com', 'vp.sales@example.com']) {
      expect((await (await as(t, email)).post('/api/v1/statement-periods/FY2026-Q1/release')).status).toBe(
        403,
      );
    }
    const open = await hr.post('/api/v1/statement-periods/FY2026-Q1/release');
    expect(open.status).toBe(409);
    expect(open.body.detail).toContain('FY2026-Q1 is still open: close it first');
  });

  it('closes a quarter: its statements are locked as CLOSED, and a second close is refused', async () => {
    const res = await hr.post('/api/v1/statement-periods/FY2026-Q1/close');
    expect(res.status).toBe(200);
    expect(res.body as StatementPeriod).toMatchObject({
      period: 'FY2026-Q1',
      status: 'CLOSED',
      closedBy: { name: 'Hanna Reyes' },
      statements: 2, // the service executive joins in FY2026-Q2
    });
    const statuses = await t.sql<{ status: string }>(
      `SELECT DISTINCT status FROM statements WHERE period = 'FY2026-Q1'`,
    );
    expect(statuses).toEqual([{ status: 'CLOSED' }]);
    const again = await hr.post('/api/v1/statement-periods/FY2026-Q1/close');
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('FY2026-Q1 was already closed on');
    const [audit] = await t.sql<{ pay_data: boolean }>(
      `SELECT pay_data FROM audit_entries WHERE entity_type = 'statement-period' AND entity_id = 'FY2026-Q1' AND action = 'statement-period.close'`,
    );
    expect(audit).toEqual({ pay_data: true });
  });

  it('shows its owner a closed statement as CLOSED, in their history', async () => {
    const me = (await sales.get('/api/v1/incentives/me')).body as MyIncentive;
    expect(me.history.map((item) => [item.period, item.status])).toEqual([['FY2026-Q1', 'CLOSED']]);
  });

  it('never rewrites a closed statement: a restated input becomes an adjustment of the next open quarter, in its trace', async () => {
    const closed = await statementOf('Victor Salas', 'FY2026-Q1');
    const [row] = await t.sql<{ numerator: string; denominator: string }>(
      `SELECT m.numerator::text, m.denominator::text FROM measurements m JOIN org_units o ON o.id = m.org_unit_id
        WHERE m.metric_key = 'quota_attainment' AND o.key = 'sales' AND m.month = '2025-11' ORDER BY m.version DESC LIMIT 1`,
    );
    const cx = await as(t, 'cx@example.com');
    const restated = await cx.post('/api/v1/measurements', {
      measurements: [
        {
          metric: 'quota_attainment',
          orgUnit: 'sales',
          period: '2025-11',
          numerator: (Number(row.numerator) * 0.7).toFixed(2),
          denominator: row.denominator,
          reason: 'A November order was cancelled by the customer and reversed from bookings.',
        },
      ],
    });
    expect(restated.status).toBeLessThan(300);

    const after = await statementOf('Victor Salas', 'FY2026-Q1');
    expect(after.status).toBe('CLOSED');
    expect(after.amount).toBe(closed.amount);
    expect(after.trace).toEqual(closed.trace);
    expect(after.computedAt).toBe(closed.computedAt);

    const now = await engineAmount('vp.sales@example.com', 'FY2026-Q1');
    const delta = (Math.round(Number(now) * 100) - Math.round(Number(closed.amount) * 100)) / 100;
    expect(delta).toBeLessThan(0);

    const next = await statementOf('Victor Salas', 'FY2026-Q2');
    expect(next.trace.adjustments).toEqual([
      {
        forPeriod: 'FY2026-Q1',
        amount: delta.toFixed(2),
        reason: expect.stringContaining('FY2026-Q1 recomputed after restated inputs: was'),
        source: 'RESTATEMENT',
      },
    ]);
    expect(next.adjustments).toBe(delta.toFixed(2));
    expect(next.trace.steps.join('\n')).toContain('FY2026-Q1');
    // a later open quarter carries nothing of it
    expect((await statementOf('Victor Salas', 'FY2026-Q3')).trace.adjustments).toEqual([]);
  });

  it('carries a negative balance forward (paying 0.00) and recoups it from the next quarter', async () => {
    const q1 = await statementOf('Maya Kent', 'FY2026-Q1');
    const raised = await marketing.post(`/api/v1/statements/${q1.id}/inquiries`, {
      reason: 'CALCULATION',
      text: 'The pipeline of FY2026-Q1 was counted twice in my statement, I believe.',
    });
    expect(raised.status).toBe(201);
    const answered = await hr.post(`/api/v1/inquiries/${raised.body.id}/answer`, {
      status: 'ADJUSTED',
      response: 'Confirmed: the pipeline was double counted; the overpayment is recovered.',
      adjustment: '-50000.00',
    });
    expect(answered.status).toBe(200);

    const q2 = await statementOf('Maya Kent', 'FY2026-Q2');
    expect(q2.trace.adjustments).toEqual([
      expect.objectContaining({ forPeriod: 'FY2026-Q1', amount: '-50000.00', source: 'INQUIRY' }),
    ]);
    expect(q2.payable).toBe('0.00');
    const carried = (Math.round(Number(q2.amount) * 100) - 5_000_000) / 100;
    expect(q2.trace.carriedForward).toBe(carried.toFixed(2));
    expect(carried).toBeLessThan(0);

    const closing = await hr.post('/api/v1/statement-periods/FY2026-Q2/close');
    expect(closing.body).toMatchObject({ status: 'CLOSED' });
    const written = await t.sql<{ source: string; for_period: string; linked: boolean }>(
      `SELECT a.source, a.for_period, (a.for_statement_id IS NOT NULL OR a.inquiry_id IS NOT NULL) AS linked
         FROM statement_adjustments a JOIN statements s ON s.id = a.statement_id
        WHERE s.period = 'FY2026-Q2' ORDER BY a.source`,
    );
    expect(written).toEqual([
      { source: 'INQUIRY', for_period: 'FY2026-Q1', linked: true },
      { source: 'RESTATEMENT', for_period: 'FY2026-Q1', linked: true },
    ]);
    const lockedQ2 = await statementOf('Maya Kent', 'FY2026-Q2');
    expect(lockedQ2).toMatchObject({ status: 'CLOSED', payable: '0.00' });

    const q3 = await statementOf('Maya Kent', 'FY2026-Q3');
    expect(q3.trace.carriedIn).toBe(lockedQ2.trace.carriedForward);
    expect(q3.trace.adjustments).toEqual([]); // the inquiry was carried once
    const net = Math.round(Number(q3.amount) * 100) + Math.round(Number(q3.trace.carriedIn) * 100);
    expect(q3.payable).toBe((Math.max(0, net) / 100).toFixed(2));
    // the restatement carried by the closed FY2026-Q2 is not carried again
    expect((await statementOf('Victor Salas', 'FY2026-Q3')).trace.adjustments).toEqual([]);
  });

  it('releases a closed quarter for HR only once, and lists the year by quarter', async () => {
    const res = await hr.post('/api/v1/statement-periods/FY2026-Q1/release');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'RELEASED', releasedBy: { name: 'Hanna Reyes' } });
    const statuses = await t.sql<{ status: string }>(
      `SELECT DISTINCT status FROM statements WHERE period = 'FY2026-Q1'`,
    );
    expect(statuses).toEqual([{ status: 'RELEASED' }]);
    expect((await hr.post('/api/v1/statement-periods/FY2026-Q1/release')).status).toBe(409);

    const approver = await as(t, 'approver@example.com');
    const year = (await approver.get('/api/v1/statement-periods?fiscalYear=2026')).body as StatementPeriod[];
    expect(year.map((quarter) => [quarter.period, quarter.status, quarter.statements])).toEqual([
      ['FY2026-Q1', 'RELEASED', 2],
      ['FY2026-Q2', 'CLOSED', 3],
      ['FY2026-Q3', 'OPEN', 3],
      ['FY2026-Q4', 'OPEN', 3],
    ]);
    // each quarter says when it ends, and whether it is over (and so can be closed)
    expect(year.map((quarter) => [quarter.endsOn, quarter.ended])).toEqual([
      ['2025-12-31', true],
      ['2026-03-31', true],
      ['2026-06-30', true],
      ['2026-09-30', true],
    ]);
    const later = (await approver.get('/api/v1/statement-periods?fiscalYear=2099')).body as StatementPeriod[];
    expect(later.map((quarter) => [quarter.period, quarter.endsOn, quarter.ended])[0]).toEqual([
      'FY2099-Q1',
      '2098-12-31',
      false,
    ]);
    expect((await marketing.get('/api/v1/statement-periods?fiscalYear=2026')).status).toBe(403);
  });
});
