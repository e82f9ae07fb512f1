import type { ParetoRow } from '@lodestar/contracts';
import { bandScale, linearScale, niceMax, niceTicks } from './chart-scales';
import { paretoChartData, wrapLabel } from './pareto-data';

const rows = (counts: Record<string, number>): ParetoRow[] => {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  let running = 0;
  return Object.entries(counts).map(([cause, count]) => {
    running += count;
    return { cause, count, share: count / total, cumulativeShare: running / total };
  });
};

describe('paretoChartData', () => {
  it('keeps the causes largest first with their shares and a cumulative line ending at 100 %', () => {
    const data = paretoChartData(rows({ 'delivery delay': 50, price: 30, training: 20 }));
    expect(data.total).toBe(100);
    expect(data.bars.map((bar) => [bar.name, bar.count, bar.share, bar.cumulativeShare])).toEqual([
      ['delivery delay', 50, 0.5, 0.5],
      ['price', 30, 0.3, 0.8],
      ['training', 20, 0.2, 1],
    ]);
    expect(data.countMax).toBe(50);
  });

  it('sorts rows that arrive out of order, ties by name', () => {
    const data = paretoChartData([
      { cause: 'b', count: 5, share: 0, cumulativeShare: 0 },
      { cause: 'c', count: 9, share: 0, cumulativeShare: 0 },
      { cause: 'a', count: 5, share: 0, cumulativeShare: 0 },
    ]);
    expect(data.bars.map((bar) => bar.name)).toEqual(['c', 'a', 'b']);
  });

  it('folds the smallest causes into one last bar beyond the bar limit', () => {
    const data = paretoChartData(rows({ a: 40, b: 30, c: 10, d: 8, e: 7, f: 5 }), 4);
    expect(data.bars.map((bar) => [bar.name, bar.count, bar.causes])).toEqual([
      ['a', 40, 1],
      ['b', 30, 1],
      ['c', 10, 1],
      ['Other causes (3)', 20, 3],
    ]);
    expect(data.bars[3].cumulativeShare).toBe(1);
    expect(data.bars[3].share).toBeCloseTo(0.2);
  });

  it('has no bars and a unit axis without causes', () => {
    expect(paretoChartData([])).toEqual({ bars: [], total: 0, countMax: 1 });
  });
});

describe('chart scales', () => {
  it('places equal bands with the padding around each', () => {
    const scale = bandScale(['a', 'b', 'c', 'd'], [0, 400], 0.2);
    expect(scale.step()).toBe(100);
    expect(scale.bandwidth()).toBe(80);
    expect(['a', 'b', 'd'].map(scale)).toEqual([10, 110, 310]);
    expect(scale('z')).toBeNaN();
    expect(scale.domain()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('maps a linear domain onto an inverted range, as a y axis needs', () => {
    const scale = linearScale([0, 100], [200, 0]);
    expect(scale(0)).toBe(200);
    expect(scale(25)).toBe(150);
    expect(scale(100)).toBe(0);
    expect(scale.ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('picks round ticks and a round top for the count axis', () => {
    expect(niceTicks(0, 68, 5)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(niceMax(68)).toBe(70);
    expect(niceMax(507)).toBe(600);
    expect(niceMax(3)).toBe(3);
    expect(niceMax(0)).toBe(1);
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces to fit the width', () => {
    expect(wrapLabel('spare parts availability', 12)).toEqual(['spare parts', 'availability']);
    expect(wrapLabel('price', 12)).toEqual(['price']);
  });

  it('cuts a word too long for a line, and text beyond the last line', () => {
    expect(wrapLabel('documentation', 8)).toEqual(['documen…']);
    expect(wrapLabel('one two three four', 5, 2)).toEqual(['one', 'two…']);
  });
});
