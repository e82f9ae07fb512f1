import type { ScorecardRow } from '@lodestar/contracts';
import { lowerBound } from '@lodestar/cx-metrics';

export interface LeaderboardEntry {
  rank: number;
  key: string;
  name: string;
  value: number;
  marginOfError: number;
  /** value − margin of error: the lower end of the 95 % interval, what the board ranks by. */
  lowerBound: number;
  n: number;
}

export interface LeftOutUnit {
  key: string;
  name: string;
  n: number;
}

export interface Leaderboard {
  metric: string;
  entries: LeaderboardEntry[];
  /** Units whose sample is too small (or empty) to be ranked. */
  leftOut: LeftOutUnit[];
}

/**
 * The CX leaderboard: units ranked by the lower bound of their 95 % interval on a survey metric
 * (NPS by default), so a handful of lucky answers never tops the board; units below the minimum
 * sample are left out and listed. Equal bounds rank by the larger sample, then by name.
 */
export function cxLeaderboard(rows: readonly ScorecardRow[], metric = 'nps'): Leaderboard {
  const ranked: Omit<LeaderboardEntry, 'rank'>[] = [];
  const leftOut: LeftOutUnit[] = [];
  for (const row of rows) {
    const cell = row.cx.find((candidate) => candidate.metric === metric);
    if (!cell) continue;
    const bound = lowerBound({
      value: cell.actual,
      marginOfError: cell.marginOfError,
      insufficientSample: cell.insufficientSample,
    });
    if (bound === null || cell.actual === null || cell.marginOfError === null) {
      leftOut.push({ key: row.orgUnit, name: row.name, n: cell.n ?? 0 });
      continue;
    }
    ranked.push({
      key: row.orgUnit,
      name: row.name,
      value: cell.actual,
      marginOfError: cell.marginOfError,
      lowerBound: bound,
      n: cell.n ?? 0,
    });
  }
  ranked.sort((a, b) => b.lowerBound - a.lowerBound || b.n - a.n || a.name.localeCompare(b.name));
  return {
    metric,
    entries: ranked.map((entry, index) => ({ ...entry, rank: index + 1 })),
    leftOut,
  };
}
