import {
  fiscalPositionOf,
  isValidTimeZone,
  monthOfInstant,
  monthsOf,
  parsePeriod,
} from '@lodestar/contracts';
import { formatMonthLabel } from '../shared/format';

export interface FiscalYearExample {
  /** e.g. "FY2026" */
  label: string;
  /** e.g. "Oct 2025 – Sep 2026" */
  span: string;
  quarters: { label: string; span: string }[];
}

function span(months: string[]): string {
  return `${formatMonthLabel(months[0])} – ${formatMonthLabel(months[months.length - 1])}`;
}

/** The fiscal year that holds `today` (in the company's time zone), spelled out month by month. */
export function fiscalYearExample(
  startMonth: number,
  timeZone: string,
  today = new Date(),
): FiscalYearExample {
  const month = isValidTimeZone(timeZone) ? monthOfInstant(today, timeZone) : monthOfInstant(today, 'UTC');
  const current = parsePeriod(month);
  if (current.kind !== 'month') throw new Error('A month label was expected.');
  const { fiscalYear } = fiscalPositionOf(current.year, current.month, startMonth);
  const label = `FY${fiscalYear}`;
  return {
    label,
    span: span(monthsOf(label, startMonth)),
    quarters: [1, 2, 3, 4].map((quarter) => {
      const quarterLabel = `${label}-Q${quarter}`;
      return { label: quarterLabel, span: span(monthsOf(quarterLabel, startMonth)) };
    }),
  };
}
