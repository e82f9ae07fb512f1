import type { ScorecardRow } from '@lodestar/contracts';
import { cxLeaderboard } from './cx-leaderboard';
import { cell, FINANCE_ROW, OPERATIONS_ROW, SALES_ROW } from './scorecard.fixtures';

const withNps = (
  row: ScorecardRow,
  key: string,
  value: number | null,
  margin: number | null,
  n: number,
  insufficient = false,
): ScorecardRow => ({
  ...row,
  orgUnit: key,
  name: key[0].toUpperCase() + key.slice(1),
  cx: [cell('nps', value, [25, 35, 45], { n, marginOfError: margin, insufficientSample: insufficient })],
});

describe('CX leaderboard', () => {
  it('ranks by the lower end of the 95 % interval, not by the value', () => {
    const board = cxLeaderboard([
      withNps(SALES_ROW, 'service', 48, 14.7, 100),
      withNps(SALES_ROW, 'product', 40, 3.5, 1200),
      withNps(SALES_ROW, 'quality', 36, 2.1, 2400),
    ]);
    expect(
      board.entries.map((entry) => [entry.rank, entry.key, Number(entry.lowerBound.toFixed(1))]),
    ).toEqual([
      [1, 'product', 36.5],
      [2, 'quality', 33.9],
      [3, 'service', 33.3],
    ]);
  });

  it('leaves out units below the minimum sample or without answers, and lists them', () => {
    const board = cxLeaderboard([
      SALES_ROW,
      OPERATIONS_ROW,
      FINANCE_ROW,
      withNps(SALES_ROW, 'hr', null, null, 0, true),
    ]);
    expect(board.entries.map((entry) => entry.key)).toEqual(['sales', 'operations']);
    expect(board.leftOut).toEqual([
      { key: 'finance', name: 'Finance', n: 12 },
      { key: 'hr', name: 'Hr', n: 0 },
    ]);
  });

  it('breaks a tie on the bound by the larger sample', () => {
    const board = cxLeaderboard([
      withNps(SALES_ROW, 'small', 30, 10, 100),
      withNps(SALES_ROW, 'large', 25, 5, 400),
    ]);
    expect(board.entries.map((entry) => entry.key)).toEqual(['large', 'small']);
  });
});
