import { Decimal } from 'decimal.js';

/**
 * Periods of measured (non-VoC) metrics from their months (SPEC §3 "Measurements"). Values are
 * decimal strings and all arithmetic is decimal, never binary floating point.
 *
 * What comes out, and how it is rounded (rounding is for display only; nothing rounded is stored):
 * - sums (a `sum` metric's value, a ratio's Σ numerator and Σ denominator) are exact, written with
 *   as many decimals as the most precise month: "0.10" + "0.20" = "0.30";
 * - `latest` returns the month's value exactly as it was stored;
 * - a ratio's value (100 × numerator ÷ denominator, a percentage) and a `mean` are rounded half to
 *   even to {@link RATIO_VALUE_DECIMALS} and {@link MEAN_VALUE_DECIMALS} decimals: 98.0392.
 */
export type MeasurementAggregation = 'sum' | 'ratio' | 'latest' | 'mean';

export const MEASUREMENT_AGGREGATIONS: readonly MeasurementAggregation[] = ['sum', 'ratio', 'latest', 'mean'];

/** Decimals of a ratio's value, in percent: 100 × 100 ÷ 102 = 98.0392. */
export const RATIO_VALUE_DECIMALS = 4;

/** Decimals of a mean of months. */
export const MEAN_VALUE_DECIMALS = 4;

/** One month's figures: `value` for sum, latest and mean metrics; numerator and denominator for ratios. */
export interface MonthFigures {
  readonly value?: string | null;
  readonly numerator?: string | null;
  readonly denominator?: string | null;
}

/** A period's figures by the metric's aggregation; all null (and 0 months) when no month has data. */
export interface AggregatedFigures {
  readonly value: string | null;
  /** Σ numerators (ratio metrics only, else null). */
  readonly numerator: string | null;
  /** Σ denominators (ratio metrics only, else null). */
  readonly denominator: string | null;
  /** Months that held a value (for ratios: a numerator and a denominator). */
  readonly monthsWithData: number;
}

/** Enough significant digits that sums of money never round; division is rounded once, at the end. */
const Exact = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * The canonical decimal text of a number or numeric string, or null when it is not a finite
 * decimal. Strings must be plain decimals (`"1250000.50"`, `"-3"`, `"0.5"`) and keep their
 * decimals; exponents (`"1e5"`), empty or blank strings, `"abc"`, `NaN` and infinities are refused.
 * A JSON number is taken by its shortest decimal form (0.1 → "0.1").
 */
export function parseDecimal(input: unknown): string | null {
  if (typeof input === 'number') return Number.isFinite(input) ? new Exact(input).toFixed() : null;
  if (typeof input !== 'string') return null;
  const text = input.trim();
  return DECIMAL_TEXT.test(text) ? text : null;
}

/** True when both are null, or both are decimals of equal value ("1.50" equals "1.5"). */
export function decimalsEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return new Exact(a).equals(new Exact(b));
}

/** 100 × numerator ÷ denominator, to {@link RATIO_VALUE_DECIMALS} decimals; null when either is missing or the denominator is 0. */
export function ratioValue(numerator: string | null | undefined, denominator: string | null | undefined): string | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  const den = new Exact(denominator);
  if (den.isZero()) return null;
  return new Exact(numerator).times(100).dividedBy(den).toFixed(RATIO_VALUE_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/**
 * A period's figures from its months, in calendar order, by the metric's aggregation:
 * - `sum` adds the months' values;
 * - `ratio` is 100 × Σ numerators ÷ Σ denominators — never a mean of the monthly ratios
 *   (Jan 1/2 and Feb 99/100 give 100 × 100/102 = 98.0392, not (50 + 99)/2 = 74.5);
 * - `latest` takes the value of the last month that has one;
 * - `mean` averages the months that have a value.
 * Months without data (null, or a ratio month missing its numerator or denominator) are skipped.
 *
 * @throws DecimalError when a figure is not a decimal string.
 */
export function aggregateMonths(
  aggregation: MeasurementAggregation,
  months: readonly (MonthFigures | null | undefined)[],
): AggregatedFigures {
  if (aggregation === 'ratio') {
    const filled = months.filter(hasRatio);
    if (!filled.length) return EMPTY;
    const numerator = exactSum(filled.map((month) => month.numerator));
    const denominator = exactSum(filled.map((month) => month.denominator));
    return { value: ratioValue(numerator, denominator), numerator, denominator, monthsWithData: filled.length };
  }
  const values = months.flatMap((month) => (month?.value === null || month?.value === undefined ? [] : [month.value]));
  if (!values.length) return EMPTY;
  let value: string;
  switch (aggregation) {
    case 'sum':
      value = exactSum(values);
      break;
    case 'latest':
      value = values[values.length - 1];
      break;
    case 'mean':
      value = values
        .reduce((total, text) => total.plus(text), new Exact(0))
        .dividedBy(values.length)
        .toFixed(MEAN_VALUE_DECIMALS, Decimal.ROUND_HALF_EVEN);
      break;
  }
  return { value, numerator: null, denominator: null, monthsWithData: values.length };
}

const EMPTY: AggregatedFigures = { value: null, numerator: null, denominator: null, monthsWithData: 0 };

function hasRatio(month: MonthFigures | null | undefined): month is { numerator: string; denominator: string } {
  return month?.numerator !== null && month?.numerator !== undefined && month.denominator !== null && month.denominator !== undefined;
}

/** Σ of decimal strings, exact, with the decimals of the most precise one. */
function exactSum(values: readonly string[]): string {
  let scale = 0;
  let total = new Exact(0);
  for (const text of values) {
    total = total.plus(text);
    scale = Math.max(scale, scaleOf(text));
  }
  return total.toFixed(scale);
}

/** Digits after the decimal point as written ("0.10" → 2), not as normalised. */
function scaleOf(text: string): number {
  const at = text.indexOf('.');
  if (at === -1) return 0;
  const exponent = text.search(/e/i);
  return exponent === -1 ? text.length - at - 1 : new Exact(text).decimalPlaces();
}
