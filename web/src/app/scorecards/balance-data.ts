import type { MetricDefinition, ScorecardRow } from '@lodestar/contracts';
import { formatInteger } from '../shared/format';
import { formatMetricValue, metricInfo, shortMetricName } from './scorecard-format';

/** Both axes are scores on the target band: threshold 50, target 100, stretch 150, capped at 0…200. */
export const SCORE_TARGET = 100;
const SCORE_FLOOR = 0;
const SCORE_CAP = 200;

export type BalanceQuadrant = 'both' | 'commercial-ahead' | 'cx-ahead' | 'neither';

/** What each part of the chart means, in words (the quadrant labels and the table's last column). */
export const QUADRANT_LABELS: Readonly<Record<BalanceQuadrant, string>> = {
  both: 'Commercial and CX on target',
  'commercial-ahead': 'Commercial ahead of CX',
  'cx-ahead': 'CX ahead of commercial',
  neither: 'Both short of target',
};

export interface BalancePoint {
  key: string;
  name: string;
  /** Score of the unit's primary commercial metric. */
  x: number;
  /** The unit's CX index. */
  y: number;
  headcount: number;
  metricName: string;
  /** The primary metric's actual, formatted ("112.4 %"). */
  actual: string;
  quadrant: BalanceQuadrant;
}

export interface UnplacedUnit {
  key: string;
  name: string;
  reason: string;
}

export interface BalanceData {
  points: BalancePoint[];
  unplaced: UnplacedUnit[];
  xDomain: [number, number];
  yDomain: [number, number];
  headcountDomain: [number, number];
}

export function quadrantOf(x: number, y: number): BalanceQuadrant {
  if (x >= SCORE_TARGET) return y >= SCORE_TARGET ? 'both' : 'commercial-ahead';
  return y >= SCORE_TARGET ? 'cx-ahead' : 'neither';
}

/** An axis from a round ten below the lowest value to one above the highest, always showing 50…150. */
function domainOf(values: readonly number[]): [number, number] {
  const low = Math.min(50, ...values.map((value) => Math.floor((value - 10) / 10) * 10));
  const high = Math.max(150, ...values.map((value) => Math.ceil((value + 10) / 10) * 10));
  return [Math.max(SCORE_FLOOR, low), Math.min(SCORE_CAP, high)];
}

/**
 * The balance chart's data: one point per function at (score of its primary commercial metric, CX
 * index), sized by headcount. A function without one of the two is left off the chart and said why.
 */
export function balanceData(
  functions: readonly ScorecardRow[],
  definitions: ReadonlyMap<string, MetricDefinition>,
): BalanceData {
  const points: BalancePoint[] = [];
  const unplaced: UnplacedUnit[] = [];
  for (const row of functions) {
    const primary = row.primary;
    const info = primary ? metricInfo(primary.metric, definitions) : null;
    let reason: string | null = null;
    if (!primary || !info) reason = 'no primary commercial metric';
    else if (primary.actual === null)
      reason = `no ${shortMetricName(info).toLowerCase()} value in this period`;
    else if (primary.score === null) reason = `no target for ${shortMetricName(info).toLowerCase()}`;
    else if (row.cxIndex.value === null)
      reason = row.cxIndex.insufficient ? 'CX index: insufficient sample' : 'no CX index';
    if (reason || !primary || !info || primary.score === null || row.cxIndex.value === null) {
      unplaced.push({ key: row.orgUnit, name: row.name, reason: reason ?? 'no value' });
      continue;
    }
    points.push({
      key: row.orgUnit,
      name: row.name,
      x: primary.score,
      y: row.cxIndex.value,
      headcount: row.headcount,
      metricName: info.name,
      actual: formatMetricValue(primary.actual, info),
      quadrant: quadrantOf(primary.score, row.cxIndex.value),
    });
  }
  const headcounts = points.map((point) => point.headcount);
  return {
    points,
    unplaced,
    xDomain: domainOf(points.map((point) => point.x)),
    yDomain: domainOf(points.map((point) => point.y)),
    headcountDomain: [Math.min(0, ...headcounts), Math.max(1, ...headcounts)],
  };
}

/** A radius for a headcount: the area grows with the headcount, from `min` to `max` pixels. */
export function radiusScale(domain: [number, number], min = 6, max = 26): (headcount: number) => number {
  const [low, high] = domain;
  return (headcount: number) => {
    if (high <= low) return (min + max) / 2;
    const share = Math.min(1, Math.max(0, (headcount - low) / (high - low)));
    return min + (max - min) * Math.sqrt(share);
  };
}

/** "Sales: Quota attainment 112.4 % (score 131), CX index 62, 48 people; commercial ahead of CX" */
export function pointSummary(point: BalancePoint): string {
  const label = QUADRANT_LABELS[point.quadrant];
  const reading = label.startsWith('CX') ? label : label[0].toLowerCase() + label.slice(1);
  return `${point.name}: ${point.metricName} ${point.actual} (score ${formatInteger(point.x)}), CX index ${formatInteger(
    point.y,
  )}, ${formatInteger(point.headcount)} ${point.headcount === 1 ? 'person' : 'people'}; ${reading}`;
}
