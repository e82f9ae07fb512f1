import { PROJECTION } from './incentive.fixtures';
import { BEST_SERIES, NOW_SERIES, whatItTakesChart, whatItTakesRows } from './what-it-takes.component';

describe('what it takes', () => {
  it('puts each component’s value now, what pays target and the best payout left in its unit', () => {
    const rows = whatItTakesRows(PROJECTION);
    expect(
      rows.map((row) => [row.label, row.current, row.currentPayout, row.needed, row.best, row.reached]),
    ).toEqual([
      ['Quota', '124.0 %', '180.0 %', 'at least 100.0 %', '180.0 %', true],
      ['Margin', '39.2 %', '80.0 %', 'at least 40.0 %', '200.0 %', false],
      ['CX index', '92.6', '92.6 %', 'at least 100', '200.0 %', false],
    ]);
  });

  it('says when target payout is out of reach, and reads lower-is-better values as a ceiling', () => {
    const [row] = whatItTakesRows({
      ...PROJECTION,
      whatItTakes: [
        {
          component: 'cx_index',
          label: 'Complaints',
          metric: 'complaint_rate',
          direction: 'lower',
          current: null,
          currentPayout: '0',
          neededForTarget: null,
          bestPayout: '50',
          note: 'A gate holds it at 50 %.',
        },
      ],
    });
    expect(row.current).toBe('No result yet');
    expect(row.needed).toBe('Target payout is out of reach');
    expect(row.lowerIsBetter).toBe(true);
  });

  it('charts the payout now against the best still reachable', () => {
    const chart = whatItTakesChart(PROJECTION);
    expect(chart.series[1]).toEqual({
      name: 'Margin',
      series: [
        { name: NOW_SERIES, value: 80 },
        { name: BEST_SERIES, value: 200 },
      ],
    });
    expect(chart.summary).toContain('Margin 80.0 % now, at best 200.0 %');
  });
});
