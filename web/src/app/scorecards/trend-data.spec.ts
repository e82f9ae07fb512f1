import { definitionMap } from './scorecard-format';
import { cell, CX_COLUMNS, DEFINITIONS, OPERATIONS_ROW, SALES_ROW } from './scorecard.fixtures';
import { trendCharts } from './trend-data';

const definitions = definitionMap(DEFINITIONS);

describe('trend charts of a unit', () => {
  it('draws the primary metric, the margin, then each CX metric with a value, in column order', () => {
    expect(trendCharts(SALES_ROW, CX_COLUMNS, definitions, 'FY2025-Q4').map((chart) => chart.metric)).toEqual(
      ['quota_attainment', 'gross_margin', 'nps', 'csat'],
    );
  });

  it('takes the periods with a value as the line and the band as threshold, target and stretch lines', () => {
    const [, nps] = trendCharts(OPERATIONS_ROW, CX_COLUMNS, definitions, 'FY2025-Q4');
    expect(nps.series).toEqual([
      {
        name: 'Operations',
        series: [
          { name: 'FY2025-Q1', value: 17.2 },
          { name: 'FY2025-Q2', value: 15.2 },
          { name: 'FY2025-Q3', value: 13.2 },
          { name: 'FY2025-Q4', value: 9.2 },
        ],
      },
    ]);
    expect(nps.referenceLines).toEqual([
      { name: 'Threshold', value: 15 },
      { name: 'Target', value: 25 },
      { name: 'Stretch', value: 35 },
    ]);
    expect(nps.yMin).toBeLessThan(9.2);
    expect(nps.yMax).toBeGreaterThan(35);
    expect(nps.bandText).toBe('Band of FY2025-Q4: threshold +15, target +25, stretch +35');
    expect(nps.table[0]).toEqual({ period: 'FY2024-Q1', value: '—' });
    expect(nps.statusLabel).toBe('Off track');
    expect(nps.summary).toContain('from +17 in FY2025-Q1 to +9 in FY2025-Q4');
  });

  it('says when a metric has no target for the period', () => {
    const row = { ...SALES_ROW, margin: cell('gross_margin', 44.5, null) };
    const margin = trendCharts(row, CX_COLUMNS, definitions, 'FY2025-Q4')[1];
    expect(margin.referenceLines).toEqual([]);
    expect(margin.bandText).toBe('No target for FY2025-Q4');
  });
});
