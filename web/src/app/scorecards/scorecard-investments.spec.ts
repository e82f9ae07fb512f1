import { sumAmounts } from './scorecard-investments.component';

describe('summing investment amounts', () => {
  it('adds decimal amounts in exact cents', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['18000.10', '4500.2', '1'])).toBe('22501.30');
    expect(sumAmounts([])).toBe('0.00');
  });
});
