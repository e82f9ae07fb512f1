import type { MetricDirection, MetricUnit, PayoutPoint } from '@lodestar/contracts';
import { chartNumber, formatMetricValue, formatPayout } from './incentive-format';

/** What a payout curve chart needs to know: the curve, the metric, and where the result fell. */
export interface CurvePosition {
  label: string;
  unit: MetricUnit;
  direction: MetricDirection;
  points: readonly PayoutPoint[];
  /** The input's value; null when there is none (paid at target, or no result yet). */
  value: string | null;
  /** What the curve pays at `value`. */
  curvePayout: string;
  /** What the component pays after its cap and the gates. */
  payout: string;
}

export interface CurveChartPoint {
  name: number;
  value: number;
}

export interface CurveChartTableRow {
  value: string;
  payout: string;
  /** The row of the result rather than a point of the curve. */
  result: boolean;
}

export interface CurveChart {
  series: { name: string; series: CurveChartPoint[] }[];
  referenceLines: { name: string; value: number }[];
  xMin: number;
  xMax: number;
  yMax: number;
  /** Ticks at the curve's points, so the axes read the plan's own numbers. */
  xTicks: number[];
  yTicks: number[];
  table: CurveChartTableRow[];
  /** The chart in words, for screen readers. */
  summary: string;
}

export const CURVE_SERIES = 'Payout curve';
export const RESULT_SERIES = 'Result';

/**
 * A component's payout curve as ngx-charts lines, in ascending value: 0 short of the first point (in the
 * metric's better direction), straight between the points, flat beyond the last, drawn a little past
 * both ends; and the result as a vertical line from 0 up to what the curve pays at its value. When
 * the cap or a gate lowered the payout, a reference line marks what the component pays.
 */
export function curveChart(position: CurvePosition): CurveChart {
  const points = position.points
    .map((point) => ({ x: chartNumber(point.value), y: chartNumber(point.payout), point }))
    .filter(
      (point): point is { x: number; y: number; point: PayoutPoint } => point.x !== null && point.y !== null,
    );
  const value = chartNumber(position.value);
  const curvePayout = chartNumber(position.curvePayout) ?? 0;
  const payout = chartNumber(position.payout) ?? 0;

  const xs = points.map((point) => point.x);
  if (value !== null) xs.push(value);
  const low = xs.length ? Math.min(...xs) : 0;
  const high = xs.length ? Math.max(...xs) : 1;
  const pad = (high - low || Math.abs(high) || 1) * 0.15;
  const xMin = low - pad;
  const xMax = high + pad;

  const ascending = [...points].sort((a, b) => a.x - b.x);
  const curve: CurveChartPoint[] = [];
  if (ascending.length) {
    const lowest = ascending[0];
    const highest = ascending[ascending.length - 1];
    if (position.direction === 'higher') {
      // Short of the first point (the lowest value) pays 0; beyond the last the curve stays flat.
      curve.push({ name: xMin, value: 0 }, { name: lowest.x, value: 0 });
      for (const point of ascending) curve.push({ name: point.x, value: point.y });
      curve.push({ name: xMax, value: highest.y });
    } else {
      // Lower is better: the last point is the lowest value (flat below it), the first the highest (0 above it).
      curve.push({ name: xMin, value: lowest.y });
      for (const point of ascending) curve.push({ name: point.x, value: point.y });
      curve.push({ name: highest.x, value: 0 }, { name: xMax, value: 0 });
    }
  }

  const series = [{ name: CURVE_SERIES, series: curve }];
  if (value !== null) {
    series.push({
      name: RESULT_SERIES,
      series: [
        { name: value, value: 0 },
        { name: value, value: curvePayout },
      ],
    });
  }

  const lowered = value !== null && payout < curvePayout;
  const referenceLines = lowered ? [{ name: `Pays ${formatPayout(position.payout)}`, value: payout }] : [];
  const yMax = Math.max(100, ...points.map((point) => point.y), curvePayout) * 1.1;

  const valueText = (text: string) => formatMetricValue(text, position.unit);
  const table: CurveChartTableRow[] = position.points.map((point) => ({
    value: valueText(point.value),
    payout: formatPayout(point.payout),
    result: false,
  }));
  if (position.value !== null) {
    table.push({
      value: valueText(position.value),
      payout: formatPayout(position.curvePayout),
      result: true,
    });
  }

  const curveText = position.points
    .map((point) => `${valueText(point.value)} pays ${formatPayout(point.payout)}`)
    .join(', ');
  const resultText =
    position.value === null
      ? 'No result: paid at target.'
      : `The result ${valueText(position.value)} is paid ${formatPayout(position.curvePayout)} on the curve` +
        (lowered ? `, ${formatPayout(position.payout)} after the cap and gates.` : '.');
  const summary = `Payout curve of ${position.label}${position.direction === 'lower' ? ' (lower is better)' : ''}: ${curveText}. ${resultText}`;

  const xTicks = [...new Set(points.map((point) => point.x))].sort((a, b) => a - b);
  // Target (100 %) and the curve's top; the points' own payouts crowd a small chart and are in the table.
  const top = points.length ? Math.max(...points.map((point) => point.y)) : 100;
  const yTicks = [...new Set([0, 100, top])].sort((a, b) => a - b);

  return { series, referenceLines, xMin, xMax, yMax, xTicks, yTicks, table, summary };
}
