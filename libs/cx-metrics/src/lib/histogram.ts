import { assertValidScore, scoreCount, scoreRange, Survey } from './surveys';

/**
 * How many answers of one survey fall on each score: `counts[i]` is the number of answers
 * with score `min + i` (`[min] = scoreRange(survey)`), so `counts` has 11 entries for nps (0–10),
 * 5 for csat (1–5) and 7 for ces (1–7). Every count is a non-negative integer.
 *
 * Histograms are the unit of aggregation: a unit's quarter is the sum of its months' histograms,
 * a parent's is the sum of its children's, and every result is computed from one. The functions
 * of this library never mutate a histogram they are given.
 */
export interface Histogram<S extends Survey = Survey> {
  survey: S;
  counts: number[];
}

/** A histogram with no answers: `counts` all zero, of the survey's length. */
export function emptyHistogram<S extends Survey>(survey: S): Histogram<S> {
  return { survey, counts: new Array<number>(scoreCount(survey)).fill(0) };
}

/**
 * Throws a `RangeError` unless `histogram.counts` has the survey's length and every count is a
 * non-negative safe integer.
 */
export function assertValidHistogram(histogram: Histogram): void {
  const expected = scoreCount(histogram.survey);
  if (histogram.counts.length !== expected) {
    throw new RangeError(
      `A ${histogram.survey} histogram has ${expected} counts; got ${histogram.counts.length}.`,
    );
  }
  for (const count of histogram.counts) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`Histogram counts are non-negative integers; got ${String(count)}.`);
    }
  }
}

/** Total number of answers `n = Σ counts[i]`. */
export function histogramTotal(histogram: Histogram): number {
  let n = 0;
  for (const count of histogram.counts) n += count;
  return n;
}

/**
 * Element-wise sum `counts[i] = a.counts[i] + b.counts[i]` — the histogram of both sets of answers.
 *
 * @throws RangeError when the surveys differ or either histogram is malformed.
 */
export function addHistograms<S extends Survey>(a: Histogram<S>, b: Histogram<S>): Histogram<S> {
  if (a.survey !== b.survey) {
    throw new RangeError(`Cannot add a ${a.survey} histogram to a ${b.survey} histogram.`);
  }
  assertValidHistogram(a);
  assertValidHistogram(b);
  return { survey: a.survey, counts: a.counts.map((count, i) => count + b.counts[i]) };
}

/**
 * Sum of any number of histograms of one survey (`emptyHistogram(survey)` when there are none).
 *
 * @throws RangeError when a histogram is of another survey or malformed.
 */
export function sumHistograms<S extends Survey>(survey: S, histograms: Iterable<Histogram<S>>): Histogram<S> {
  let total = emptyHistogram(survey);
  for (const histogram of histograms) total = addHistograms(total, histogram);
  return total;
}

/**
 * Histogram of individual answers: `counts[score − min]` is incremented once per score.
 *
 * @throws RangeError on a score that is not an integer in the survey's range.
 */
export function histogramFromScores<S extends Survey>(survey: S, scores: Iterable<number>): Histogram<S> {
  const [min] = scoreRange(survey);
  const counts = emptyHistogram(survey).counts.slice();
  for (const score of scores) {
    assertValidScore(survey, score);
    counts[score - min] = counts[score - min] + 1;
  }
  return { survey, counts };
}

/**
 * Histogram of already-counted answers, e.g. the rows of `SELECT score, count(*) … GROUP BY score`:
 * `counts[score − min] += count`. Repeated scores add up; scores not listed count 0.
 *
 * @throws RangeError on an invalid score or a count that is not a non-negative integer.
 */
export function histogramFromScoreCounts<S extends Survey>(
  survey: S,
  rows: Iterable<{ readonly score: number; readonly count: number }>,
): Histogram<S> {
  const [min] = scoreRange(survey);
  const counts = emptyHistogram(survey).counts.slice();
  for (const { score, count } of rows) {
    assertValidScore(survey, score);
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`Answer counts are non-negative integers; got ${String(count)}.`);
    }
    counts[score - min] = counts[score - min] + count;
  }
  return { survey, counts };
}
