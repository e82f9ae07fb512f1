/**
 * Period labels. A month is `2026-03`, a quarter `FY2026-Q1`, a fiscal year `FY2026`.
 * A fiscal year is named by the calendar year in which it ends: with a start month of 10,
 * FY2026 runs from 2025-10 to 2026-09; with a start month of 1, from 2026-01 to 2026-12.
 */
export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly fiscalYear: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'year'; readonly fiscalYear: number };

export const PERIOD_FORMAT_HINT =
  'use a month such as 2026-03, a fiscal quarter such as FY2026-Q1 or a fiscal year such as FY2026';

export class PeriodLabelError extends Error {
  constructor(label: string) {
    super(`"${label}" is not a period label: ${PERIOD_FORMAT_HINT}.`);
    this.name = 'PeriodLabelError';
  }
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^FY(\d{4})-Q([1-4])$/;
const YEAR_RE = /^FY(\d{4})$/;

export function parsePeriod(label: string): Period {
  const text = typeof label === 'string' ? label.trim() : '';
  let m = MONTH_RE.exec(text);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = QUARTER_RE.exec(text);
  if (m) return { kind: 'quarter', fiscalYear: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = YEAR_RE.exec(text);
  if (m) return { kind: 'year', fiscalYear: Number(m[1]) };
  throw new PeriodLabelError(String(label));
}

/** The position of a quarter label in time (4 × fiscal year + quarter − 1); throws on any other label. */
function quarterIndex(label: string): number {
  const period = parsePeriod(label);
  if (period.kind !== 'quarter') throw new PeriodLabelError(label);
  return period.fiscalYear * 4 + period.quarter - 1;
}

function quarterAt(index: number): string {
  return `FY${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter `count` quarters after (negative: before) a quarter: FY2027-Q1 − 1 = FY2026-Q4. */
export function addQuarters(label: string, count: number): string {
  return quarterAt(quarterIndex(label) + count);
}

/** The quarters from `first` to `last`, both included, in order; empty when `first` is later. */
export function quartersBetween(first: string, last: string): string[] {
  const quarters: string[] = [];
  for (let index = quarterIndex(first); index <= quarterIndex(last); index++) quarters.push(quarterAt(index));
  return quarters;
}

/** The four quarters of a fiscal year, in order. */
export function quartersOfYear(fiscalYear: number): string[] {
  return quartersBetween(`FY${fiscalYear}-Q1`, `FY${fiscalYear}-Q4`);
}

export function isPeriodLabel(label: string): boolean {
  try {
    parsePeriod(label);
    return true;
  } catch {
    return false;
  }
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'month':
      return monthLabel(period.year, period.month);
    case 'quarter':
      return `FY${period.fiscalYear}-Q${period.quarter}`;
    case 'year':
      return `FY${period.fiscalYear}`;
  }
}

export function monthLabel(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function assertStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`The fiscal start month must be a whole number from 1 to 12, not ${startMonth}.`);
  }
}

/** Adds `count` months (may be negative) to a month. */
export function addMonths(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The first calendar month of fiscal year `fiscalYear`. */
export function fiscalYearStart(fiscalYear: number, startMonth: number): { year: number; month: number } {
  assertStartMonth(startMonth);
  return { year: startMonth === 1 ? fiscalYear : fiscalYear - 1, month: startMonth };
}

/** The month labels a period covers, in order. */
export function monthsOf(period: Period | string, startMonth: number): string[] {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (p.kind === 'month') return [formatPeriod(p)];
  const start = fiscalYearStart(p.fiscalYear, startMonth);
  const offset = p.kind === 'quarter' ? (p.quarter - 1) * 3 : 0;
  const length = p.kind === 'quarter' ? 3 : 12;
  const months: string[] = [];
  for (let i = 0; i < length; i++) {
    const { year, month } = addMonths(start.year, start.month, offset + i);
    months.push(monthLabel(year, month));
  }
  return months;
}

/** The fiscal year and quarter a calendar month falls in. */
export function fiscalPositionOf(
  year: number,
  month: number,
  startMonth: number,
): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 } {
  assertStartMonth(startMonth);
  const monthsIntoYear = (month - startMonth + 12) % 12;
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  return { fiscalYear, quarter: (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function quarterOfMonth(label: string, startMonth: number): string {
  const p = parsePeriod(label);
  if (p.kind !== 'month') throw new PeriodLabelError(label);
  const { fiscalYear, quarter } = fiscalPositionOf(p.year, p.month, startMonth);
  return `FY${fiscalYear}-Q${quarter}`;
}

export function fiscalYearOfMonth(label: string, startMonth: number): string {
  const p = parsePeriod(label);
  if (p.kind !== 'month') throw new PeriodLabelError(label);
  return `FY${fiscalPositionOf(p.year, p.month, startMonth).fiscalYear}`;
}

/** Formatters are costly to build (tens of microseconds), so each time zone gets one, reused. */
const MONTH_FORMATTERS = new Map<string, Intl.DateTimeFormat | null>();

function monthFormatter(tz: string): Intl.DateTimeFormat | null {
  let formatter = MONTH_FORMATTERS.get(tz);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit' });
    } catch {
      formatter = null;
    }
    MONTH_FORMATTERS.set(tz, formatter);
  }
  return formatter;
}

/** True when `tz` is an IANA time zone name this runtime knows, e.g. `Europe/Berlin`. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  return monthFormatter(tz) !== null;
}

/**
 * Month labels per time zone and quarter-hour: every UTC offset in use is a whole number of
 * quarter hours, so all instants of one quarter-hour fall in the same local month. Imports place
 * millions of answers, and formatting each one is the slow part.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MONTH_CACHE = new Map<string, Map<number, string>>();

/** The month label in which an instant falls, in the given time zone. */
export function monthOfInstant(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('The date is not a valid instant.');
  const formatter = monthFormatter(timeZone);
  if (!formatter) throw new RangeError(`"${timeZone}" is not a time zone.`);
  let cache = MONTH_CACHE.get(timeZone);
  if (!cache) MONTH_CACHE.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let label = cache.get(bucket);
  if (label === undefined) {
    const parts = formatter.formatToParts(new Date(bucket * QUARTER_HOUR_MS));
    const year = Number(parts.find((part) => part.type === 'year')?.value);
    const month = Number(parts.find((part) => part.type === 'month')?.value);
    label = monthLabel(year, month);
    if (cache.size > 500_000) cache.clear();
    cache.set(bucket, label);
  }
  return label;
}
