import type {
  MetricDirection,
  MetricFact,
  ParticipantFacts,
  PayoutPoint,
  PlanComponent,
  PlanGate,
  PlanRules,
} from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';

import { Dec } from './decimal';
import { curvePayout } from './payout-curve';
import { rulesProblems } from './plan-rules';
import { computeStatement } from './statement';

const RUNS = { seed: 42, numRuns: 500 };

/** A plain decimal string with up to three decimals: -50.000 … 250.000. */
const decimalText = (min = -50_000, max = 250_000): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((n) => new Dec(n).div(1000).toFixed());

const direction: fc.Arbitrary<MetricDirection> = fc.constantFrom('higher', 'lower');

/** A valid curve for the direction: values strictly ordered in the better direction, payouts never decreasing. */
function curve(dir: MetricDirection): fc.Arbitrary<PayoutPoint[]> {
  return fc
    .record({
      start: fc.integer({ min: -100_000, max: 200_000 }),
      firstPayout: fc.integer({ min: 0, max: 150_000 }),
      steps: fc.array(
        fc.record({ dv: fc.integer({ min: 1, max: 50_000 }), dp: fc.integer({ min: 0, max: 100_000 }) }),
        {
          minLength: 0,
          maxLength: 4,
        },
      ),
    })
    .map(({ start, firstPayout, steps }) => {
      const sign = dir === 'higher' ? 1 : -1;
      let v = start;
      let p = firstPayout;
      const points = [{ value: new Dec(v).div(1000).toFixed(), payout: new Dec(p).div(1000).toFixed() }];
      for (const { dv, dp } of steps) {
        v += sign * dv;
        p += dp;
        points.push({ value: new Dec(v).div(1000).toFixed(), payout: new Dec(p).div(1000).toFixed() });
      }
      return points;
    });
}

const curveWithDirection = direction.chain((dir) => curve(dir).map((points) => ({ dir, points })));

/** b is at or beyond a in the better direction. */
const atOrBeyond = (b: string, a: string, dir: MetricDirection): boolean =>
  dir === 'higher' ? new Dec(b).gte(a) : new Dec(b).lte(a);

interface Scenario {
  rules: PlanRules;
  facts: ParticipantFacts;
}

const BAND = null;

/** A plan of 1–4 components with random curves, caps, gates, a multiplier and a plan cap, and facts for it. */
const scenario: fc.Arbitrary<Scenario> = fc
  .array(
    fc.record({
      curve: curveWithDirection,
      weight: fc.integer({ min: 1, max: 100_000 }).map((n) => new Dec(n).div(1000).toFixed()),
      cap: fc.option(decimalText(0, 300_000), { nil: null }),
      value: fc.option(decimalText(-150_000, 450_000), { nil: null, freq: 5 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((parts) =>
    fc.record({
      parts: fc.constant(parts),
      gates: fc.array(
        fc.record({
          input: fc.integer({ min: 0, max: parts.length - 1 }),
          level: decimalText(-100_000, 300_000),
          components: fc.subarray(
            parts.map((_, i) => i),
            { minLength: 1 },
          ),
          maxPayout: decimalText(0, 250_000),
        }),
        { maxLength: 2 },
      ),
      multiplier: fc.option(
        fc.record({
          curve: curveWithDirection,
          value: fc.option(decimalText(-150_000, 450_000), { nil: null }),
        }),
        {
          nil: null,
        },
      ),
      planCap: fc.option(decimalText(0, 300_000), { nil: null }),
      annual: fc.integer({ min: 0, max: 50_000_000 }).map((cents) => new Dec(cents).div(100).toFixed(2)),
      days: fc.integer({ min: 0, max: 92 }),
      daysInYear: fc.constantFrom(365, 366),
      adjustments: fc.array(
        fc.integer({ min: -500_000, max: 500_000 }).map((c) => new Dec(c).div(100).toFixed(2)),
        { maxLength: 2 },
      ),
      carriedIn: fc.integer({ min: -2_000_000, max: 0 }).map((c) => new Dec(c).div(100).toFixed(2)),
    }),
  )
  .map(({ parts, gates, multiplier, planCap, annual, days, daysInYear, adjustments, carriedIn }) => {
    const components: PlanComponent[] = parts.map((part, i) => ({
      key: `c${i}`,
      label: `Component ${i}`,
      metric: `m${i}`,
      scope: 'OWN_UNIT',
      weight: part.weight,
      curve: { source: 'POINTS', points: part.curve.points },
      cap: part.cap,
    }));
    const facts: MetricFact[] = parts.map((part, i) =>
      metricFact(`m${i}`, 'OWN_UNIT', part.curve.dir, part.value),
    );
    const planGates: PlanGate[] = gates.map((gate, g) => ({
      key: `g${g}`,
      label: `Gate ${g}`,
      input: `c${gate.input}`,
      level: gate.level,
      components: gate.components.map((i) => `c${i}`),
      maxPayout: gate.maxPayout,
    }));
    if (multiplier) facts.push(metricFact('mult', 'COMPANY', multiplier.curve.dir, multiplier.value));
    return {
      rules: {
        components,
        gates: planGates,
        multiplier: multiplier
          ? { label: 'Multiplier', metric: 'mult', scope: 'COMPANY', points: multiplier.curve.points }
          : null,
        planCap,
      },
      facts: {
        period: 'FY2026-Q1',
        facts,
        targetBonus: { annual, eligibleDays: days, daysInYear },
        adjustments: adjustments.map((amount, i) => ({
          forPeriod: `FY2025-Q${i + 1}`,
          amount,
          reason: 'Restated.',
          source: 'RESTATEMENT' as const,
        })),
        carriedIn,
      },
    };
  });

function metricFact(
  metric: string,
  scope: 'OWN_UNIT' | 'COMPANY',
  dir: MetricDirection,
  value: string | null,
): MetricFact {
  return {
    metric,
    scope,
    metricName: metric,
    unit: 'count',
    direction: dir,
    band: BAND,
    input: {
      value,
      basis: value === null ? 'AT_TARGET' : 'ACTUAL',
      source: `${metric}: test value.`,
      sample: null,
      orgUnit: { key: 'u', name: 'Unit' },
      period: 'FY2026-Q1',
    },
  };
}

/** The same facts with fact `index`'s value moved `by` (≥ 0) in its better direction. */
function improved(facts: ParticipantFacts, index: number, by: string): ParticipantFacts {
  const copy = facts.facts.map((f, i) => {
    if (i !== index || f.input.value === null) return f;
    const moved =
      f.direction === 'higher' ? new Dec(f.input.value).plus(by) : new Dec(f.input.value).minus(by);
    return { ...f, input: { ...f.input, value: moved.toFixed() } };
  });
  return { ...facts, facts: copy };
}

describe('payout curves (property-based)', () => {
  it('never pay less as a result gets better, in either direction', () => {
    fc.assert(
      fc.property(
        curveWithDirection,
        decimalText(-150_000, 450_000),
        decimalText(-150_000, 450_000),
        ({ dir, points }, a, b) => {
          const [worse, better] = atOrBeyond(b, a, dir) ? [a, b] : [b, a];
          const low = curvePayout(points, dir, worse).payout;
          const high = curvePayout(points, dir, better).payout;
          expect(high.gte(low)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('pay between 0 and the last payout, and exactly the payout at each point', () => {
    fc.assert(
      fc.property(curveWithDirection, decimalText(-150_000, 450_000), ({ dir, points }, value) => {
        const payout = curvePayout(points, dir, value).payout;
        expect(payout.gte(0)).toBe(true);
        expect(payout.lte(points[points.length - 1].payout)).toBe(true);
        for (const point of points)
          expect(curvePayout(points, dir, point.value).payout.eq(point.payout)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('statements (property-based)', () => {
  it('never pay less as any one result gets better', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), decimalText(0, 100_000), ({ rules, facts }, pick, by) => {
        const index = pick % facts.facts.length;
        const before = computeStatement(rules, facts);
        const after = computeStatement(rules, improved(facts, index, by));
        expect(new Dec(after.totalPayout).gte(before.totalPayout)).toBe(true);
        expect(new Dec(after.amount).gte(before.amount)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never exceed a component cap nor the plan cap', () => {
    fc.assert(
      fc.property(scenario, ({ rules, facts }) => {
        const trace = computeStatement(rules, facts);
        for (const c of trace.components) {
          if (c.cap !== null) expect(new Dec(c.payout).lte(c.cap)).toBe(true);
          expect(new Dec(c.payout).lte(c.afterCap)).toBe(true);
          expect(new Dec(c.afterCap).lte(c.curvePayout)).toBe(true);
        }
        if (trace.planCap !== null) expect(new Dec(trace.totalPayout).lte(trace.planCap)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never raise a payout by a gate (compared with the gates removed)', () => {
    fc.assert(
      fc.property(scenario, ({ rules, facts }) => {
        const gated = computeStatement(rules, facts);
        const free = computeStatement({ ...rules, gates: [] }, facts);
        gated.components.forEach((c, i) => {
          expect(new Dec(c.payout).lte(free.components[i].payout)).toBe(true);
          for (const g of c.gatedBy) expect(new Dec(c.payout).lte(g.maxPayout)).toBe(true);
        });
        expect(new Dec(gated.totalPayout).lte(free.totalPayout)).toBe(true);
        for (const gate of gated.gates) {
          if (gate.outcome !== 'BINDS') {
            for (const c of gated.components) expect(c.gatedBy.map((g) => g.gate)).not.toContain(gate.key);
          }
        }
      }),
      RUNS,
    );
  });

  it('add up: contributions to the weighted payout, the rounding, and payable with the balance carried forward to the net', () => {
    fc.assert(
      fc.property(scenario, ({ rules, facts }) => {
        const trace = computeStatement(rules, facts);
        let sum: Decimal = new Dec(0);
        for (const c of trace.components) {
          expect(new Dec(c.contribution).eq(new Dec(c.weight).times(c.payout).div(100))).toBe(true);
          sum = sum.plus(c.contribution);
        }
        expect(sum.eq(trace.weightedPayout)).toBe(true);
        expect(new Dec(trace.unrounded).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2)).toBe(
          trace.amount,
        );
        expect(new Dec(trace.amount).minus(trace.unrounded).eq(trace.rounding)).toBe(true);
        const net = trace.adjustments
          .reduce((total, a) => total.plus(a.amount), new Dec(trace.amount))
          .plus(trace.carriedIn);
        // carriedForward is min(0, net), a negative number: payable + carriedForward = net.
        expect(new Dec(trace.payable).plus(trace.carriedForward).eq(net)).toBe(true);
        expect(trace.payable === '0.00' || trace.carriedForward === '0.00').toBe(true);
        expect(new Dec(trace.payable).gte(0)).toBe(true);
        expect(new Dec(trace.carriedForward).lte(0)).toBe(true);
        for (const money of [trace.amount, trace.payable, trace.carriedForward, trace.carriedIn]) {
          expect(money).toMatch(/^-?\d+\.\d{2}$/);
        }
        for (const text of [
          trace.weightedPayout,
          trace.totalPayout,
          trace.unrounded,
          trace.rounding,
          trace.targetBonus.periodTarget,
        ]) {
          expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        }
      }),
      RUNS,
    );
  });

  it("give the same cents when the amount is recomputed from the trace's own numbers", () => {
    const Wide = Decimal.clone({ precision: 120, rounding: Decimal.ROUND_HALF_EVEN });
    fc.assert(
      fc.property(scenario, ({ rules, facts }) => {
        const trace = computeStatement(rules, facts);
        const { annual, eligibleDays, daysInYear } = trace.targetBonus;
        const amount = new Wide(trace.totalPayout)
          .div(100)
          .times(new Wide(annual).times(eligibleDays).div(daysInYear))
          .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
          .toFixed(2);
        expect(amount).toBe(trace.amount);
      }),
      RUNS,
    );
  });
});

describe('plan rules (property-based)', () => {
  const directionOf = (): MetricDirection => 'higher';
  const rulesWithWeights = (weights: string[]): PlanRules => ({
    components: weights.map((weight, i) => ({
      key: `c${i}`,
      label: `Component ${i}`,
      metric: `m${i}`,
      scope: 'OWN_UNIT',
      weight,
      curve: { source: 'POINTS', points: [{ value: '1', payout: '100' }] },
      cap: null,
    })),
    gates: [],
    multiplier: null,
    planCap: null,
  });
  const weights = fc.array(
    fc.integer({ min: 1, max: 99_999 }).map((n) => new Dec(n).div(1000).toFixed()),
    { minLength: 1, maxLength: 8 },
  );

  it('refuses weights that do not add up to exactly 100', () => {
    fc.assert(
      fc.property(weights, (list) => {
        const total = list.reduce((sum, w) => sum.plus(w), new Dec(0));
        fc.pre(!total.eq(100));
        expect(rulesProblems(rulesWithWeights(list), directionOf)).toEqual([
          expect.stringMatching(/^The weights add up to .+ %; they must add up to exactly 100 %\.$/),
        ]);
      }),
      RUNS,
    );
  });

  it('accepts weights that add up to exactly 100', () => {
    fc.assert(
      fc.property(weights, (list) => {
        const rest = list.slice(0, -1);
        const total = rest.reduce((sum, w) => sum.plus(w), new Dec(0));
        fc.pre(total.lt(100));
        expect(
          rulesProblems(rulesWithWeights([...rest, new Dec(100).minus(total).toFixed()]), directionOf),
        ).toEqual([]);
      }),
      RUNS,
    );
  });
});
