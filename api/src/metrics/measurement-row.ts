import {
  COMPUTED_METRICS,
  formatPeriod,
  parsePeriod,
  PeriodLabelError,
  type MetricAggregation,
  type SurveyType,
} from '@lodestar/contracts';
import { decimalsEqual, parseDecimal, ratioValue } from '@lodestar/cx-metrics';

/** Longest note or reason, and longest figure as text. */
const MAX_TEXT = 2000;
const MAX_FIGURE = 60;

export interface MeasuredMetric {
  key: string;
  aggregation: MetricAggregation;
  survey: SurveyType | null;
}

export interface MeasurementContext {
  metrics: ReadonlyMap<string, MeasuredMetric>;
  unitIds: ReadonlyMap<string, string>;
}

/** A row as sent: JSON fields, or a CSV line's cells (empty cells as null). */
export interface RawMeasurement {
  metric: unknown;
  orgUnit: unknown;
  period: unknown;
  value?: unknown;
  numerator?: unknown;
  denominator?: unknown;
  note?: unknown;
  reason?: unknown;
}

/** A row that passed its own checks (the month's current value is compared later). */
export interface CheckedMeasurement {
  metricKey: string;
  aggregation: MetricAggregation;
  orgUnitKey: string;
  orgUnitId: string;
  month: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  reason: string | null;
}

/** The current version of a month, as stored. */
export interface CurrentMeasurement {
  version: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
}

/** How a request names its fields in messages: `orgUnit` in JSON, `org_unit` in a CSV header. */
export interface FieldNames {
  orgUnit: string;
  /** Where a restating row's reason comes from, for the message that asks for one. */
  reasonHint: string;
}

export const JSON_FIELDS: FieldNames = {
  orgUnit: 'orgUnit',
  reasonHint: 'give a reason with the row to restate it',
};
export const CSV_FIELDS: FieldNames = {
  orgUnit: 'org_unit',
  reasonHint: 'send a reason with the file to restate it',
};

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function optionalText(value: unknown): string | null {
  const result = text(value);
  return result === '' ? null : result;
}

function given(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** The key that identifies a month of a metric for a unit. */
export function monthKey(row: { metricKey: string; orgUnitId: string; month: string }): string {
  return `${row.metricKey}\u0000${row.orgUnitId}\u0000${row.month}`;
}

/**
 * Checks one row on its own: the metric is known and not a VoC metric, the unit is known, the
 * period is a month, and the figures fit the metric (a value, or a numerator ≥ 0 and a
 * denominator > 0 for ratio metrics) and are finite decimals. Every problem is named.
 */
export function checkMeasurement(
  raw: RawMeasurement,
  context: MeasurementContext,
  names: FieldNames,
): { row: CheckedMeasurement } | { error: string } {
  const problems: string[] = [];
  const metricKey = text(raw.metric);
  const metric = context.metrics.get(metricKey);
  if (!metricKey) problems.push('metric is empty');
  else if (!metric)
    problems.push(`metric "${metricKey}" is not a metric key (GET /api/v1/metrics lists them)`);
  else if (metric.survey) {
    problems.push(`${metricKey} comes from survey answers: import them on the VoC page, not as measurements`);
  } else if (COMPUTED_METRICS[metricKey]) {
    problems.push(`${metricKey} ${COMPUTED_METRICS[metricKey]}: it cannot be entered as a measurement`);
  }

  const unitKey = text(raw.orgUnit);
  const orgUnitId = context.unitIds.get(unitKey);
  if (!unitKey) problems.push(`${names.orgUnit} is empty`);
  else if (!orgUnitId) problems.push(`${names.orgUnit} "${unitKey}" is not an org unit key`);

  const periodText = text(raw.period);
  let month = '';
  try {
    const period = parsePeriod(periodText);
    if (period.kind === 'month') month = formatPeriod(period);
    else
      problems.push(
        `period "${periodText}" is a ${period.kind === 'quarter' ? 'quarter' : 'fiscal year'}: measurements are monthly, give a month such as 2026-03`,
      );
  } catch (error) {
    if (!(error instanceof PeriodLabelError)) throw error;
    problems.push(
      periodText
        ? `period "${periodText}" is not a month such as 2026-03`
        : 'period is empty: give a month such as 2026-03',
    );
  }

  const figure = (name: 'value' | 'numerator' | 'denominator'): string | null => {
    const input = raw[name];
    if (!given(input)) return null;
    const parsed = typeof input === 'string' && input.length > MAX_FIGURE ? null : parseDecimal(input);
    if (parsed === null) {
      problems.push(
        `${name} ${typeof input === 'string' ? `"${input.slice(0, MAX_FIGURE)}"` : String(input)} is not a decimal number such as 1250000.50 (no exponents, thousands separators or words)`,
      );
    }
    return parsed;
  };
  const value = figure('value');
  const numerator = figure('numerator');
  const denominator = figure('denominator');
  if (metric && !metric.survey && !COMPUTED_METRICS[metricKey]) {
    if (metric.aggregation === 'ratio') {
      if (given(raw.value))
        problems.push(`${metricKey} is a ratio metric: give numerator and denominator, not value`);
      if (!given(raw.numerator))
        problems.push(
          `numerator is missing: ${metricKey} is a ratio metric, stored as numerator and denominator`,
        );
      if (!given(raw.denominator))
        problems.push(
          `denominator is missing: ${metricKey} is a ratio metric, stored as numerator and denominator`,
        );
      if (numerator !== null && numerator.startsWith('-') && !decimalsEqual(numerator, '0'))
        problems.push('numerator must not be negative');
      if (denominator !== null && (denominator.startsWith('-') || decimalsEqual(denominator, '0')))
        problems.push('denominator must be greater than 0');
    } else {
      if (!given(raw.value))
        problems.push(`value is missing: ${metricKey} is a ${metric.aggregation} metric`);
      if (given(raw.numerator) || given(raw.denominator)) {
        problems.push(
          `${metricKey} is a ${metric.aggregation} metric: give value, not numerator or denominator`,
        );
      }
    }
  }

  const note = optionalText(raw.note);
  const reason = optionalText(raw.reason);
  if (note && note.length > MAX_TEXT) problems.push(`note is longer than ${MAX_TEXT} characters`);
  if (reason && reason.length > MAX_TEXT) problems.push(`reason is longer than ${MAX_TEXT} characters`);

  if (problems.length || !metric || !orgUnitId) return { error: problems.join('; ') };
  return {
    row: {
      metricKey,
      aggregation: metric.aggregation,
      orgUnitKey: unitKey,
      orgUnitId,
      month,
      value,
      numerator,
      denominator,
      note,
      reason,
    },
  };
}

/** A month's figures in words: `98.5`, or `1180000 ÷ 1000000 (118.0000 %)` for a ratio. */
export function describeFigures(figures: {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}): string {
  if (figures.value !== null) return figures.value;
  return `${figures.numerator} ÷ ${figures.denominator} (${ratioValue(figures.numerator, figures.denominator)} %)`;
}

/**
 * What a checked row does to its month: nothing (`unchanged`: the same figures, and no new
 * note), a first version (`created`), or a restatement (`restated`), which needs a reason.
 */
export function compareWithCurrent(
  row: CheckedMeasurement,
  current: CurrentMeasurement | undefined,
  names: FieldNames,
): { outcome: 'created' | 'unchanged' | 'restated' } | { error: string } {
  if (!current) return { outcome: 'created' };
  const sameFigures =
    decimalsEqual(row.value, current.value) &&
    decimalsEqual(row.numerator, current.numerator) &&
    decimalsEqual(row.denominator, current.denominator);
  if (sameFigures && (row.note === null || row.note === current.note)) return { outcome: 'unchanged' };
  if (!row.reason) {
    const what = sameFigures ? `this value with another note` : describeFigures(current);
    return {
      error: `${row.month} already holds ${what} for ${row.metricKey} at ${row.orgUnitKey} (version ${current.version}): ${names.reasonHint}`,
    };
  }
  return { outcome: 'restated' };
}
