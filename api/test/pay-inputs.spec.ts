import type { MetricFact, ScorecardCell, UnitScorecard } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import type { FrozenInputs } from '../src/incentives/frozen-inputs';
import { PayInputsService, type PayInputRequest } from '../src/incentives/pay-inputs.service';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * What each plan component reads, against the demo (fiscal years from October) and answers this
 * file adds for FY2026-Q1 (October to December 2025; its trailing twelve months are January to
 * December 2025). Units added under the company, with NPS answers:
 * - Pay Lab (function): 100 of its own in the quarter (50 × 9, 50 × 7);
 *   - Lab A: 20 in the quarter (10 × 10, 10 × 0: NPS 0) and 100 × 10 in March 2025 — its
 *     trailing twelve months have 120 answers: 100 × (110 − 10) ÷ 120 = 83.33…;
 *   - Lab B: 10 × 10 in the quarter and nothing before — Pay Lab's subtree has 130 answers in
 *     the quarter, 70 promoters and 10 detractors: 100 × 60 ÷ 130 = 46.15…;
 * - Pay Void (function) → Void C: 5 × 8 in the quarter and nothing else anywhere in its subtree.
 * Key Accounts gets 150 answers of each survey in the quarter, so Sales has large samples (the
 * test database holds the demo's measurements and targets but none of its answers).
 */
describe('pay inputs', () => {
  let t: TestApp;
  let service: PayInputsService;
  let cx: string;
  let member: string;
  let hrId: string;
  let approverId: string;
  const ids: Record<string, string> = {};
  const PERIOD = 'FY2026-Q1';

  const req = (
    metric: string,
    unit: string,
    scope: PayInputRequest['scope'] = 'OWN_UNIT',
  ): PayInputRequest => ({
    metric,
    scope,
    orgUnitId: ids[unit],
  });
  const one = async (request: PayInputRequest, frozen: FrozenInputs | null = null): Promise<MetricFact> =>
    (await service.facts(PERIOD, [request], frozen)).fact(request);
  const answers = (unit: string, month: string, score: number, count: number, tag: string, survey = 'nps') =>
    Array.from({ length: count }, (_, index) => ({
      responseId: `pay-${unit}-${month}-${survey}-${tag}-${index}`,
      respondedAt: `${month}-15T12:00:00Z`,
      orgUnit: unit,
      survey,
      score,
    }));
  const setTargets = (targets: object[]) =>
    t.http
      .post('/api/v1/targets')
      .set(...bearer(cx))
      .send({ targets })
      .expect(200);
  const scorecard = async (unit: string): Promise<UnitScorecard> =>
    (
      await t.http
        .get(`/api/v1/scorecards/org-units/${unit}`)
        .query({ period: PERIOD })
        .set(...bearer(member))
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    service = t.app.get(PayInputsService);
    const admin = await t.tokenFor('admin@example.com');
    cx = await t.tokenFor('cx@example.com');
    member = await t.tokenFor('member@example.com');
    for (const [key, name, type, parentKey] of [
      ['pay-lab', 'Pay Lab', 'FUNCTION', 'company'],
      ['lab-a', 'Lab A', 'TEAM', 'pay-lab'],
      ['lab-b', 'Lab B', 'TEAM', 'pay-lab'],
      ['pay-void', 'Pay Void', 'FUNCTION', 'company'],
      ['void-c', 'Void C', 'TEAM', 'pay-void'],
    ]) {
      await t.http
        .post('/api/v1/org-units')
        .set(...bearer(admin))
        .send({ key, name, type, parentKey })
        .expect(201);
    }
    for (const row of await t.sql<{ key: string; id: string }>('SELECT key, id FROM org_units'))
      ids[row.key] = row.id;
    [{ id: hrId }] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'hr@example.com'`);
    [{ id: approverId }] = await t.sql<{ id: string }>(
      `SELECT id FROM users WHERE email = 'approver@example.com'`,
    );
    const responses = [
      ...answers('pay-lab', '2025-11', 9, 50, 'p'),
      ...answers('pay-lab', '2025-11', 7, 50, 'n'),
      ...answers('lab-a', '2025-12', 10, 10, 'p'),
      ...answers('lab-a', '2025-12', 0, 10, 'd'),
      ...answers('lab-a', '2025-03', 10, 100, 'p'),
      ...answers('lab-b', '2025-10', 10, 10, 'p'),
      ...answers('void-c', '2025-11', 8, 5, 'n'),
      // Sales (through Key Accounts): 150 answers of each survey in the quarter
      ...answers('key-accounts', '2025-11', 9, 60, 'p'),
      ...answers('key-accounts', '2025-11', 7, 40, 'n'),
      ...answers('key-accounts', '2025-11', 3, 50, 'd'),
      ...answers('key-accounts', '2025-11', 5, 100, 's', 'csat'),
      ...answers('key-accounts', '2025-11', 3, 30, 'n', 'csat'),
      ...answers('key-accounts', '2025-11', 1, 20, 'd', 'csat'),
      ...answers('key-accounts', '2025-11', 6, 90, 'e', 'ces'),
      ...answers('key-accounts', '2025-11', 4, 40, 'n', 'ces'),
      ...answers('key-accounts', '2025-11', 2, 20, 'd', 'ces'),
    ];
    await t.http
      .post('/api/v1/voc/responses')
      .set(...bearer(cx))
      .send({ responses })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('measured metrics', () => {
    it('gives a measured metric the value the unit’s scorecard shows for the quarter, from measurements', async () => {
      let compared = 0;
      for (const unit of ['sales', 'service', 'operations', 'company']) {
        const card = await scorecard(unit);
        const cells = [...card.unit.cx, card.unit.primary, card.unit.margin].filter(
          (cell): cell is ScorecardCell => !!cell && cell.n === null && cell.actual !== null,
        );
        const facts = await service.facts(
          PERIOD,
          cells.map((cell) => req(cell.metric, unit)),
          null,
        );
        for (const cell of cells) {
          const fact = facts.fact(req(cell.metric, unit));
          expect({ unit, metric: cell.metric, value: Number(fact.input.value) }).toEqual({
            unit,
            metric: cell.metric,
            value: cell.actual,
          });
          expect(fact.input).toMatchObject({
            basis: 'ACTUAL',
            sample: null,
            orgUnit: { key: unit },
            period: PERIOD,
          });
          expect(fact.input.source).toMatch(
            new RegExp(`^.+ of ${card.unit.name}, ${PERIOD}: .*measurements`),
          );
          expect(fact.band).toEqual(
            cell.target === null
              ? null
              : { threshold: cell.threshold, target: cell.target, stretch: cell.stretch },
          );
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(6);
    });

    it('names how a ratio was taken from the measurements in its source', async () => {
      const fact = await one(req('quota_attainment', 'sales'));
      expect(fact.input.source).toMatch(
        /^Quota attainment of Sales, FY2026-Q1: numerator ÷ denominator summed over 3 months of measurements/,
      );
    });

    it('says "no result yet" with a null value when the unit has no measurements in the quarter', async () => {
      const fact = await one(req('on_time_delivery', 'pay-lab'));
      expect(fact.input).toMatchObject({ value: null, basis: 'ACTUAL', orgUnit: { key: 'pay-lab' } });
      expect(fact.input.source).toBe(
        'On-time delivery of Pay Lab, FY2026-Q1: no result yet — no measurements for Oct 2025–Dec 2025.',
      );
    });

    it('adds the approved CX investments of the quarter back into the adjusted margin, and nothing into gross margin', async () => {
      const facts = await service.facts(
        PERIOD,
        [req('adjusted_margin', 'company'), req('gross_margin', 'company')],
        null,
      );
      const adjusted = facts.fact(req('adjusted_margin', 'company'));
      const gross = facts.fact(req('gross_margin', 'company'));
      const [{ invested }] = await t.sql<{ invested: string }>(
        `SELECT sum(amount)::text AS invested FROM cx_investments
          WHERE status = 'approved' AND kind = 'cost' AND month IN ('2025-10', '2025-11', '2025-12')`,
      );
      expect(Number(invested)).toBeGreaterThan(0);
      const measured = (
        await t.http
          .get('/api/v1/measurements')
          .query({ metric: 'gross_margin', orgUnit: 'company', period: PERIOD })
          .set(...bearer(member))
          .expect(200)
      ).body as { value: string; numerator: string; denominator: string };
      expect(gross.input.value).toBe(measured.value);
      const expected = new Decimal(measured.numerator)
        .plus(invested)
        .times(100)
        .dividedBy(measured.denominator)
        .toFixed(4, Decimal.ROUND_HALF_EVEN);
      expect(adjusted.input.value).toBe(expected);
      expect(adjusted.input.value).not.toBe(gross.input.value);
      const amount = new Decimal(invested).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      expect(adjusted.input.source).toContain(`with ${amount} of approved CX investments added back`);
      expect(adjusted.metricName).toMatch(/^Adjusted margin/);
    });

    it('reads the scope unit’s primary commercial metric, in its adjusted form, for primary_commercial', async () => {
      const fact = await one(req('primary_commercial', 'key-accounts', 'PARENT_UNIT'));
      const [{ primary }] = await t.sql<{ primary: string }>(
        `SELECT primary_metric_key AS primary FROM org_units WHERE key = 'sales'`,
      );
      const adjusted = primary === 'quota_attainment' ? 'adjusted_quota_attainment' : primary;
      const direct = await one(req(adjusted, 'sales'));
      expect(fact.metric).toBe('primary_commercial');
      expect(fact.scope).toBe('PARENT_UNIT');
      expect(fact.metricName).toBe(direct.metricName);
      expect(fact.input).toEqual(direct.input);
      expect(fact.band).toEqual(direct.band);
    });
  });

  describe('scopes', () => {
    it('reads the participant’s unit, its parent and the company for OWN_UNIT, PARENT_UNIT and COMPANY', async () => {
      const requests = [
        req('nps', 'key-accounts', 'OWN_UNIT'),
        req('nps', 'key-accounts', 'PARENT_UNIT'),
        req('nps', 'key-accounts', 'COMPANY'),
        req('nps', 'company', 'PARENT_UNIT'),
        req('nps', 'sales', 'OWN_UNIT'),
      ];
      const facts = await service.facts(PERIOD, requests, null);
      const units = requests.map((request) => facts.fact(request).input.orgUnit.key);
      expect(units).toEqual(['key-accounts', 'sales', 'company', 'company', 'sales']);
      expect(requests.map((request) => facts.fact(request).scope)).toEqual([
        'OWN_UNIT',
        'PARENT_UNIT',
        'COMPANY',
        'PARENT_UNIT',
        'OWN_UNIT',
      ]);
      expect(facts.fact(requests[1]).input).toEqual(facts.fact(requests[4]).input);
      expect(facts.fact(requests[1]).band).toEqual(facts.fact(requests[4]).band);
    });

    it('refuses a fact that was not asked for, a period that is not a quarter and an unknown metric', async () => {
      const facts = await service.facts(PERIOD, [req('nps', 'sales')], null);
      expect(() => facts.fact(req('csat', 'sales'))).toThrow(/was not asked for/);
      await expect(service.facts('FY2026', [req('nps', 'sales')], null)).rejects.toThrow(
        'period must be a fiscal quarter such as FY2026-Q1',
      );
      await expect(service.facts(PERIOD, [req('happiness', 'sales')], null)).rejects.toThrow(
        '"happiness" is not a metric',
      );
    });

    it('reads 10,000 participants × 8 components in a handful of statements', async () => {
      const units = Object.keys(ids);
      const metrics = [
        'cx_index',
        'nps',
        'csat',
        'ces',
        'revenue',
        'gross_margin',
        'adjusted_margin',
        'on_time_delivery',
      ];
      const scopes = ['OWN_UNIT', 'PARENT_UNIT', 'COMPANY'] as const;
      const requests: PayInputRequest[] = [];
      for (let person = 0; person < 10_000; person++) {
        for (const [index, metric] of metrics.entries())
          requests.push(req(metric, units[person % units.length], scopes[(person + index) % 3]));
      }
      const dataSource = t.app.get(DataSource);
      const spy = jest.spyOn(dataSource, 'query');
      const started = Date.now();
      const facts = await service.facts(PERIOD, requests, null);
      for (const request of requests) facts.fact(request);
      const elapsed = Date.now() - started;
      const statements = spy.mock.calls.length;
      spy.mockRestore();
      expect(statements).toBeLessThanOrEqual(10);
      expect(elapsed).toBeLessThan(3000);
    });
  });

  describe('survey metrics and their small-sample fallbacks', () => {
    it('uses a large sample as it is: the scorecard’s NPS with its number of answers', async () => {
      const card = await scorecard('sales');
      const cell = card.unit.cx.find((item) => item.metric === 'nps') as ScorecardCell;
      expect(cell.n).toBeGreaterThanOrEqual(100);
      const fact = await one(req('nps', 'sales'));
      expect(fact.input).toMatchObject({
        basis: 'ACTUAL',
        sample: cell.n,
        orgUnit: { key: 'sales', name: 'Sales' },
        period: PERIOD,
      });
      expect(Number(fact.input.value)).toBeCloseTo(cell.actual as number, 8);
      expect(fact.input.source).toBe(
        `Net Promoter Score of Sales, FY2026-Q1: ${(cell.n as number).toLocaleString('en-US')} answers.`,
      );
      expect(fact).toMatchObject({ metric: 'nps', unit: 'score', direction: 'higher' });
      expect(fact.band).toEqual({ threshold: cell.threshold, target: cell.target, stretch: cell.stretch });
    });

    it('falls back to the trailing twelve months when they reach 100 answers', async () => {
      const fact = await one(req('nps', 'lab-a'));
      expect(fact.input).toEqual({
        value: '83.3333333333',
        basis: 'TRAILING_TWELVE_MONTHS',
        sample: 120,
        orgUnit: { key: 'lab-a', name: 'Lab A' },
        period: '2025-01–2025-12',
        source: expect.stringMatching(
          /^Net Promoter Score of Lab A, FY2026-Q1: 20 answers, short of the 100 needed for pay; .*trailing twelve months.*120 answers/,
        ),
      });
    });

    it('falls back to the parent unit’s quarter when the trailing twelve months are short too', async () => {
      const fact = await one(req('nps', 'lab-b'));
      expect(fact.input).toMatchObject({
        value: '46.1538461538',
        basis: 'PARENT_UNIT',
        sample: 130,
        orgUnit: { key: 'pay-lab', name: 'Pay Lab' },
        period: PERIOD,
      });
      expect(fact.input.source).toMatch(/Pay Lab/);
    });

    it('pays at target when the unit, its trailing twelve months and its parent are all short', async () => {
      const fact = await one(req('nps', 'void-c'));
      expect(fact.input).toMatchObject({ value: null, basis: 'AT_TARGET', orgUnit: { key: 'void-c' } });
      expect(fact.input.source).toMatch(/pays at target/);
    });

    it('uses an approved override and never a pending or rejected one', async () => {
      const insert = (unit: string, value: string, status: string) =>
        t.sql(
          `INSERT INTO pay_overrides (org_unit_id, metric, period, value, reason, status, entered_by, decided_by, decided_at)
           VALUES ($1, 'nps', $2, $3, 'Survey outage in November; agreed level', $4, $5, $6, CASE WHEN $4 = 'PENDING' THEN NULL ELSE now() END)`,
          [ids[unit], PERIOD, value, status, hrId, status === 'PENDING' ? null : approverId],
        );
      await insert('lab-b', '12', 'REJECTED');
      await insert('lab-b', '35.5', 'PENDING');
      await insert('void-c', '40', 'APPROVED');
      const facts = await service.facts(PERIOD, [req('nps', 'lab-b'), req('nps', 'void-c')], null);
      expect(facts.fact(req('nps', 'lab-b')).input.basis).toBe('PARENT_UNIT');
      expect(facts.fact(req('nps', 'void-c')).input).toMatchObject({
        value: '40',
        basis: 'OVERRIDE',
        orgUnit: { key: 'void-c' },
        source: expect.stringContaining('approved by Arthur Pryce: Survey outage in November; agreed level'),
      });
      await t.sql(
        `UPDATE pay_overrides SET status = 'APPROVED', decided_by = $1, decided_at = now() WHERE status = 'PENDING' AND org_unit_id = $2`,
        [approverId, ids['lab-b']],
      );
      expect((await one(req('nps', 'lab-b'))).input).toMatchObject({ value: '35.5', basis: 'OVERRIDE' });
    });
  });

  describe('CX index', () => {
    it('equals the scorecard’s CX index when every survey reaches 100 answers, with the smallest sample', async () => {
      const card = await scorecard('sales');
      const used = card.unit.cxIndex.components.filter((part) => !part.excluded).map((part) => part.metric);
      const samples = card.unit.cx
        .filter((cell) => used.includes(cell.metric) && cell.n !== null)
        .map((cell) => cell.n as number);
      expect(samples.every((n) => n >= 100)).toBe(true);
      const fact = await one(req('cx_index', 'sales'));
      expect(fact.input.basis).toBe('ACTUAL');
      expect(Number(fact.input.value)).toBeCloseTo(card.unit.cxIndex.value as number, 8);
      expect(fact.input.sample).toBe(samples.length ? Math.min(...samples) : null);
      expect(fact.input.source).toMatch(
        /^CX index of Sales, FY2026-Q1: the weighted scores of .* on their bands/,
      );
      if (samples.length)
        expect(fact.input.source).toContain(`smallest sample ${Math.min(...samples)} answers.`);
    });

    describe('with NPS as the only weight', () => {
      beforeAll(async () => {
        for (const unit of ['lab-a', 'lab-b', 'pay-lab']) {
          await t.http
            .put('/api/v1/cx-index/weights')
            .set(...bearer(cx))
            .send({ orgUnit: unit, weights: [{ metric: 'nps', weight: 100 }] })
            .expect(200);
        }
        await setTargets([
          { metric: 'nps', orgUnit: 'lab-a', period: 'FY2026', threshold: 0, target: 50, stretch: 100 },
          { metric: 'nps', orgUnit: 'lab-b', period: 'FY2026', threshold: 0, target: 50, stretch: 100 },
          { metric: 'nps', orgUnit: 'pay-lab', period: 'FY2026', threshold: 0, target: 40, stretch: 80 },
        ]);
      });

      it('takes an insufficient index over the trailing twelve months, scored on the quarter’s bands', async () => {
        const fact = await one(req('cx_index', 'lab-a'));
        // NPS 83.33 on 0 / 50 / 100: 100 + 50 × 33.33 ÷ 50
        expect(fact.input).toMatchObject({
          value: '133.3333333333',
          basis: 'TRAILING_TWELVE_MONTHS',
          sample: 120,
          orgUnit: { key: 'lab-a' },
          period: '2025-01–2025-12',
        });
        expect(fact.input.source).toMatch(
          /^CX index of Lab A, FY2026-Q1: the quarter's index is insufficient \(nps \(insufficient sample\) left out.*\), so the trailing twelve months \(Jan 2025–Dec 2025\) are used/,
        );
        expect(fact.input.source).toContain('smallest sample 120 answers');
        expect(fact.band).toEqual({ threshold: 50, target: 100, stretch: 150 });
      });

      it('takes the parent unit’s index when the trailing twelve months are insufficient too', async () => {
        const fact = await one(req('cx_index', 'lab-b'));
        // Pay Lab's NPS 46.15 on 0 / 40 / 80: 100 + 50 × 6.15 ÷ 40
        expect(fact.input).toMatchObject({
          basis: 'PARENT_UNIT',
          sample: 130,
          orgUnit: { key: 'pay-lab' },
          period: PERIOD,
        });
        expect(Number(fact.input.value)).toBeCloseTo(100 + (50 * (6000 / 130 - 40)) / 40, 8);
        expect(fact.input.source).toContain('the index of its parent unit Pay Lab is used');
      });

      it('reads frozen bands and weights instead of the live ones', async () => {
        const frozen: FrozenInputs = {
          bands: [
            { metric: 'nps', orgUnit: 'lab-a', period: PERIOD, threshold: '0', target: '50', stretch: '100' },
            {
              metric: 'cx_index',
              orgUnit: 'lab-a',
              period: PERIOD,
              threshold: '60',
              target: '100',
              stretch: '140',
            },
          ],
          cxIndexWeights: [{ orgUnit: 'lab-a', metric: 'nps', weight: '100' }],
        };
        await setTargets([
          { metric: 'nps', orgUnit: 'lab-a', period: 'FY2026-Q1', threshold: 0, target: 60, stretch: 120 },
        ]);
        await t.http
          .put('/api/v1/cx-index/weights')
          .set(...bearer(cx))
          .send({
            orgUnit: 'lab-a',
            weights: [
              { metric: 'nps', weight: 50 },
              { metric: 'csat', weight: 50 },
            ],
          })
          .expect(200);
        const live = await one(req('cx_index', 'lab-a'));
        const kept = await one(req('cx_index', 'lab-a'), frozen);
        expect(live.input.value).not.toBe('133.3333333333');
        expect(kept.input).toMatchObject({ value: '133.3333333333', basis: 'TRAILING_TWELVE_MONTHS' });
        expect(kept.band).toEqual({ threshold: 60, target: 100, stretch: 140 });
      });
    });
  });

  describe('bands', () => {
    it('keeps a frozen band when the live target changes after the freeze, and has none where nothing was frozen', async () => {
      const before = await one(req('nps', 'sales'));
      const band = before.band as NonNullable<MetricFact['band']>;
      const frozen: FrozenInputs = {
        bands: [
          {
            metric: 'nps',
            orgUnit: 'sales',
            period: PERIOD,
            threshold: String(band.threshold),
            target: String(band.target),
            stretch: String(band.stretch),
          },
        ],
        cxIndexWeights: [],
      };
      await setTargets([
        {
          metric: 'nps',
          orgUnit: 'sales',
          period: PERIOD,
          threshold: band.threshold + 7,
          target: band.target + 7,
          stretch: band.stretch + 7,
        },
      ]);
      const facts = await service.facts(PERIOD, [req('nps', 'sales'), req('csat', 'sales')], frozen);
      const live = await one(req('nps', 'sales'));
      expect(live.band).toEqual({
        threshold: band.threshold + 7,
        target: band.target + 7,
        stretch: band.stretch + 7,
      });
      expect(facts.fact(req('nps', 'sales')).band).toEqual(band);
      expect(facts.fact(req('nps', 'sales')).input).toEqual(live.input);
      expect(facts.fact(req('csat', 'sales')).band).toBeNull();
    });

    it('gives the scope unit’s band, split into quarters for a sum metric', async () => {
      await setTargets([
        {
          metric: 'revenue',
          orgUnit: 'pay-lab',
          period: 'FY2026',
          threshold: 400,
          target: 800,
          stretch: 1200,
        },
      ]);
      const fact = await one(req('revenue', 'lab-a', 'PARENT_UNIT'));
      expect(fact.band).toEqual({ threshold: 100, target: 200, stretch: 300 });
    });
  });
});
