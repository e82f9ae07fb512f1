import {
  monthOfInstant,
  quarterOfMonth,
  type IncentiveForecast,
  type MyIncentive,
  type ParticipantFacts,
  type PlanRules,
  type WhatIfResult,
} from '@lodestar/contracts';
import { as, createPlan, TEST_RULES, userId } from './support/incentive-fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Caller = Awaited<ReturnType<typeof as>>;

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** What-if, preview facts, the cost forecast and "my incentive". */
describe('what-if, forecast and my incentive', () => {
  let t: TestApp;
  let planId: string;
  let publishedId: string;
  let draftId: string;
  let hr: Caller;

  beforeAll(async () => {
    t = await createTestApp();
    const published = await createPlan(t, { key: 'what-if-plan', effectiveFrom: 'FY2026-Q1' });
    planId = published.planId;
    publishedId = published.version.id;
    const draft = await createPlan(t, {
      key: 'what-if-plan',
      planId,
      effectiveFrom: 'FY2026-Q3',
      basedOn: publishedId,
      publish: false,
    });
    draftId = draft.version.id;
    hr = await as(t, 'hr@example.com');
  });
  afterAll(() => t.close());

  const whatIf = async (id: string, period = 'FY2026-Q3') => {
    const res = await hr.post(`/api/v1/plan-versions/${id}/what-if?period=${period}`);
    expect(res.status).toBe(200);
    return res.body as WhatIfResult;
  };

  it('pays a draft with the published rules what the published version pays', async () => {
    const result = await whatIf(draftId);
    expect(result.version.id).toBe(draftId);
    expect(result.baselineVersion?.id).toBe(publishedId);
    expect(result.rows).toHaveLength(3);
    for (const row of result.rows) {
      expect(row.proposedAmount).toBe(row.baselineAmount);
      expect(row.delta).toBe('0.00');
    }
    expect(result.totals.delta).toBe('0.00');
  });

  it("moves the proposed amounts when a draft's weight changes, the totals' delta being the rows' deltas", async () => {
    const before = await whatIf(draftId);
    const current = await hr.get(`/api/v1/plan-versions/${draftId}`);
    const rules: PlanRules = JSON.parse(JSON.stringify(current.body.rules));
    rules.components[0].weight = '80';
    rules.components[1].weight = '20';
    const patched = await hr.patch(
      `/api/v1/plan-versions/${draftId}`,
      { rules },
      { 'If-Match': current.headers['etag'] },
    );
    expect(patched.status).toBe(200);
    const statementsBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM statements'))[0].n;

    const after = await whatIf(draftId);
    expect(after.rows.map((row) => row.baselineAmount)).toEqual(before.rows.map((row) => row.baselineAmount));
    expect(after.rows.some((row) => row.proposedAmount !== row.baselineAmount)).toBe(true);
    const sumOfDeltas = after.rows.reduce((sum, row) => sum + cents(row.delta), 0);
    expect(cents(after.totals.delta)).toBe(sumOfDeltas);
    expect(cents(after.totals.proposed) - cents(after.totals.baseline)).toBe(sumOfDeltas);
    expect(cents(after.totals.proposed)).toBe(
      after.rows.reduce((sum, row) => sum + cents(row.proposedAmount), 0),
    );
    // nothing is stored but the read of other people's pay in the audit log
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM statements'))[0].n).toBe(
      statementsBefore,
    );
    const [audit] = await t.sql<{ pay_data: boolean; entity_id: string }>(
      `SELECT pay_data, entity_id FROM audit_entries WHERE action = 'plan-version.what-if' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ pay_data: true, entity_id: draftId });
  });

  it('has no baseline for a quarter no published version applies to', async () => {
    const result = await whatIf(draftId, 'FY2025-Q4');
    expect(result.baselineVersion).toBeNull();
    // the participants whose dates overlap FY2025-Q4 (the service executive joins later)
    expect(result.rows.map((row) => row.baselineAmount)).toEqual([null, null]);
    expect(result.totals.baseline).toBe('0.00');
    expect(result.totals.delta).toBe(result.totals.proposed);
  });

  it("hands the browser a participant's facts, and refuses someone outside the version", async () => {
    const salesId = await userId(t, 'vp.sales@example.com');
    const res = await hr.get(
      `/api/v1/plan-versions/${draftId}/preview-facts?period=FY2026-Q3&participant=${salesId}`,
    );
    expect(res.status).toBe(200);
    const facts = res.body as ParticipantFacts;
    expect(facts).toMatchObject({ period: 'FY2026-Q3', adjustments: [], carriedIn: '0.00' });
    expect(facts.facts.map((fact) => `${fact.metric}/${fact.scope}`)).toEqual([
      'quota_attainment/OWN_UNIT',
      'gross_margin/COMPANY',
    ]);
    expect(facts.targetBonus).toEqual({ annual: '120000.00', eligibleDays: 91, daysInYear: 365 });
    const memberId = await userId(t, 'member@example.com');
    const outside = await hr.get(
      `/api/v1/plan-versions/${draftId}/preview-facts?period=FY2026-Q3&participant=${memberId}`,
    );
    expect(outside.status).toBe(404);
    expect(outside.body.detail).toContain('is not a participant of version 2');
    const unknown = await hr.post(
      '/api/v1/plan-versions/00000000-0000-4000-8000-000000000000/what-if?period=FY2026-Q3',
    );
    expect(unknown.status).toBe(404);
  });

  it('forecasts the fiscal year as the sum of its quarters, NONE where no version applies', async () => {
    const res = await hr.get('/api/v1/incentives/forecast?fiscalYear=2026');
    expect(res.status).toBe(200);
    const forecast = res.body as IncentiveForecast;
    expect(forecast.quarters.map((quarter) => quarter.basis)).toEqual([
      'PROJECTION',
      'PROJECTION',
      'PROJECTION',
      'PROJECTION',
    ]);
    expect(cents(forecast.total)).toBe(
      forecast.quarters.reduce((sum, quarter) => sum + cents(quarter.total), 0),
    );
    expect(cents(forecast.total)).toBeGreaterThan(0);
    expect(forecast.currency).toBe('EUR');
    const [{ total }] = await t.sql<{ total: string }>(
      `SELECT sum(payable)::text AS total FROM statements WHERE period LIKE 'FY2026-%'`,
    );
    expect(forecast.total).toBe(total);

    const none = (await hr.get('/api/v1/incentives/forecast?fiscalYear=2025')).body as IncentiveForecast;
    expect(none.quarters.map((quarter) => [quarter.basis, quarter.total])).toEqual(
      Array(4).fill(['NONE', '0.00']),
    );
    expect(none.total).toBe('0.00');
    expect((await (await as(t, 'vp.sales@example.com')).get('/api/v1/incentives/forecast')).status).toBe(403);
    expect((await hr.get('/api/v1/incentives/forecast?fiscalYear=26')).status).toBe(400);
  });

  it('answers my incentive empty for someone in no plan', async () => {
    const member = await as(t, 'member@example.com');
    const res = await member.get('/api/v1/incentives/me');
    expect(res.status).toBe(200);
    expect(res.body as MyIncentive).toEqual({
      participations: [],
      current: null,
      history: [],
      currency: 'EUR',
    });
  });

  it("shows a participant their plan, acknowledgement and today's projection with what it takes", async () => {
    const today = quarterOfMonth(monthOfInstant(new Date(), 'Europe/Amsterdam'), 10);
    const thisYear = await createPlan(t, {
      key: 'what-if-plan',
      planId,
      effectiveFrom: today,
      basedOn: publishedId,
      rules: TEST_RULES,
    });
    const sales = await as(t, 'vp.sales@example.com');
    let me = (await sales.get('/api/v1/incentives/me')).body as MyIncentive;
    expect(me.participations).toHaveLength(1);
    expect(me.participations[0]).toMatchObject({
      plan: { id: planId },
      version: { id: thisYear.version.id, status: 'PUBLISHED' },
      orgUnit: { key: 'sales' },
      annualTargetBonus: '120000.00',
      acknowledgedAt: null,
    });
    expect(me.current).toMatchObject({
      period: today,
      status: 'PROJECTION',
      participant: { name: 'Victor Salas' },
    });
    expect(me.current?.whatItTakes).toHaveLength(2);
    expect(me.history).toEqual([]);

    expect(
      (await sales.post(`/api/v1/plan-versions/${thisYear.version.id}/acknowledge`)).status,
    ).toBeLessThan(300);
    me = (await sales.get('/api/v1/incentives/me')).body as MyIncentive;
    expect(me.participations[0].acknowledgedAt).not.toBeNull();
  });
});
