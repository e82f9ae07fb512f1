/**
 * Scorecards: every function's CX results beside its primary commercial metric and its margin
 * or budget, each against its target band. No pay data here: any signed-in user reads them.
 * Values are plain numbers for display (NPS points, percentages, counts, money); the
 * authoritative decimals stay in measurements.
 */
import type { MetricDirection, MetricUnit } from './cx';
import type { CxInvestment } from './investments';
import type { CxIndexResult, Status } from './targets';

export interface ScorecardColumn {
  metric: string;
  name: string;
  unit: MetricUnit;
  direction: MetricDirection;
}

export interface TrendPoint {
  period: string;
  actual: number | null;
}

export interface ScorecardCell {
  metric: string;
  actual: number | null;
  threshold: number | null;
  target: number | null;
  stretch: number | null;
  /** 0…200 on the band (threshold 50, target 100, stretch 150). */
  score: number | null;
  /** actual ÷ target in percent for positive better-is-higher quantities, else null. */
  attainment: number | null;
  status: Status | null;
  /** The asked period and the seven before it, oldest first (same kind: months, quarters or years). */
  trend: TrendPoint[];
  /** VoC metrics: n and the 95 % margin of error; null for measurements. */
  n: number | null;
  marginOfError: number | null;
  insufficientSample: boolean;
  /** True when the gap between actual and target is inside the margin of error. */
  withinMarginOfTarget: boolean;
  /**
   * For margin and quota attainment: the figure with approved CX investments added back
   * (`adjusted_margin`, `adjusted_quota_attainment`), shown beside the plain one.
   */
  adjusted: { metric: string; actual: number | null; score: number | null; status: Status | null } | null;
}

export interface ScorecardRow {
  orgUnit: string;
  name: string;
  type: string;
  leader: { id: string; name: string } | null;
  headcount: number;
  /** One per `cxColumns`, in order. */
  cx: ScorecardCell[];
  /** The unit's primary commercial metric (quota attainment for Sales, pipeline for Marketing…). */
  primary: ScorecardCell | null;
  /** Gross margin where the unit has one, else budget attainment. */
  margin: ScorecardCell | null;
  /** The weighted CX index with its own status on 50/100/150 (or the unit's own targets). */
  cxIndex: CxIndexResult & { status: Status | null };
}

/** `GET /api/v1/scorecards/company?period=` */
export interface CompanyScorecard {
  period: string;
  cxColumns: ScorecardColumn[];
  company: ScorecardRow;
  /** One per function, in the org tree's order. */
  functions: ScorecardRow[];
}

export interface ScorecardComment {
  id: string;
  orgUnit: string;
  period: string;
  metric: string | null;
  author: { id: string; name: string };
  body: string;
  createdAt: string;
}

export type ActionPlanStatus = 'open' | 'in_progress' | 'done';

export interface ActionPlan {
  id: string;
  orgUnit: string;
  period: string;
  metric: string;
  title: string;
  owner: { id: string; name: string };
  dueDate: string;
  status: ActionPlanStatus;
  createdAt: string;
  closedAt: string | null;
}

/** `GET /api/v1/scorecards/org-units/:key?period=` */
export interface UnitScorecard {
  period: string;
  cxColumns: ScorecardColumn[];
  unit: ScorecardRow;
  children: ScorecardRow[];
  comments: ScorecardComment[];
  /** Open and in-progress plans of any period, and plans closed within the asked period. */
  actionPlans: ActionPlan[];
  /** Red CX cells of the unit that still lack a comment from its executive or the CX lead. */
  commentsRequired: string[];
  /** CX investments of the unit and the units below it in the period, newest first (at most 50). */
  investments: CxInvestment[];
}
