import type { MetricDirection, PayoutPoint } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import { formatPayout, formatPlain } from './plan-format';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function parsed(text: string): Decimal | null {
  return PLAIN_DECIMAL.test(text.trim()) ? new Decimal(text.trim()) : null;
}

/** One point of a curve's chart: x is the metric's value, y the payout %. */
export interface CurveChartPoint {
  name: number;
  value: number;
  /** The numbers as the table shows them. */
  extra: { x: string; y: string };
}

export interface CurveChartSeries {
  name: string;
  series: CurveChartPoint[];
}

export interface CurveTableRow {
  /** "Short of 90", "At 100", "Beyond 120", "Threshold". */
  where: string;
  payout: string;
}

/** A curve as the line chart draws it and the table lists it; drawn only when the curve is valid. */
export interface CurveChart {
  /** The curve itself (points and the flat part beyond the last), then the 0 % short of the first point. */
  series: CurveChartSeries[];
  table: CurveTableRow[];
  /** The chart in words, for screen readers. */
  summary: string;
  /** Whether x is the metric's value (linear) or the three target levels (ordinal). */
  scale: 'linear' | 'ordinal';
}

/** The names of the two series: the curve, and what is paid short of its first point. */
export const CURVE_SERIES = 'Payout';
export const SHORT_SERIES = 'Short of the first point';

/**
 * The chart of a valid curve: the points joined, flat beyond the last point and 0 % short of the
 * first one, "beyond" and "short" in the metric's better direction. The numbers are plotted as
 * binary floats (the chart only draws them); the table shows the decimal text as typed.
 */
export function curveChart(
  points: readonly PayoutPoint[],
  direction: MetricDirection,
  words: { value: string; payout: string } = { value: 'value', payout: 'payout' },
): CurveChart | null {
  const values = points.map((point) => parsed(point.value));
  const payouts = points.map((point) => parsed(point.payout));
  if (!points.length || values.some((v) => v === null) || payouts.some((p) => p === null)) return null;
  const xs = values.map((v) => (v as Decimal).toNumber());
  const ys = payouts.map((p) => (p as Decimal).toNumber());
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  const room = high > low ? (high - low) * 0.2 : Math.max(Math.abs(high) * 0.1, 1);
  // Beyond the last point lies further in the better direction; short of the first, the other way.
  const better = direction === 'higher' ? 1 : -1;
  const first = xs[0];
  const last = xs[xs.length - 1];
  const beyondX = last + better * room;
  const shortX = first - better * room;
  const point = (x: number, y: number, xText: string, yText: string): CurveChartPoint => ({
    name: x,
    value: y,
    extra: { x: xText, y: yText },
  });
  const curve: CurveChartPoint[] = points.map((p, i) =>
    point(xs[i], ys[i], formatPlain(p.value), formatPayout(p.payout)),
  );
  curve.push(
    point(
      beyondX,
      ys[ys.length - 1],
      `beyond ${formatPlain(points[points.length - 1].value)}`,
      formatPayout(points[points.length - 1].payout),
    ),
  );
  const short: CurveChartPoint[] = [
    point(shortX, 0, `short of ${formatPlain(points[0].value)}`, formatPayout('0')),
    point(first, 0, `just short of ${formatPlain(points[0].value)}`, formatPayout('0')),
  ];
  const table: CurveTableRow[] = [
    { where: `Short of ${formatPlain(points[0].value)}`, payout: formatPayout('0') },
    ...points.map((p) => ({ where: `At ${formatPlain(p.value)}`, payout: formatPayout(p.payout) })),
    {
      where: `Beyond ${formatPlain(points[points.length - 1].value)}`,
      payout: formatPayout(points[points.length - 1].payout),
    },
  ];
  const listed = points.map((p) => `${formatPlain(p.value)} pays ${formatPayout(p.payout)}`).join(', ');
  return {
    series: [
      { name: CURVE_SERIES, series: curve },
      { name: SHORT_SERIES, series: short },
    ],
    table,
    scale: 'linear',
    summary:
      `Line chart of the ${words.payout} by ${words.value}: ${listed}; linear between the points, ` +
      `0 % short of the first and flat beyond the last (${direction === 'higher' ? 'higher' : 'lower'} is better).`,
  };
}

export const TARGET_LEVELS = ['Threshold', 'Target', 'Stretch'] as const;

/**
 * A curve taken from targets before its band is known: the three payouts over the words threshold,
 * target and stretch (each participant's unit has its own numbers).
 */
export function targetsChart(
  payouts: readonly [string, string, string],
  payoutWord = 'payout',
): CurveChart | null {
  const ys = payouts.map((payout) => parsed(payout));
  if (ys.some((y) => y === null)) return null;
  return {
    series: [
      {
        name: CURVE_SERIES,
        series: TARGET_LEVELS.map((level, i) => ({
          name: i,
          value: (ys[i] as Decimal).toNumber(),
          extra: { x: level, y: formatPayout(payouts[i]) },
        })),
      },
    ],
    table: [
      { where: 'Short of threshold', payout: formatPayout('0') },
      ...TARGET_LEVELS.map((level, i) => ({
        where: `At ${level.toLowerCase()}`,
        payout: formatPayout(payouts[i]),
      })),
      { where: 'Beyond stretch', payout: formatPayout(payouts[2]) },
    ],
    scale: 'ordinal',
    summary:
      `Line chart of the ${payoutWord} at each unit's threshold, target and stretch: ` +
      `${TARGET_LEVELS.map((level, i) => `${level.toLowerCase()} ${formatPayout(payouts[i])}`).join(', ')}; ` +
      `0 % short of threshold and flat beyond stretch.`,
  };
}

/** Why three payouts at threshold, target and stretch cannot be used; null when they can. */
export function targetPayoutsProblem(payouts: readonly string[]): string | null {
  const values: Decimal[] = [];
  for (let i = 0; i < 3; i++) {
    const value = parsed(payouts[i] ?? '');
    const level = TARGET_LEVELS[i].toLowerCase();
    if (value === null)
      return `The payout at ${level} must be a percentage such as 100, not "${payouts[i] ?? ''}".`;
    if (value.isNegative() && !value.isZero()) return `The payout at ${level} cannot be below 0 %.`;
    values.push(value);
  }
  if (values[1].lt(values[0]) || values[2].lt(values[1])) {
    return 'The payouts at threshold, target and stretch must never decrease.';
  }
  return null;
}

/**
 * The point added after the last one: one step further in the better direction (the last step
 * again, else 10), paying what the last one pays, so the curve stays ordered.
 */
export function nextPoint(points: readonly PayoutPoint[], direction: MetricDirection): PayoutPoint {
  const last = points[points.length - 1];
  if (!last) return { value: '', payout: '100' };
  const lastValue = parsed(last.value);
  if (lastValue === null) return { value: '', payout: last.payout };
  const before = points.length > 1 ? parsed(points[points.length - 2].value) : null;
  let step = before === null ? new Decimal(10) : lastValue.minus(before).abs();
  if (step.isZero()) step = new Decimal(10);
  const value = direction === 'higher' ? lastValue.plus(step) : lastValue.minus(step);
  return { value: value.toFixed(), payout: last.payout };
}

/** The points sorted by value in the better direction; null when a value is not a number. */
export function orderedPoints(
  points: readonly PayoutPoint[],
  direction: MetricDirection,
): PayoutPoint[] | null {
  const withValues = points.map((point) => ({ point, value: parsed(point.value) }));
  if (withValues.some((item) => item.value === null)) return null;
  const sign = direction === 'higher' ? 1 : -1;
  return withValues
    .sort((a, b) => sign * (a.value as Decimal).comparedTo(b.value as Decimal))
    .map((item) => ({ ...item.point }));
}
