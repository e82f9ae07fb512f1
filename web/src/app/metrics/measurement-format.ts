import { HttpErrorResponse } from '@angular/common/http';
import {
  COMPUTED_METRICS,
  MEASUREMENT_CSV_COLUMNS,
  type MeasurementBatchResult,
  type MeasurementGrid,
  type MeasurementGridCell,
  type MeasurementImportError,
  type MeasurementVersion,
  type MetricAggregation,
  type MetricCategory,
  type MetricDefinition,
  type MetricUnit,
} from '@lodestar/contracts';
import {
  formatAmount,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatMonthLabel,
  formatPercent,
  MONEY_CURRENCY,
} from '../shared/format';
import { problemDetail } from '../shared/problem';

/** The metric a CX lead sees first: the one the demo's story starts with. */
export const DEFAULT_MEASUREMENT_METRIC = 'quota_attainment';

/** How a metric's values are shown: what the grid needs of a metric definition. */
export type MeasuredMetric = Pick<MetricDefinition, 'key' | 'name' | 'unit' | 'aggregation' | 'direction'>;

export const CATEGORY_LABELS: Readonly<Record<MetricCategory, string>> = {
  CX: 'CX',
  COMMERCIAL: 'Commercial',
  OPERATIONAL: 'Operational',
};

export const UNIT_LABELS: Readonly<Record<MetricUnit, string>> = {
  percent: 'percent',
  score: 'score',
  count: 'count',
  currency: `money (${MONEY_CURRENCY})`,
};

/** How a quarter or year is made of months, in words. */
export const AGGREGATION_LABELS: Readonly<Record<MetricAggregation, string>> = {
  response_weighted: 'weighted by answers',
  sum: 'sum of months',
  ratio: 'ratio of sums',
  latest: 'latest month',
  mean: 'mean of months',
};

export interface MetricGroup {
  category: MetricCategory;
  label: string;
  metrics: MetricDefinition[];
}

/** The metrics that hold measurements (not the VoC ones, which come from survey answers), by category. */
export function measurementMetricGroups(definitions: readonly MetricDefinition[]): MetricGroup[] {
  const order: MetricCategory[] = ['CX', 'COMMERCIAL', 'OPERATIONAL'];
  return order
    .map((category) => ({
      category,
      label: CATEGORY_LABELS[category],
      metrics: definitions.filter(
        (metric) => metric.category === category && metric.survey === null && !COMPUTED_METRICS[metric.key],
      ),
    }))
    .filter((group) => group.metrics.length > 0);
}

/** "percent · ratio of sums" */
export function metricSummary(metric: Pick<MetricDefinition, 'unit' | 'aggregation'>): string {
  return `${UNIT_LABELS[metric.unit]} · ${AGGREGATION_LABELS[metric.aggregation]}`;
}

export interface RatioParts {
  numerator: string;
  denominator: string;
}

/** What the two halves of each built-in ratio metric are called; other ratios get generic names. */
const RATIO_PARTS: Readonly<Record<string, RatioParts>> = {
  quota_attainment: { numerator: 'Bookings', denominator: 'Quota' },
  adjusted_quota_attainment: { numerator: 'Bookings with quota relief', denominator: 'Quota' },
  gross_margin: { numerator: 'Gross profit', denominator: 'Revenue' },
  adjusted_margin: { numerator: 'Gross profit with CX investments', denominator: 'Revenue' },
  pipeline_attainment: { numerator: 'Pipeline', denominator: 'Pipeline target' },
  renewal_rate: { numerator: 'Renewed', denominator: 'Up for renewal' },
  budget_attainment: { numerator: 'Spend', denominator: 'Budget' },
  retention: { numerator: 'Retained revenue', denominator: 'Starting revenue' },
  churn: { numerator: 'Accounts lost', denominator: 'Accounts' },
  complaint_rate: { numerator: 'Complaints', denominator: 'Orders' },
  first_time_right: { numerator: 'Right first time', denominator: 'Jobs' },
  on_time_delivery: { numerator: 'On time', denominator: 'Deliveries' },
};

export function ratioParts(metricKey: string): RatioParts {
  return RATIO_PARTS[metricKey] ?? { numerator: 'Numerator', denominator: 'Denominator' };
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * A value as the grid shows it: percentages with one decimal ("125.0 %"), money with its currency
 * and no cents ("€1,250,000"), counts as whole numbers, rates per 100 and scores with one decimal;
 * "—" when there is none. A ratio metric's value is already 100 × numerator ÷ denominator.
 */
export function formatMeasurement(
  value: string | number | null | undefined,
  metric: Pick<MetricDefinition, 'unit' | 'aggregation'>,
): string {
  const number = toNumber(value);
  if (number === null) return '—';
  switch (metric.unit) {
    case 'percent':
      return formatPercent(number);
    case 'currency':
      return formatMoney(number);
    case 'count':
      // Complaints per 100 orders is a count metric too, but a ratio: it keeps a decimal.
      return metric.aggregation === 'ratio' || metric.aggregation === 'mean'
        ? formatDecimal(number, 1)
        : formatInteger(number);
    case 'score':
      return formatDecimal(number, 1);
  }
}

/** "1,250,000 ÷ 1,000,000" */
export function formatRatio(numerator: string | null, denominator: string | null): string {
  const n = toNumber(numerator);
  const d = toNumber(denominator);
  if (n === null || d === null) return '';
  return `${formatAmount(n)} ÷ ${formatAmount(d)}`;
}

/** A stored month: a value, or both halves of a ratio. */
export function hasValue(
  cell: Pick<MeasurementGridCell, 'value' | 'numerator' | 'denominator'> | null,
): boolean {
  return !!cell && (cell.value !== null || (cell.numerator !== null && cell.denominator !== null));
}

/**
 * The value of one month's version: the value the API sent, or, for a ratio version without one,
 * 100 × numerator ÷ denominator of that same month (never a mean of several months).
 */
export function monthValue(
  entry: Pick<MeasurementVersion, 'value' | 'numerator' | 'denominator'>,
  metric: Pick<MetricDefinition, 'aggregation'>,
): number | null {
  const value = toNumber(entry.value);
  if (value !== null) return value;
  if (metric.aggregation !== 'ratio') return null;
  const n = toNumber(entry.numerator);
  const d = toNumber(entry.denominator);
  return n === null || d === null || d === 0 ? null : (100 * n) / d;
}

/** What a grid cell says when hovered or read out: the value, the ratio behind it, its version. */
export function cellTitle(
  cell: MeasurementGridCell | null,
  metric: MeasuredMetric,
  unitName: string,
  month: string,
): string {
  const where = `${unitName} · ${formatMonthLabel(month, 'long')}`;
  if (!hasValue(cell) || !cell) return `${where}: no value yet. Press Enter to type one.`;
  let text = `${where}: ${formatMeasurement(monthValue(cell, metric), metric)}`;
  if (metric.aggregation === 'ratio') {
    const parts = ratioParts(metric.key);
    const n = toNumber(cell.numerator);
    const d = toNumber(cell.denominator);
    if (n !== null && d !== null) {
      text += ` (${parts.numerator.toLowerCase()} ${formatAmount(n)} ÷ ${parts.denominator.toLowerCase()} ${formatAmount(d)})`;
    }
  }
  if (cell.version > 1) text += `, restated (version ${cell.version})`;
  return text;
}

/**
 * What a person typed as a number, as the decimal string the API takes, or null when it is not one.
 * Spaces and thousands separators ("1,250,000") are dropped; a trailing "%" is allowed.
 */
export function parseDecimalInput(text: string | null | undefined): string | null {
  let value = (text ?? '').replace(/[\s\u00a0\u202f_]/g, '').replace(/%$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  value = value.replace(/^\+/, '').replace(/\.$/, '');
  return value.replace(/^(-?)\./, '$10.');
}

/** The editable text of a stored decimal: "1250000.00" → "1250000", "37.50" → "37.5". */
export function editableDecimal(value: string | null): string {
  if (value === null) return '';
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

const SOURCE_LABELS: Readonly<Record<MeasurementVersion['source'], string>> = {
  api: 'API',
  csv: 'CSV import',
  manual: 'Typed in',
};

export function sourceLabel(source: MeasurementVersion['source']): string {
  return SOURCE_LABELS[source] ?? source;
}

function count(value: number, one: string, many = `${one}s`): string {
  return `${formatInteger(value)} ${value === 1 ? one : many}`;
}

/** "3 months created, 1 restated, 0 unchanged." */
export function batchSummaryText(result: MeasurementBatchResult): string {
  return `${count(result.created, 'month')} created, ${formatInteger(result.restated)} restated, ${formatInteger(
    result.unchanged,
  )} unchanged.`;
}

/** The rejected lines of a refused import (a 400 problem with an `errors: [{line, message}]` extension). */
export function importErrorsOf(error: unknown): MeasurementImportError[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return [];
    }
  }
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter(
      (item): item is MeasurementImportError =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as MeasurementImportError).line === 'number' &&
        typeof (item as MeasurementImportError).message === 'string',
    )
    .map(({ line, message }) => ({ line, message }));
}

/**
 * Why a save of one typed-in month was refused: the API's one message about that row (without the
 * `measurements[0]:` prefix a batch gives it), else the problem's detail.
 */
export function saveProblemText(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    let body: unknown = error.error;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body) as unknown;
      } catch {
        body = null;
      }
    }
    const errors = (body as { errors?: unknown } | null)?.errors;
    if (Array.isArray(errors) && errors.length === 1 && typeof errors[0] === 'string') {
      const message = errors[0].replace(/^measurements\[\d+\]:\s*/, '');
      return `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;
    }
  }
  return problemDetail(error);
}

/** The header and two example rows of a measurements CSV: a ratio metric and a sum metric. */
export function measurementCsvTemplate(month = '2026-03'): string {
  return [
    MEASUREMENT_CSV_COLUMNS.join(','),
    `quota_attainment,key-accounts,${month},,1250000,1000000,Bookings against the quarter's phased quota`,
    `revenue,key-accounts,${month},1250000,,,`,
    '',
  ].join('\n');
}

export interface TrendPoint {
  period: string;
  value: number | null;
  text: string;
}

export interface TrendRow {
  orgUnit: string;
  unitName: string;
  points: TrendPoint[];
}

/** One unit's months of the grid, as the chart and its table show them. */
export function trendRow(grid: MeasurementGrid, orgUnit: string, metric: MeasuredMetric): TrendRow | null {
  const row = grid.rows.find((candidate) => candidate.orgUnit === orgUnit);
  if (!row) return null;
  return {
    orgUnit: row.orgUnit,
    unitName: row.name,
    points: grid.months.map((period, index) => {
      const cell = row.cells[index] ?? null;
      const value = cell ? monthValue(cell, metric) : null;
      return { period, value, text: formatMeasurement(value, metric) };
    }),
  };
}

/** Whether any unit has a value in any month of the grid. */
export function gridHasValues(grid: MeasurementGrid): boolean {
  return grid.rows.some((row) => row.cells.some((cell) => hasValue(cell)));
}
