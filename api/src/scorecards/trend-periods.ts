import { addMonths, formatPeriod, monthLabel, parsePeriod, type Period } from '@lodestar/contracts';

/** How many periods a scorecard cell's trend shows: the asked one and the seven before it. */
export const TREND_LENGTH = 8;

/**
 * The `count` periods of the same kind that end with `label`, oldest first: months give months
 * (`2026-03` → `2025-08` … `2026-03`), quarters give quarters across fiscal years
 * (`FY2026-Q1` → `FY2024-Q2` … `FY2026-Q1`), fiscal years give fiscal years.
 *
 * @throws PeriodLabelError when `label` is not a period label.
 */
export function trendPeriods(label: string, count = TREND_LENGTH): string[] {
  const period = parsePeriod(label);
  const periods: string[] = [];
  for (let back = count - 1; back >= 0; back--) periods.push(formatPeriod(shift(period, -back)));
  return periods;
}

function shift(period: Period, by: number): Period {
  switch (period.kind) {
    case 'month': {
      const { year, month } = addMonths(period.year, period.month, by);
      return parsePeriod(monthLabel(year, month));
    }
    case 'quarter': {
      const index = period.fiscalYear * 4 + (period.quarter - 1) + by;
      return {
        kind: 'quarter',
        fiscalYear: Math.floor(index / 4),
        quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4,
      };
    }
    case 'year':
      return { kind: 'year', fiscalYear: period.fiscalYear + by };
  }
}
