/**
 * Quarter labels of statements (`FY2026-Q1`): reading them with a sentence a person can act on
 * (stepping between quarters is `addQuarters` / `quartersBetween` of `@lodestar/contracts`). Labels of the same width sort in time order, so
 * `FY2026-Q4` < `FY2027-Q1` holds for strings too (the SQL relies on it).
 */

export interface Quarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

/** A label that is not a fiscal quarter; the message says what to send instead. */
export class QuarterLabelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuarterLabelError';
  }
}

const QUARTER = /^FY(\d{4})-Q([1-4])$/;
const ANY_QUARTER = /^FY(\d{4})-Q(\d+)$/i;
const FISCAL_YEAR = /^FY(\d{4})$/i;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The quarter a label names, or a QuarterLabelError:
 * "FY2026-Q5 is not a quarter; use FY2026-Q1 … Q4."
 */
export function parseQuarter(label: unknown, field = 'period'): Quarter {
  const text = typeof label === 'string' ? label.trim() : '';
  const match = QUARTER.exec(text);
  if (match) return { fiscalYear: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
  const nearly = ANY_QUARTER.exec(text) ?? FISCAL_YEAR.exec(text);
  if (nearly) {
    const year = nearly[1];
    throw new QuarterLabelError(`${text} is not a quarter; use FY${year}-Q1 … Q4.`);
  }
  const month = MONTH.exec(text);
  if (month) {
    throw new QuarterLabelError(
      `${text} is a month, not a quarter; statements are by fiscal quarter: use a label such as FY${month[1]}-Q1.`,
    );
  }
  if (!text) throw new QuarterLabelError(`${field} is required: a fiscal quarter such as FY2026-Q1.`);
  throw new QuarterLabelError(
    `"${text.slice(0, 40)}" is not a quarter; use a fiscal quarter such as FY2026-Q1.`,
  );
}

export function quarterLabel(quarter: Quarter): string {
  return `FY${quarter.fiscalYear}-Q${quarter.quarter}`;
}

/** The first quarter of the fiscal year a quarter belongs to: a version applies within its year. */
export function firstQuarterOfYear(label: string): string {
  return `FY${parseQuarter(label).fiscalYear}-Q1`;
}

/** A fiscal year given as a number or a query string: 2026, "2026", "FY2026". */
export function parseFiscalYear(input: unknown): number {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  const match = /^(?:FY)?(\d{4})$/i.exec(text);
  const year = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new QuarterLabelError(
      `fiscalYear must be a fiscal year such as 2026 (the calendar year in which it ends), not ${JSON.stringify(input)}.`,
    );
  }
  return year;
}
