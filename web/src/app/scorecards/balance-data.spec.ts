import type { ScorecardRow } from '@lodestar/contracts';
import { balanceData, pointSummary, quadrantOf, radiusScale } from './balance-data';
import { definitionMap } from './scorecard-format';
import { cell, DEFINITIONS, FINANCE_ROW, index, OPERATIONS_ROW, SALES_ROW } from './scorecard.fixtures';

const definitions = definitionMap(DEFINITIONS);

describe('balance chart data', () => {
  it('places each function at its commercial score and CX index, sized by headcount', () => {
    const data = balanceData([SALES_ROW, OPERATIONS_ROW], definitions);
    expect(data.points).toEqual([
      {
        key: 'sales',
        name: 'Sales',
        x: 131,
        y: 62,
        headcount: 48,
        metricName: 'Quota attainment',
        actual: '112.4 %',
        quadrant: 'commercial-ahead',
      },
      {
        key: 'operations',
        name: 'Operations',
        x: 43,
        y: 24,
        headcount: 64,
        metricName: 'Budget attainment (spend ÷ budget)',
        actual: '104.2 %',
        quadrant: 'neither',
      },
    ]);
    expect(data.headcountDomain).toEqual([0, 64]);
  });

  it('always shows threshold to stretch (50…150) and widens to round tens around the points, within 0…200', () => {
    const data = balanceData([SALES_ROW, OPERATIONS_ROW], definitions);
    expect(data.xDomain).toEqual([30, 150]);
    expect(data.yDomain).toEqual([10, 150]);
    const far: ScorecardRow = {
      ...SALES_ROW,
      primary: { ...cell('quota_attainment', 140, [90, 100, 120]), score: 200 },
      cxIndex: index(3, 'red'),
    };
    expect(balanceData([far], definitions)).toEqual(
      expect.objectContaining({ xDomain: [50, 200], yDomain: [0, 150] }),
    );
  });

  it('leaves off a function without a CX index or a scored commercial metric, and says why', () => {
    const unscored: ScorecardRow = {
      ...SALES_ROW,
      orgUnit: 'marketing',
      name: 'Marketing',
      primary: cell('quota_attainment', 80, null),
    };
    const data = balanceData([FINANCE_ROW, unscored, { ...SALES_ROW, primary: null }], definitions);
    expect(data.points).toEqual([]);
    expect(data.unplaced).toEqual([
      { key: 'finance', name: 'Finance', reason: 'CX index: insufficient sample' },
      { key: 'marketing', name: 'Marketing', reason: 'no target for quota' },
      { key: 'sales', name: 'Sales', reason: 'no primary commercial metric' },
    ]);
  });

  it('names the four quarters of the chart around the targets', () => {
    expect(quadrantOf(100, 100)).toBe('both');
    expect(quadrantOf(130, 60)).toBe('commercial-ahead');
    expect(quadrantOf(80, 120)).toBe('cx-ahead');
    expect(quadrantOf(99.9, 99.9)).toBe('neither');
  });

  it('grows the bubble area with the headcount', () => {
    const radius = radiusScale([0, 100], 4, 24);
    expect(radius(0)).toBe(4);
    expect(radius(25)).toBe(14);
    expect(radius(100)).toBe(24);
  });

  it('says a point in words', () => {
    const [sales] = balanceData([SALES_ROW], definitions).points;
    expect(pointSummary(sales)).toBe(
      'Sales: Quota attainment 112.4 % (score 131), CX index 62, 48 people; commercial ahead of CX',
    );
  });
});
