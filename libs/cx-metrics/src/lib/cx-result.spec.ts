import { breakdownRecord, cxResult, DEFAULT_MINIMUM_SAMPLE, distribution } from './cx-result';
import { emptyHistogram, histogramFromScoreCounts, histogramFromScores } from './histogram';

/** NPS histogram with the promoters on 9/10, passives on 7/8 and detractors spread over 0–6. */
function nps(promoters: number, passives: number, detractors: number) {
  return histogramFromScoreCounts('nps', [
    { score: 10, count: Math.ceil(promoters / 2) },
    { score: 9, count: Math.floor(promoters / 2) },
    { score: 8, count: Math.ceil(passives / 2) },
    { score: 7, count: Math.floor(passives / 2) },
    { score: 6, count: Math.ceil(detractors / 2) },
    { score: 0, count: Math.floor(detractors / 2) },
  ]);
}

describe('NPS', () => {
  it('gives the SPEC worked example: 50 promoters, 33 passives, 17 detractors → NPS 33 ± 14.68', () => {
    // n = 100, p = 0.50, d = 0.17.
    // NPS = 100 · (0.50 − 0.17) = 33.
    // p + d − (p − d)² = 0.67 − 0.33² = 0.67 − 0.1089 = 0.5611; ÷ n = 0.005611;
    // √0.005611 = 0.0749066…; × 1.96 = 0.146817…; × 100 = 14.6817… → 14.68 to two decimals.
    const result = cxResult(nps(50, 33, 17), 30);
    expect(result.survey).toBe('nps');
    expect(result.n).toBe(100);
    expect(result.value).toBe(33);
    expect(result.marginOfError).toBeCloseTo(14.68, 2);
    expect(result.marginOfError).toBeCloseTo(1.96 * Math.sqrt(0.5611 / 100) * 100, 12);
    expect((result.marginOfError ?? 0).toFixed(2)).toBe('14.68');
    expect(result.insufficientSample).toBe(false);
    expect(result.breakdown).toEqual({
      promoters: { count: 50, share: 0.5 },
      passives: { count: 33, share: 0.33 },
      detractors: { count: 17, share: 0.17 },
    });
  });

  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    // Scores 10, 9, 8, 0: P = 2, passives = 1, D = 1, n = 4 → p = 0.5, d = 0.25, NPS = 25.
    // p + d − (p − d)² = 0.75 − 0.0625 = 0.6875; ÷ 4 = 0.171875; √ = 0.41457809…;
    // × 1.96 × 100 = 81.2573…
    const result = cxResult(histogramFromScores('nps', [10, 9, 8, 0]), 1);
    expect(result.value).toBe(25);
    expect(result.marginOfError).toBeCloseTo(81.2573, 4);
    expect(result.breakdown.promoters.count).toBe(2);
    expect(result.breakdown.passives.count).toBe(1);
    expect(result.breakdown.detractors.count).toBe(1);
    // 6 is a detractor, 7 a passive.
    const edges = cxResult(histogramFromScores('nps', [6, 7]), 1);
    expect(edges.breakdown.detractors.count).toBe(1);
    expect(edges.breakdown.passives.count).toBe(1);
  });

  it('is 100 with no margin when everyone is a promoter', () => {
    // p = 1, d = 0: 100 · 1 = 100; p + d − (p − d)² = 1 − 1 = 0 → margin 0.
    const result = cxResult(nps(40, 0, 0), 30);
    expect(result.value).toBe(100);
    expect(result.marginOfError).toBe(0);
  });

  it('is −100 with no margin when everyone is a detractor', () => {
    // p = 0, d = 1: 100 · (0 − 1) = −100; 1 − (−1)² = 0 → margin 0.
    const result = cxResult(nps(0, 0, 40), 30);
    expect(result.value).toBe(-100);
    expect(result.marginOfError).toBe(0);
  });

  it('is 0 with no margin when everyone is a passive', () => {
    // p = d = 0: value 0; 0 + 0 − 0² = 0 → margin 0.
    const result = cxResult(nps(0, 40, 0), 30);
    expect(result.value).toBe(0);
    expect(result.marginOfError).toBe(0);
    expect(result.breakdown.passives).toEqual({ count: 40, share: 1 });
  });
});

describe('CSAT', () => {
  it('is the percentage of 4–5 answers with a binomial margin', () => {
    // 40 × 5, 30 × 4, 10 × 3, 10 × 2, 10 × 1: n = 100, satisfied = 70 → p = 0.7, CSAT = 70.
    // p(1 − p) / n = 0.21 / 100 = 0.0021; √ = 0.04582576; × 1.96 × 100 = 8.98184…
    const result = cxResult(
      histogramFromScoreCounts('csat', [
        { score: 5, count: 40 },
        { score: 4, count: 30 },
        { score: 3, count: 10 },
        { score: 2, count: 10 },
        { score: 1, count: 10 },
      ]),
      30,
    );
    expect(result.value).toBe(70);
    expect(result.marginOfError).toBeCloseTo(8.98185, 5);
    expect(result.breakdown).toEqual({
      satisfied: { count: 70, share: 0.7 },
      neutral: { count: 10, share: 0.1 },
      dissatisfied: { count: 20, share: 0.2 },
    });
  });

  it('is 100 with no margin when every answer is a 5', () => {
    // p = 1: 100 · 1 = 100; p(1 − p) = 0 → margin 0.
    const result = cxResult(histogramFromScoreCounts('csat', [{ score: 5, count: 50 }]), 30);
    expect(result.value).toBe(100);
    expect(result.marginOfError).toBe(0);
  });
});

describe('CES', () => {
  it('is the mean score with a margin from the sample standard deviation', () => {
    // Scores 7, 6, 6, 5, 4, 2: n = 6, Σ = 30, mean = 5.
    // Deviations 2, 1, 1, 0, −1, −3 → squares 4, 1, 1, 0, 1, 9 = 16; s² = 16 / (6 − 1) = 3.2;
    // s = √3.2 = 1.78885438…; margin = 1.96 · s / √6 = 1.96 · √(3.2 / 6) = 1.96 · 0.73029674 = 1.43138…
    const result = cxResult(histogramFromScores('ces', [7, 6, 6, 5, 4, 2]), 5);
    expect(result.value).toBe(5);
    expect(result.breakdown.mean).toBe(5);
    expect(result.breakdown.standardDeviation).toBeCloseTo(1.78885438, 8);
    expect(result.marginOfError).toBeCloseTo(1.43138, 5);
    // Easy 5–7: 7, 6, 6, 5 → 4; neutral 4 → 1; difficult 1–3: 2 → 1.
    expect(result.breakdown.easy).toEqual({ count: 4, share: 4 / 6 });
    expect(result.breakdown.neutral).toEqual({ count: 1, share: 1 / 6 });
    expect(result.breakdown.difficult).toEqual({ count: 1, share: 1 / 6 });
    expect(result.insufficientSample).toBe(false);
  });

  it('has no margin with a single answer, since s needs n − 1 ≥ 1', () => {
    const result = cxResult(histogramFromScores('ces', [6]), 1);
    expect(result.value).toBe(6);
    expect(result.breakdown.standardDeviation).toBeNull();
    expect(result.marginOfError).toBeNull();
  });

  it('has margin 0 when every answer is the same', () => {
    const result = cxResult(histogramFromScoreCounts('ces', [{ score: 7, count: 12 }]), 1);
    expect(result.value).toBe(7);
    expect(result.marginOfError).toBe(0);
  });
});

describe('sample size', () => {
  it('has no value and no margin with no answers', () => {
    for (const survey of ['nps', 'csat', 'ces'] as const) {
      const result = cxResult(emptyHistogram(survey), 0);
      expect(result.n).toBe(0);
      expect(result.value).toBeNull();
      expect(result.marginOfError).toBeNull();
      expect(result.insufficientSample).toBe(true);
    }
    const empty = cxResult(emptyHistogram('nps'));
    expect(empty.breakdown.promoters).toEqual({ count: 0, share: 0 });
  });

  it('flags a sample below the minimum but still computes value and margin', () => {
    // 10 promoters, 5 passives, 5 detractors: n = 20 < 30; NPS = 100 · (0.5 − 0.25) = 25.
    const small = cxResult(nps(10, 5, 5), 30);
    expect(small.insufficientSample).toBe(true);
    expect(small.value).toBe(25);
    expect(small.marginOfError).not.toBeNull();
    expect(cxResult(nps(10, 5, 5), 20).insufficientSample).toBe(false);
    expect(cxResult(nps(10, 5, 5), 21).insufficientSample).toBe(true);
  });

  it('uses a minimum sample of 30 by default', () => {
    expect(DEFAULT_MINIMUM_SAMPLE).toBe(30);
    expect(cxResult(nps(15, 0, 14)).insufficientSample).toBe(true);
    expect(cxResult(nps(15, 0, 15)).insufficientSample).toBe(false);
    expect(cxResult(nps(15, 0, 15)).minimumSample).toBe(30);
  });

  it('refuses a negative minimum sample and malformed histograms', () => {
    expect(() => cxResult(emptyHistogram('nps'), -1)).toThrow(RangeError);
    expect(() => cxResult({ survey: 'ces', counts: [1, 2] })).toThrow(RangeError);
  });
});

describe('distribution', () => {
  it('gives one bar per score with its count and share', () => {
    // CSAT 5, 5, 4, 1: n = 4 → 1: 1/4, 4: 1/4, 5: 2/4.
    expect(distribution(histogramFromScores('csat', [5, 5, 4, 1]))).toEqual([
      { score: 1, count: 1, share: 0.25 },
      { score: 2, count: 0, share: 0 },
      { score: 3, count: 0, share: 0 },
      { score: 4, count: 1, share: 0.25 },
      { score: 5, count: 2, share: 0.5 },
    ]);
    const bars = distribution(emptyHistogram('nps'));
    expect(bars.map((bar) => bar.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bars.every((bar) => bar.count === 0 && bar.share === 0)).toBe(true);
  });
});

describe('breakdownRecord', () => {
  it('flattens bands into counts and <band>Share fractions', () => {
    // NPS 10, 9, 8, 0: promoters 2 (0.5), passives 1 (0.25), detractors 1 (0.25).
    expect(breakdownRecord(cxResult(histogramFromScores('nps', [10, 9, 8, 0]), 1))).toEqual({
      promoters: 2,
      promotersShare: 0.5,
      passives: 1,
      passivesShare: 0.25,
      detractors: 1,
      detractorsShare: 0.25,
    });
  });

  it('includes the CES mean and standard deviation only when they exist', () => {
    // CES 6, 4: mean 5, s = √(((6 − 5)² + (4 − 5)²) / 1) = √2.
    const two = breakdownRecord(cxResult(histogramFromScores('ces', [6, 4]), 1));
    expect(two['mean']).toBe(5);
    expect(two['standardDeviation']).toBeCloseTo(Math.SQRT2, 12);
    expect(two['easy']).toBe(1);
    expect(two['neutralShare']).toBe(0.5);
    const one = breakdownRecord(cxResult(histogramFromScores('ces', [6]), 1));
    expect(one['mean']).toBe(6);
    expect('standardDeviation' in one).toBe(false);
    expect('mean' in breakdownRecord(cxResult(emptyHistogram('ces'), 1))).toBe(false);
  });
});
