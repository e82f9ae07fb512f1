import { curveChart, CURVE_SERIES, RESULT_SERIES } from './curve-chart-data';

const NPS_POINTS = [
  { value: '30', payout: '50' },
  { value: '40', payout: '100' },
  { value: '50', payout: '200' },
];

describe('payout curve chart', () => {
  it('draws 0 short of the first point, the points, flat beyond the last, and the result up to its payout', () => {
    const chart = curveChart({
      label: 'NPS',
      unit: 'score',
      direction: 'higher',
      points: NPS_POINTS,
      value: '38',
      curvePayout: '90',
      payout: '90',
    });
    const curve = chart.series.find((series) => series.name === CURVE_SERIES)?.series ?? [];
    expect(curve.map((point) => [point.name, point.value])).toEqual([
      [chart.xMin, 0],
      [30, 0],
      [30, 50],
      [40, 100],
      [50, 200],
      [chart.xMax, 200],
    ]);
    expect(chart.xMin).toBeLessThan(30);
    expect(chart.xMax).toBeGreaterThan(50);
    expect(chart.series.find((series) => series.name === RESULT_SERIES)?.series).toEqual([
      { name: 38, value: 0 },
      { name: 38, value: 90 },
    ]);
    expect(chart.referenceLines).toEqual([]);
    expect(chart.summary).toBe(
      'Payout curve of NPS: 30 pays 50.0 %, 40 pays 100.0 %, 50 pays 200.0 %. The result 38 is paid 90.0 % on the curve.',
    );
  });

  it('draws a lower-is-better curve from its best point on the left to 0 beyond its first point on the right', () => {
    const chart = curveChart({
      label: 'Complaint rate',
      unit: 'count',
      direction: 'lower',
      points: [
        { value: '3.0', payout: '50' },
        { value: '2.5', payout: '100' },
        { value: '2.0', payout: '200' },
      ],
      value: '3.4',
      curvePayout: '0',
      payout: '0',
    });
    const curve = chart.series[0].series.map((point) => [point.name, point.value]);
    expect(curve).toEqual([
      [chart.xMin, 200],
      [2, 200],
      [2.5, 100],
      [3, 50],
      [3, 0],
      [chart.xMax, 0],
    ]);
    expect(chart.xMax).toBeGreaterThan(3.4);
    expect(chart.summary).toContain('(lower is better)');
  });

  it('marks what the component pays when a cap or gate lowered it, and lists the result in the table', () => {
    const chart = curveChart({
      label: 'Quota',
      unit: 'percent',
      direction: 'higher',
      points: [
        { value: '90', payout: '50' },
        { value: '120', payout: '200' },
      ],
      value: '112.4',
      curvePayout: '162',
      payout: '100',
    });
    expect(chart.referenceLines).toEqual([{ name: 'Pays 100.0 %', value: 100 }]);
    expect(chart.table).toEqual([
      { value: '90.0 %', payout: '50.0 %', result: false },
      { value: '120.0 %', payout: '200.0 %', result: false },
      { value: '112.4 %', payout: '162.0 %', result: true },
    ]);
  });

  it('has no result to mark for an input paid at target without a value', () => {
    const chart = curveChart({
      label: 'CES',
      unit: 'score',
      direction: 'higher',
      points: NPS_POINTS,
      value: null,
      curvePayout: '100',
      payout: '100',
    });
    expect(chart.series.map((series) => series.name)).toEqual([CURVE_SERIES]);
    expect(chart.table.some((row) => row.result)).toBe(false);
    expect(chart.summary).toContain('No result: paid at target.');
  });
});
