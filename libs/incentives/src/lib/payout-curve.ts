import type { CurveSegment, CurveSpec, MetricDirection, PayoutPoint, TargetBand } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';

import {
  Dec,
  decimalOrNull,
  isDecimalText,
  HUNDRED,
  numberText,
  PlanRulesError,
  plain,
  quote,
  show,
  showPlain,
  StatementError,
  ZERO,
} from './decimal';

/**
 * Payout curves (SPEC §3 "Incentive plans"): ordered points value ↦ payout %, linear between
 * points, 0 short of the first point, flat at the last payout beyond the last point — "short"
 * and "beyond" in the metric's better direction (for lower-is-better metrics, beyond is lower).
 */

/** A curve with its numbers parsed, checked once for its direction. */
export interface PreparedCurve {
  readonly points: readonly PayoutPoint[];
  readonly direction: MetricDirection;
  readonly values: readonly Decimal[];
  readonly payouts: readonly Decimal[];
  /** vᵢ₊₁ − vᵢ and pᵢ₊₁ − pᵢ of each piece. */
  readonly valueSteps: readonly Decimal[];
  readonly payoutSteps: readonly Decimal[];
  /**
   * Readings by value text: participants of one unit, and everyone on company components, share
   * values. `null` marks a value read once and not kept (see {@link readCurve}).
   */
  readonly readings: Map<string, CurveReading | null>;
  /** "100 ↦ 100 %" of each point, worded on first use. */
  readonly pointWords: string[];
}

/** The curve read at one value, with the words a statement step needs. */
export interface CurveReading {
  readonly value: Decimal;
  readonly payout: Decimal;
  readonly segment: CurveSegment;
  /** The payout in plain notation. */
  readonly payoutText: string;
  /** "112.4 lies between 100 ↦ 100 % and 120 ↦ 200 %", or "is short of the first point …". */
  readonly where: string;
  /** The payout as shown in a sentence: "162". */
  readonly payoutShown: string;
  /** The value's text, as read. */
  readonly text: string;
  /** Left to the statement: the score and attainment last worked out for this value (on a band). */
  scored: unknown;
  /** Left to the statement: the last weighted contribution worked out from this payout. */
  contributed: unknown;
}

const READINGS_LIMIT = 2_048;

/**
 * Why the points cannot be a payout curve for a metric of this direction, as a sentence naming
 * the offending point; `null` when they can. `metricName` only words the sentence.
 *
 * - at least one point;
 * - every value and payout a finite decimal string, payouts ≥ 0;
 * - values strictly ordered in the better direction (increasing for `higher`, decreasing for `lower`);
 * - payouts never decreasing along that order.
 *
 * curveProblem([{value:'100',payout:'100'},{value:'95',payout:'200'}], 'higher', 'quota attainment')
 *   → "Point 2 (value 95) must be above point 1 (value 100): quota attainment is better when higher."
 */
export function curveProblem(
  points: PayoutPoint[],
  direction: MetricDirection,
  metricName = 'the metric',
): string | null {
  const result = parseCurve(points, direction, metricName);
  return typeof result === 'string' ? result : null;
}

/**
 * The payout % at `value`: 0 short of the first point, the first point's payout exactly at it,
 * linear between neighbouring points, the last payout at or beyond the last point.
 *
 * @throws PlanRulesError when the points are not a valid curve for the direction;
 *   StatementError when `value` is not a decimal string.
 */
export function curvePayout(
  points: PayoutPoint[],
  direction: MetricDirection,
  value: string,
): { payout: Decimal; segment: CurveSegment } {
  const x = decimalOrNull(value);
  if (x === null) {
    throw new StatementError(
      `The value ${quote(value)} is not a decimal number such as 12.5, so it cannot be paid on.`,
    );
  }
  return payoutAt(prepareCurve(points, direction), x);
}

/** {@link curvePayout} on a prepared curve and a parsed value. */
export function payoutAt(curve: PreparedCurve, x: Decimal): { payout: Decimal; segment: CurveSegment } {
  const { values, payouts, points } = curve;
  const higher = curve.direction === 'higher';
  const last = values.length - 1;
  // Better-or-equal in the metric's direction, written once for both.
  const atOrBeyond = (a: Decimal, b: Decimal): boolean => (higher ? a.gte(b) : a.lte(b));
  if (!atOrBeyond(x, values[0])) return { payout: ZERO, segment: { kind: 'SHORT', first: points[0] } };
  if (atOrBeyond(x, values[last]))
    return { payout: payouts[last], segment: { kind: 'BEYOND', last: points[last] } };
  let i = 0;
  while (atOrBeyond(x, values[i + 1])) i++;
  // p = pᵢ + (pᵢ₊₁ − pᵢ) × (x − vᵢ) ÷ (vᵢ₊₁ − vᵢ): one division, last, so exact points stay exact.
  const payout = payouts[i].plus(curve.payoutSteps[i].times(x.minus(values[i])).div(curve.valueSteps[i]));
  return { payout, segment: { kind: 'BETWEEN', from: points[i], to: points[i + 1] } };
}

/**
 * The curve read at a value given as text, remembered on the prepared curve: the same value on
 * the same curve is computed and worded once, however many participants share it. Null when
 * `text` is not a decimal string.
 */
export function readCurve(curve: PreparedCurve, text: string): CurveReading | null {
  const known = curve.readings.get(text);
  if (known) return known;
  // Not through the parse cache: values of facts rarely repeat the way rules' numbers do.
  const value = isDecimalText(text) ? new Dec(text.trim()) : null;
  if (value === null) return null;
  const { payout, segment } = payoutAt(curve, value);
  // A plain decimal text shows as it is written (but for leading zeros, which `show` drops).
  const trimmed = text.trim();
  const shown = /^-?0\d/.test(trimmed) ? show(value) : showPlain(trimmed);
  let where: string;
  if (segment.kind === 'SHORT') {
    where = `${shown} is short of the first point ${pointWords(curve, 0)}`;
  } else if (segment.kind === 'BEYOND') {
    where = `${shown} is at or beyond the last point ${pointWords(curve, curve.values.length - 1)}`;
  } else {
    const i = segment.kind === 'BETWEEN' ? curve.points.indexOf(segment.from) : 0;
    where = `${shown} lies between ${pointWords(curve, i)} and ${pointWords(curve, i + 1)}`;
  }
  const payoutText = plain(payout);
  const reading: CurveReading = {
    value,
    payout,
    segment,
    payoutText,
    where,
    payoutShown: showPlain(payoutText),
    text,
    scored: undefined,
    contributed: undefined,
  };
  // Kept only for a value read recently before (the last couple of thousand values of this
  // curve): participants of one unit and company-wide values repeat at once, while values that
  // never repeat soon would only churn memory — a reading kept long and then dropped is the
  // garbage collector's most expensive kind.
  if (curve.readings.size >= READINGS_LIMIT) curve.readings.clear();
  curve.readings.set(text, known === null ? reading : null);
  return reading;
}

/** "100 ↦ 100 %". */
export function pointWords(curve: PreparedCurve, i: number): string {
  return (curve.pointWords[i] ??= `${show(curve.values[i])} ↦ ${show(curve.payouts[i])} %`);
}

/**
 * The least good value at which the curve pays at least `payout` %: the first point's value when
 * its payout already reaches it, else the value on the first piece that reaches it (the inverse
 * of the linear piece); null when even the last payout is below it.
 *
 * @throws PlanRulesError on a bad curve; StatementError when `payout` is not a decimal string.
 */
export function valueForPayout(
  points: PayoutPoint[],
  direction: MetricDirection,
  payout: string,
): string | null {
  const p = decimalOrNull(payout);
  if (p === null) {
    throw new StatementError(`The payout ${quote(payout)} is not a decimal number such as 100.`);
  }
  const value = valueAt(prepareCurve(points, direction), p);
  return value === null ? null : plain(value);
}

/** {@link valueForPayout} on a prepared curve and a parsed payout. */
export function valueAt(curve: PreparedCurve, p: Decimal): Decimal | null {
  const { values, payouts } = curve;
  if (payouts[0].gte(p)) return values[0];
  for (let i = 0; i + 1 < values.length; i++) {
    if (payouts[i + 1].gte(p)) {
      // pᵢ < p ≤ pᵢ₊₁, so the piece rises and the division is defined.
      return values[i].plus(curve.valueSteps[i].times(p.minus(payouts[i])).div(curve.payoutSteps[i]));
    }
  }
  return null;
}

/**
 * The points of a component's curve for one participant and period: `POINTS` as given; `TARGETS`
 * the band's threshold, target and stretch ↦ the three payouts (band numbers written as `String()`
 * would, in plain notation).
 *
 * @throws StatementError for a `TARGETS` curve without a band, or with a band that is not
 *   strictly ordered in the better direction.
 */
export function resolveCurve(
  spec: CurveSpec,
  band: TargetBand | null,
  direction: MetricDirection,
): PayoutPoint[] {
  if (spec.source === 'POINTS') return spec.points;
  if (band === null || band === undefined) {
    throw new StatementError(
      'The curve is taken from targets, but no target band (threshold, target, stretch) is set for this unit and period; set one, or give the curve its own points.',
    );
  }
  const { threshold, target, stretch } = band;
  const ordered =
    [threshold, target, stretch].every(Number.isFinite) &&
    (direction === 'higher'
      ? threshold < target && target < stretch
      : threshold > target && target > stretch);
  if (!ordered) {
    throw new StatementError(
      `The target band ${threshold} / ${target} / ${stretch} is not strictly ordered for a metric that is better when ${direction}, so no curve can be taken from it.`,
    );
  }
  return pointsFromBand(band, spec.payouts);
}

/** Threshold, target and stretch ↦ the three payouts. */
function pointsFromBand(band: TargetBand, payouts: readonly [string, string, string]): PayoutPoint[] {
  const { threshold, target, stretch } = band;
  const [atThreshold, atTarget, atStretch] = payouts;
  return [
    { value: numberText(threshold), payout: atThreshold },
    { value: numberText(target), payout: atTarget },
    { value: numberText(stretch), payout: atStretch },
  ];
}

interface BandCurves {
  /** The payouts the points were made with; a change in place empties the cache. */
  payouts: [string, string, string];
  /** direction → threshold → target → stretch → points. */
  byBand: Map<string, Map<number, Map<number, Map<number, PayoutPoint[]>>>>;
  size: number;
}

const BAND_CURVES = new WeakMap<CurveSpec, BandCurves>();
const BAND_CURVES_LIMIT = 5_000;

/**
 * {@link resolveCurve} for the engine: the points of a `TARGETS` curve are made once per curve,
 * band and direction and shared by every participant with that band, so they are checked and
 * read once. The points returned must not be changed.
 */
export function resolveCurveShared(
  spec: CurveSpec,
  band: TargetBand | null,
  direction: MetricDirection,
): PayoutPoint[] {
  if (spec.source !== 'TARGETS' || band === null || band === undefined || !Array.isArray(spec.payouts)) {
    return resolveCurve(spec, band, direction);
  }
  const [p0, p1, p2] = spec.payouts;
  let cache = BAND_CURVES.get(spec);
  if (
    cache === undefined ||
    cache.payouts[0] !== p0 ||
    cache.payouts[1] !== p1 ||
    cache.payouts[2] !== p2 ||
    cache.size >= BAND_CURVES_LIMIT
  ) {
    cache = { payouts: [p0, p1, p2], byBand: new Map(), size: 0 };
    BAND_CURVES.set(spec, cache);
  }
  let byThreshold = cache.byBand.get(direction);
  if (byThreshold === undefined) cache.byBand.set(direction, (byThreshold = new Map()));
  let byTarget = byThreshold.get(band.threshold);
  if (byTarget === undefined) byThreshold.set(band.threshold, (byTarget = new Map()));
  let byStretch = byTarget.get(band.target);
  if (byStretch === undefined) byTarget.set(band.target, (byStretch = new Map()));
  let points = byStretch.get(band.stretch);
  if (points === undefined) {
    points = resolveCurve(spec, band, direction);
    byStretch.set(band.stretch, points);
    cache.size++;
  }
  return points;
}

/** Curves already checked, by their array; reused only while every point's text is unchanged. */
const PREPARED = new WeakMap<PayoutPoint[], PreparedCurve>();

/**
 * The curve parsed and checked, from a cache when the same points were prepared before for the
 * same direction (an edit in place of a point's text is noticed).
 *
 * @throws PlanRulesError when the points are not a valid curve for the direction.
 */
export function prepareCurve(points: PayoutPoint[], direction: MetricDirection): PreparedCurve {
  const cached = Array.isArray(points) ? PREPARED.get(points) : undefined;
  if (cached && cached.direction === direction && unchanged(cached, points)) return cached;
  const result = parseCurve(points, direction, 'the metric');
  if (typeof result === 'string')
    throw new PlanRulesError(`The payout curve cannot be used: ${lowerFirst(result)}`);
  PREPARED.set(points, result);
  return result;
}

function unchanged(cached: PreparedCurve, points: PayoutPoint[]): boolean {
  if (points.length !== cached.points.length) return false;
  for (let i = 0; i < points.length; i++) {
    const before = cached.points[i];
    const now = points[i];
    if (now?.value !== before.value || now?.payout !== before.payout) return false;
  }
  return true;
}

function parseCurve(
  points: PayoutPoint[],
  direction: MetricDirection,
  metricName: string,
): PreparedCurve | string {
  if (direction !== 'higher' && direction !== 'lower') {
    return `The direction must be higher or lower, not ${quote(direction)}.`;
  }
  if (!Array.isArray(points) || points.length === 0) return 'A payout curve needs at least one point.';
  const values: Decimal[] = [];
  const payouts: Decimal[] = [];
  const higher = direction === 'higher';
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    const n = i + 1;
    const value = decimalOrNull(point?.value);
    if (value === null) {
      return `Point ${n} has the value ${quote(point?.value)}; it must be a decimal number such as 95 or 2.5.`;
    }
    const payout = decimalOrNull(point?.payout);
    if (payout === null) {
      return `Point ${n} (value ${show(value)}) pays ${quote(point?.payout)}; a payout must be a decimal percentage such as 100.`;
    }
    if (payout.isNegative() && !payout.isZero()) {
      return `Point ${n} (value ${show(value)}) pays ${show(payout)} %; a payout cannot be below 0 %.`;
    }
    if (i > 0) {
      const before = values[i - 1];
      if (higher ? !value.gt(before) : !value.lt(before)) {
        return `Point ${n} (value ${show(value)}) must be ${higher ? 'above' : 'below'} point ${i} (value ${show(before)}): ${metricName} is better when ${direction}.`;
      }
      if (payout.lt(payouts[i - 1])) {
        return `Point ${n} (value ${show(value)}) pays ${show(payout)} %, less than point ${i} (value ${show(before)}) at ${show(payouts[i - 1])} %; payouts must never decrease as results get better.`;
      }
    }
    values.push(value);
    payouts.push(payout);
  }
  // A copy of the texts, so an edit in place of the caller's points is noticed by the cache.
  const copy = points.map((point) => ({ value: point.value, payout: point.payout }));
  const valueSteps: Decimal[] = [];
  const payoutSteps: Decimal[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    valueSteps.push(values[i + 1].minus(values[i]));
    payoutSteps.push(payouts[i + 1].minus(payouts[i]));
  }
  return {
    points: copy,
    direction,
    values,
    payouts,
    valueSteps,
    payoutSteps,
    readings: new Map(),
    pointWords: [],
  };
}

function lowerFirst(text: string): string {
  return /^(Point|A) /.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** 100 %: the payout of a component (and the factor of a multiplier) whose input pays at target. */
export const AT_TARGET_PAYOUT = HUNDRED;
