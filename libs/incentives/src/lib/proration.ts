import { addMonths, fiscalYearStart, parsePeriod } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';

import { quote, StatementError, toDec } from './decimal';

/**
 * Proration (SPEC §3 "Incentive plans"): a period's target = annual target bonus × eligible days in
 * the period ÷ days in the fiscal year — the same rule for joiners, leavers and transfers. Dates
 * are ISO calendar dates (`2026-08-15`) counted in UTC, start and end inclusive.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface QuarterDates {
  /** First day of the quarter. */
  start: string;
  /** Last day of the quarter. */
  end: string;
  /** First day of the fiscal year containing it. */
  yearStart: string;
  /** Last day of that fiscal year. */
  yearEnd: string;
  /** 365, or 366 when the fiscal year holds a 29 February. */
  daysInYear: number;
}

/**
 * The first and last day of a fiscal quarter and of the fiscal year containing it.
 *
 * quarterDates('FY2026-Q1', 10) → { start: '2025-10-01', end: '2025-12-31', yearStart: '2025-10-01',
 *   yearEnd: '2026-09-30', daysInYear: 365 }
 *
 * @throws StatementError when `quarter` is not a quarter label; RangeError for a bad start month.
 */
export function quarterDates(quarter: string, fiscalStartMonth: number): QuarterDates {
  let period;
  try {
    period = parsePeriod(quarter);
  } catch {
    period = null;
  }
  if (period === null || period.kind !== 'quarter') {
    throw new StatementError(`${quote(quarter)} is not a fiscal quarter; use a label such as FY2026-Q1.`);
  }
  const first = fiscalYearStart(period.fiscalYear, fiscalStartMonth);
  const quarterStart = addMonths(first.year, first.month, (period.quarter - 1) * 3);
  const afterQuarter = addMonths(quarterStart.year, quarterStart.month, 3);
  const afterYear = addMonths(first.year, first.month, 12);
  const yearStartMs = Date.UTC(first.year, first.month - 1, 1);
  const yearEndMs = Date.UTC(afterYear.year, afterYear.month - 1, 1) - DAY_MS;
  return {
    start: isoDate(Date.UTC(quarterStart.year, quarterStart.month - 1, 1)),
    end: isoDate(Date.UTC(afterQuarter.year, afterQuarter.month - 1, 1) - DAY_MS),
    yearStart: isoDate(yearStartMs),
    yearEnd: isoDate(yearEndMs),
    daysInYear: Math.round((yearEndMs - yearStartMs) / DAY_MS) + 1,
  };
}

/**
 * Days from `startDate` to `endDate` (null: still in the plan) that fall in the period from
 * `periodStart` to `periodEnd`, every date inclusive; 0 when they do not overlap.
 *
 * eligibleDays('2026-08-15', null, '2026-07-01', '2026-09-30') → 47
 *
 * @throws StatementError when a date is not a real ISO calendar date.
 */
export function eligibleDays(
  startDate: string,
  endDate: string | null,
  periodStart: string,
  periodEnd: string,
): number {
  const from = Math.max(dayNumber(startDate, 'start date'), dayNumber(periodStart, 'period start'));
  const lastOfPeriod = dayNumber(periodEnd, 'period end');
  const to =
    endDate === null || endDate === undefined
      ? lastOfPeriod
      : Math.min(dayNumber(endDate, 'end date'), lastOfPeriod);
  return to < from ? 0 : to - from + 1;
}

/**
 * The target bonus of a period: annual × eligibleDays ÷ daysInYear, not rounded (rounding
 * happens once, on the statement's amount).
 *
 * @throws StatementError when the annual target bonus is not a decimal ≥ 0, eligible days are not
 *   a whole number ≥ 0, or days in the year not a whole number above 0.
 */
export function periodTargetBonus(annual: string, eligibleDays: number, daysInYear: number): Decimal {
  return checkedAnnual(annual).times(checkedEligibleDays(eligibleDays)).div(checkedDaysInYear(daysInYear));
}

export function checkedAnnual(annual: string): Decimal {
  const value = toDec(annual, 'the annual target bonus', StatementError, false);
  if (value.isNegative() && !value.isZero()) {
    throw new StatementError(`The annual target bonus is ${annual}; it cannot be below 0.`);
  }
  return value;
}

export function checkedEligibleDays(days: number): number {
  if (!Number.isInteger(days) || days < 0) {
    throw new StatementError(`The eligible days must be a whole number of 0 or more, not ${quote(days)}.`);
  }
  return days;
}

export function checkedDaysInYear(days: number): number {
  if (!Number.isInteger(days) || days <= 0) {
    throw new StatementError(
      `The days in the fiscal year must be a whole number above 0, not ${quote(days)}.`,
    );
  }
  return days;
}

/** Days since 1970-01-01 of a real ISO calendar date (2026-02-30 is refused, not rolled over). */
function dayNumber(date: string, what: string): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return Math.round(ms / DAY_MS);
    }
  }
  throw new StatementError(
    `The ${what} ${quote(date)} is not a date; write it as YYYY-MM-DD, such as 2026-08-15.`,
  );
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
