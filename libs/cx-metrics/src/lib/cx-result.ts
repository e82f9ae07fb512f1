import { assertValidHistogram, Histogram, histogramTotal } from './histogram';
import { scoreRange, Survey } from './surveys';

/** Minimum number of answers below which a result is shown as *insufficient sample* (SPEC §3). */
export const DEFAULT_MINIMUM_SAMPLE = 30;

/** z-value of a two-sided 95 % confidence interval, used by every margin of error. */
export const Z_95 = 1.96;

/**
 * A band of answers (e.g. promoters): how many, and their share of all answers, in 0–1
 * (`share = count / n`; 0 when n = 0 — the result's `value` is then `null`).
 */
export interface AnswerBand {
  readonly count: number;
  readonly share: number;
}

/** NPS bands: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsBreakdown {
  readonly promoters: AnswerBand;
  readonly passives: AnswerBand;
  readonly detractors: AnswerBand;
}

/** CSAT bands: satisfied 4–5, neutral 3, dissatisfied 1–2. */
export interface CsatBreakdown {
  readonly satisfied: AnswerBand;
  readonly neutral: AnswerBand;
  readonly dissatisfied: AnswerBand;
}

/**
 * CES figures: the mean score `x̄ = Σ score·count / n` (`null` when n = 0), the sample standard
 * deviation `s = √(Σ count·(score − x̄)² / (n − 1))` (`null` when n < 2), and the bands
 * easy 5–7, neutral 4, difficult 1–3.
 */
export interface CesBreakdown {
  readonly mean: number | null;
  readonly standardDeviation: number | null;
  readonly easy: AnswerBand;
  readonly neutral: AnswerBand;
  readonly difficult: AnswerBand;
}

interface CxResultOf<S extends Survey, B> {
  readonly survey: S;
  /** NPS in points (−100…100), CSAT in percent (0…100), CES as a mean score (1…7); `null` when n = 0. */
  readonly value: number | null;
  /** Number of answers. */
  readonly n: number;
  /** Half-width of the 95 % confidence interval, in the value's own unit; `null` when it cannot be computed. */
  readonly marginOfError: number | null;
  /** `n < minimumSample` (always true when n = 0). Value and margin are still given when n > 0. */
  readonly insufficientSample: boolean;
  /** The minimum sample the result was judged against. */
  readonly minimumSample: number;
  readonly breakdown: B;
}

export type NpsResult = CxResultOf<'nps', NpsBreakdown>;
export type CsatResult = CxResultOf<'csat', CsatBreakdown>;
export type CesResult = CxResultOf<'ces', CesBreakdown>;
/** A survey result; narrow on `survey` to reach the survey's own `breakdown`. */
export type CxResult = NpsResult | CsatResult | CesResult;
/** The result type of survey `S` (the whole union when `S` is `Survey`). */
export type CxResultFor<S extends Survey> = Extract<CxResult, { readonly survey: S }>;

/** One bar of the score distribution chart; `share = count / n` in 0–1, 0 when n = 0. */
export interface ScoreShare {
  readonly score: number;
  readonly count: number;
  readonly share: number;
}

/**
 * The NPS, CSAT or CES result of a histogram. Computed in full floating-point precision —
 * nothing is rounded here; display rounding is the caller's.
 *
 * With n answers, P promoters (9–10), D detractors (0–6), S satisfied (CSAT 4–5):
 *
 * - **NPS** (points): p = P/n, d = D/n; `value = 100·(p − d)`;
 *   `marginOfError = 1.96 · √((p + d − (p − d)²) / n) · 100`.
 *   E.g. 50 promoters, 33 passives, 17 detractors → value 33, margin 14.68 (14.6817…).
 * - **CSAT** (percent): p = S/n; `value = 100·p`; `marginOfError = 1.96 · √(p(1 − p) / n) · 100`.
 * - **CES** (mean score, higher is better): `value = x̄ = Σ score·count / n`;
 *   `marginOfError = 1.96 · s / √n` with the sample standard deviation
 *   `s = √(Σ count·(score − x̄)² / (n − 1))`; `null` when n = 1.
 *
 * n = 0 → value and margin `null`, `insufficientSample` true. 0 < n < `minimumSample` →
 * `insufficientSample` true, value and margin still computed.
 *
 * @param minimumSample answers needed for a sufficient sample (default {@link DEFAULT_MINIMUM_SAMPLE}).
 * @throws RangeError on a malformed histogram or a negative / non-finite minimum sample.
 */
export function cxResult<S extends Survey>(
  histogram: Histogram<S>,
  minimumSample: number = DEFAULT_MINIMUM_SAMPLE,
): CxResultFor<S> {
  assertValidHistogram(histogram);
  if (!Number.isFinite(minimumSample) || minimumSample < 0) {
    throw new RangeError(`The minimum sample is a non-negative number; got ${String(minimumSample)}.`);
  }
  const result = computeResult(histogram, minimumSample);
  return result as CxResultFor<S>;
}

function computeResult(histogram: Histogram, minimumSample: number): CxResult {
  const n = histogramTotal(histogram);
  const base = { n, minimumSample, insufficientSample: n === 0 || n < minimumSample };
  switch (histogram.survey) {
    case 'nps': {
      const promoters = countBetween(histogram, 9, 10);
      const passives = countBetween(histogram, 7, 8);
      const detractors = countBetween(histogram, 0, 6);
      const breakdown: NpsBreakdown = {
        promoters: band(promoters, n),
        passives: band(passives, n),
        detractors: band(detractors, n),
      };
      if (n === 0) return { survey: 'nps', ...base, value: null, marginOfError: null, breakdown };
      const net = (promoters - detractors) / n; // p − d
      const variance = Math.max(0, (promoters + detractors) / n - net * net); // p + d − (p − d)², never < 0
      return {
        survey: 'nps',
        ...base,
        value: (100 * (promoters - detractors)) / n,
        marginOfError: Z_95 * Math.sqrt(variance / n) * 100,
        breakdown,
      };
    }
    case 'csat': {
      const satisfied = countBetween(histogram, 4, 5);
      const breakdown: CsatBreakdown = {
        satisfied: band(satisfied, n),
        neutral: band(countBetween(histogram, 3, 3), n),
        dissatisfied: band(countBetween(histogram, 1, 2), n),
      };
      if (n === 0) return { survey: 'csat', ...base, value: null, marginOfError: null, breakdown };
      const p = satisfied / n;
      return {
        survey: 'csat',
        ...base,
        value: (100 * satisfied) / n,
        marginOfError: Z_95 * Math.sqrt(Math.max(0, p * (1 - p)) / n) * 100,
        breakdown,
      };
    }
    case 'ces': {
      const { mean, standardDeviation } = meanAndSampleStandardDeviation(histogram, n);
      const breakdown: CesBreakdown = {
        mean,
        standardDeviation,
        easy: band(countBetween(histogram, 5, 7), n),
        neutral: band(countBetween(histogram, 4, 4), n),
        difficult: band(countBetween(histogram, 1, 3), n),
      };
      return {
        survey: 'ces',
        ...base,
        value: mean,
        marginOfError: standardDeviation === null ? null : (Z_95 * standardDeviation) / Math.sqrt(n),
        breakdown,
      };
    }
  }
}

/**
 * The score distribution for the bar chart: one entry per possible score, ascending, with
 * `share = count / n` in 0–1 (0 when n = 0).
 *
 * @throws RangeError on a malformed histogram.
 */
export function distribution(histogram: Histogram): ScoreShare[] {
  assertValidHistogram(histogram);
  const [min] = scoreRange(histogram.survey);
  const n = histogramTotal(histogram);
  return histogram.counts.map((count, i) => ({ score: min + i, count, share: n === 0 ? 0 : count / n }));
}

/**
 * A result's breakdown as a flat `Record<string, number>` (the shape of the `breakdown` field of
 * the API's `CxResult` contract): each band's count under its name and its 0–1 share under
 * `<name>Share` — e.g. `{ promoters: 50, promotersShare: 0.5, passives: 33, … }` — plus, for CES,
 * `mean` and `standardDeviation` when they are not `null`.
 */
export function breakdownRecord(result: CxResult): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [name, entry] of Object.entries(result.breakdown) as Array<
    [string, AnswerBand | number | null]
  >) {
    if (entry === null) continue;
    if (typeof entry === 'number') {
      record[name] = entry;
    } else {
      record[name] = entry.count;
      record[`${name}Share`] = entry.share;
    }
  }
  return record;
}

function band(count: number, n: number): AnswerBand {
  return { count, share: n === 0 ? 0 : count / n };
}

/** Answers with `from ≤ score ≤ to`. */
function countBetween(histogram: Histogram, from: number, to: number): number {
  const [min] = scoreRange(histogram.survey);
  let count = 0;
  for (let score = from; score <= to; score++) count += histogram.counts[score - min];
  return count;
}

/** Two-pass mean and sample (n − 1) standard deviation of a histogram's scores. */
function meanAndSampleStandardDeviation(
  histogram: Histogram,
  n: number,
): { mean: number | null; standardDeviation: number | null } {
  if (n === 0) return { mean: null, standardDeviation: null };
  const [min] = scoreRange(histogram.survey);
  let sum = 0;
  histogram.counts.forEach((count, i) => (sum += count * (min + i)));
  const mean = sum / n;
  if (n < 2) return { mean, standardDeviation: null };
  let squares = 0;
  histogram.counts.forEach((count, i) => (squares += count * (min + i - mean) ** 2));
  return { mean, standardDeviation: Math.sqrt(squares / (n - 1)) };
}
