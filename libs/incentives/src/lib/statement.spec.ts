import type { ParticipantFacts } from '@lodestar/contracts';

import {
  COMPLAINTS_MULTIPLIER,
  component,
  fact,
  oneFacts,
  onePlan,
  pts,
  salesFacts,
  salesPlan,
} from '../testing/plans';
import { PlanRulesError, StatementError } from './decimal';
import { eligibleDays, quarterDates } from './proration';
import { computeStatement } from './statement';

const FULL_QUARTER = { annual: '60000.00', eligibleDays: 92, daysInYear: 365 };

describe('computeStatement: worked examples, to the cent', () => {
  it('holds quota and margin to 100 % when the CX index is below its threshold (the CX gate binds)', () => {
    // Quota 112.4 on 100 ↦ 100, 120 ↦ 200: 100 + 100 × 12.4 ÷ 20 = 162 %.
    // Margin 104 on 100 ↦ 100, 110 ↦ 150: 100 + 50 × 4 ÷ 10 = 120 %.
    // CX index 41.2, threshold 50 ↦ 50 %: short of the first point, 0 %.
    // The gate binds (41.2 < 50): quota min(162, 100) = 100, margin min(120, 100) = 100.
    // Weighted: (50 × 100 + 30 × 100 + 20 × 0) ÷ 100 = 80 %.
    // Target: 60,000 × 92 ÷ 365 = 15,123.287671…; 80 % of it = 441,600,000 ÷ 36,500 = 12,098.630136… → 12,098.63.
    const trace = computeStatement(salesPlan(), salesFacts({ cx: '41.2' }, FULL_QUARTER));
    expect(trace.components.map((c) => [c.key, c.curvePayout, c.afterCap, c.payout, c.contribution])).toEqual(
      [
        ['quota', '162', '162', '100', '50'],
        ['margin', '120', '120', '100', '30'],
        ['cx', '0', '0', '0', '0'],
      ],
    );
    expect(trace.components[0].gatedBy).toEqual([{ gate: 'cx_gate', maxPayout: '100' }]);
    expect(trace.components[1].gatedBy).toEqual([{ gate: 'cx_gate', maxPayout: '100' }]);
    expect(trace.components[2].gatedBy).toEqual([]);
    expect(trace.gates).toEqual([
      {
        key: 'cx_gate',
        label: 'CX gate',
        input: 'cx',
        inputValue: '41.2',
        level: '50',
        direction: 'higher',
        outcome: 'BINDS',
        components: ['quota', 'margin'],
        maxPayout: '100',
      },
    ]);
    expect(trace.weightedPayout).toBe('80');
    expect(trace.totalPayout).toBe('80');
    expect(trace.targetBonus).toEqual({
      annual: '60000.00',
      eligibleDays: 92,
      daysInYear: 365,
      periodTarget: '15123.28767123287671232876712328767123288',
    });
    expect(trace.unrounded).toMatch(/^12098\.630136986301369863/);
    expect(trace.amount).toBe('12098.63');
    expect(trace.payable).toBe('12098.63');
    expect(trace.carriedForward).toBe('0.00');
    expect(trace.steps).toEqual([
      'Quota: Quota attainment (Sales) 112.4 lies between 100 ↦ 100 % and 120 ↦ 200 %: payout 162 %.',
      'Margin: Adjusted margin (Sales) 104 lies between 100 ↦ 100 % and 110 ↦ 150 %: payout 120 %.',
      'CX index (Sales) 41.2 is short of the first point 50 ↦ 50 %: payout 0 %.',
      "Gate 'CX gate': CX index 41.2 is below its threshold 50, so Quota and Margin pay at most 100 %.",
      'Quota: 162 % held to 100 %.',
      'Margin: 120 % held to 100 %.',
      'Weighted payout: (50 × 100 + 30 × 100 + 20 × 0) ÷ 100 = 80 %.',
      "Total payout: 80 % of the period's target bonus.",
      'Target bonus for FY2026-Q1: 60,000.00 × 92 ÷ 365 days = 15,123.287671…',
      'Payout: 80 % of 15,123.287671… = 12,098.630136…',
      'Rounded half-even to cents: 12,098.63',
      'Payable: 12,098.63',
    ]);
  });

  it('pays the full curve without the gate (the same facts, the gate removed)', () => {
    // Weighted: (50 × 162 + 30 × 120 + 20 × 0) ÷ 100 = 81 + 36 = 117 %.
    // 117 × 5,520,000 ÷ 36,500 = 645,840,000 ÷ 36,500 = 17,694.246575… → 17,694.25.
    const rules = { ...salesPlan(), gates: [] };
    const trace = computeStatement(rules, salesFacts({ cx: '41.2' }, FULL_QUARTER));
    expect(trace.weightedPayout).toBe('117');
    expect(trace.amount).toBe('17694.25');
  });

  it('multiplies the weighted payout when the gate is met', () => {
    // CX index 55 on the band 50 / 100 / 150 ↦ 50 / 100 / 200: 50 + 50 × 5 ÷ 50 = 55 %; 55 ≥ 50, the gate is met.
    // Weighted: (50 × 162 + 30 × 120 + 20 × 55) ÷ 100 = 81 + 36 + 11 = 128 %.
    // Complaint rate 2.4 on 3 ↦ 90, 2 ↦ 110 (lower is better): 90 + 20 × (2.4 − 3) ÷ (2 − 3) = 102 %.
    // After the multiplier: 128 × 102 ÷ 100 = 130.56 %.
    // Target: 80,000 × 90 ÷ 365; 130.56 × 7,200,000 ÷ 36,500 = 940,032,000 ÷ 36,500 = 25,754.301369… → 25,754.30.
    const rules = { ...salesPlan(), multiplier: COMPLAINTS_MULTIPLIER };
    const trace = computeStatement(
      rules,
      salesFacts({ cx: '55', complaints: '2.4' }, { annual: '80000.00', eligibleDays: 90, daysInYear: 365 }),
    );
    expect(trace.gates[0].outcome).toBe('MET');
    expect(trace.components.map((c) => c.payout)).toEqual(['162', '120', '55']);
    expect(trace.weightedPayout).toBe('128');
    expect(trace.multiplier).toMatchObject({
      label: 'Complaints',
      metric: 'complaint_rate',
      factor: '102',
      segment: { kind: 'BETWEEN', from: { value: '3', payout: '90' }, to: { value: '2', payout: '110' } },
    });
    expect(trace.afterMultiplier).toBe('130.56');
    expect(trace.totalPayout).toBe('130.56');
    expect(trace.amount).toBe('25754.30');
    expect(trace.steps).toContain(
      "Gate 'CX gate': CX index 55 is not below its threshold 50, so it does not bind.",
    );
    expect(trace.steps).toContain(
      "Multiplier 'Complaints': Complaint rate (Company) 2.4 lies between 3 ↦ 90 % and 2 ↦ 110 %: factor 102 %.",
    );
    expect(trace.steps).toContain('After the multiplier: 128 × 102 ÷ 100 = 130.56 %.');
  });

  it('applies a component cap before the weights and the plan cap after the multiplier', () => {
    // Quota 162 % capped at 150 %. Weighted: (50 × 150 + 30 × 120 + 20 × 55) ÷ 100 = 75 + 36 + 11 = 122 %.
    // × 102 % = 124.44 %; the plan cap 120 % holds it to 120 %.
    // 120 × 40,000 × 91 ÷ 36,500 = 436,800,000 ÷ 36,500 = 11,967.123287… → 11,967.12.
    const rules = salesPlan();
    rules.components[0].cap = '150';
    rules.multiplier = COMPLAINTS_MULTIPLIER;
    rules.planCap = '120';
    const trace = computeStatement(
      rules,
      salesFacts({ cx: '55' }, { annual: '40000.00', eligibleDays: 91, daysInYear: 365 }),
    );
    expect(trace.components[0]).toMatchObject({
      curvePayout: '162',
      cap: '150',
      afterCap: '150',
      payout: '150',
      contribution: '75',
    });
    expect(trace.weightedPayout).toBe('122');
    expect(trace.afterMultiplier).toBe('124.44');
    expect(trace.planCap).toBe('120');
    expect(trace.totalPayout).toBe('120');
    expect(trace.amount).toBe('11967.12');
    expect(trace.steps).toContain('Quota: 162 % is above its cap of 150 %, so it pays 150 %.');
    expect(trace.steps).toContain(
      'Plan cap: 124.44 % is above the plan cap of 120 %, so the total payout is 120 %.',
    );
  });

  it('prorates a joiner and a leaver by their eligible days', () => {
    // FY2026-Q3 (calendar fiscal year): 1 July to 30 September, 92 days, in a 365-day year.
    const q3 = quarterDates('FY2026-Q3', 1);
    expect([q3.start, q3.end, q3.daysInYear]).toEqual(['2026-07-01', '2026-09-30', 365]);
    const rules = onePlan(pts(['90', '50'], ['100', '100'], ['120', '200']));
    // A joiner on 15 August, the 46th day: days 46–92 = 47 days. 60,000 × 47 ÷ 365 = 2,820,000 ÷ 365 = 7,726.027397… → 7,726.03.
    const joined = eligibleDays('2026-08-15', null, q3.start, q3.end);
    expect(joined).toBe(47);
    const joiner = computeStatement(
      rules,
      oneFacts('100', { annual: '60000.00', eligibleDays: joined, daysInYear: 365 }),
    );
    expect(joiner.totalPayout).toBe('100');
    expect(joiner.amount).toBe('7726.03');
    expect(joiner.steps).toContain('Target bonus for FY2026-Q1: 60,000.00 × 47 ÷ 365 days = 7,726.027397…');
    // A leaver whose last day is 14 August: 31 + 14 = 45 days. 2,700,000 ÷ 365 = 7,397.260273… → 7,397.26.
    const left = eligibleDays('2024-03-01', '2026-08-14', q3.start, q3.end);
    expect(left).toBe(45);
    const leaver = computeStatement(
      rules,
      oneFacts('100', { annual: '60000.00', eligibleDays: left, daysInYear: 365 }),
    );
    expect(leaver.amount).toBe('7397.26');
  });

  it('rounds exactly half a cent to the even cent, down and up', () => {
    // Result 110 on 100 ↦ 100, 120 ↦ 200: 150 %. A joiner on 18 January in FY2026-Q1 (calendar year): 73 of 365 days.
    const q1 = quarterDates('FY2026-Q1', 1);
    const days = eligibleDays('2026-01-18', null, q1.start, q1.end);
    expect(days).toBe(73);
    const rules = onePlan(pts(['100', '100'], ['120', '200']));
    // 150 × 60,000.05 × 73 ÷ 36,500 = 657,000,547.5 ÷ 36,500 = 18,000.015 exactly: half a cent, 1 is odd → 18,000.02.
    const up = computeStatement(
      rules,
      oneFacts('110', { annual: '60000.05', eligibleDays: days, daysInYear: 365 }),
    );
    expect(up.unrounded).toBe('18000.015');
    expect(up.amount).toBe('18000.02');
    expect(up.rounding).toBe('0.005');
    // 150 × 60,000.15 × 73 ÷ 36,500 = 657,001,642.5 ÷ 36,500 = 18,000.045 exactly: 4 is even → 18,000.04.
    const down = computeStatement(
      rules,
      oneFacts('110', { annual: '60000.15', eligibleDays: days, daysInYear: 365 }),
    );
    expect(down.unrounded).toBe('18000.045');
    expect(down.amount).toBe('18000.04');
    expect(down.rounding).toBe('-0.005');
    expect(down.steps).toContain('Rounded half-even to cents: 18,000.04');
  });

  it('adds prior-period adjustments to the rounded amount', () => {
    // 12,098.63 (the gate example) − 250.00 + 40.10 = 11,888.73.
    const facts = salesFacts({ cx: '41.2' }, FULL_QUARTER);
    facts.adjustments = [
      {
        forPeriod: 'FY2025-Q4',
        amount: '-250.00',
        reason: 'The NPS of Sales was restated.',
        source: 'RESTATEMENT',
      },
      { forPeriod: 'FY2025-Q3', amount: '40.1', reason: 'Quota relief credited late.', source: 'INQUIRY' },
    ];
    const trace = computeStatement(salesPlan(), facts);
    expect(trace.amount).toBe('12098.63');
    expect(trace.adjustments.map((a) => a.amount)).toEqual(['-250.00', '40.10']);
    expect(trace.payable).toBe('11888.73');
    expect(trace.carriedForward).toBe('0.00');
    expect(trace.steps.slice(-4)).toEqual([
      'Adjustment for FY2025-Q4 (restatement): −250.00 — The NPS of Sales was restated.',
      'Adjustment for FY2025-Q3 (after an inquiry): 40.10 — Quota relief credited late.',
      'Net: 12,098.63 − 250.00 + 40.10 = 11,888.73',
      'Payable: 11,888.73',
    ]);
  });

  it('never pays below zero: a negative net is carried forward and recouped the next period', () => {
    const rules = onePlan(pts(['90', '50'], ['100', '100'], ['120', '200']));
    // Period 1: result 80 is short of 90, 0 % → 0.00; a restatement of −300.00 → net −300.00.
    const first = computeStatement(
      rules,
      oneFacts('80', FULL_QUARTER, {
        adjustments: [
          { forPeriod: 'FY2025-Q4', amount: '-300.00', reason: 'Margin restated.', source: 'RESTATEMENT' },
        ],
      }),
    );
    expect(first.amount).toBe('0.00');
    expect(first.payable).toBe('0.00');
    expect(first.carriedForward).toBe('-300.00');
    expect(first.steps.at(-1)).toBe(
      'Payable: 0.00; −300.00 is carried forward and recouped from later statements',
    );
    // Period 2: the joiner's 7,726.03 less the −300.00 carried in = 7,426.03.
    const second = computeStatement(
      rules,
      oneFacts(
        '100',
        { annual: '60000.00', eligibleDays: 47, daysInYear: 365 },
        { period: 'FY2026-Q2', carriedIn: first.carriedForward },
      ),
    );
    expect(second.amount).toBe('7726.03');
    expect(second.carriedIn).toBe('-300.00');
    expect(second.payable).toBe('7426.03');
    expect(second.carriedForward).toBe('0.00');
    expect(second.steps.slice(-3)).toEqual([
      'Carried in from earlier statements, to be recouped: −300.00',
      'Net: 7,726.03 − 300.00 = 7,426.03',
      'Payable: 7,426.03',
    ]);
    // A balance larger than the amount is only partly recouped and the rest carried on.
    const third = computeStatement(rules, oneFacts('80', FULL_QUARTER, { carriedIn: '-300.00' }));
    expect([third.payable, third.carriedForward]).toEqual(['0.00', '-300.00']);
  });
});

describe('computeStatement: inputs without a value that may move pay', () => {
  it('pays a component at target when its sample is too small, and the gate on it does not bind', () => {
    // CX index at target: 100 %; the gate reads an insufficient sample and does not bind.
    // Weighted: (50 × 162 + 30 × 120 + 20 × 100) ÷ 100 = 81 + 36 + 20 = 137 %.
    const trace = computeStatement(salesPlan(), salesFacts({ cx: null }, FULL_QUARTER));
    expect(trace.components[2]).toMatchObject({
      segment: { kind: 'AT_TARGET' },
      curvePayout: '100',
      payout: '100',
      score: null,
    });
    expect(trace.gates[0]).toMatchObject({ outcome: 'INSUFFICIENT_SAMPLE', inputValue: null, level: '50' });
    expect(trace.components[0].gatedBy).toEqual([]);
    expect(trace.weightedPayout).toBe('137');
    expect(trace.steps).toContain('CX index (Sales) pays at target: payout 100 %.');
    expect(trace.steps).toContain(
      "Gate 'CX gate': CX index has too small a sample to move pay, so the gate does not bind.",
    );
    expect(trace.steps[2]).toMatch(/short of the 100 needed for pay/);
  });

  it('pays at target when there is no result yet', () => {
    const trace = computeStatement(onePlan(pts(['90', '50'], ['100', '100'])), oneFacts(null, FULL_QUARTER));
    expect(trace.components[0].segment).toEqual({ kind: 'AT_TARGET' });
    expect(trace.components[0].payout).toBe('100');
    expect(trace.steps).toContain('Result (Sales) has no result yet, so it pays at target: payout 100 %.');
  });

  it('uses a factor of 100 % for a multiplier without a value', () => {
    const rules = { ...salesPlan(), multiplier: COMPLAINTS_MULTIPLIER };
    const trace = computeStatement(rules, salesFacts({ cx: '55', complaints: null }, FULL_QUARTER));
    expect(trace.multiplier).toMatchObject({ factor: '100', segment: { kind: 'AT_TARGET' } });
    expect(trace.afterMultiplier).toBe('128');
  });
});

describe('computeStatement: gates', () => {
  it('uses a level of its own instead of the threshold', () => {
    const rules = salesPlan();
    rules.gates[0].level = '60';
    const trace = computeStatement(rules, salesFacts({ cx: '55' }, FULL_QUARTER));
    expect(trace.gates[0]).toMatchObject({ level: '60', outcome: 'BINDS' });
    expect(trace.steps).toContain(
      "Gate 'CX gate': CX index 55 is below its level 60, so Quota and Margin pay at most 100 %.",
    );
  });

  it('does not bind at exactly its level', () => {
    const trace = computeStatement(salesPlan(), salesFacts({ cx: '50' }, FULL_QUARTER));
    expect(trace.gates[0].outcome).toBe('MET');
  });

  it('binds above its level for a lower-is-better input', () => {
    const rules = salesPlan();
    rules.components.push(
      component({
        key: 'complaints',
        label: 'Complaints',
        metric: 'complaint_rate',
        scope: 'COMPANY',
        weight: '0.0001',
        curve: { source: 'POINTS', points: pts(['3', '50'], ['2', '100']) },
      }),
    );
    rules.gates = [
      {
        key: 'complaint_gate',
        label: 'Complaint gate',
        input: 'complaints',
        level: '2.5',
        components: ['quota'],
        maxPayout: '80',
      },
    ];
    const trace = computeStatement(rules, salesFacts({ complaints: '2.6' }, FULL_QUARTER));
    expect(trace.gates[0]).toMatchObject({ outcome: 'BINDS', direction: 'lower', level: '2.5' });
    expect(trace.components[0].payout).toBe('80');
    expect(trace.steps).toContain(
      "Gate 'Complaint gate': Complaint rate 2.6 is above its level 2.5, so Quota pays at most 80 %.",
    );
    expect(computeStatement(rules, salesFacts({ complaints: '2.5' }, FULL_QUARTER)).gates[0].outcome).toBe(
      'MET',
    );
  });

  it('takes the lowest of several binding gates', () => {
    const rules = salesPlan();
    rules.gates.push({
      key: 'strict',
      label: 'Strict gate',
      input: 'cx',
      level: '60',
      components: ['quota'],
      maxPayout: '75',
    });
    const trace = computeStatement(rules, salesFacts({ cx: '41.2' }, FULL_QUARTER));
    expect(trace.components[0].gatedBy).toEqual([
      { gate: 'cx_gate', maxPayout: '100' },
      { gate: 'strict', maxPayout: '75' },
    ]);
    expect(trace.components[0].payout).toBe('75');
    expect(trace.components[1].payout).toBe('100');
  });

  it('never raises a payout below its highest payout', () => {
    const rules = salesPlan();
    rules.gates[0].maxPayout = '150';
    const trace = computeStatement(rules, salesFacts({ cx: '41.2', margin: '96' }, FULL_QUARTER));
    // Margin 96 pays 50 + 50 × 1 ÷ 5 = 60 %; the gate allows 150 % and leaves it at 60 %.
    expect(trace.components[1]).toMatchObject({
      curvePayout: '60',
      payout: '60',
      gatedBy: [{ gate: 'cx_gate', maxPayout: '150' }],
    });
    expect(trace.components[0].payout).toBe('150');
  });
});

describe('computeStatement: the trace', () => {
  it('records score and attainment on the band, null without a band or where attainment means nothing', () => {
    const rules = salesPlan();
    const facts = salesFacts({ cx: '55' }, FULL_QUARTER);
    facts.facts[1].band = null;
    const trace = computeStatement(rules, facts);
    // Quota 112.4 on 90 / 100 / 120: 100 + 50 × 12.4 ÷ 20 = 131; attainment 112.4 ÷ 100 = 112.4 %.
    expect([trace.components[0].score, trace.components[0].attainment]).toEqual(['131', '112.4']);
    expect([trace.components[1].score, trace.components[1].attainment]).toEqual([null, null]);
    // CX index is a score: it has a score on its band (55 → 55) but no attainment.
    expect([trace.components[2].score, trace.components[2].attainment]).toEqual(['55', null]);
  });

  it('carries the resolved points, the input and the band of every component', () => {
    const facts = salesFacts({ cx: '55' }, FULL_QUARTER);
    const trace = computeStatement(salesPlan(), facts);
    expect(trace.components[2]).toMatchObject({
      key: 'cx',
      label: 'CX index',
      metric: 'cx_index',
      metricName: 'CX index',
      unit: 'score',
      direction: 'higher',
      scope: 'OWN_UNIT',
      weight: '20',
      input: facts.facts[2].input,
      band: { threshold: 50, target: 100, stretch: 150 },
      points: pts(['50', '50'], ['100', '100'], ['150', '200']),
      segment: { kind: 'BETWEEN', from: { value: '50', payout: '50' }, to: { value: '100', payout: '100' } },
      cap: null,
    });
  });

  it('names the source of an input that did not come from the unit itself', () => {
    const facts = salesFacts({ cx: '55' }, FULL_QUARTER);
    facts.facts[2].input = {
      ...facts.facts[2].input,
      basis: 'TRAILING_TWELVE_MONTHS',
      source:
        'CX index of Sales, FY2026-Q1: 64 answers, short of the 100 needed for pay; used the trailing twelve months (Jan 2025–Dec 2025): 212 answers.',
    };
    const trace = computeStatement(salesPlan(), facts);
    expect(trace.steps[2]).toBe(facts.facts[2].input.source);
  });

  it('keeps full precision until the one rounding at the end', () => {
    // 100.1 on 100 ↦ 100, 130 ↦ 200: 100.333…%; × 36,500 × 1 ÷ 36,500 = 100.333… → 100.33.
    const trace = computeStatement(
      onePlan(pts(['100', '100'], ['130', '200'])),
      oneFacts('100.1', { annual: '36500.00', eligibleDays: 1, daysInYear: 365 }),
    );
    expect(trace.totalPayout).toBe('100.3333333333333333333333333333333333333');
    expect(trace.targetBonus.periodTarget).toBe('100');
    expect(trace.amount).toBe('100.33');
    expect(trace.steps).toContain(
      'Result (Sales) 100.1 lies between 100 ↦ 100 % and 130 ↦ 200 %: payout 100.333333… %.',
    );
  });
});

describe('computeStatement: participants sharing values', () => {
  it('gives every participant the same trace for the same facts, without sharing points they could change', () => {
    const rules = salesPlan();
    const first = computeStatement(rules, salesFacts({ cx: '55' }, FULL_QUARTER));
    const second = computeStatement(rules, salesFacts({ cx: '55' }, FULL_QUARTER));
    const third = computeStatement(rules, salesFacts({ cx: '55' }, FULL_QUARTER));
    expect(third).toEqual(first);
    expect(second).toEqual(first);
    third.components[2].points[0].payout = '999';
    expect(
      computeStatement(rules, salesFacts({ cx: '55' }, FULL_QUARTER)).components[2].points[0].payout,
    ).toBe('50');
  });

  it('follows a curve edited in place between two statements', () => {
    const rules = salesPlan();
    const facts = salesFacts({ cx: '55' }, FULL_QUARTER);
    computeStatement(rules, facts);
    computeStatement(rules, facts);
    const points = rules.components[0].curve.source === 'POINTS' ? rules.components[0].curve.points : [];
    points[2].payout = '300';
    // 100 + 200 × 12.4 ÷ 20 = 224 %.
    expect(computeStatement(rules, facts).components[0].curvePayout).toBe('224');
  });
});

describe('computeStatement: refusals', () => {
  it('refuses a missing fact, naming the component and the metric', () => {
    const facts = salesFacts();
    facts.facts = facts.facts.filter((f) => f.metric !== 'adjusted_margin');
    expect(() => computeStatement(salesPlan(), facts)).toThrow(StatementError);
    expect(() => computeStatement(salesPlan(), facts)).toThrow(
      `There is no fact for the component 'Margin': the metric "adjusted_margin" at scope OWN_UNIT is missing from the facts for FY2026-Q1.`,
    );
    const scoped = salesFacts();
    scoped.facts[3] = fact('complaint_rate', '2.4', { direction: 'lower' });
    expect(() => computeStatement({ ...salesPlan(), multiplier: COMPLAINTS_MULTIPLIER }, scoped)).toThrow(
      `There is no fact for the multiplier 'Complaints': the metric "complaint_rate" at scope COMPANY is missing from the facts for FY2026-Q1.`,
    );
  });

  it('refuses a curve from targets without a band', () => {
    const facts = salesFacts();
    facts.facts[2].band = null;
    expect(() => computeStatement(salesPlan(), facts)).toThrow(StatementError);
    expect(() => computeStatement(salesPlan(), facts)).toThrow(
      "The curve of 'CX index' (CX index of Sales, FY2026-Q1): the curve is taken from targets, but no target band (threshold, target, stretch) is set for this unit and period; set one, or give the curve its own points.",
    );
  });

  it('refuses a gate without a level when its input has no band', () => {
    const rules = salesPlan();
    rules.gates[0].input = 'margin';
    const facts = salesFacts();
    facts.facts[1].band = null;
    expect(() => computeStatement(rules, facts)).toThrow(
      "Gate 'CX gate' has no level of its own and Adjusted margin of Sales has no target band for FY2026-Q1, so its threshold is unknown; set a target band or give the gate a level.",
    );
  });

  it('throws on a bad curve rather than paying nonsense', () => {
    const rules = salesPlan();
    rules.components[0].curve = { source: 'POINTS', points: pts(['100', '100'], ['90', '200']) };
    expect(() => computeStatement(rules, salesFacts())).toThrow(PlanRulesError);
    expect(() => computeStatement(rules, salesFacts())).toThrow(
      "The curve of the component 'Quota' cannot be used: point 2 (value 90) must be above point 1 (value 100): the metric is better when higher.",
    );
  });

  it('refuses gates and rules that name components the plan does not have', () => {
    const rules = salesPlan();
    rules.gates[0].components = ['quota', 'bonus'];
    expect(() => computeStatement(rules, salesFacts())).toThrow(
      `Gate 'CX gate' holds down "bonus", which is not a component of this plan.`,
    );
    rules.gates[0].input = 'nps';
    expect(() => computeStatement(rules, salesFacts())).toThrow(
      `Gate 'CX gate' reads the component "nps", which is not a component of this plan.`,
    );
    expect(() =>
      computeStatement({ components: [], gates: [], multiplier: null, planCap: null }, salesFacts()),
    ).toThrow('The plan has no components, so no statement can be computed; add at least one.');
  });

  it('refuses a value, weight or cap that is not a decimal', () => {
    expect(() => computeStatement(onePlan(pts(['90', '50'])), oneFacts('n/a', FULL_QUARTER))).toThrow(
      `The value of Result of Sales for 'Result' is "n/a"; it must be a decimal number such as 12.5.`,
    );
    const rules = onePlan(pts(['90', '50']));
    rules.components[0].weight = 'all';
    expect(() => computeStatement(rules, oneFacts('95', FULL_QUARTER))).toThrow(
      `The weight of 'Result' must be a decimal number such as 12.5, not "all".`,
    );
    expect(() =>
      computeStatement(onePlan(pts(['90', '50']), {}, 'none'), oneFacts('95', FULL_QUARTER)),
    ).toThrow(`The cap of 'Result' must be a decimal number such as 12.5, not "none".`);
  });

  it('refuses amounts that are not in cents, a positive balance carried in and a bad target bonus', () => {
    const rules = onePlan(pts(['90', '50']));
    expect(() =>
      computeStatement(
        rules,
        oneFacts('95', FULL_QUARTER, {
          adjustments: [{ forPeriod: 'FY2025-Q4', amount: '10.005', reason: 'x', source: 'INQUIRY' }],
        }),
      ),
    ).toThrow('The adjustment for FY2025-Q4 is 10.005; an amount has at most two decimals (cents).');
    expect(() => computeStatement(rules, oneFacts('95', FULL_QUARTER, { carriedIn: '12.00' }))).toThrow(
      'The balance carried in is 12.00; only a negative balance (or 0.00) is carried from earlier statements.',
    );
    expect(() =>
      computeStatement(rules, oneFacts('95', { annual: '-5', eligibleDays: 92, daysInYear: 365 })),
    ).toThrow('The annual target bonus is -5; it cannot be below 0.');
    expect(() =>
      computeStatement(rules, oneFacts('95', { annual: '5', eligibleDays: -1, daysInYear: 365 })),
    ).toThrow('The eligible days must be a whole number of 0 or more, not -1.');
    expect(() =>
      computeStatement(rules, oneFacts('95', undefined as unknown as ParticipantFacts['targetBonus'])),
    ).toThrow('The facts for FY2026-Q1 carry no target bonus (annual, eligible days, days in the year).');
  });
});
