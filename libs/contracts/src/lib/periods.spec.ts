import {
  addQuarters,
  fiscalYearOfMonth,
  formatPeriod,
  isValidTimeZone,
  monthOfInstant,
  monthsOf,
  parsePeriod,
  PeriodLabelError,
  quarterOfMonth,
  quartersBetween,
  quartersOfYear,
} from './periods';

describe('period labels', () => {
  it('parses months, quarters and fiscal years and writes them back unchanged', () => {
    for (const label of ['2026-03', '1999-12', 'FY2026-Q1', 'FY2030-Q4', 'FY2026']) {
      expect(formatPeriod(parsePeriod(label))).toBe(label);
    }
    expect(parsePeriod('FY2026-Q3')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 3 });
  });

  it.each(['2026-13', '2026-00', '2026-3', 'FY26', 'FY2026-Q5', 'fy2026', 'Q1-2026', '', '2026/03'])(
    'refuses %p with a message that names the formats',
    (label) => {
      expect(() => parsePeriod(label)).toThrow(PeriodLabelError);
      expect(() => parsePeriod(label)).toThrow(/2026-03.*FY2026-Q1.*FY2026/);
    },
  );

  it('names a fiscal year starting in October by the calendar year in which it ends', () => {
    const months = monthsOf('FY2026', 10);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-10');
    expect(months[11]).toBe('2026-09');
    expect(monthsOf('FY2026-Q1', 10)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(monthsOf('FY2026-Q4', 10)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('makes a January fiscal year equal to the calendar year', () => {
    expect(monthsOf('FY2026', 1)[0]).toBe('2026-01');
    expect(monthsOf('FY2026', 1)[11]).toBe('2026-12');
    expect(monthsOf('FY2026-Q2', 1)).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('places each month in its fiscal quarter and year', () => {
    expect(quarterOfMonth('2025-10', 10)).toBe('FY2026-Q1');
    expect(quarterOfMonth('2025-09', 10)).toBe('FY2025-Q4');
    expect(quarterOfMonth('2026-01', 10)).toBe('FY2026-Q2');
    expect(fiscalYearOfMonth('2026-09', 10)).toBe('FY2026');
    expect(fiscalYearOfMonth('2026-10', 10)).toBe('FY2027');
    expect(quarterOfMonth('2026-12', 1)).toBe('FY2026-Q4');
    expect(fiscalYearOfMonth('2026-02', 4)).toBe('FY2026');
    expect(fiscalYearOfMonth('2026-04', 4)).toBe('FY2027');
  });

  it('round-trips every month of a year for every start month', () => {
    for (let start = 1; start <= 12; start++) {
      for (const month of monthsOf('FY2027', start)) {
        expect(fiscalYearOfMonth(month, start)).toBe('FY2027');
        expect(monthsOf(quarterOfMonth(month, start), start)).toContain(month);
      }
    }
  });

  it('refuses a start month outside 1 to 12', () => {
    expect(() => monthsOf('FY2026', 0)).toThrow(/1 to 12/);
    expect(() => monthsOf('FY2026', 13)).toThrow(/1 to 12/);
  });

  it('decides the month of an instant in the company time zone', () => {
    const instant = new Date('2026-03-31T23:30:00Z');
    expect(monthOfInstant(instant, 'UTC')).toBe('2026-03');
    expect(monthOfInstant(instant, 'Europe/Berlin')).toBe('2026-04');
    expect(monthOfInstant(new Date('2026-04-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-03');
  });

  it('places instants just around a month boundary right, also in half-hour and DST zones', () => {
    // India is UTC+5:30: April begins there at 18:30 UTC on 31 March.
    expect(monthOfInstant(new Date('2026-03-31T18:29:59.999Z'), 'Asia/Kolkata')).toBe('2026-03');
    expect(monthOfInstant(new Date('2026-03-31T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-04');
    // Nepal is UTC+5:45.
    expect(monthOfInstant(new Date('2026-03-31T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-03');
    expect(monthOfInstant(new Date('2026-03-31T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-04');
    // Amsterdam in summer time is UTC+2.
    expect(monthOfInstant(new Date('2026-06-30T21:59:59Z'), 'Europe/Amsterdam')).toBe('2026-06');
    expect(monthOfInstant(new Date('2026-06-30T22:00:00Z'), 'Europe/Amsterdam')).toBe('2026-07');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('steps between quarters across fiscal years and lists ranges of them', () => {
    expect(addQuarters('FY2027-Q1', -1)).toBe('FY2026-Q4');
    expect(addQuarters('FY2026-Q4', 1)).toBe('FY2027-Q1');
    expect(addQuarters('FY2026-Q2', 6)).toBe('FY2027-Q4');
    expect(quartersBetween('FY2026-Q3', 'FY2027-Q2')).toEqual([
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
    ]);
    expect(quartersBetween('FY2027-Q2', 'FY2027-Q1')).toEqual([]);
    expect(quartersOfYear(2027)).toEqual(['FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(() => addQuarters('FY2027', 1)).toThrow(PeriodLabelError);
  });
});
