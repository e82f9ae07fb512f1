/**
 * Targets per metric, org unit and fiscal period (a fiscal year `FY2026` or quarter
 * `FY2026-Q1`): threshold, target and stretch, strictly ordered in the metric's better
 * direction. Numbers travel as decimal strings.
 */
import type { MetricDirection } from './cx';

export type Status = 'green' | 'amber' | 'red';

/** The key of the CX index: a metric with targets, computed from the CX metrics and their weights. */
export const CX_INDEX_METRIC = 'cx_index';

/** A target band; for lower-is-better metrics the numbers fall: threshold > target > stretch. */
export interface TargetBand {
  threshold: number;
  target: number;
  stretch: number;
}

export interface TargetInput {
  metric: string;
  /** An org unit key. */
  orgUnit: string;
  /** `FY2026` or `FY2026-Q1`: targets are set per fiscal year or phased per quarter. */
  period: string;
  threshold: string | number;
  target: string | number;
  stretch: string | number;
}

export interface Target {
  metric: string;
  orgUnit: string;
  period: string;
  threshold: string;
  target: string;
  stretch: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface TargetBatchRequest {
  targets: TargetInput[];
}

export interface TargetBatchResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** `POST /api/v1/targets/imports` (multipart `file`, CSV `metric,org_unit,period,threshold,target,stretch`). */
export interface TargetImportResult extends TargetBatchResult {
  fileName: string;
}

export const TARGET_CSV_COLUMNS = ['metric', 'org_unit', 'period', 'threshold', 'target', 'stretch'] as const;

/**
 * The band that applies to a unit, metric and period (a month, quarter or fiscal year), and
 * where it came from: a target set for exactly that period; a quarter's from its year (the
 * same band for level and ratio metrics, a quarter of it for sum metrics); a month's from its
 * quarter or year likewise.
 */
export interface EffectiveTarget {
  metric: string;
  orgUnit: string;
  period: string;
  threshold: string;
  target: string;
  stretch: string;
  /** The period whose target was used, and how: as set, or split evenly (sum metrics). */
  from: string;
  basis: 'as-set' | 'applied' | 'split';
}

export interface CxIndexWeight {
  metric: string;
  /** Percent, the weights of one unit summing to exactly 100. */
  weight: string;
}

/** `GET/PUT /api/v1/cx-index/weights?orgUnit=` — a unit's own weights or the company default. */
export interface CxIndexWeights {
  orgUnit: string | null;
  /** `own` when the unit has its own weights, `default` when the company default applies. */
  basis: 'own' | 'default';
  weights: CxIndexWeight[];
}

export interface CxIndexComponent {
  metric: string;
  weight: number;
  /** The metric's score on its target band, or null when it has no value or no target. */
  score: number | null;
  /** Left out: no value, no target or an insufficient sample. */
  excluded: boolean;
  reason: 'insufficient-sample' | 'no-value' | 'no-target' | null;
  /** The weight after renormalising over the included components (0 when excluded). */
  effectiveWeight: number;
}

export interface CxIndexResult {
  /** 50 at threshold, 100 at target, 150 at stretch; null when insufficient. */
  value: number | null;
  /** Percent of the weight that had a score. */
  weightUsed: number;
  /** True when less than half of the weight had a score: the index itself is not shown. */
  insufficient: boolean;
  components: CxIndexComponent[];
  /** A sentence when components were left out, e.g. "CES left out (insufficient sample); weights renormalised over 80 %." */
  note: string | null;
}

export interface ScoredValue {
  direction: MetricDirection;
  actual: number | null;
  band: TargetBand | null;
  /** 0…200 on the band (threshold 50, target 100, stretch 150), null without actual or band. */
  score: number | null;
  status: Status | null;
  /** actual ÷ target for positive better-is-higher quantities, else null. */
  attainment: number | null;
}
