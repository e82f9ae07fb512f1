import { trendPeriods } from './trend-periods';

describe('trend periods of a scorecard cell', () => {
  it('gives the asked month and the seven before it, oldest first, across a calendar year', () => {
    expect(trendPeriods('2026-03')).toEqual([
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('gives quarters across fiscal years', () => {
    expect(trendPeriods('FY2026-Q1')).toEqual([
      'FY2024-Q2',
      'FY2024-Q3',
      'FY2024-Q4',
      'FY2025-Q1',
      'FY2025-Q2',
      'FY2025-Q3',
      'FY2025-Q4',
      'FY2026-Q1',
    ]);
  });

  it('gives fiscal years for a fiscal year', () => {
    expect(trendPeriods('FY2026')).toEqual([
      'FY2019',
      'FY2020',
      'FY2021',
      'FY2022',
      'FY2023',
      'FY2024',
      'FY2025',
      'FY2026',
    ]);
  });

  it('refuses a label that is not a period', () => {
    expect(() => trendPeriods('2026-Q1')).toThrow(/is not a period label/);
  });
});
