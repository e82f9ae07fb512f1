import { StatementError } from './decimal';
import { eligibleDays, periodTargetBonus, quarterDates } from './proration';

describe('quarterDates', () => {
  it('finds a quarter of a fiscal year starting in October', () => {
    expect(quarterDates('FY2026-Q1', 10)).toEqual({
      start: '2025-10-01',
      end: '2025-12-31',
      yearStart: '2025-10-01',
      yearEnd: '2026-09-30',
      daysInYear: 365,
    });
  });

  it('finds a quarter of a calendar fiscal year', () => {
    expect(quarterDates('FY2026-Q3', 1)).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
      yearStart: '2026-01-01',
      yearEnd: '2026-12-31',
      daysInYear: 365,
    });
  });

  it('counts 366 days in a fiscal year holding 29 February', () => {
    expect(quarterDates('FY2024-Q1', 1).daysInYear).toBe(366);
    // FY2024 from October: 2023-10-01 to 2024-09-30 holds 2024-02-29.
    expect(quarterDates('FY2024-Q4', 10)).toEqual({
      start: '2024-07-01',
      end: '2024-09-30',
      yearStart: '2023-10-01',
      yearEnd: '2024-09-30',
      daysInYear: 366,
    });
    // FY2025 from March: 2024-03-01 to 2025-02-28 does not.
    expect(quarterDates('FY2025-Q1', 3)).toMatchObject({
      yearStart: '2024-03-01',
      yearEnd: '2025-02-28',
      daysInYear: 365,
    });
  });

  it('ends a quarter on the last day of February, leap or not', () => {
    expect(quarterDates('FY2026-Q1', 12)).toMatchObject({ start: '2025-12-01', end: '2026-02-28' });
    expect(quarterDates('FY2028-Q1', 12)).toMatchObject({
      start: '2027-12-01',
      end: '2028-02-29',
      daysInYear: 366,
    });
  });

  it('refuses a label that is not a quarter', () => {
    expect(() => quarterDates('FY2026', 1)).toThrow(StatementError);
    expect(() => quarterDates('FY2026', 1)).toThrow(
      '"FY2026" is not a fiscal quarter; use a label such as FY2026-Q1.',
    );
    expect(() => quarterDates('2026-Q1', 1)).toThrow(
      '"2026-Q1" is not a fiscal quarter; use a label such as FY2026-Q1.',
    );
  });
});

describe('eligibleDays', () => {
  const Q3 = ['2026-07-01', '2026-09-30'] as const; // 92 days

  it('counts a whole quarter for someone in the plan throughout', () => {
    expect(eligibleDays('2025-03-01', null, ...Q3)).toBe(92);
    expect(eligibleDays('2026-07-01', '2026-09-30', ...Q3)).toBe(92);
  });

  it('counts a joiner from the day they join, inclusive', () => {
    // Joins on the 46th day (15 August): days 46 to 92 = 47 days.
    expect(eligibleDays('2026-08-15', null, ...Q3)).toBe(47);
  });

  it('counts a leaver up to their last day, inclusive', () => {
    // Leaves on 14 August: 31 days of July + 14 of August = 45 days.
    expect(eligibleDays('2025-03-01', '2026-08-14', ...Q3)).toBe(45);
  });

  it('counts one day when the dates meet on the last day', () => {
    expect(eligibleDays('2026-09-30', null, ...Q3)).toBe(1);
    expect(eligibleDays('2025-01-01', '2026-07-01', ...Q3)).toBe(1);
  });

  it('is 0 when the participation and the period do not overlap', () => {
    expect(eligibleDays('2026-10-01', null, ...Q3)).toBe(0);
    expect(eligibleDays('2025-01-01', '2026-06-30', ...Q3)).toBe(0);
  });

  it('refuses a date that does not exist', () => {
    expect(() => eligibleDays('2026-02-30', null, ...Q3)).toThrow(StatementError);
    expect(() => eligibleDays('2026-02-30', null, ...Q3)).toThrow(
      'The start date "2026-02-30" is not a date; write it as YYYY-MM-DD, such as 2026-08-15.',
    );
    expect(() => eligibleDays('2026-01-01', '15/08/2026', ...Q3)).toThrow(
      'The end date "15/08/2026" is not a date; write it as YYYY-MM-DD, such as 2026-08-15.',
    );
  });
});

describe('periodTargetBonus', () => {
  it('prorates the annual target bonus by eligible days, unrounded', () => {
    // 60,000 × 92 ÷ 365 = 15,123.2876712328767123…
    expect(periodTargetBonus('60000', 92, 365).toFixed()).toBe('15123.28767123287671232876712328767123288');
    expect(periodTargetBonus('36500.00', 1, 365).toFixed()).toBe('100');
    expect(periodTargetBonus('60000', 0, 365).toFixed()).toBe('0');
  });

  it('refuses an annual target bonus that is not a decimal ≥ 0', () => {
    expect(() => periodTargetBonus('sixty', 92, 365)).toThrow(
      'The annual target bonus must be a decimal number such as 12.5, not "sixty".',
    );
    expect(() => periodTargetBonus('-1', 92, 365)).toThrow(
      'The annual target bonus is -1; it cannot be below 0.',
    );
  });

  it('refuses days that are not whole numbers', () => {
    expect(() => periodTargetBonus('60000', 1.5, 365)).toThrow(
      'The eligible days must be a whole number of 0 or more, not 1.5.',
    );
    expect(() => periodTargetBonus('60000', 92, 0)).toThrow(
      'The days in the fiscal year must be a whole number above 0, not 0.',
    );
  });
});
