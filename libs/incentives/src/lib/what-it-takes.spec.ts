import { fact, oneFacts, onePlan, pts, salesFacts, salesPlan } from '../testing/plans';
import { computeStatement } from './statement';
import { whatItTakes } from './what-it-takes';

const FULL_QUARTER = { annual: '60000.00', eligibleDays: 92, daysInYear: 365 };

describe('whatItTakes', () => {
  it('says which gate holds a component down and what lifts it', () => {
    const rules = salesPlan();
    const facts = salesFacts({ cx: '41.2' }, FULL_QUARTER);
    const [quota, margin, cx] = whatItTakes(rules, facts);
    expect(quota).toEqual({
      component: 'quota',
      label: 'Quota',
      metric: 'adjusted_quota_attainment',
      direction: 'higher',
      current: '112.4',
      currentPayout: '100',
      neededForTarget: '100',
      bestPayout: '100',
      note: "Quota pays at most 100 % while gate 'CX gate' binds (it pays 100 % now); reaching 50 on CX index (now 41.2) lifts that to up to 200 %.",
    });
    expect(margin.bestPayout).toBe('100');
    expect(cx).toMatchObject({
      current: '41.2',
      currentPayout: '0',
      neededForTarget: '100',
      bestPayout: '200',
    });
    expect(cx.note).toBe(
      'CX index needs 100 for target pay and is 41.2 now (it pays 0 %); up to 200 % is reachable.',
    );
  });

  it('reports the best payout of the curve once the gate is met', () => {
    const [quota] = whatItTakes(salesPlan(), salesFacts({ cx: '55' }, FULL_QUARTER));
    expect(quota).toMatchObject({ currentPayout: '162', neededForTarget: '100', bestPayout: '200' });
    expect(quota.note).toBe(
      'Quota attainment is 112.4, past the 100 needed for target pay; Quota pays 162 % now, at most 200 %.',
    );
  });

  it('inverts the curve between points for the value needed', () => {
    // 90 ↦ 60, 110 ↦ 160: 100 % at 90 + 20 × (100 − 60) ÷ 100 = 98.
    const [result] = whatItTakes(onePlan(pts(['90', '60'], ['110', '160'])), oneFacts('92.5', FULL_QUARTER));
    expect(result).toMatchObject({
      current: '92.5',
      currentPayout: '72.5',
      neededForTarget: '98',
      bestPayout: '160',
    });
    expect(result.note).toBe(
      'Result needs 98 for target pay and is 92.5 now (it pays 72.5 %); up to 160 % is reachable.',
    );
  });

  it('finds the value needed on a lower-is-better curve', () => {
    // Complaint rate 3 ↦ 50, 2 ↦ 150: 100 % at 3 + (2 − 3) × 50 ÷ 100 = 2.5.
    const rules = onePlan(pts(['3', '50'], ['2', '150']));
    const facts = oneFacts('2.8', FULL_QUARTER, {
      facts: [fact('m', '2.8', { metricName: 'Complaint rate', direction: 'lower' })],
    });
    const [result] = whatItTakes(rules, facts);
    expect(result).toMatchObject({
      direction: 'lower',
      currentPayout: '70',
      neededForTarget: '2.5',
      bestPayout: '150',
    });
    expect(result.note).toBe(
      'Complaint rate needs 2.5 for target pay and is 2.8 now (Result pays 70 %); up to 150 % is reachable.',
    );
  });

  it('has no value needed when the cap is below 100', () => {
    const [result] = whatItTakes(
      onePlan(pts(['90', '50'], ['110', '150']), {}, '80'),
      oneFacts('95', FULL_QUARTER),
    );
    expect(result).toMatchObject({ currentPayout: '75', neededForTarget: null, bestPayout: '80' });
    expect(result.note).toBe('Result is capped at 80 %, so it cannot reach target pay; it pays 75 % now.');
  });

  it('has no value needed when the curve never reaches 100', () => {
    const [result] = whatItTakes(onePlan(pts(['90', '50'], ['110', '80'])), oneFacts('100', FULL_QUARTER));
    expect(result).toMatchObject({ currentPayout: '65', neededForTarget: null, bestPayout: '80' });
    expect(result.note).toBe(
      'The curve of Result tops out at 80 %, so it cannot reach target pay; it pays 65 % now.',
    );
  });

  it('says when a component pays at target for want of a result', () => {
    const [, , cx] = whatItTakes(salesPlan(), salesFacts({ cx: null }, FULL_QUARTER));
    expect(cx).toMatchObject({
      current: null,
      currentPayout: '100',
      neededForTarget: '100',
      bestPayout: '200',
    });
    expect(cx.note).toBe(
      'CX index has no result that moves pay yet, so it pays at target (100 %); 100 is needed for target pay and up to 200 % is reachable.',
    );
  });

  it('reads the trace it is given, or computes one', () => {
    const rules = salesPlan();
    const facts = salesFacts({ cx: '41.2' }, FULL_QUARTER);
    expect(whatItTakes(rules, facts, computeStatement(rules, facts))).toEqual(whatItTakes(rules, facts));
  });
});
