import { checkAmount, formatAmount } from './money';

describe('amounts of money', () => {
  it('takes decimal strings and JSON numbers with at most 12 digits before the point and 2 after, as cents', () => {
    expect(checkAmount('amount', '1250.5', true)).toEqual({ amount: '1250.50' });
    expect(checkAmount('amount', 0.1, true)).toEqual({ amount: '0.10' });
    expect(checkAmount('amount', ' 007.25 ', true)).toEqual({ amount: '7.25' });
    expect(checkAmount('amount', '999999999999.99', true)).toEqual({ amount: '999999999999.99' });
    expect(checkAmount('cap', '0', false)).toEqual({ amount: '0.00' });
  });

  it('refuses zero where it must be positive, negatives, a third decimal, a thirteenth digit and anything not a decimal', () => {
    for (const input of [
      '0',
      '0.00',
      '-1',
      '1.005',
      '1000000000000',
      '1e3',
      'abc',
      '',
      null,
      true,
      Number.NaN,
    ]) {
      expect(checkAmount('amount', input, true)).toHaveProperty('problem');
    }
  });

  it('writes amounts for people with thousands separators and cents', () => {
    expect(formatAmount('150000')).toBe('150,000.00');
    expect(formatAmount('0.3')).toBe('0.30');
    expect(formatAmount('1234567.891')).toBe('1,234,567.89');
  });
});
