import type {
  MetricDefinition,
  ScorecardCell,
  ScorecardColumn,
  ScorecardRow,
  Status,
} from '@lodestar/contracts';
import { formatMetricValue, MetricInfo, metricInfo, shortMetricName, STATUS_INFO } from './scorecard-format';

export interface TrendReferenceLine {
  name: 'Threshold' | 'Target' | 'Stretch';
  value: number;
}

export interface TrendTableRow {
  period: string;
  value: string;
}

/** One metric's trend as a line chart takes it, with its target band as reference lines. */
export interface TrendChart {
  metric: string;
  name: string;
  shortName: string;
  info: MetricInfo;
  /** One series, the unit's values by period (periods without a value are left out). */
  series: { name: string; series: { name: string; value: number }[] }[];
  referenceLines: TrendReferenceLine[];
  /** The y axis: the values and the whole band, with a little room around them. */
  yMin: number;
  yMax: number;
  table: TrendTableRow[];
  /** "Band of FY2025-Q4: threshold 85.0 %, target 90.0 %, stretch 95.0 %" */
  bandText: string;
  status: Status | null;
  statusLabel: string | null;
  /** The chart in words, for screen readers. */
  summary: string;
}

function chartOf(cell: ScorecardCell, info: MetricInfo, unitName: string, period: string): TrendChart | null {
  const points = cell.trend.filter((point) => point.actual !== null) as { period: string; actual: number }[];
  if (!points.length) return null;
  const format = (value: number | null) => formatMetricValue(value, info);
  const referenceLines: TrendReferenceLine[] = [];
  if (cell.threshold !== null) referenceLines.push({ name: 'Threshold', value: cell.threshold });
  if (cell.target !== null) referenceLines.push({ name: 'Target', value: cell.target });
  if (cell.stretch !== null) referenceLines.push({ name: 'Stretch', value: cell.stretch });
  const values = [...points.map((point) => point.actual), ...referenceLines.map((line) => line.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const room = Math.max((high - low) * 0.12, Math.abs(high) * 0.02, 1);
  const bandText = referenceLines.length
    ? `Band of ${period}: ${referenceLines.map((line) => `${line.name.toLowerCase()} ${format(line.value)}`).join(', ')}`
    : `No target for ${period}`;
  const status = cell.insufficientSample ? null : cell.status;
  const first = points[0];
  const last = points[points.length - 1];
  return {
    metric: info.key,
    name: info.name,
    shortName: shortMetricName(info),
    info,
    series: [
      {
        name: unitName,
        series: points.map((point) => ({ name: point.period, value: point.actual })),
      },
    ],
    referenceLines,
    yMin: low - room,
    yMax: high + room,
    table: cell.trend.map((point) => ({ period: point.period, value: format(point.actual) })),
    bandText,
    status,
    statusLabel: status ? STATUS_INFO[status].label : null,
    summary:
      `Line chart of ${info.name} for ${unitName}, ${points.length} ${points.length === 1 ? 'period' : 'periods'}, ` +
      `from ${format(first.actual)} in ${first.period} to ${format(last.actual)} in ${last.period}. ${bandText}.` +
      ` Switch on "Show as table" for every number.`,
  };
}

/**
 * The trend charts of a unit's scorecard: its primary commercial metric, its margin or budget, then
 * each CX metric that has a value in any of the periods, in the scorecard's column order.
 */
export function trendCharts(
  row: ScorecardRow,
  cxColumns: readonly ScorecardColumn[],
  definitions: ReadonlyMap<string, MetricDefinition>,
  period: string,
): TrendChart[] {
  const columns = new Map(cxColumns.map((column) => [column.metric, column]));
  const cells: { cell: ScorecardCell; info: MetricInfo }[] = [];
  for (const cell of [row.primary, row.margin]) {
    if (cell) cells.push({ cell, info: metricInfo(cell.metric, definitions) });
  }
  for (const column of cxColumns) {
    const cell = row.cx.find((candidate) => candidate.metric === column.metric);
    if (cell) cells.push({ cell, info: metricInfo(cell.metric, definitions, columns.get(cell.metric)) });
  }
  return cells
    .map(({ cell, info }) => chartOf(cell, info, row.name, period))
    .filter((chart): chart is TrendChart => chart !== null);
}
