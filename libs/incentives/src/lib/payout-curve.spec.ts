import type { PayoutPoint } from '@lodestar/contracts';

import { PlanRulesError, StatementError } from './decimal';
import {
  curvePayout,
  curveProblem,
  prepareCurve,
  readCurve,
  resolveCurve,
  resolveCurveShared,
  valueForPayout,
} from './payout-curve';

const pts = (...pairs: [string, string][]): PayoutPoint[] =>
  pairs.map(([value, payout]) => ({ value, payout }));

/** Quota attainment 90 ↦ 50 %, 100 ↦ 100 %, 120 ↦ 200 % (SPEC example). */
const QUOTA = pts(['90', '50'], ['100', '100'], ['120', '200']);
/** Complaint rate 3.0 ↦ 50 %, 2.5 ↦ 100 %, 2.0 ↦ 200 %: lower is better. */
const COMPLAINTS = pts(['3.0', '50'], ['2.5', '100'], ['2.0', '200']);

describe('curveProblem', () => {
  it('accepts curves ordered in the better direction', () => {
    expect(curveProblem(QUOTA, 'higher')).toBeNull();
    expect(curveProblem(COMPLAINTS, 'lower')).toBeNull();
    expect(curveProblem(pts(['-10', '0'], ['0', '0'], ['10', '150']), 'higher')).toBeNull();
    expect(curveProblem(pts(['50', '100']), 'higher')).toBeNull();
  });

  it('refuses a curve without points', () => {
    expect(curveProblem([], 'higher')).toBe('A payout curve needs at least one point.');
  });

  it('refuses a value or payout that is not a decimal, naming the point', () => {
    expect(curveProblem(pts(['90', '50'], ['abc', '100']), 'higher')).toBe(
      'Point 2 has the value "abc"; it must be a decimal number such as 95 or 2.5.',
    );
    expect(curveProblem(pts(['90', '50'], ['100', '1e2']), 'higher')).toBe(
      'Point 2 (value 100) pays "1e2"; a payout must be a decimal percentage such as 100.',
    );
    expect(curveProblem([{ value: 90, payout: '50' } as unknown as PayoutPoint], 'higher')).toBe(
      'Point 1 has the value 90; it must be a decimal number such as 95 or 2.5.',
    );
  });

  it('refuses a negative payout', () => {
    expect(curveProblem(pts(['90', '-5']), 'higher')).toBe(
      'Point 1 (value 90) pays −5 %; a payout cannot be below 0 %.',
    );
  });

  it('refuses values out of order for the direction, saying which way is better', () => {
    expect(curveProblem(pts(['90', '50'], ['100', '100'], ['95', '200']), 'higher', 'quota attainment')).toBe(
      'Point 3 (value 95) must be above point 2 (value 100): quota attainment is better when higher.',
    );
    expect(curveProblem(pts(['90', '50'], ['90', '100']), 'higher')).toBe(
      'Point 2 (value 90) must be above point 1 (value 90): the metric is better when higher.',
    );
    expect(curveProblem(QUOTA, 'lower', 'complaint rate')).toBe(
      'Point 2 (value 100) must be below point 1 (value 90): complaint rate is better when lower.',
    );
  });

  it('refuses payouts that fall as results get better', () => {
    expect(curveProblem(pts(['90', '50'], ['100', '100'], ['120', '80']), 'higher')).toBe(
      'Point 3 (value 120) pays 80 %, less than point 2 (value 100) at 100 %; payouts must never decrease as results get better.',
    );
  });

  it('allows flat stretches of payout', () => {
    expect(curveProblem(pts(['90', '100'], ['100', '100']), 'higher')).toBeNull();
  });

  it('refuses an unknown direction', () => {
    expect(curveProblem(QUOTA, 'up' as 'higher')).toBe('The direction must be higher or lower, not "up".');
  });
});

describe('curvePayout', () => {
  it('pays 0 short of the first point', () => {
    const { payout, segment } = curvePayout(QUOTA, 'higher', '89.99');
    expect(payout.toFixed()).toBe('0');
    expect(segment).toEqual({ kind: 'SHORT', first: QUOTA[0] });
  });

  it("pays the first point's payout exactly at it", () => {
    const { payout, segment } = curvePayout(QUOTA, 'higher', '90');
    expect(payout.toFixed()).toBe('50');
    expect(segment).toEqual({ kind: 'BETWEEN', from: QUOTA[0], to: QUOTA[1] });
  });

  it('is linear between points', () => {
    // 100 + (200 − 100) × (112.4 − 100) ÷ (120 − 100) = 100 + 100 × 12.4 ÷ 20 = 162
    const { payout, segment } = curvePayout(QUOTA, 'higher', '112.4');
    expect(payout.toFixed()).toBe('162');
    expect(segment).toEqual({ kind: 'BETWEEN', from: QUOTA[1], to: QUOTA[2] });
    expect(curvePayout(QUOTA, 'higher', '95').payout.toFixed()).toBe('75');
    expect(curvePayout(QUOTA, 'higher', '100').payout.toFixed()).toBe('100');
  });

  it('keeps full precision between points', () => {
    // 100 + 100 × (100.1 − 100) ÷ 30 on a 100 ↦ 100, 130 ↦ 200 curve = 100.333…
    const { payout } = curvePayout(pts(['100', '100'], ['130', '200']), 'higher', '100.1');
    expect(payout.toFixed()).toBe('100.3333333333333333333333333333333333333');
  });

  it('is flat at the last payout at and beyond the last point', () => {
    expect(curvePayout(QUOTA, 'higher', '120').payout.toFixed()).toBe('200');
    const beyond = curvePayout(QUOTA, 'higher', '250');
    expect(beyond.payout.toFixed()).toBe('200');
    expect(beyond.segment).toEqual({ kind: 'BEYOND', last: QUOTA[2] });
  });

  it('reads short and beyond in the better direction for lower-is-better metrics', () => {
    expect(curvePayout(COMPLAINTS, 'lower', '3.2')).toEqual({
      payout: expect.anything(),
      segment: { kind: 'SHORT', first: COMPLAINTS[0] },
    });
    expect(curvePayout(COMPLAINTS, 'lower', '3.2').payout.toFixed()).toBe('0');
    // 50 + (100 − 50) × (2.8 − 3.0) ÷ (2.5 − 3.0) = 50 + 50 × 0.4 = 70
    expect(curvePayout(COMPLAINTS, 'lower', '2.8').payout.toFixed()).toBe('70');
    // 100 + 100 × (2.2 − 2.5) ÷ (2.0 − 2.5) = 160
    expect(curvePayout(COMPLAINTS, 'lower', '2.2').payout.toFixed()).toBe('160');
    expect(curvePayout(COMPLAINTS, 'lower', '1.5').segment).toEqual({ kind: 'BEYOND', last: COMPLAINTS[2] });
  });

  it('works across zero and negative values', () => {
    // NPS −5 on −10 ↦ 50, 0 ↦ 100: 75
    expect(curvePayout(pts(['-10', '50'], ['0', '100']), 'higher', '-5').payout.toFixed()).toBe('75');
  });

  it('with one point pays nothing short of it and its payout at or beyond it', () => {
    const one = pts(['50', '120']);
    expect(curvePayout(one, 'higher', '49').payout.toFixed()).toBe('0');
    expect(curvePayout(one, 'higher', '50')).toEqual({
      payout: expect.anything(),
      segment: { kind: 'BEYOND', last: one[0] },
    });
    expect(curvePayout(one, 'higher', '50').payout.toFixed()).toBe('120');
  });

  it('throws PlanRulesError on a bad curve rather than paying nonsense', () => {
    expect(() => curvePayout(QUOTA, 'lower', '100')).toThrow(PlanRulesError);
    expect(() => curvePayout(QUOTA, 'lower', '100')).toThrow(
      'The payout curve cannot be used: point 2 (value 100) must be below point 1 (value 90): the metric is better when lower.',
    );
    expect(() => curvePayout([], 'higher', '1')).toThrow(
      'The payout curve cannot be used: a payout curve needs at least one point.',
    );
  });

  it('notices a point edited in place after it was used', () => {
    const curve = pts(['90', '50'], ['100', '100']);
    expect(curvePayout(curve, 'higher', '95').payout.toFixed()).toBe('75');
    curve[1].payout = '150';
    expect(curvePayout(curve, 'higher', '95').payout.toFixed()).toBe('100');
    curve[1].value = '80';
    expect(() => curvePayout(curve, 'higher', '95')).toThrow(PlanRulesError);
  });

  it('throws StatementError on a value that is not a decimal', () => {
    expect(() => curvePayout(QUOTA, 'higher', 'n/a')).toThrow(StatementError);
    expect(() => curvePayout(QUOTA, 'higher', 'n/a')).toThrow(
      'The value "n/a" is not a decimal number such as 12.5, so it cannot be paid on.',
    );
  });
});

describe('valueForPayout', () => {
  it('inverts the linear piece that first reaches the payout', () => {
    expect(valueForPayout(QUOTA, 'higher', '100')).toBe('100');
    expect(valueForPayout(QUOTA, 'higher', '162')).toBe('112.4');
    expect(valueForPayout(QUOTA, 'higher', '75')).toBe('95');
    expect(valueForPayout(COMPLAINTS, 'lower', '160')).toBe('2.2');
  });

  it("gives the first point's value when its payout already reaches the payout", () => {
    expect(valueForPayout(QUOTA, 'higher', '50')).toBe('90');
    expect(valueForPayout(QUOTA, 'higher', '10')).toBe('90');
  });

  it('gives the least good value on a flat stretch', () => {
    expect(
      valueForPayout(pts(['90', '50'], ['95', '100'], ['100', '100'], ['110', '150']), 'higher', '100'),
    ).toBe('95');
  });

  it('is null when even the last payout is below it', () => {
    expect(valueForPayout(pts(['90', '50'], ['100', '80']), 'higher', '100')).toBeNull();
  });

  it('throws PlanRulesError on a bad curve and StatementError on a bad payout', () => {
    expect(() => valueForPayout(QUOTA, 'lower', '100')).toThrow(PlanRulesError);
    expect(() => valueForPayout(QUOTA, 'higher', 'x')).toThrow(StatementError);
  });
});

describe('resolveCurve', () => {
  const band = { threshold: 30, target: 40, stretch: 50 };

  it('takes POINTS as given', () => {
    expect(resolveCurve({ source: 'POINTS', points: QUOTA }, band, 'higher')).toBe(QUOTA);
    expect(resolveCurve({ source: 'POINTS', points: QUOTA }, null, 'higher')).toBe(QUOTA);
  });

  it("maps the band's threshold, target and stretch to the three payouts", () => {
    expect(resolveCurve({ source: 'TARGETS', payouts: ['50', '100', '200'] }, band, 'higher')).toEqual(
      pts(['30', '50'], ['40', '100'], ['50', '200']),
    );
    expect(
      resolveCurve(
        { source: 'TARGETS', payouts: ['25', '100', '150'] },
        { threshold: 3, target: 2.5, stretch: 2 },
        'lower',
      ),
    ).toEqual(pts(['3', '25'], ['2.5', '100'], ['2', '150']));
  });

  it('writes band numbers in plain notation', () => {
    expect(
      resolveCurve(
        { source: 'TARGETS', payouts: ['50', '100', '200'] },
        { threshold: 1e-7, target: 2e-7, stretch: 3e-7 },
        'higher',
      )[0].value,
    ).toBe('0.0000001');
  });

  it('refuses a TARGETS curve without a band', () => {
    expect(() => resolveCurve({ source: 'TARGETS', payouts: ['50', '100', '200'] }, null, 'higher')).toThrow(
      StatementError,
    );
    expect(() => resolveCurve({ source: 'TARGETS', payouts: ['50', '100', '200'] }, null, 'higher')).toThrow(
      'The curve is taken from targets, but no target band (threshold, target, stretch) is set for this unit and period; set one, or give the curve its own points.',
    );
  });

  it('refuses a band that is not ordered for the direction', () => {
    expect(() => resolveCurve({ source: 'TARGETS', payouts: ['50', '100', '200'] }, band, 'lower')).toThrow(
      'The target band 30 / 40 / 50 is not strictly ordered for a metric that is better when lower, so no curve can be taken from it.',
    );
  });
});

describe('readCurve', () => {
  it('reads the curve with the words of a statement step', () => {
    const curve = prepareCurve(pts(['90', '50'], ['100', '100'], ['120', '200']), 'higher');
    expect(readCurve(curve, '112.4')).toMatchObject({
      payoutText: '162',
      payoutShown: '162',
      where: '112.4 lies between 100 ↦ 100 % and 120 ↦ 200 %',
      text: '112.4',
    });
    expect(readCurve(curve, '1250')?.where).toBe('1,250 is at or beyond the last point 120 ↦ 200 %');
    expect(readCurve(curve, '-3')?.where).toBe('−3 is short of the first point 90 ↦ 50 %');
    expect(readCurve(curve, 'abc')).toBeNull();
  });

  it('keeps the reading of a value read again, and only then', () => {
    const curve = prepareCurve(pts(['0', '0'], ['10', '100']), 'higher');
    const first = readCurve(curve, '3');
    const second = readCurve(curve, '3');
    const third = readCurve(curve, '3');
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    expect(third?.payout.toFixed()).toBe('30');
  });
});

describe('resolveCurveShared', () => {
  it('makes the points of a TARGETS curve once per band and direction', () => {
    const spec = { source: 'TARGETS' as const, payouts: ['50', '100', '200'] as [string, string, string] };
    const band = { threshold: 30, target: 40, stretch: 50 };
    const points = resolveCurveShared(spec, band, 'higher');
    expect(points).toEqual(resolveCurve(spec, band, 'higher'));
    expect(resolveCurveShared(spec, { ...band }, 'higher')).toBe(points);
    expect(resolveCurveShared(spec, { ...band, stretch: 60 }, 'higher')).not.toBe(points);
  });

  it('notices payouts changed in place', () => {
    const spec = { source: 'TARGETS' as const, payouts: ['50', '100', '200'] as [string, string, string] };
    const band = { threshold: 30, target: 40, stretch: 50 };
    expect(resolveCurveShared(spec, band, 'higher')[2].payout).toBe('200');
    spec.payouts[2] = '250';
    expect(resolveCurveShared(spec, band, 'higher')[2].payout).toBe('250');
  });

  it('refuses a band that is missing, as resolveCurve does', () => {
    expect(() =>
      resolveCurveShared({ source: 'TARGETS', payouts: ['50', '100', '200'] }, null, 'higher'),
    ).toThrow(StatementError);
  });
});
