import { fiscalYearExample } from './fiscal-year-example';

describe('fiscalYearExample', () => {
  it('names a fiscal year starting in October after the calendar year in which it ends', () => {
    const example = fiscalYearExample(10, 'UTC', new Date(Date.UTC(2025, 11, 15)));
    expect(example.label).toBe('FY2026');
    expect(example.quarters.map((quarter) => quarter.label)).toEqual([
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
    ]);
    expect(example.span).toMatch(/2025.*2026/);
  });

  it('makes a January start coincide with the calendar year', () => {
    expect(fiscalYearExample(1, 'UTC', new Date(Date.UTC(2026, 4, 1))).label).toBe('FY2026');
  });

  it('decides the month in the company time zone', () => {
    // 23:30 UTC on 30 September is already October in Amsterdam: the next fiscal year.
    const instant = new Date(Date.UTC(2025, 8, 30, 23, 30));
    expect(fiscalYearExample(10, 'UTC', instant).label).toBe('FY2025');
    expect(fiscalYearExample(10, 'Europe/Amsterdam', instant).label).toBe('FY2026');
  });
});
