import { monthsOf } from '@lodestar/contracts';
import { aggregateMonths, parseDecimal } from '@lodestar/cx-metrics';
import { DEMO_ACTUALS_MONTHS, generateDemoActuals } from './demo-actuals';
import { DEMO_FISCAL_CALENDAR, DEMO_UNITS } from './demo-company';

const rows = generateDemoActuals();
const start = DEMO_FISCAL_CALENDAR.startMonth;
const RATIOS = new Set([
  'quota_attainment', 'gross_margin', 'pipeline_attainment', 'renewal_rate', 'on_time_delivery', 'first_time_right',
  'complaint_rate', 'budget_attainment', 'retention', 'churn',
]);

/** The period's value as the API computes it (Σ numerator ÷ Σ denominator for ratios). */
function valueOf(metric: string, unit: string, period: string): number {
  const months = monthsOf(period, start);
  const figures = months.map((month) => rows.find((row) => row.metric === metric && row.unit === unit && row.month === month) ?? null);
  const value = aggregateMonths(RATIOS.has(metric) ? 'ratio' : 'sum', figures).value;
  if (value === null) throw new Error(`No ${metric} for ${unit} in ${period}`);
  return Number(value);
}

describe('the demo actuals', () => {
  it('are the same on every run, one valid row per metric, unit and month over 26 months', () => {
    expect(generateDemoActuals()).toEqual(rows);
    const keys = new Set(rows.map((row) => `${row.metric} ${row.unit} ${row.month}`));
    expect(keys.size).toBe(rows.length);
    const months = [...new Set(rows.map((row) => row.month))].sort();
    expect(months).toHaveLength(DEMO_ACTUALS_MONTHS);
    expect(months[0]).toBe('2024-10');
    expect(months[months.length - 1]).toBe('2026-11');
    const units = new Set(DEMO_UNITS.map((unit) => unit.key));
    for (const row of rows) {
      expect(units.has(row.unit)).toBe(true);
      if (RATIOS.has(row.metric)) {
        expect(row.value).toBeNull();
        expect(parseDecimal(row.numerator)).toBe(row.numerator);
        expect(Number(row.numerator)).toBeGreaterThanOrEqual(0);
        expect(Number(row.denominator)).toBeGreaterThan(0);
      } else {
        expect(parseDecimal(row.value)).toBe(row.value);
        expect(row.numerator).toBeNull();
        expect(row.denominator).toBeNull();
      }
    }
  });

  it('covers the primary commercial metric of every function that has one, and the company figures', () => {
    const has = (metric: string, unit: string) => rows.some((row) => row.metric === metric && row.unit === unit);
    expect(has('quota_attainment', 'sales')).toBe(true);
    expect(has('pipeline_attainment', 'marketing')).toBe(true);
    expect(has('renewal_rate', 'service')).toBe(true);
    for (const unit of ['finance', 'hr', 'it', 'product', 'operations', 'quality']) expect(has('budget_attainment', unit)).toBe(true);
    for (const metric of ['revenue', 'gross_margin', 'retention', 'churn']) expect(has(metric, 'company')).toBe(true);
  });

  it('has Sales beat quota in FY2025 (105–118 % every month) and stay around target in FY2026', () => {
    expect(valueOf('quota_attainment', 'sales', 'FY2025')).toBeGreaterThan(105);
    for (const month of monthsOf('FY2025', start)) {
      const value = valueOf('quota_attainment', 'sales', month);
      expect(value).toBeGreaterThanOrEqual(105);
      expect(value).toBeLessThanOrEqual(118);
    }
    const fy2026 = valueOf('quota_attainment', 'sales', 'FY2026');
    expect(fy2026).toBeGreaterThan(95);
    expect(fy2026).toBeLessThan(105);
  });

  it('shows the delivery delays: on-time delivery falls through FY2025 and recovers in FY2026', () => {
    const q1 = valueOf('on_time_delivery', 'operations', 'FY2025-Q1');
    const q4 = valueOf('on_time_delivery', 'operations', 'FY2025-Q4');
    expect(q4).toBeLessThan(q1 - 10);
    expect(valueOf('on_time_delivery', 'operations', 'FY2026-Q4')).toBeGreaterThan(q4 + 15);
    expect(valueOf('first_time_right', 'operations', 'FY2025-Q4')).toBeLessThan(valueOf('first_time_right', 'operations', 'FY2025-Q1'));
  });

  it('has complaints per 100 orders and escalations rise in FY2025 and fall in FY2026', () => {
    const q4 = valueOf('complaint_rate', 'quality', 'FY2025-Q4');
    expect(q4).toBeGreaterThan(valueOf('complaint_rate', 'quality', 'FY2025-Q1') + 1);
    expect(valueOf('complaint_rate', 'quality', 'FY2026-Q4')).toBeLessThan(q4 - 1.5);
    expect(valueOf('escalations', 'service', 'FY2025-Q4')).toBeGreaterThan(valueOf('escalations', 'service', 'FY2025-Q1'));
    expect(valueOf('escalations', 'service', 'FY2026-Q4')).toBeLessThan(valueOf('escalations', 'service', 'FY2025-Q4'));
  });

  it('carves the CX investments out of margin and softens renewals and retention in the bad year', () => {
    expect(valueOf('gross_margin', 'sales', 'FY2026')).toBeLessThan(valueOf('gross_margin', 'sales', 'FY2025'));
    expect(valueOf('gross_margin', 'company', 'FY2026')).toBeLessThan(valueOf('gross_margin', 'company', 'FY2025'));
    expect(valueOf('renewal_rate', 'service', 'FY2025-Q4')).toBeLessThan(valueOf('renewal_rate', 'service', 'FY2025-Q1'));
    expect(valueOf('retention', 'company', 'FY2026-Q4')).toBeGreaterThan(valueOf('retention', 'company', 'FY2025-Q4'));
    expect(valueOf('churn', 'company', 'FY2025-Q4')).toBeGreaterThan(valueOf('churn', 'company', 'FY2026-Q4'));
    // Operations overspends on expedited freight during the crisis, not after it.
    expect(valueOf('budget_attainment', 'operations', 'FY2025-Q4')).toBeGreaterThan(100);
    expect(valueOf('budget_attainment', 'operations', 'FY2026-Q4')).toBeLessThan(100);
  });

  it('keeps the company revenue above Sales revenue, and each margin denominator equal to that revenue', () => {
    for (const month of monthsOf('FY2026', start)) {
      const find = (metric: string, unit: string) => rows.find((row) => row.metric === metric && row.unit === unit && row.month === month);
      expect(Number(find('revenue', 'company')?.value)).toBeGreaterThan(Number(find('revenue', 'sales')?.value));
      expect(find('gross_margin', 'sales')?.denominator).toBe(find('revenue', 'sales')?.value);
      expect(find('gross_margin', 'company')?.denominator).toBe(find('revenue', 'company')?.value);
    }
  });
});
