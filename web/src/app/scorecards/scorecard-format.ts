import type {
  MetricAggregation,
  MetricDefinition,
  MetricDirection,
  MetricUnit,
  ScorecardCell,
  ScorecardColumn,
  ScorecardRow,
  Status,
  TrendPoint,
} from '@lodestar/contracts';
import { formatInteger, formatMoney, formatMoneyCompact } from '../shared/format';
import type { IconName } from '../shared/icon.component';
import { formatMargin, formatNps, formatSampleSize } from '../metrics/cx-format';
import { formatMeasurement } from '../metrics/measurement-format';

/** The CX index: a metric of its own, shown as each row's index rather than as a CX column. */
export const CX_INDEX_METRIC = 'cx_index';

/** How a metric's values read: enough of its definition to format them. */
export interface MetricInfo {
  key: string;
  name: string;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation | null;
}

/** Short names for a dense grid header or cell caption; the full name goes to screen readers and titles. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  retention: 'Retention',
  churn: 'Churn',
  complaint_rate: 'Complaints /100',
  first_time_right: 'First time right',
  on_time_delivery: 'On-time delivery',
  escalations: 'Escalations',
  quota_attainment: 'Quota',
  adjusted_quota_attainment: 'Adj. quota',
  revenue: 'Revenue',
  gross_margin: 'Gross margin',
  adjusted_margin: 'Adj. margin',
  pipeline_attainment: 'Pipeline',
  renewal_rate: 'Renewals',
  budget_attainment: 'Budget',
  cx_index: 'CX index',
};

/** How the built-in metrics are made of months, for formatting before the definitions arrive. */
const BUILT_IN_AGGREGATIONS: Readonly<Record<string, MetricAggregation>> = {
  nps: 'response_weighted',
  csat: 'response_weighted',
  ces: 'response_weighted',
  retention: 'ratio',
  churn: 'ratio',
  complaint_rate: 'ratio',
  first_time_right: 'ratio',
  on_time_delivery: 'ratio',
  escalations: 'sum',
  revenue: 'sum',
  cx_index: 'mean',
};

const BUILT_IN_UNITS: Readonly<Record<string, MetricUnit>> = {
  revenue: 'currency',
  escalations: 'count',
  complaint_rate: 'count',
  nps: 'score',
  ces: 'score',
  cx_index: 'score',
};

const LOWER_IS_BETTER = new Set(['churn', 'complaint_rate', 'escalations', 'budget_attainment']);

/** A metric as the scorecard needs it, from its definition or, while those load, from what is built in. */
export function metricInfo(
  key: string,
  definitions: ReadonlyMap<
    string,
    Pick<MetricDefinition, 'key' | 'name' | 'unit' | 'direction' | 'aggregation'>
  >,
  column?: ScorecardColumn,
): MetricInfo {
  const definition = definitions.get(key);
  if (definition) return { ...definition };
  return {
    key,
    name: column?.name ?? SHORT_NAMES[key] ?? key,
    unit: column?.unit ?? BUILT_IN_UNITS[key] ?? 'percent',
    direction: column?.direction ?? (LOWER_IS_BETTER.has(key) ? 'lower' : 'higher'),
    aggregation: BUILT_IN_AGGREGATIONS[key] ?? null,
  };
}

export function shortMetricName(metric: Pick<MetricInfo, 'key' | 'name'>): string {
  return SHORT_NAMES[metric.key] ?? metric.name;
}

/**
 * A value as the scorecard shows it: NPS a signed integer ("+18"), the CX index a whole score ("83"),
 * CES with one decimal, percentages with one decimal ("87.5 %"), counts whole (rates per 100 with one
 * decimal), money with its currency — compact in the grid ("€152M"), in full elsewhere. "—" for none.
 */
export function formatMetricValue(
  value: number | null | undefined,
  metric: Pick<MetricInfo, 'key' | 'unit' | 'aggregation'>,
  compact = false,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (metric.key === 'nps') return formatNps(value);
  if (metric.key === CX_INDEX_METRIC) return formatInteger(value);
  if (metric.unit === 'currency') return compact ? formatMoneyCompact(value) : formatMoney(value);
  const text = formatMeasurement(value, { unit: metric.unit, aggregation: metric.aggregation ?? 'latest' });
  // In the dense grid the percent sign stays on the number's line, a narrow space from it.
  return compact ? text.replace(/ %$/, '\u202f%') : text;
}

export interface StatusInfo {
  label: string;
  icon: IconName;
  /** What the status means, for a legend and screen readers. */
  meaning: string;
}

/** Every status has a word and an icon as well as its colour. */
export const STATUS_INFO: Readonly<Record<Status, StatusInfo>> = {
  green: { label: 'On target', icon: 'ok', meaning: 'at or beyond the target' },
  amber: { label: 'At risk', icon: 'warning', meaning: 'between the threshold and the target' },
  red: { label: 'Off track', icon: 'error', meaning: 'short of the threshold' },
};

export const INSUFFICIENT_SAMPLE = 'Insufficient sample';
export const WITHIN_MARGIN = 'Within margin of error of target';

/** A trend drawn as a tiny line: the path, the last point, the target's height, and the numbers in words. */
export interface Sparkline {
  width: number;
  height: number;
  /** SVG path data; a period without a value breaks the line. */
  path: string;
  last: { x: number; y: number } | null;
  /** The target's height when it lies within the drawn range. */
  targetY: number | null;
  /** "FY2025-Q1 +30, FY2025-Q2 +26, …": the text alternative. */
  text: string;
}

/** Shapes a trend into a `width` × `height` sparkline; null when fewer than two periods have a value. */
export function sparkline(
  trend: readonly TrendPoint[],
  metric: Pick<MetricInfo, 'key' | 'unit' | 'aggregation'>,
  target: number | null,
  width = 56,
  height = 16,
): Sparkline | null {
  const values = trend.filter((point) => point.actual !== null).map((point) => point.actual as number);
  if (values.length < 2) return null;
  const pad = 2;
  let min = Math.min(...values, ...(target !== null ? [target] : []));
  let max = Math.max(...values, ...(target !== null ? [target] : []));
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const x = (index: number) =>
    trend.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (trend.length - 1);
  const y = (value: number) => pad + ((max - value) * (height - 2 * pad)) / (max - min);
  let path = '';
  let drawing = false;
  let last: Sparkline['last'] = null;
  trend.forEach((point, index) => {
    if (point.actual === null) {
      drawing = false;
      return;
    }
    const px = Number(x(index).toFixed(1));
    const py = Number(y(point.actual).toFixed(1));
    path += `${drawing ? 'L' : 'M'}${px},${py} `;
    drawing = true;
    last = { x: px, y: py };
  });
  const text = trend
    .map((point) => `${point.period} ${formatMetricValue(point.actual, metric, true)}`)
    .join(', ');
  return {
    width,
    height,
    path: path.trim(),
    last,
    targetY: target === null ? null : Number(y(target).toFixed(1)),
    text,
  };
}

/** Where a grid column's cells come from: each row's primary metric, its margin, its CX index or a CX metric. */
export type GridColumnKind = 'primary' | 'margin' | 'index' | 'cx';

export interface GridColumn {
  id: string;
  kind: GridColumnKind;
  /** What the header shows. */
  label: string;
  /** What a screen reader hears and a title shows. */
  fullName: string;
  /** The first column of the CX group: a divider sets commercial and CX apart. */
  groupStart: boolean;
}

export interface GridCell {
  columnId: string;
  metric: string | null;
  /** The metric's short name, for columns whose metric differs by row (primary, margin). */
  caption: string | null;
  value: string;
  margin: string | null;
  target: string | null;
  status: Status | null;
  statusLabel: string | null;
  statusIcon: IconName | null;
  insufficient: boolean;
  /** A survey metric without a single answer in the period. */
  noAnswers: boolean;
  withinMargin: boolean;
  /** The CX index left components out: why. */
  note: string | null;
  /** Margin or quota attainment with approved CX investments added back ("adj. 46.1 %"), beside the plain one. */
  adjusted: string | null;
  trend: Sparkline | null;
  /** Everything the cell says, as one sentence (screen readers, titles, the details line). */
  summary: string;
}

export interface GridRow {
  key: string;
  name: string;
  leader: string | null;
  headcount: number;
  /** The row the others roll up into (the company, or the function on its own page). */
  total: boolean;
  cells: GridCell[];
}

/** The grid's columns: commercial first (each row's primary metric and its margin or budget), then the CX index and the CX metrics. */
export function gridColumns(
  cxColumns: readonly ScorecardColumn[],
  definitions: ReadonlyMap<string, MetricDefinition>,
): GridColumn[] {
  return [
    {
      id: 'primary',
      kind: 'primary',
      label: 'Primary',
      fullName: 'Primary commercial metric',
      groupStart: false,
    },
    {
      id: 'margin',
      kind: 'margin',
      label: 'Margin / budget',
      fullName: 'Margin or budget',
      groupStart: false,
    },
    { id: CX_INDEX_METRIC, kind: 'index', label: 'CX index', fullName: 'CX index', groupStart: true },
    ...cxColumns.map((column) => {
      const info = metricInfo(column.metric, definitions, column);
      return {
        id: column.metric,
        kind: 'cx' as const,
        label: shortMetricName(info),
        fullName: info.name,
        groupStart: false,
      };
    }),
  ];
}

function emptyCell(column: GridColumn, rowName: string, why: string): GridCell {
  return {
    columnId: column.id,
    metric: null,
    caption: null,
    value: '—',
    margin: null,
    target: null,
    status: null,
    statusLabel: null,
    statusIcon: null,
    insufficient: false,
    noAnswers: false,
    withinMargin: false,
    note: null,
    adjusted: null,
    trend: null,
    summary: `${rowName} · ${column.fullName}: ${why}`,
  };
}

/** One metric cell of a row. */
export function metricCell(
  column: GridColumn,
  cell: ScorecardCell,
  info: MetricInfo,
  rowName: string,
  caption: boolean,
): GridCell {
  const survey = cell.n !== null;
  const noAnswers = survey && cell.n === 0;
  const insufficient = survey && !noAnswers && cell.insufficientSample;
  const value = formatMetricValue(cell.actual, info, true);
  const margin =
    survey && cell.marginOfError !== null && !noAnswers
      ? formatMargin(info.key === 'ces' ? 'ces' : 'nps', cell.marginOfError)
      : null;
  const target = cell.target === null ? null : formatMetricValue(cell.target, info, true);
  const status = insufficient || cell.actual === null ? null : cell.status;
  const statusInfo = status ? STATUS_INFO[status] : null;
  const trend = sparkline(cell.trend, info, cell.target);

  const parts: string[] = [];
  if (noAnswers) parts.push('no answers in this period');
  else if (cell.actual === null) parts.push('no value in this period');
  else parts.push(`${value}${margin ? ` ${margin} (95 % margin of error)` : ''}`);
  if (survey && cell.n) parts.push(formatSampleSize(cell.n));
  if (insufficient) parts.push(INSUFFICIENT_SAMPLE.toLowerCase());
  if (cell.target !== null) {
    const band =
      cell.threshold !== null && cell.stretch !== null
        ? ` (threshold ${formatMetricValue(cell.threshold, info, true)}, stretch ${formatMetricValue(cell.stretch, info, true)})`
        : '';
    parts.push(`target ${target}${band}`);
  } else parts.push('no target');
  if (statusInfo) parts.push(`${statusInfo.label.toLowerCase()}, ${statusInfo.meaning}`);
  if (cell.withinMarginOfTarget) parts.push(WITHIN_MARGIN.toLowerCase());
  if (info.direction === 'lower') parts.push('lower is better');
  const adjusted =
    cell.adjusted && cell.adjusted.actual !== null
      ? formatMetricValue(cell.adjusted.actual, { ...info, key: cell.adjusted.metric }, true)
      : null;
  if (adjusted) parts.push(`${adjusted} with approved CX investments added back`);
  if (trend) parts.push(`trend ${trend.text}`);
  const name = caption ? `${column.fullName}, ${info.name}` : info.name;

  return {
    columnId: column.id,
    metric: info.key,
    caption: caption ? shortMetricName(info) : null,
    value: noAnswers ? '—' : value,
    margin,
    target,
    status,
    statusLabel: statusInfo?.label ?? null,
    statusIcon: statusInfo?.icon ?? null,
    insufficient,
    noAnswers,
    withinMargin: cell.withinMarginOfTarget && !insufficient,
    note: null,
    adjusted,
    trend,
    summary: `${rowName} · ${name}: ${parts.join('; ')}.`,
  };
}

/** A note that names metrics by key ("ces (insufficient sample) … left out") with their short names instead. */
export function readableNote(
  note: string | null,
  definitions: ReadonlyMap<string, MetricDefinition>,
): string | null {
  if (!note) return note;
  const keys = new Set([...Object.keys(SHORT_NAMES), ...definitions.keys()]);
  return note.replace(/\b[a-z][a-z0-9_]*\b/g, (word) =>
    keys.has(word) && (word.includes('_') || SHORT_NAMES[word] !== undefined)
      ? shortMetricName(metricInfo(word, definitions))
      : word,
  );
}

function indexCell(
  column: GridColumn,
  row: ScorecardRow,
  definitions: ReadonlyMap<string, MetricDefinition>,
): GridCell {
  const index = { ...row.cxIndex, note: readableNote(row.cxIndex.note, definitions) };
  const info: MetricInfo = {
    key: CX_INDEX_METRIC,
    name: 'CX index',
    unit: 'score',
    direction: 'higher',
    aggregation: 'mean',
  };
  const value = formatMetricValue(index.value, info);
  const statusInfo = index.status && index.value !== null ? STATUS_INFO[index.status] : null;
  const leftOut = index.components.some((component) => component.reason === 'insufficient-sample');
  const insufficient = index.value === null && index.insufficient && leftOut;
  const parts = [
    index.value === null
      ? insufficient
        ? 'insufficient sample: less than half of its weight has a score'
        : 'no value'
      : `${value} (50 at threshold, 100 at target, 150 at stretch)`,
  ];
  if (statusInfo) parts.push(`${statusInfo.label.toLowerCase()}, ${statusInfo.meaning}`);
  if (index.note) parts.push(index.note);
  return {
    columnId: column.id,
    metric: CX_INDEX_METRIC,
    caption: null,
    value,
    margin: null,
    target: index.value === null && !insufficient ? null : formatInteger(100),
    status: statusInfo ? index.status : null,
    statusLabel: statusInfo?.label ?? null,
    statusIcon: statusInfo?.icon ?? null,
    insufficient,
    noAnswers: false,
    withinMargin: false,
    note: index.note,
    adjusted: null,
    trend: null,
    summary: `${row.name} · CX index: ${parts.join('; ')}.`,
  };
}

/** A scorecard row as the grid shows it: one cell per column, each with its words. */
export function gridRow(
  row: ScorecardRow,
  columns: readonly GridColumn[],
  definitions: ReadonlyMap<string, MetricDefinition>,
  cxColumns: readonly ScorecardColumn[],
  total = false,
): GridRow {
  const cxByMetric = new Map(row.cx.map((cell) => [cell.metric, cell]));
  const columnByMetric = new Map(cxColumns.map((column) => [column.metric, column]));
  const cells = columns.map((column): GridCell => {
    switch (column.kind) {
      case 'index':
        return indexCell(column, row, definitions);
      case 'primary':
      case 'margin': {
        const cell = column.kind === 'primary' ? row.primary : row.margin;
        if (!cell) return emptyCell(column, row.name, 'none for this unit.');
        return metricCell(column, cell, metricInfo(cell.metric, definitions), row.name, true);
      }
      case 'cx': {
        const cell = cxByMetric.get(column.id);
        if (!cell) return emptyCell(column, row.name, 'not measured for this unit.');
        return metricCell(
          column,
          cell,
          metricInfo(cell.metric, definitions, columnByMetric.get(column.id)),
          row.name,
          false,
        );
      }
    }
  });
  return {
    key: row.orgUnit,
    name: row.name,
    leader: row.leader?.name ?? null,
    headcount: row.headcount,
    total,
    cells,
  };
}

export function definitionMap(
  definitions: readonly MetricDefinition[] | null,
): Map<string, MetricDefinition> {
  return new Map((definitions ?? []).map((definition) => [definition.key, definition]));
}
