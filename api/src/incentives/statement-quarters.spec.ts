import { parseFiscalYear, parseQuarter, QuarterLabelError } from './statement-quarters';

describe('statement quarters', () => {
  it('reads a fiscal quarter label', () => {
    expect(parseQuarter('FY2026-Q3')).toEqual({ fiscalYear: 2026, quarter: 3 });
  });

  it('refuses a fifth quarter with the four it could be', () => {
    expect(() => parseQuarter('FY2026-Q5')).toThrow(
      new QuarterLabelError('FY2026-Q5 is not a quarter; use FY2026-Q1 … Q4.'),
    );
  });

  it('refuses a fiscal year and a month with a sentence that names a quarter to use', () => {
    expect(() => parseQuarter('FY2026')).toThrow('FY2026 is not a quarter; use FY2026-Q1 … Q4.');
    expect(() => parseQuarter('2026-03')).toThrow('2026-03 is a month, not a quarter');
    expect(() => parseQuarter('')).toThrow('period is required');
    expect(() => parseQuarter('soon')).toThrow(
      '"soon" is not a quarter; use a fiscal quarter such as FY2026-Q1.',
    );
  });

  it('reads a fiscal year as a number or FY label and refuses anything else', () => {
    expect(parseFiscalYear('2027')).toBe(2027);
    expect(parseFiscalYear('FY2027')).toBe(2027);
    expect(() => parseFiscalYear('27')).toThrow('fiscalYear must be a fiscal year such as 2026');
  });
});
