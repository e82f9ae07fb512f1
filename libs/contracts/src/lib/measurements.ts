/**
 * Measurements of non-VoC metrics: one value per metric, org unit and month. Numbers travel
 * as decimal strings (`"1250000.00"`, `"37.5"`), never binary floating point.
 *
 * - `sum` and `latest`/`mean` metrics carry a `value`.
 * - `ratio` metrics carry a `numerator` and a `denominator` (bookings and quota, gross profit
 *   and revenue, complaints and orders…); their value is 100 × numerator ÷ denominator, and a
 *   quarter or year is 100 × Σ numerators ÷ Σ denominators, never a mean of monthly ratios.
 * - A correction never overwrites: it is a restatement with a reason, and the history stays.
 */

/** At most this many measurements in one JSON batch. */
export const MAX_MEASUREMENT_BATCH = 1000;

/** The CSV header of a measurements import, in any column order. */
export const MEASUREMENT_CSV_COLUMNS = ['metric', 'org_unit', 'period', 'value', 'numerator', 'denominator', 'note'] as const;

export interface MeasurementInput {
  /** A metric key that is not a VoC metric (nps, csat, ces come from survey answers). */
  metric: string;
  /** An org unit key. */
  orgUnit: string;
  /** A month label such as `2026-03`. */
  period: string;
  value?: string | number | null;
  numerator?: string | number | null;
  denominator?: string | number | null;
  note?: string | null;
  /** Required when the metric, unit and month already hold a different value: why it changes. */
  reason?: string | null;
}

export interface MeasurementBatchRequest {
  measurements: MeasurementInput[];
  /** `manual` when a person typed the values into the grid; `api` (the default) otherwise. */
  source?: 'api' | 'manual';
}

export interface MeasurementBatchResult {
  received: number;
  /** Months that had no value before. */
  created: number;
  /** Months whose value changed: a new version with the reason, the old one kept. */
  restated: number;
  /** Rows equal to the current value: nothing written. */
  unchanged: number;
}

/** One version of a month's value; version 1 is the first entry, higher ones restatements. */
export interface MeasurementVersion {
  version: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  /** Why this version replaced the previous one (null for version 1). */
  reason: string | null;
  recordedBy: string | null;
  recordedAt: string;
  /** `api`, `csv` or `manual` (typed into the grid). */
  source: MeasurementSource;
}

export type MeasurementSource = 'api' | 'csv' | 'manual';

/** A month's current value with its history (newest version first). */
export interface MeasurementMonth {
  period: string;
  /** For ratio metrics computed as 100 × numerator ÷ denominator. */
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  version: number;
  history: MeasurementVersion[];
}

/** `GET /api/v1/measurements?metric=&orgUnit=&period=`: a month, quarter or fiscal year. */
export interface MeasurementResult {
  metric: string;
  orgUnit: string;
  period: string;
  aggregation: 'sum' | 'ratio' | 'latest' | 'mean';
  /**
   * The period's value by the metric's own aggregation: sum adds the months, ratio is
   * 100 × Σ numerator ÷ Σ denominator, latest takes the last month with a value, mean
   * averages the months with a value. Null when no month has one.
   */
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  monthsWithData: number;
  monthsInPeriod: number;
  /**
   * `own` when the unit's own measurements were used; `children` when the unit has none and
   * its value is rolled up from the units below it (sum and ratio metrics only).
   */
  basis: 'own' | 'children' | 'none';
  months: MeasurementMonth[];
}

/** `GET /api/v1/measurements/grid?metric=&period=FY2026`: every unit × the period's months. */
export interface MeasurementGrid {
  metric: string;
  period: string;
  aggregation: 'sum' | 'ratio' | 'latest' | 'mean';
  months: string[];
  rows: MeasurementGridRow[];
}

export interface MeasurementGridRow {
  orgUnit: string;
  name: string;
  /** 0 for the company, 1 for functions, 2 for teams… (rows come in tree order). */
  depth: number;
  /** One per month of `months`, in order; null where the unit has no own value. */
  cells: (MeasurementGridCell | null)[];
  /** The period's value of the unit's own months by the metric's aggregation. */
  total: string | null;
}

export interface MeasurementGridCell {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  version: number;
}

/**
 * `POST /api/v1/measurements/imports` (multipart: `file`, and `reason` when the file restates
 * months that already hold a value). All or nothing: when any row is rejected the answer is a
 * 400 problem whose `errors` lists every bad row as `{line, message}`, and nothing is stored.
 */
export interface MeasurementImportResult extends MeasurementBatchResult {
  fileName: string;
}

export interface MeasurementImportError {
  line: number;
  message: string;
}
