import { MetricDirection, MetricUnit, ScoredValue, Status, TargetBand } from '@lodestar/contracts';

import { bandProblem } from './targets';

/** Score of a result exactly at threshold, target and stretch (SPEC §3 "Score and attainment"). */
export const THRESHOLD_SCORE = 50;
export const TARGET_SCORE = 100;
export const STRETCH_SCORE = 150;
/** The score never goes below 0 nor above 200. */
export const MIN_SCORE = 0;
export const MAX_SCORE = 200;

/** Units whose positive quantities have a meaningful actual ÷ target; `score` (NPS, CES) has none. */
const ATTAINMENT_UNITS: readonly MetricUnit[] = ['percent', 'currency', 'count'];

/**
 * Places a result on its target band: threshold ↦ 50, target ↦ 100, stretch ↦ 150, linear
 * between the points and continued linearly beyond them — with the threshold–target slope short
 * of the target and the target–stretch slope beyond it — floored at 0 and capped at 200.
 *
 * The same for both directions (for lower-is-better metrics "beyond" means lower) and for values
 * that can be zero or negative: NPS −5 on the band −10 / 0 / 10 scores 75.
 *
 * @throws RangeError when the band is not strictly ordered (see {@link bandProblem}) or `actual`
 *   is not a finite number.
 */
export function score(actual: number, band: TargetBand, direction: MetricDirection): number {
  assertScorable(actual, band, direction);
  const { threshold, target, stretch } = band;
  // (actual − target) ÷ (target − threshold) is the distance in "threshold–target widths" for
  // either direction: for a lower-is-better band both differences change sign together.
  const steps = isAtOrBeyond(actual, target, direction)
    ? (actual - target) / (stretch - target)
    : (actual - target) / (target - threshold);
  const raw = TARGET_SCORE + (STRETCH_SCORE - TARGET_SCORE) * steps;
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, raw));
}

/**
 * Green at or beyond the target, amber from the threshold (inclusive) up to the target, red short
 * of the threshold; "beyond" is lower for lower-is-better metrics. Agrees with {@link score}:
 * green ⇔ score ≥ 100, red ⇔ score < 50.
 *
 * @throws RangeError as {@link score} does.
 */
export function status(actual: number, band: TargetBand, direction: MetricDirection): Status {
  assertScorable(actual, band, direction);
  if (isAtOrBeyond(actual, band.target, direction)) return 'green';
  if (isAtOrBeyond(actual, band.threshold, direction)) return 'amber';
  return 'red';
}

/**
 * The familiar attainment, actual ÷ target in percent (1,125 against 1,000 → 112.5), for positive
 * better-is-higher quantities only: direction `higher`, unit percent, currency or count, a target
 * above 0 and an actual of at least 0. `null` for everything else — NPS and CES (unit `score`),
 * lower-is-better metrics, and non-finite numbers.
 */
export function attainment(
  actual: number,
  target: number,
  metric: { readonly direction: MetricDirection; readonly unit: MetricUnit },
): number | null {
  if (metric.direction !== 'higher' || !ATTAINMENT_UNITS.includes(metric.unit)) return null;
  if (!Number.isFinite(actual) || !Number.isFinite(target) || target <= 0 || actual < 0) return null;
  return (actual * 100) / target;
}

/**
 * A result with its score, status and attainment on its band; those three are `null` when the
 * actual or the band is missing (attainment also where {@link attainment} says so).
 *
 * @throws RangeError when both are given and the band is not strictly ordered or the actual is not finite.
 */
export function scoreValue(
  direction: MetricDirection,
  unit: MetricUnit,
  actual: number | null,
  band: TargetBand | null,
): ScoredValue {
  if (actual === null || band === null) {
    return { direction, actual, band, score: null, status: null, attainment: null };
  }
  return {
    direction,
    actual,
    band,
    score: score(actual, band, direction),
    status: status(actual, band, direction),
    attainment: attainment(actual, band.target, { direction, unit }),
  };
}

/**
 * True when a CX value's gap to its target lies within its margin of error,
 * |actual − target| ≤ margin: the miss (or the lead) is not distinguishable from sampling noise.
 * A tolerance of 1e-9 absorbs binary rounding (|0.3 − 0.1| against 0.2). False when any number
 * is not finite or the margin is negative.
 */
export function withinMarginOfTarget(actual: number, marginOfError: number, target: number): boolean {
  if (![actual, marginOfError, target].every(Number.isFinite) || marginOfError < 0) return false;
  return Math.abs(actual - target) <= marginOfError + 1e-9;
}

/** True when `value` is at `level` or beyond it in the better direction. */
function isAtOrBeyond(value: number, level: number, direction: MetricDirection): boolean {
  return direction === 'higher' ? value >= level : value <= level;
}

function assertScorable(actual: number, band: TargetBand, direction: MetricDirection): void {
  const problem = bandProblem(direction, band);
  if (problem) throw new RangeError(`The target band cannot be scored: ${problem}.`);
  if (!Number.isFinite(actual))
    throw new RangeError(`The actual must be a finite number, not ${String(actual)}.`);
}
