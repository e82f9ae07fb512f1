import { aggregateMonths, decimalsEqual, parseDecimal, ratioValue } from './measurement-aggregation';

describe('aggregating measured months into a period', () => {
  describe('ratio metrics: 100 × Σ numerator ÷ Σ denominator', () => {
    it('gives 50 % for Jan 90/100 and Feb 10/100', () => {
      // Σ numerator = 100, Σ denominator = 200 → 100 × 100 / 200 = 50.
      expect(aggregateMonths('ratio', [
        { numerator: '90', denominator: '100' },
        { numerator: '10', denominator: '100' },
      ])).toEqual({ value: '50.0000', numerator: '100', denominator: '200', monthsWithData: 2 });
    });

    it('weights months by their denominators, never a mean of monthly ratios', () => {
      // Jan 1/2 = 50 %, Feb 99/100 = 99 %: the mean of ratios would be 74.5 %.
      // Σ = 100/102 → 100 × 100 / 102 = 98.039215686… → 98.0392 to four decimals.
      const quarter = aggregateMonths('ratio', [
        { numerator: '1', denominator: '2' },
        { numerator: '99', denominator: '100' },
        null,
      ]);
      expect(quarter).toEqual({ value: '98.0392', numerator: '100', denominator: '102', monthsWithData: 2 });
      expect(quarter.value).not.toBe('74.5000');
    });

    it('keeps money exact in the sums: quota 0.10 + 0.20 = 0.30', () => {
      // bookings 0.05 + 0.10 = 0.15 over quota 0.30 → 50 %.
      expect(aggregateMonths('ratio', [
        { numerator: '0.05', denominator: '0.10' },
        { numerator: '0.1', denominator: '0.20' },
      ])).toEqual({ value: '50.0000', numerator: '0.15', denominator: '0.30', monthsWithData: 2 });
    });

    it('skips months missing a numerator or a denominator', () => {
      expect(aggregateMonths('ratio', [{ numerator: '3', denominator: null }, { numerator: '1', denominator: '4' }, {}])).toEqual({
        value: '25.0000',
        numerator: '1',
        denominator: '4',
        monthsWithData: 1,
      });
    });

    it('rounds the value half to even at the fourth decimal', () => {
      // 100 × 1 / 3 = 33.3333…; 100 × 2 / 3 = 66.6666… → 66.6667.
      expect(ratioValue('1', '3')).toBe('33.3333');
      expect(ratioValue('2', '3')).toBe('66.6667');
      // Exact ties: 100 × 1 / 2,000,000 = 0.00005 → 0.0000; × 3 = 0.00015 → 0.0002; × 5 = 0.00025 → 0.0002.
      expect(ratioValue('1', '2000000')).toBe('0.0000');
      expect(ratioValue('3', '2000000')).toBe('0.0002');
      expect(ratioValue('5', '2000000')).toBe('0.0002');
    });

    it('has no value without a denominator, or with a zero one', () => {
      expect(ratioValue(null, '10')).toBeNull();
      expect(ratioValue('1', null)).toBeNull();
      expect(ratioValue('1', '0')).toBeNull();
    });
  });

  describe('sum metrics add the months', () => {
    it('adds money strings exactly: 0.10 + 0.20 = 0.30', () => {
      // In binary floating point 0.1 + 0.2 = 0.30000000000000004.
      expect(aggregateMonths('sum', [{ value: '0.10' }, { value: '0.20' }]).value).toBe('0.30');
    });

    it('keeps the decimals of the most precise month and skips empty months', () => {
      // 1,250,000.50 + 980,000 + 0.125 = 2,230,000.625.
      expect(aggregateMonths('sum', [{ value: '1250000.50' }, null, { value: '980000' }, { value: null }, { value: '0.125' }])).toEqual({
        value: '2230000.625',
        numerator: null,
        denominator: null,
        monthsWithData: 3,
      });
    });

    it('adds negative months and large values without rounding', () => {
      expect(aggregateMonths('sum', [{ value: '123456789012345678.91' }, { value: '-0.91' }]).value).toBe('123456789012345678.00');
      expect(aggregateMonths('sum', [{ value: '-5' }, { value: '2' }]).value).toBe('-3');
    });
  });

  describe('latest takes the last month that has a value', () => {
    it('skips empty months at the end', () => {
      expect(aggregateMonths('latest', [{ value: '12' }, { value: '14.50' }, { value: null }, null])).toEqual({
        value: '14.50',
        numerator: null,
        denominator: null,
        monthsWithData: 2,
      });
    });
  });

  describe('mean averages the months that have a value', () => {
    it('leaves empty months out of the count', () => {
      // (3 + 4) / 2 = 3.5, not (3 + 4 + 0) / 3.
      expect(aggregateMonths('mean', [{ value: '3' }, null, { value: '4' }]).value).toBe('3.5000');
      // (1 + 1 + 2) / 3 = 1.3333…
      expect(aggregateMonths('mean', [{ value: '1' }, { value: '1' }, { value: '2' }]).value).toBe('1.3333');
    });
  });

  it('has no value when no month has data, whatever the aggregation', () => {
    const none = { value: null, numerator: null, denominator: null, monthsWithData: 0 };
    for (const aggregation of ['sum', 'ratio', 'latest', 'mean'] as const) {
      expect(aggregateMonths(aggregation, [])).toEqual(none);
      expect(aggregateMonths(aggregation, [null, {}, { value: null, numerator: null, denominator: null }])).toEqual(none);
    }
  });
});

describe('reading decimals', () => {
  it('takes plain decimal strings as written and finite numbers by their shortest form', () => {
    expect(parseDecimal('1250000.50')).toBe('1250000.50');
    expect(parseDecimal(' -3 ')).toBe('-3');
    expect(parseDecimal(42)).toBe('42');
    expect(parseDecimal(0.1)).toBe('0.1');
    expect(parseDecimal(1e21)).toBe('1000000000000000000000');
  });

  it('refuses exponents, empty text, words, NaN and infinities', () => {
    for (const bad of ['1e5', '', '   ', 'abc', '1,5', '.5', '5.', '+5', '0x10', NaN, Infinity, -Infinity, null, undefined, true, {}]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });

  it('compares decimals by value', () => {
    expect(decimalsEqual('1.50', '1.5')).toBe(true);
    expect(decimalsEqual('1.50', '1.51')).toBe(false);
    expect(decimalsEqual(null, undefined)).toBe(true);
    expect(decimalsEqual(null, '0')).toBe(false);
  });
});
