import {
  fiscalPositionOf,
  isPeriodLabel,
  isValidTimeZone,
  monthOfInstant,
  monthsOf,
  parsePeriod,
} from '@lodestar/contracts';
import { formatMonthLabel } from '../shared/format';

export interface PeriodOption {
  /** The period label the API takes: "FY2026", "FY2026-Q1", "2025-10". */
  label: string;
  kind: 'year' | 'quarter' | 'month';
  /** What the picker shows next to the label, e.g. "Oct 2025 – Sep 2026". */
  span: string;
  /** 0 for a year, 1 for its quarters, 2 for their months. */
  depth: 0 | 1 | 2;
}

export interface PeriodGroup {
  fiscalYear: string;
  options: PeriodOption[];
}

/** The company's month of an instant ("2026-11"), in its time zone. */
export function currentMonth(timeZone: string, today = new Date()): string {
  return monthOfInstant(today, isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

/** The fiscal year that holds `today` in the company's calendar, e.g. "FY2027". */
export function currentFiscalYear(startMonth: number, timeZone: string, today = new Date()): string {
  const month = parsePeriod(currentMonth(timeZone, today));
  if (month.kind !== 'month') throw new Error('A month label was expected.');
  return `FY${fiscalPositionOf(month.year, month.month, startMonth).fiscalYear}`;
}

function span(months: readonly string[]): string {
  const first = formatMonthLabel(months[0]);
  const last = formatMonthLabel(months[months.length - 1]);
  return first === last ? first : `${first} – ${last}`;
}

/**
 * The periods the VoC explorer offers: the current fiscal year and the `pastYears` before it, newest
 * first, each with its quarters and their months. Quarters and months that have not begun yet are
 * left out (they cannot hold answers); the current year itself is always there.
 */
export function periodOptions(
  startMonth: number,
  timeZone: string,
  today = new Date(),
  pastYears = 2,
): PeriodGroup[] {
  const now = currentMonth(timeZone, today);
  const current = Number(currentFiscalYear(startMonth, timeZone, today).slice(2));
  const groups: PeriodGroup[] = [];
  for (let fiscalYear = current; fiscalYear >= current - pastYears; fiscalYear--) {
    const year = `FY${fiscalYear}`;
    const options: PeriodOption[] = [
      { label: year, kind: 'year', span: span(monthsOf(year, startMonth)), depth: 0 },
    ];
    for (let quarter = 1; quarter <= 4; quarter++) {
      const label = `${year}-Q${quarter}`;
      const months = monthsOf(label, startMonth);
      if (months[0] > now) break;
      options.push({ label, kind: 'quarter', span: span(months), depth: 1 });
      for (const month of months) {
        if (month > now) break;
        options.push({ label: month, kind: 'month', span: formatMonthLabel(month, 'long'), depth: 2 });
      }
    }
    groups.push({ fiscalYear: year, options });
  }
  return groups;
}

/**
 * The options with `label` among them: a shared link may name a period outside the offered years;
 * it then shows in a group of its own instead of silently falling back to another period.
 */
export function withPeriod(groups: PeriodGroup[], label: string, startMonth: number): PeriodGroup[] {
  if (
    !isPeriodLabel(label) ||
    groups.some((group) => group.options.some((option) => option.label === label))
  ) {
    return groups;
  }
  const period = parsePeriod(label);
  const kind = period.kind;
  const option: PeriodOption = {
    label,
    kind,
    span: kind === 'month' ? formatMonthLabel(label, 'long') : span(monthsOf(label, startMonth)),
    depth: 0,
  };
  return [...groups, { fiscalYear: 'Other', options: [option] }];
}

/** The text a period option reads as: "FY2026-Q1 · Oct – Dec 2025". */
export function periodOptionText(option: PeriodOption): string {
  return `${option.label} · ${option.span}`;
}
