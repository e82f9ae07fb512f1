import type { CurrentFigures } from '@lodestar/cx-metrics';
import { AdjustedFigures, type ApprovedInvestmentTotal } from './adjusted-figures';

/** company → sales → (key-accounts, regional-sales); company → service */
const children = new Map([
  ['company', ['sales', 'service']],
  ['sales', ['key-accounts', 'regional-sales']],
]);
const ratio = (
  metric: string,
  orgUnitId: string,
  month: string,
  numerator: string,
  denominator: string,
): CurrentFigures => ({
  metric,
  orgUnitId,
  month,
  value: null,
  numerator,
  denominator,
});
const invested = (
  orgUnitId: string,
  kind: 'cost' | 'quota_relief',
  month: string,
  amount: string,
): ApprovedInvestmentTotal => ({
  orgUnitId,
  kind,
  month,
  amount,
});

describe('adjusted margin and quota attainment', () => {
  it('equal the plain figure without investments, and add the unit’s and its subtree’s approved amounts of the kind', () => {
    const current = [
      ratio('gross_margin', 'sales', '2030-01', '400', '1000'),
      ratio('gross_margin', 'sales', '2030-02', '300', '1000'),
      ratio('quota_attainment', 'sales', '2030-01', '90', '100'),
    ];
    const none = new AdjustedFigures(current, children, []);
    expect(none.value('gross_margin', 'sales', ['2030-01', '2030-02'])).toBe('35.0000');
    const figures = new AdjustedFigures(current, children, [
      invested('key-accounts', 'cost', '2030-01', '0.10'),
      invested('sales', 'cost', '2030-02', '9.90'),
      invested('service', 'cost', '2030-02', '500'), // not below Sales
      invested('key-accounts', 'quota_relief', '2030-01', '12'),
      invested('key-accounts', 'cost', '2030-03', '1000'), // another month
    ]);
    expect(figures.value('gross_margin', 'sales', ['2030-01', '2030-02'])).toBe('35.5000');
    expect(figures.value('quota_attainment', 'sales', ['2030-01'])).toBe('102.0000');
    expect(figures.investedIn('cost', 'company', ['2030-01', '2030-02'])).toBe('510');
    expect(figures.value('revenue', 'sales', ['2030-01'])).toBeNull();
  });

  it('roll up like the plain figure: a unit without its own figures takes the nearest units below', () => {
    const current = [
      ratio('gross_margin', 'key-accounts', '2030-01', '100', '200'),
      ratio('gross_margin', 'regional-sales', '2030-01', '50', '300'),
    ];
    const figures = new AdjustedFigures(current, children, [invested('sales', 'cost', '2030-01', '25')]);
    // (150 + 25) ÷ 500
    expect(figures.value('gross_margin', 'sales', ['2030-01'])).toBe('35.0000');
    expect(figures.value('gross_margin', 'key-accounts', ['2030-01'])).toBe('50.0000');
  });

  it('have no value where the plain figure has none', () => {
    const figures = new AdjustedFigures([], children, [invested('sales', 'cost', '2030-01', '25')]);
    expect(figures.value('gross_margin', 'sales', ['2030-01'])).toBeNull();
  });
});
