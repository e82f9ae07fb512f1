import { formatPeriod, parsePeriod, PeriodLabelError, type MetricAggregation, type MetricCategory, type MetricDirection, type TargetBand } from '@lodestar/contracts';
import { bandProblem, decimalsEqual, parseDecimal } from '@lodestar/cx-metrics';

/** Longest figure as text. */
const MAX_FIGURE = 60;

export const BAND_POINTS = ['threshold', 'target', 'stretch'] as const;
export type BandPoint = (typeof BAND_POINTS)[number];

/** A band as stored: decimal strings. */
export type StoredBand = Record<BandPoint, string>;

export interface TargetMetric {
  key: string;
  category: MetricCategory;
  direction: MetricDirection;
  aggregation: MetricAggregation;
}

export interface TargetContext {
  metrics: ReadonlyMap<string, TargetMetric>;
  unitIds: ReadonlyMap<string, string>;
}

/** A row as sent: JSON fields, or a CSV line's cells (empty cells as null). */
export interface RawTarget {
  metric: unknown;
  orgUnit: unknown;
  period: unknown;
  threshold?: unknown;
  target?: unknown;
  stretch?: unknown;
}

/** A row that passed its own checks (the stored band is compared later). */
export interface CheckedTarget extends StoredBand {
  metricKey: string;
  orgUnitKey: string;
  orgUnitId: string;
  /** `FY2026` or `FY2026-Q1`, as written by `formatPeriod`. */
  period: string;
}

/** How a request names the unit field in messages: `orgUnit` in JSON, `org_unit` in a CSV header. */
export type UnitFieldName = 'orgUnit' | 'org_unit';

/** The sentence for a period that is not a fiscal year or quarter; `null` when it is one. */
export function targetPeriodProblem(text: string): string | null {
  try {
    const period = parsePeriod(text);
    if (period.kind === 'month') {
      return `period "${text}" is a month: targets are set per fiscal year or quarter, such as FY2026 or FY2026-Q1`;
    }
    return null;
  } catch (error) {
    if (!(error instanceof PeriodLabelError)) throw error;
    return text
      ? `period "${text}" is not a fiscal year such as FY2026 or a quarter such as FY2026-Q1`
      : 'period is empty: give a fiscal year such as FY2026 or a quarter such as FY2026-Q1';
  }
}

/** The key that identifies a target: metric, unit and period. */
export function targetKey(row: { metricKey: string; orgUnitId: string; period: string }): string {
  return `${row.metricKey}\u0000${row.orgUnitId}\u0000${row.period}`;
}

/** A stored band as numbers, for the rules in `@lodestar/cx-metrics`. */
export function bandNumbers(band: StoredBand): TargetBand {
  return { threshold: Number(band.threshold), target: Number(band.target), stretch: Number(band.stretch) };
}

/** True when every point is the same decimal ("40.0" equals "40"). */
export function sameBand(a: StoredBand, b: StoredBand): boolean {
  return BAND_POINTS.every((point) => decimalsEqual(a[point], b[point]));
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * Checks one row on its own: the metric and the unit are known, the period is a fiscal year or
 * quarter, the three numbers are finite decimals, and they are strictly ordered in the metric's
 * better direction (`bandProblem`). Every problem is named.
 */
export function checkTarget(raw: RawTarget, context: TargetContext, unitField: UnitFieldName): { row: CheckedTarget } | { error: string } {
  const problems: string[] = [];
  const metricKey = text(raw.metric);
  const metric = context.metrics.get(metricKey);
  if (!metricKey) problems.push('metric is empty');
  else if (!metric) problems.push(`metric "${metricKey}" is not a metric key (GET /api/v1/metrics lists them)`);

  const unitKey = text(raw.orgUnit);
  const orgUnitId = context.unitIds.get(unitKey);
  if (!unitKey) problems.push(`${unitField} is empty`);
  else if (!orgUnitId) problems.push(`${unitField} "${unitKey}" is not an org unit key (GET /api/v1/org-units lists them)`);

  const periodText = text(raw.period);
  const periodProblem = targetPeriodProblem(periodText);
  if (periodProblem) problems.push(periodProblem);

  const band: Partial<StoredBand> = {};
  for (const point of BAND_POINTS) {
    const input = raw[point];
    if (input === null || input === undefined) {
      problems.push(`${point} is missing`);
      continue;
    }
    const parsed = typeof input === 'string' && input.length > MAX_FIGURE ? null : parseDecimal(input);
    if (parsed === null) {
      problems.push(
        `${point} ${typeof input === 'string' ? `"${input.slice(0, MAX_FIGURE)}"` : String(input)} is not a decimal number such as 42.5 (no exponents, thousands separators or words)`,
      );
    } else band[point] = parsed;
  }
  const complete = BAND_POINTS.every((point) => band[point] !== undefined);
  if (metric && complete) {
    const problem = bandProblem(metric.direction, bandNumbers(band as StoredBand));
    if (problem) problems.push(problem);
  }

  if (problems.length || !metric || !orgUnitId || !complete) return { error: problems.join('; ') };
  return {
    row: { metricKey, orgUnitKey: unitKey, orgUnitId, period: formatPeriod(parsePeriod(periodText)), ...(band as StoredBand) },
  };
}
