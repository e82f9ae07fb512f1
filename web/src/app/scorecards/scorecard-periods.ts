import { addQuarters, parsePeriod, quarterOfMonth } from '@lodestar/contracts';
import { currentMonth, PeriodGroup, periodOptions, withPeriod } from '../metrics/period-options';

/** The quarter before a quarter: FY2027-Q1 → FY2026-Q4. */
export function previousQuarter(label: string): string {
  if (parsePeriod(label).kind !== 'quarter') throw new Error(`${label} is not a fiscal quarter.`);
  return addQuarters(label, -1);
}

/** The fiscal quarter that holds `today` in the company's calendar, e.g. "FY2027-Q1". */
export function currentQuarter(startMonth: number, timeZone: string, today = new Date()): string {
  return quarterOfMonth(currentMonth(timeZone, today), startMonth);
}

/**
 * The period a scorecard opens on: the last complete fiscal quarter. A quarter still under way has
 * only a month or two of measurements, its ratios move every week and next year's targets may not
 * be set yet, so its colours say little; the quarter just closed is the one executives review, and
 * its trend (that quarter and the seven before it) covers two full years.
 */
export function defaultScorecardPeriod(startMonth: number, timeZone: string, today = new Date()): string {
  return previousQuarter(currentQuarter(startMonth, timeZone, today));
}

/**
 * What the scorecard's period picker offers: fiscal years and their quarters (no months: a month is
 * too short for a survey sample or a quota), newest first, with a linked period kept when it lies
 * outside them.
 */
export function scorecardPeriodOptions(
  startMonth: number,
  timeZone: string,
  asked: string | null,
  today = new Date(),
): PeriodGroup[] {
  const groups = periodOptions(startMonth, timeZone, today).map((group) => ({
    ...group,
    options: group.options.filter((option) => option.kind !== 'month'),
  }));
  return asked ? withPeriod(groups, asked, startMonth) : groups;
}
