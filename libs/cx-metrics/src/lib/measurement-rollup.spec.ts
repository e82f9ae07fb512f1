import { MeasurementPeriods, type CurrentFigures } from './measurement-rollup';

/** company → sales (→ key-accounts, emea), service (→ field-service) */
const CHILDREN = new Map([
  ['company', ['sales', 'service']],
  ['sales', ['key-accounts', 'emea']],
  ['service', ['field-service']],
]);

const ratio = (orgUnitId: string, month: string, numerator: string, denominator: string): CurrentFigures => ({
  metric: 'on_time_delivery',
  orgUnitId,
  month,
  numerator,
  denominator,
});
const sum = (orgUnitId: string, month: string, value: string, metric = 'escalations'): CurrentFigures => ({
  metric,
  orgUnitId,
  month,
  value,
});

describe('period values of measured metrics for many units at once', () => {
  it('takes a unit’s own months when it has any in the period, even if the units below have more', () => {
    const periods = new MeasurementPeriods(
      [sum('sales', '2026-01', '4'), sum('key-accounts', '2026-02', '7')],
      CHILDREN,
    );
    expect(periods.value('escalations', 'sum', 'sales', ['2026-01', '2026-02', '2026-03'])).toBe('4');
  });

  it('rolls up the nearest units with a value, month by month, never counting a unit twice', () => {
    const periods = new MeasurementPeriods(
      [
        // Sales reports its own January figure: its teams' are not added again
        ratio('sales', '2026-01', '90', '100'),
        ratio('key-accounts', '2026-01', '10', '10'),
        // in February only the teams report
        ratio('key-accounts', '2026-02', '40', '50'),
        ratio('emea', '2026-02', '45', '50'),
        // Service has nothing of its own: its team counts
        ratio('field-service', '2026-01', '30', '50'),
      ],
      CHILDREN,
    );
    // (90 + 30 + 40 + 45) ÷ (100 + 50 + 50 + 50) = 205 ÷ 250
    expect(periods.value('on_time_delivery', 'ratio', 'company', ['2026-01', '2026-02', '2026-03'])).toBe(
      '82.0000',
    );
    expect(periods.value('on_time_delivery', 'ratio', 'sales', ['2026-02'])).toBe('85.0000');
  });

  it('gives no value to a level metric without own months, nor to a metric without any', () => {
    const periods = new MeasurementPeriods([sum('sales', '2026-01', '12', 'headcount_level')], CHILDREN);
    expect(periods.value('headcount_level', 'latest', 'company', ['2026-01'])).toBeNull();
    expect(periods.value('headcount_level', 'latest', 'sales', ['2026-01', '2026-02'])).toBe('12');
    expect(periods.value('escalations', 'sum', 'company', ['2026-01'])).toBeNull();
  });
});
