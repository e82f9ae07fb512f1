import { cxResult } from './cx-result';
import { emptyHistogram, histogramFromScoreCounts, histogramFromScores } from './histogram';
import { lowerBound } from './leaderboard';

describe('CX leaderboard lower bound', () => {
  it('is the value minus the margin of error', () => {
    // SPEC example: NPS 33, margin 14.6817… → 18.3183…
    const result = cxResult(
      histogramFromScoreCounts('nps', [
        { score: 10, count: 50 },
        { score: 8, count: 33 },
        { score: 3, count: 17 },
      ]),
      30,
    );
    expect(lowerBound(result)).toBeCloseTo(33 - 14.6817, 4);
  });

  it('ranks a steady large unit above a lucky small one', () => {
    // Large: 60 promoters, 40 passives → NPS 60, margin 1.96 · √((0.6 − 0.36) / 100) · 100 = 9.6020…
    // Small: 7 promoters, 3 passives → NPS 70, margin 1.96 · √((0.7 − 0.49) / 10) · 100 = 28.4031…
    // Lower bounds: large 60 − 9.6020 = 50.398 beats small 70 − 28.4031 = 41.597, though 70 > 60.
    const large = cxResult(
      histogramFromScoreCounts('nps', [
        { score: 9, count: 60 },
        { score: 7, count: 40 },
      ]),
      10,
    );
    const small = cxResult(
      histogramFromScoreCounts('nps', [
        { score: 9, count: 7 },
        { score: 7, count: 3 },
      ]),
      10,
    );
    expect(lowerBound(large)).toBeCloseTo(60 - 9.602, 3);
    expect(lowerBound(small)).toBeCloseTo(70 - 28.4031, 3);
    expect(small.value ?? 0).toBeGreaterThan(large.value ?? 0);
    expect(lowerBound(large) ?? -Infinity).toBeGreaterThan(lowerBound(small) ?? -Infinity);
  });

  it('is null for an insufficient sample, no answers, or a CES without a margin', () => {
    expect(lowerBound(cxResult(histogramFromScores('nps', [10, 10]), 30))).toBeNull();
    expect(lowerBound(cxResult(emptyHistogram('csat'), 0))).toBeNull();
    expect(lowerBound(cxResult(histogramFromScores('ces', [5]), 1))).toBeNull();
    expect(lowerBound({ value: 10, marginOfError: 2, insufficientSample: false })).toBe(8);
  });
});
