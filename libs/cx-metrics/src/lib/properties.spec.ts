import { cxResult } from './cx-result';
import { addHistograms, Histogram, histogramFromScores, histogramTotal } from './histogram';
import { lowerBound } from './leaderboard';
import { pareto } from './pareto';
import { scoreCount, Survey } from './surveys';

/** mulberry32: a small seeded PRNG, so every run checks the same "random" cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random counts 0…maxCount per score, with about a third of the scores left empty. */
function randomHistogram<S extends Survey>(survey: S, next: () => number, maxCount: number): Histogram<S> {
  const counts: number[] = [];
  for (let i = 0; i < scoreCount(survey); i++)
    counts.push(next() < 1 / 3 ? 0 : Math.floor(next() * (maxCount + 1)));
  return { survey, counts };
}

const CASES = 2000;

describe('properties over random histograms', () => {
  it('keeps NPS within −100…100 with a non-negative margin', () => {
    const next = random(20260101);
    for (let c = 0; c < CASES; c++) {
      const histogram = randomHistogram('nps', next, c % 2 === 0 ? 5 : 500);
      const result = cxResult(histogram, 30);
      if (histogramTotal(histogram) === 0) {
        expect(result.value).toBeNull();
        continue;
      }
      const value = result.value ?? Number.NaN;
      const margin = result.marginOfError ?? Number.NaN;
      expect(value).toBeGreaterThanOrEqual(-100);
      expect(value).toBeLessThanOrEqual(100);
      expect(margin).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(margin)).toBe(true);
    }
  });

  it('never lowers NPS when a promoter is added', () => {
    const next = random(42);
    const onePromoter = (score: 9 | 10): Histogram<'nps'> => histogramFromScores('nps', [score]);
    for (let c = 0; c < CASES; c++) {
      const histogram = randomHistogram('nps', next, c % 2 === 0 ? 3 : 300);
      const before = cxResult(histogram, 0).value;
      const after =
        cxResult(addHistograms(histogram, onePromoter(next() < 0.5 ? 9 : 10)), 0).value ?? Number.NaN;
      if (before === null) {
        expect(after).toBe(100); // the first answer is the promoter
      } else {
        expect(after).toBeGreaterThanOrEqual(before);
      }
    }
  });

  it('keeps CSAT within 0…100, CES within 1…7, and the lower bound at or below the value', () => {
    const next = random(7);
    for (let c = 0; c < CASES; c++) {
      const csat = cxResult(randomHistogram('csat', next, 40), 5);
      const ces = cxResult(randomHistogram('ces', next, 40), 5);
      for (const [result, low, high] of [
        [csat, 0, 100],
        [ces, 1, 7],
      ] as const) {
        if (result.value === null) continue;
        expect(result.value).toBeGreaterThanOrEqual(low);
        expect(result.value).toBeLessThanOrEqual(high);
        expect(result.marginOfError ?? 0).toBeGreaterThanOrEqual(0);
        const bound = lowerBound(result);
        if (bound !== null) expect(bound).toBeLessThanOrEqual(result.value);
      }
    }
  });

  it('ends every Pareto at a cumulative share of 1, rising row by row', () => {
    const next = random(99);
    const causes = ['Billing', 'Delivery', 'Quality', 'Onboarding', 'Support', '', 'Pricing'];
    for (let c = 0; c < CASES; c++) {
      const counts: Record<string, number> = {};
      for (const cause of causes) if (next() < 0.7) counts[cause] = Math.floor(next() * 1000);
      const rows = pareto(counts);
      if (rows.length === 0) continue;
      expect(Math.abs((rows[rows.length - 1]?.cumulativeShare ?? 0) - 1)).toBeLessThan(1e-12);
      for (let i = 1; i < rows.length; i++) {
        const previous = rows[i - 1];
        const row = rows[i];
        if (previous === undefined || row === undefined) throw new Error('unreachable');
        expect(row.cumulativeShare).toBeGreaterThan(previous.cumulativeShare);
        expect(row.count).toBeLessThanOrEqual(previous.count);
      }
    }
  });
});
