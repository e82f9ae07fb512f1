import type {
  ActionPlan,
  CompanyScorecard,
  MeasurementResult,
  ScorecardCell,
  ScorecardComment,
  UnitScorecard,
} from '@lodestar/contracts';
import { ScorecardSources } from '../src/scorecards/scorecard-sources';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Scorecards through the real app and PostgreSQL, on a small fixture in FY2029 (2028-10 …
 * 2029-09 with the demo's October start), where neither the demo's actuals nor its targets reach:
 * - on-time delivery of Operations rolls up from its teams: Logistics 80/100 in October and
 *   90/100 in November, Manufacturing 45/50 in October → FY2029-Q1 = 215 ÷ 250 = 86 %;
 * - Operations' own escalations 4 + 3 + 5 = 12, and first-time-right 57/60 = 95 % in December;
 * - survey answers to Logistics in November: NPS 50 promoters, 33 passives, 17 detractors (NPS 33,
 *   n 100, ± 14.68) and CSAT 15 of 20 satisfied (75 %, an insufficient sample);
 * - targets of Operations for FY2029: NPS 30/40/50, CSAT 70/80/90, on-time delivery 88/92/96,
 *   escalations 60/48/36 (a sum: a quarter of it per quarter, 15/12/9), and first-time-right
 *   phased for FY2029-Q1 at 90/95/98; CX index weights NPS 40, CSAT 20, on-time delivery 40.
 */
describe('company and unit scorecards', () => {
  let t: TestApp;
  let cx: string;
  let member: string;
  let vpOperations: string;
  let vpSales: string;
  let ceo: string;
  let teamLead: string;
  let ids: Record<string, string>;

  const Q1 = 'FY2029-Q1';
  const company = async (period: string, token = member): Promise<CompanyScorecard> =>
    (
      await t.http
        .get('/api/v1/scorecards/company')
        .query({ period })
        .set(...bearer(token))
        .expect(200)
    ).body;
  const unit = async (key: string, period: string, token = member): Promise<UnitScorecard> =>
    (
      await t.http
        .get(`/api/v1/scorecards/org-units/${key}`)
        .query({ period })
        .set(...bearer(token))
        .expect(200)
    ).body;
  const cell = (card: UnitScorecard, metric: string): ScorecardCell => {
    const found = card.unit.cx.find((c) => c.metric === metric);
    if (!found) throw new Error(`no ${metric} cell`);
    return found;
  };
  const measure = (measurements: object[]) =>
    t.http
      .post('/api/v1/measurements')
      .set(...bearer(cx))
      .send({ measurements })
      .expect(200);
  const answers = (
    prefix: string,
    survey: string,
    scores: [score: number, count: number][],
    orgUnit = 'logistics',
    respondedAt = '2028-11-15T10:00:00Z',
  ) =>
    t.http
      .post('/api/v1/voc/responses')
      .set(...bearer(cx))
      .send({
        responses: scores.flatMap(([score, count]) =>
          Array.from({ length: count }, (_, i) => ({
            responseId: `${prefix}-${score}-${i}`,
            respondedAt,
            orgUnit,
            survey,
            score,
          })),
        ),
      })
      .expect(200);
  const targets = (rows: object[]) =>
    t.http
      .post('/api/v1/targets')
      .set(...bearer(cx))
      .send({ targets: rows })
      .expect(200);
  const comment = (key: string, body: object, token: string) =>
    t.http
      .post(`/api/v1/scorecards/org-units/${key}/comments`)
      .set(...bearer(token))
      .send(body);
  const plan = (key: string, body: object, token: string) =>
    t.http
      .post(`/api/v1/scorecards/org-units/${key}/action-plans`)
      .set(...bearer(token))
      .send(body);
  const patchPlan = (id: string, body: object, token: string) =>
    t.http
      .patch(`/api/v1/scorecards/action-plans/${id}`)
      .set(...bearer(token))
      .send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [cx, member, vpOperations, vpSales, ceo, teamLead] = await Promise.all(
      [
        'cx@example.com',
        'member@example.com',
        'vp.operations@example.com',
        'vp.sales@example.com',
        'ceo@example.com',
        'aiko.tanaka@example.com',
      ].map((email) => t.tokenFor(email)),
    );
    const users = await t.sql<{ email: string; id: string }>('SELECT email, id FROM users');
    ids = Object.fromEntries(users.map((user) => [user.email, user.id]));

    await measure([
      {
        metric: 'on_time_delivery',
        orgUnit: 'logistics',
        period: '2028-10',
        numerator: 80,
        denominator: 100,
      },
      {
        metric: 'on_time_delivery',
        orgUnit: 'logistics',
        period: '2028-11',
        numerator: 90,
        denominator: 100,
      },
      {
        metric: 'on_time_delivery',
        orgUnit: 'manufacturing',
        period: '2028-10',
        numerator: 45,
        denominator: 50,
      },
      { metric: 'escalations', orgUnit: 'operations', period: '2028-10', value: 4 },
      { metric: 'escalations', orgUnit: 'operations', period: '2028-11', value: 3 },
      { metric: 'escalations', orgUnit: 'operations', period: '2028-12', value: 5 },
      {
        metric: 'first_time_right',
        orgUnit: 'operations',
        period: '2028-12',
        numerator: 57,
        denominator: 60,
      },
    ]);
    await answers('nps29', 'nps', [
      [10, 50],
      [8, 33],
      [3, 17],
    ]);
    await answers('csat29', 'csat', [
      [5, 15],
      [2, 5],
    ]);
    await targets([
      { metric: 'nps', orgUnit: 'operations', period: 'FY2029', threshold: 30, target: 40, stretch: 50 },
      { metric: 'csat', orgUnit: 'operations', period: 'FY2029', threshold: 70, target: 80, stretch: 90 },
      {
        metric: 'on_time_delivery',
        orgUnit: 'operations',
        period: 'FY2029',
        threshold: 88,
        target: 92,
        stretch: 96,
      },
      {
        metric: 'escalations',
        orgUnit: 'operations',
        period: 'FY2029',
        threshold: 60,
        target: 48,
        stretch: 36,
      },
      {
        metric: 'first_time_right',
        orgUnit: 'operations',
        period: 'FY2029-Q1',
        threshold: 90,
        target: 95,
        stretch: 98,
      },
    ]);
    await t.http
      .put('/api/v1/cx-index/weights')
      .set(...bearer(cx))
      .send({
        orgUnit: 'operations',
        weights: [
          { metric: 'nps', weight: 40 },
          { metric: 'csat', weight: 20 },
          { metric: 'on_time_delivery', weight: 40 },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('numbers', () => {
    it('scores a VoC cell on its band with n, margin of error and "within the margin of the target"', async () => {
      const nps = cell(await unit('operations', Q1), 'nps');
      expect(nps).toMatchObject({
        actual: 33,
        threshold: 30,
        target: 40,
        stretch: 50,
        status: 'amber',
        attainment: null,
        n: 100,
        insufficientSample: false,
      });
      // 100 + 50 × (33 − 40) ÷ (40 − 30)
      expect(nps.score).toBeCloseTo(65, 9);
      expect(nps.marginOfError).toBeCloseTo(14.68, 2);
      // |33 − 40| = 7 is inside ± 14.68: the miss is not distinguishable from sampling noise
      expect(nps.withinMarginOfTarget).toBe(true);
    });

    it('agrees with GET /cx/results for the unit’s subtree in every trend period', async () => {
      const card = await unit('company', '2028-11');
      const nps = card.unit.cx[0];
      for (const point of nps.trend.slice(-2)) {
        const result = (
          await t.http
            .get('/api/v1/cx/results')
            .query({ orgUnit: 'company', period: point.period, metric: 'nps' })
            .set(...bearer(member))
            .expect(200)
        ).body;
        expect(point.actual).toBe(result.value);
      }
      const result = (
        await t.http
          .get('/api/v1/cx/results')
          .query({ orgUnit: 'company', period: '2028-11', metric: 'nps' })
          .set(...bearer(member))
          .expect(200)
      ).body;
      expect(nps).toMatchObject({
        actual: result.value,
        n: result.n,
        marginOfError: result.marginOfError,
        insufficientSample: result.insufficientSample,
      });
      expect(nps.trend.map((point) => point.actual)).toEqual([null, null, null, null, null, null, null, 33]);
    });

    it('marks a VoC cell below the minimum sample and never calls it within the margin', async () => {
      const card = await unit('operations', Q1);
      const csat = cell(card, 'csat');
      expect(csat).toMatchObject({
        actual: 75,
        n: 20,
        insufficientSample: true,
        withinMarginOfTarget: false,
        status: 'amber',
        attainment: 93.75,
      });
      expect(csat.score).toBeCloseTo(75, 9);
      expect(cell(card, 'ces')).toMatchObject({
        actual: null,
        n: 0,
        insufficientSample: true,
        score: null,
        status: null,
        target: null,
      });
    });

    it('rolls a ratio up from the teams as Σ numerator ÷ Σ denominator, and agrees with GET /measurements', async () => {
      const onTime = cell(await unit('operations', Q1), 'on_time_delivery');
      expect(onTime).toMatchObject({
        actual: 86,
        threshold: 88,
        target: 92,
        stretch: 96,
        status: 'red',
        n: null,
        marginOfError: null,
        insufficientSample: false,
        withinMarginOfTarget: false,
        adjusted: null,
      });
      // 100 + 50 × (86 − 92) ÷ 4 = 25; attainment 86 ÷ 92
      expect(onTime.score).toBeCloseTo(25, 9);
      expect(onTime.attainment).toBeCloseTo((86 / 92) * 100, 9);
      const measured: MeasurementResult = (
        await t.http
          .get('/api/v1/measurements')
          .query({ metric: 'on_time_delivery', orgUnit: 'operations', period: Q1 })
          .set(...bearer(member))
          .expect(200)
      ).body;
      expect(measured).toMatchObject({ basis: 'children', value: '86.0000' });
    });

    it('splits a year target of a sum metric into quarters and scores lower-is-better metrics without attainment', async () => {
      const card = await unit('operations', Q1);
      expect(cell(card, 'escalations')).toMatchObject({
        actual: 12,
        threshold: 15,
        target: 12,
        stretch: 9,
        score: 100,
        status: 'green',
        attainment: null,
      });
      expect(cell(card, 'first_time_right')).toMatchObject({
        actual: 95,
        threshold: 90,
        target: 95,
        stretch: 98,
        score: 100,
        status: 'green',
        attainment: 100,
      });
      expect(cell(card, 'complaint_rate')).toMatchObject({
        actual: null,
        target: null,
        score: null,
        status: null,
      });
    });

    it('gives the asked period and the seven before it, oldest first, of the same kind', async () => {
      const quarter = cell(await unit('operations', Q1), 'on_time_delivery');
      expect(quarter.trend.map((point) => point.period)).toEqual([
        'FY2027-Q2',
        'FY2027-Q3',
        'FY2027-Q4',
        'FY2028-Q1',
        'FY2028-Q2',
        'FY2028-Q3',
        'FY2028-Q4',
        'FY2029-Q1',
      ]);
      expect(quarter.trend.map((point) => point.actual)).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        86,
      ]);

      const month = cell(await unit('operations', '2028-11'), 'on_time_delivery');
      expect(month.trend.map((point) => point.period)).toEqual([
        '2028-04',
        '2028-05',
        '2028-06',
        '2028-07',
        '2028-08',
        '2028-09',
        '2028-10',
        '2028-11',
      ]);
      expect(month.trend.map((point) => point.actual)).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        83.3333,
        90,
      ]);
      // a month takes its fiscal year's band as it is (a ratio metric)
      expect(month).toMatchObject({ actual: 90, target: 92, status: 'amber' });

      const year = cell(await unit('operations', 'FY2029'), 'nps');
      expect(year.trend.map((point) => point.period)).toEqual([
        'FY2022',
        'FY2023',
        'FY2024',
        'FY2025',
        'FY2026',
        'FY2027',
        'FY2028',
        'FY2029',
      ]);
      expect(year.trend[7].actual).toBe(33);
    });

    it('computes the CX index on the unit’s weights, leaving out an insufficient sample and renormalising the rest', async () => {
      const { cxIndex } = (await unit('operations', Q1)).unit;
      // CSAT (20 %) is left out: NPS and on-time delivery weigh 40 ÷ 80 each → 0.5 × 65 + 0.5 × 25 = 45, red on 50/100/150
      expect(cxIndex).toMatchObject({ weightUsed: 80, insufficient: false, status: 'red' });
      expect(cxIndex.value).toBeCloseTo(45, 9);
      expect(cxIndex.components.map((c) => [c.metric, c.excluded, c.reason, c.effectiveWeight])).toEqual([
        ['csat', true, 'insufficient-sample', 0],
        ['nps', false, null, 50],
        ['on_time_delivery', false, null, 50],
      ]);
      expect(cxIndex.note).toBe('csat (insufficient sample) left out; weights renormalised over 80 %.');
    });

    it('shows the unit’s leader, headcount of its subtree, its children and its primary and margin cells', async () => {
      const card = await unit('operations', Q1);
      expect(card.period).toBe(Q1);
      expect(card.unit).toMatchObject({
        orgUnit: 'operations',
        name: 'Operations',
        type: 'FUNCTION',
        leader: { id: ids['vp.operations@example.com'], name: 'Olaf Berg' },
        headcount: 5,
      });
      expect(card.children.map((row) => row.orgUnit)).toEqual(['logistics', 'manufacturing']);
      const logistics = card.children[0];
      expect(logistics.cx.find((c) => c.metric === 'nps')).toMatchObject({
        actual: 33,
        n: 100,
        target: null,
        score: null,
      });
      expect(logistics.cx.find((c) => c.metric === 'on_time_delivery')?.actual).toBeCloseTo(85, 9); // 170 ÷ 200
      expect(card.unit.primary?.metric).toBe('budget_attainment');
      expect(card.unit.margin).toBeNull();
      // a team without its own takes its function's commercial metrics
      expect(logistics.primary?.metric).toBe('budget_attainment');
    });

    it('has one row per function in the company scorecard, by name, and the CX metrics as columns', async () => {
      const card = await company(Q1);
      expect(card.period).toBe(Q1);
      expect(card.cxColumns.map((column) => column.metric)).toEqual([
        'nps',
        'csat',
        'ces',
        'retention',
        'churn',
        'complaint_rate',
        'first_time_right',
        'on_time_delivery',
        'escalations',
      ]);
      expect(card.cxColumns[0]).toEqual({
        metric: 'nps',
        name: 'Net Promoter Score',
        unit: 'score',
        direction: 'higher',
      });
      expect(card.company).toMatchObject({
        orgUnit: 'company',
        type: 'COMPANY',
        leader: { name: 'Clara Eriksen' },
      });
      expect(card.functions.map((row) => row.name)).toEqual([
        'Finance',
        'HR',
        'IT',
        'Marketing',
        'Operations',
        'Product & Engineering',
        'Quality',
        'Sales',
        'Service',
      ]);
      const operations = card.functions.find((row) => row.orgUnit === 'operations');
      expect(operations).toEqual((await unit('operations', Q1)).unit);
      expect(card.company.cx[0]).toMatchObject({ metric: 'nps', actual: 33, n: 100 });
      expect(card.company.primary?.metric).toBe('revenue');
      expect(card.company.margin?.metric).toBe('gross_margin');
      expect(card.functions.find((row) => row.orgUnit === 'sales')?.primary?.metric).toBe('quota_attainment');
    });

    it('shows the demo’s actuals against the demo’s targets', async () => {
      const card = await company('FY2025');
      const sales = card.functions.find((row) => row.orgUnit === 'sales');
      expect(sales?.primary).toMatchObject({ metric: 'quota_attainment', target: 100, status: 'green' });
      expect(sales?.primary?.actual).toBeGreaterThan(105);
      const operations = await unit('operations', 'FY2025-Q4');
      expect(cell(operations, 'on_time_delivery')).toMatchObject({ status: 'red', target: 90 });
      expect(operations.actionPlans.map((p) => [p.metric, p.status, p.title])).toEqual([
        [
          'on_time_delivery',
          'open',
          'Second shift on final assembly; weekly delivery review with key accounts',
        ],
      ]);
      expect(operations.comments.map((c) => c.author.name)).toEqual(['Chloé Xavier', 'Olaf Berg']);
      expect(operations.commentsRequired).not.toContain('on_time_delivery');
    });
  });

  describe('problems', () => {
    it('answers an unknown unit with 404 naming the key', async () => {
      const res = await t.http
        .get('/api/v1/scorecards/org-units/atlantis')
        .query({ period: Q1 })
        .set(...bearer(member))
        .expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain('"atlantis"');
    });

    it('answers a period that is not a label, or none, with 400 saying what to give', async () => {
      const bad = await t.http
        .get('/api/v1/scorecards/company')
        .query({ period: 'FY2029-Q5' })
        .set(...bearer(member))
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.detail).toBe(
        '"FY2029-Q5" is not a period label: use a month such as 2026-03, a fiscal quarter such as FY2026-Q1 or a fiscal year such as FY2026.',
      );
      const none = await t.http
        .get('/api/v1/scorecards/org-units/operations')
        .set(...bearer(member))
        .expect(400);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(none.body.detail).toBe(
        'period is missing: use a month such as 2026-03, a fiscal quarter such as FY2026-Q1 or a fiscal year such as FY2026.',
      );
    });

    it('refuses a signed-out reader', async () => {
      await t.http.get('/api/v1/scorecards/company').query({ period: Q1 }).expect(401);
    });
  });

  describe('comments', () => {
    it('lets the unit’s executive, an executive above it and a CX lead comment; others get 403 with a sentence', async () => {
      const own = await comment(
        'operations',
        { period: Q1, metric: 'nps', body: 'NPS is close to target within the margin.' },
        vpOperations,
      ).expect(201);
      expect(own.body).toMatchObject({
        orgUnit: 'operations',
        period: Q1,
        metric: 'nps',
        author: { id: ids['vp.operations@example.com'], name: 'Olaf Berg' },
      });
      await comment('manufacturing', { period: Q1, body: 'Team view.' }, vpOperations).expect(201);
      await comment('operations', { period: Q1, body: 'Seen from the top.' }, ceo).expect(201);
      await comment('operations', { period: Q1, body: 'The customer office follows this.' }, cx).expect(201);

      const other = await comment('operations', { period: Q1, body: 'Not mine.' }, vpSales).expect(403);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(other.body.detail).toBe(
        'Only the executive who leads Operations (or a unit above it) or a CX lead can comment on the scorecard of Operations.',
      );
      await comment('operations', { period: Q1, body: 'A member.' }, member).expect(403);
      // leading a team is not being its executive
      await comment('manufacturing', { period: Q1, body: 'Team lead.' }, teamLead).expect(403);
    });

    it('lists the unit’s comments of the period newest first, and audits each', async () => {
      const card = await unit('operations', Q1);
      expect(card.comments.map((c: ScorecardComment) => c.body)).toEqual([
        'The customer office follows this.',
        'Seen from the top.',
        'NPS is close to target within the margin.',
      ]);
      const [audit] = await t.sql<{ n: string }>(
        `SELECT count(*)::text AS n FROM audit_entries WHERE action = 'scorecard-comment.create'`,
      );
      expect(Number(audit.n)).toBe(4); // the four accepted above (the demo's are part of the seed)
      expect((await unit('operations', '2028-10')).comments).toEqual([]);
    });

    it('refuses an unknown unit, metric, period and an over-long body', async () => {
      await comment('atlantis', { period: Q1, body: 'x' }, cx).expect(404);
      const metric = await comment('operations', { period: Q1, metric: 'happiness', body: 'x' }, cx).expect(
        400,
      );
      expect(metric.body.detail).toContain('There is no metric "happiness"');
      await comment('operations', { period: '2029-13', body: 'x' }, cx).expect(400);
      const long = await comment('operations', { period: Q1, body: 'x'.repeat(4001) }, cx).expect(400);
      expect(long.body.detail).toContain('at most 4000 characters');
      await comment('operations', { period: Q1, body: '   ' }, cx).expect(400);
    });

    it('lists a red CX cell without a comment as required, and drops it once commented', async () => {
      expect((await unit('operations', Q1)).commentsRequired).toEqual(['on_time_delivery']);
      await comment(
        'operations',
        { period: Q1, metric: 'on_time_delivery', body: 'Logistics capacity short in October.' },
        vpOperations,
      ).expect(201);
      expect((await unit('operations', Q1)).commentsRequired).toEqual([]);
    });
  });

  describe('action plans', () => {
    let created: ActionPlan;

    it('creates an open plan on a cell, shown on the unit scorecard', async () => {
      const res = await plan(
        'operations',
        {
          period: Q1,
          metric: 'on_time_delivery',
          title: 'Add a Saturday shift at Logistics',
          ownerId: ids['tomasz.nowak@example.com'],
          dueDate: '2029-01-31',
        },
        vpOperations,
      ).expect(201);
      created = res.body;
      expect(created).toMatchObject({
        orgUnit: 'operations',
        period: Q1,
        metric: 'on_time_delivery',
        owner: { id: ids['tomasz.nowak@example.com'], name: 'Tomasz Nowak' },
        dueDate: '2029-01-31',
        status: 'open',
        closedAt: null,
      });
      // open plans show in every period until closed
      const plans = (await unit('operations', '2028-10')).actionPlans.map((p) => p.id);
      expect(plans).toContain(created.id);
    });

    it('refuses other people, unknown owners and impossible dates', async () => {
      await plan(
        'operations',
        {
          period: Q1,
          metric: 'on_time_delivery',
          title: 'x',
          ownerId: ids['vp.sales@example.com'],
          dueDate: '2029-01-31',
        },
        vpSales,
      ).expect(403);
      await plan(
        'operations',
        {
          period: Q1,
          metric: 'on_time_delivery',
          title: 'x',
          ownerId: '00000000-0000-4000-8000-000000000000',
          dueDate: '2029-01-31',
        },
        cx,
      ).expect(400);
      const date = await plan(
        'operations',
        {
          period: Q1,
          metric: 'on_time_delivery',
          title: 'x',
          ownerId: ids['vp.sales@example.com'],
          dueDate: '2029-02-30',
        },
        cx,
      ).expect(400);
      expect(date.body.detail).toContain('dueDate must be a date such as 2026-03-31');
      await patchPlan(created.id, { status: 'done' }, vpSales).expect(403);
      await patchPlan(created.id, {}, cx).expect(400);
      await patchPlan('00000000-0000-4000-8000-000000000000', { status: 'done' }, cx).expect(404);
    });

    it('moves a plan to in progress, a new owner and due date, then done; done shows in the period it was closed in', async () => {
      const progress = await patchPlan(
        created.id,
        { status: 'in_progress', dueDate: '2029-02-28', ownerId: ids['aiko.tanaka@example.com'] },
        cx,
      ).expect(200);
      expect(progress.body).toMatchObject({
        status: 'in_progress',
        dueDate: '2029-02-28',
        owner: { name: 'Aiko Tanaka' },
        closedAt: null,
      });
      const done = await patchPlan(created.id, { status: 'done' }, ceo).expect(200);
      expect(done.body.status).toBe('done');
      expect(Date.now() - Date.parse(done.body.closedAt)).toBeLessThan(60_000);

      expect((await unit('operations', Q1)).actionPlans.map((p) => p.id)).not.toContain(created.id);
      const closedMonth = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
      }).format(new Date(done.body.closedAt));
      const closedIn = (await unit('operations', closedMonth)).actionPlans.find((p) => p.id === created.id);
      expect(closedIn).toMatchObject({ status: 'done', closedAt: done.body.closedAt });

      const reopened = await patchPlan(created.id, { status: 'open' }, vpOperations).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
      const actions = await t.sql<{ action: string }>(
        `SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`,
        [created.id],
      );
      expect(actions.map((a) => a.action)).toEqual([
        'action-plan.create',
        'action-plan.update',
        'action-plan.update',
        'action-plan.update',
      ]);
    });
  });

  describe('cache', () => {
    it('serves the same scorecard again from the cache without reading the database for it', async () => {
      const first = await company(Q1);
      const reads = jest.spyOn(t.app.get(ScorecardSources), 'units');
      try {
        const again = await t.http
          .get('/api/v1/scorecards/company')
          .query({ period: Q1 })
          .set(...bearer(member))
          .expect(200);
        expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(again.body).toEqual(first);
        // a browser asking again with the entity tag is told nothing changed
        await t.http
          .get('/api/v1/scorecards/company')
          .query({ period: Q1 })
          .set(...bearer(member))
          .set('If-None-Match', again.headers['etag'])
          .expect(304);
        expect(reads).not.toHaveBeenCalled();
        await company('FY2029-Q2');
        expect(reads).toHaveBeenCalledTimes(1);
      } finally {
        reads.mockRestore();
      }
    });

    it('sends the scorecard gzip-compressed to a client that accepts it, and plain JSON otherwise', async () => {
      const plain = await t.http
        .get('/api/v1/scorecards/company')
        .query({ period: Q1 })
        .set(...bearer(member))
        .set('Accept-Encoding', 'identity')
        .expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const zipped = await t.http
        .get('/api/v1/scorecards/company')
        .query({ period: Q1 })
        .set(...bearer(member))
        .set('Accept-Encoding', 'gzip, deflate, br')
        .expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['vary']).toMatch(/Accept-Encoding/);
      expect(Number(zipped.headers['content-length'])).toBeLessThan(
        Number(plain.headers['content-length']) / 4,
      );
      expect(zipped.body).toEqual(plain.body); // decompressed by the client
    });

    it('shows a restated measurement, new answers and a changed target at once', async () => {
      await unit('operations', Q1);
      await company(Q1);
      await t.http
        .post('/api/v1/measurements')
        .set(...bearer(cx))
        .send({
          measurements: [
            {
              metric: 'on_time_delivery',
              orgUnit: 'logistics',
              period: '2028-11',
              numerator: 92,
              denominator: 100,
              reason: 'late proof of delivery',
            },
          ],
        })
        .expect(200);
      // (125 + 92) ÷ 250
      expect(cell(await unit('operations', Q1), 'on_time_delivery').actual).toBeCloseTo(86.8, 9);
      expect(
        (await company(Q1)).functions.find((row) => row.orgUnit === 'operations')?.cx[7].actual,
      ).toBeCloseTo(86.8, 9);

      // ten more satisfied answers: CSAT 25 of 30 and a sufficient sample, so it enters the index
      await answers('csat29b', 'csat', [[5, 10]]);
      const card = await unit('operations', Q1);
      expect(cell(card, 'csat')).toMatchObject({ n: 30, insufficientSample: false });
      expect(card.unit.cxIndex.weightUsed).toBe(100);

      await targets([
        { metric: 'nps', orgUnit: 'operations', period: 'FY2029', threshold: 30, target: 35, stretch: 45 },
      ]);
      const nps = cell(await unit('operations', Q1), 'nps');
      expect(nps).toMatchObject({ target: 35, stretch: 45 });
      expect(nps.score).toBeCloseTo(80, 9);
    });
  });
});
