import { BadRequestException } from '@nestjs/common';
import { fiscalPositionOf, formatPeriod, parsePeriod, PeriodLabelError } from '@lodestar/contracts';

/** The canonical label of an asked period; 400 with the period hint when it is not one. */
export function periodLabel(raw: string): string {
  try {
    return formatPeriod(parsePeriod(raw));
  } catch (error) {
    if (error instanceof PeriodLabelError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** The fiscal year a period belongs to: `2025-11` → 2026 with an October start, `FY2026-Q1` → 2026. */
export function fiscalYearOf(label: string, startMonth: number): number {
  const period = parsePeriod(label);
  return period.kind === 'month'
    ? fiscalPositionOf(period.year, period.month, startMonth).fiscalYear
    : period.fiscalYear;
}
