import {
  Dec,
  decimalOrNull,
  isDecimalText,
  listOf,
  money,
  plain,
  PlanRulesError,
  roundToCents,
  show,
  StatementError,
  toDec,
} from './decimal';

describe('decimals of the payout engine', () => {
  it('keeps forty significant digits and rounds half to even', () => {
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Dec.ROUND_HALF_EVEN);
    expect(plain(new Dec(2).div(3))).toBe('0.6666666666666666666666666666666666666667');
  });

  it('accepts plain decimal strings only', () => {
    for (const good of ['0', '95', '-3.25', '1250000.50', ' 7 ']) expect(isDecimalText(good)).toBe(true);
    for (const bad of ['', ' ', 'abc', '1e5', '1,000', '.5', '5.', 'NaN', 'Infinity', '+1']) {
      expect(isDecimalText(bad)).toBe(false);
      expect(decimalOrNull(bad)).toBeNull();
    }
    expect(decimalOrNull(12 as unknown as string)).toBeNull();
    expect(decimalOrNull(null)).toBeNull();
  });

  it('parses the same text to the same value every time', () => {
    expect(decimalOrNull('1.50')?.eq('1.5')).toBe(true);
    expect(decimalOrNull('1.50')?.eq('1.5')).toBe(true);
  });

  it('refuses a value that is not a decimal with a sentence naming it', () => {
    expect(() => toDec('abc', "the weight of 'Quota'")).toThrow(PlanRulesError);
    expect(() => toDec('abc', "the weight of 'Quota'")).toThrow(
      `The weight of 'Quota' must be a decimal number such as 12.5, not "abc".`,
    );
    expect(() => toDec(undefined, 'the annual target bonus', StatementError)).toThrow(StatementError);
    expect(() => toDec(undefined, 'the annual target bonus', StatementError)).toThrow(
      'The annual target bonus must be a decimal number such as 12.5, not nothing.',
    );
    expect(toDec('12.5', 'x').toFixed()).toBe('12.5');
  });

  it('writes plain notation, never exponents nor minus zero', () => {
    expect(plain(new Dec('1e-30'))).toBe('0.000000000000000000000000000001');
    expect(plain(new Dec('1e30'))).toBe('1000000000000000000000000000000');
    expect(plain(new Dec('-0'))).toBe('0');
    expect(new Dec('1e-30').toString()).toBe('0.000000000000000000000000000001');
  });

  it('writes money with exactly two decimals, rounded half to even', () => {
    expect(money(new Dec('18452.05'))).toBe('18452.05');
    expect(money(new Dec('7'))).toBe('7.00');
    expect(money(new Dec('0.125'))).toBe('0.12');
    expect(money(new Dec('0.135'))).toBe('0.14');
    expect(money(new Dec('-0.001'))).toBe('0.00');
    expect(roundToCents(new Dec('2.345')).toFixed()).toBe('2.34');
    expect(roundToCents(new Dec('2.355')).toFixed()).toBe('2.36');
  });

  it('shows numbers for people: grouped thousands, six decimals cut with an ellipsis, a true minus', () => {
    expect(show(new Dec(60000), 2)).toBe('60,000.00');
    expect(show(new Dec(60000).times(92).div(365))).toBe('15,123.287671…');
    expect(show(new Dec('112.4'))).toBe('112.4');
    expect(show(new Dec('-120'), 2)).toBe('−120.00');
    expect(show(new Dec('-0.001'), 2)).toBe('0.00');
    expect(show(new Dec('1234567.5'))).toBe('1,234,567.5');
  });

  it('lists names as a sentence does', () => {
    expect(listOf(['Quota'])).toBe('Quota');
    expect(listOf(['Quota', 'Margin'])).toBe('Quota and Margin');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
