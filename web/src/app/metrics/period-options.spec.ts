import { currentFiscalYear, periodOptions, periodOptionText, withPeriod } from './period-options';

// 23 November 2026, noon UTC: with an October start, FY2027 has begun.
const TODAY = new Date(Date.UTC(2026, 10, 23, 12));

describe('period options', () => {
  it('takes the current fiscal year from the calendar and its time zone', () => {
    expect(currentFiscalYear(10, 'Europe/Amsterdam', TODAY)).toBe('FY2027');
    expect(currentFiscalYear(1, 'UTC', TODAY)).toBe('FY2026');
    // 23:30 UTC on 30 September is already October in Amsterdam.
    const edge = new Date(Date.UTC(2026, 8, 30, 23, 30));
    expect(currentFiscalYear(10, 'UTC', edge)).toBe('FY2026');
    expect(currentFiscalYear(10, 'Europe/Amsterdam', edge)).toBe('FY2027');
  });

  it('offers the current fiscal year and the two before it, newest first', () => {
    const groups = periodOptions(10, 'Europe/Amsterdam', TODAY);
    expect(groups.map((group) => group.fiscalYear)).toEqual(['FY2027', 'FY2026', 'FY2025']);
  });

  it('lists each past year with its four quarters and twelve months in order', () => {
    const [, fy2026] = periodOptions(10, 'UTC', TODAY);
    expect(fy2026.options.map((option) => option.label)).toEqual([
      'FY2026',
      'FY2026-Q1',
      '2025-10',
      '2025-11',
      '2025-12',
      'FY2026-Q2',
      '2026-01',
      '2026-02',
      '2026-03',
      'FY2026-Q3',
      '2026-04',
      '2026-05',
      '2026-06',
      'FY2026-Q4',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(fy2026.options.map((option) => option.depth).slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('leaves out the quarters and months of the current year that have not begun', () => {
    const [fy2027] = periodOptions(10, 'UTC', TODAY);
    expect(fy2027.options.map((option) => option.label)).toEqual([
      'FY2027',
      'FY2027-Q1',
      '2026-10',
      '2026-11',
    ]);
  });

  it('spells out what each period covers', () => {
    const [, fy2026] = periodOptions(10, 'UTC', TODAY);
    expect(periodOptionText(fy2026.options[0])).toBe('FY2026 · Oct 2025 – Sep 2026');
    expect(periodOptionText(fy2026.options[1])).toBe('FY2026-Q1 · Oct 2025 – Dec 2025');
    expect(periodOptionText(fy2026.options[2])).toBe('2025-10 · October 2025');
  });

  it('keeps a linked period outside the offered years selectable', () => {
    const groups = periodOptions(10, 'UTC', TODAY);
    expect(withPeriod(groups, 'FY2026-Q2', 10)).toBe(groups);
    const extended = withPeriod(groups, 'FY2021-Q3', 10);
    expect(extended[extended.length - 1]).toEqual({
      fiscalYear: 'Other',
      options: [{ label: 'FY2021-Q3', kind: 'quarter', span: 'Apr 2021 – Jun 2021', depth: 0 }],
    });
    expect(withPeriod(groups, 'not a period', 10)).toBe(groups);
  });
});
