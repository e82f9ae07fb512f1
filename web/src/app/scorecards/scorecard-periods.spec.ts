import {
  currentQuarter,
  defaultScorecardPeriod,
  previousQuarter,
  scorecardPeriodOptions,
} from './scorecard-periods';

// 23 November 2026, noon UTC: with an October start, FY2027-Q1 is under way.
const TODAY = new Date(Date.UTC(2026, 10, 23, 12));

describe('scorecard periods', () => {
  it('steps back a quarter, across a fiscal year too', () => {
    expect(previousQuarter('FY2027-Q1')).toBe('FY2026-Q4');
    expect(previousQuarter('FY2026-Q3')).toBe('FY2026-Q2');
    expect(() => previousQuarter('FY2026')).toThrow('FY2026 is not a fiscal quarter.');
  });

  it('opens on the last complete fiscal quarter, in the company calendar', () => {
    expect(currentQuarter(10, 'Europe/Amsterdam', TODAY)).toBe('FY2027-Q1');
    expect(defaultScorecardPeriod(10, 'Europe/Amsterdam', TODAY)).toBe('FY2026-Q4');
    expect(defaultScorecardPeriod(1, 'UTC', TODAY)).toBe('FY2026-Q3');
  });

  it('offers fiscal years and their quarters that have begun, without months', () => {
    const groups = scorecardPeriodOptions(10, 'UTC', 'FY2026-Q4', TODAY);
    expect(groups.map((group) => group.options.map((option) => option.label))).toEqual([
      ['FY2027', 'FY2027-Q1'],
      ['FY2026', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4'],
      ['FY2025', 'FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4'],
    ]);
  });

  it('keeps a linked period outside the offered years in a group of its own', () => {
    const groups = scorecardPeriodOptions(10, 'UTC', 'FY2021-Q2', TODAY);
    expect(groups[groups.length - 1]).toEqual({
      fiscalYear: 'Other',
      options: [expect.objectContaining({ label: 'FY2021-Q2', kind: 'quarter' })],
    });
  });
});
