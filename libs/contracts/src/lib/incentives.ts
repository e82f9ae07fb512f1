/**
 * Incentive plans (SPEC §3 "Incentive plans"): plans → versions with components, payout curves,
 * gates, a multiplier and caps; participants with annual target bonuses; statements with a
 * calculation trace. Every amount and percentage travels as a decimal string, never a binary
 * float: `"33.3333333333"`, `"12500.00"`. Payouts are percentages of target (100 = target pay).
 */
import type { MetricDirection, MetricUnit } from './cx';
import type { TargetBand } from './targets';

// ───────────────────────────── plan rules ─────────────────────────────

/** At `value` of the metric the component pays `payout` % of its target. */
export interface PayoutPoint {
  value: string;
  payout: string;
}

/** Whose results count: the participant's own unit, its parent, or the company (the root). */
export const COMPONENT_SCOPES = ['OWN_UNIT', 'PARENT_UNIT', 'COMPANY'] as const;
export type ComponentScope = (typeof COMPONENT_SCOPES)[number];

export const COMPONENT_SCOPE_LABELS: Record<ComponentScope, string> = {
  OWN_UNIT: 'Own unit',
  PARENT_UNIT: 'Parent unit',
  COMPANY: 'Company',
};

/** The payouts at threshold, target and stretch when a curve is taken from targets. */
export const DEFAULT_TARGET_PAYOUTS: readonly [string, string, string] = ['50', '100', '200'];

/**
 * Where a component's curve points come from: explicit points (the same for every participant),
 * or the scope unit's threshold / target / stretch for the period ↦ three payouts (by default
 * 50 / 100 / 200 %). Approval freezes the bands a `TARGETS` curve reads.
 */
export type CurveSpec =
  | { source: 'POINTS'; points: PayoutPoint[] }
  | { source: 'TARGETS'; payouts: [string, string, string] };

/** A component key: lower-case letters, digits and `_`, starting with a letter, at most 40. */
export const COMPONENT_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * A component metric that stands for the scope unit's primary commercial metric (SPEC §3
 * "Metric definitions": quota attainment for Sales, pipeline for Marketing, renewal rate for
 * Service, budget attainment for cost centres, revenue for the company), in its adjusted form
 * where there is one (quota attainment → adjusted quota attainment), so one plan can pay every
 * executive on their own commercial result. Its direction differs by unit, so its curve comes
 * from targets.
 */
export const PRIMARY_COMMERCIAL_METRIC = 'primary_commercial';

export interface PlanComponent {
  /** Unique within the version (`cx_index`, `quota`); gates name components by it. */
  key: string;
  label: string;
  /** A metric key: any metric with targets, including `cx_index`, `adjusted_margin`, `adjusted_quota_attainment`. */
  metric: string;
  scope: ComponentScope;
  /** Percent; the weights of a version sum to exactly 100. */
  weight: string;
  curve: CurveSpec;
  /** Highest payout % of this component, or null for none beyond the curve. */
  cap: string | null;
}

/**
 * If component `input`'s value is short of `level` (null: the input's threshold), each of
 * `components` pays at most `maxPayout` %. An input with an insufficient sample does not bind.
 */
export interface PlanGate {
  key: string;
  label: string;
  input: string;
  level: string | null;
  components: string[];
  maxPayout: string;
}

/** Total × m, with m (in %: 100 = ×1) read from a curve on a metric's value. */
export interface PlanMultiplier {
  label: string;
  metric: string;
  scope: ComponentScope;
  points: PayoutPoint[];
}

export interface PlanRules {
  components: PlanComponent[];
  gates: PlanGate[];
  multiplier: PlanMultiplier | null;
  /** Highest total payout % of the period's target bonus, or null for none. */
  planCap: string | null;
}

// ───────────────────────────── engine inputs ─────────────────────────────

/**
 * How a value was obtained. CX values below the minimum sample for pay fall back to the unit's
 * trailing twelve months, else the parent unit, else the component pays at target — unless HR
 * entered an override an APPROVER signed off.
 */
export const INPUT_BASES = ['ACTUAL', 'TRAILING_TWELVE_MONTHS', 'PARENT_UNIT', 'OVERRIDE', 'AT_TARGET'] as const;
export type InputBasis = (typeof INPUT_BASES)[number];

export interface ResolvedInput {
  /** Null only when `basis` is `AT_TARGET` or there is no result yet. */
  value: string | null;
  basis: InputBasis;
  /** A sentence naming where it came from: "NPS of Sales, FY2026-Q1, 412 answers". */
  source: string;
  /** Answers behind a CX value; null for measurements. */
  sample: number | null;
  /** The unit whose result it is (after any fallback to the parent). */
  orgUnit: { key: string; name: string };
  /** The period of the result: the statement's quarter, or the trailing-twelve-months range. */
  period: string;
}

/** What the engine knows about one metric at one scope for one participant and period. */
export interface MetricFact {
  metric: string;
  scope: ComponentScope;
  metricName: string;
  unit: MetricUnit;
  direction: MetricDirection;
  input: ResolvedInput;
  /** The scope unit's band for the period (frozen at approval); null when none is set. */
  band: TargetBand | null;
}

/** A correction of an earlier, closed period, in money (cents), carried into this statement. */
export interface PriorPeriodAdjustment {
  forPeriod: string;
  amount: string;
  reason: string;
  source: 'RESTATEMENT' | 'INQUIRY';
}

export interface TargetBonusBasis {
  /** The participant's annual target bonus, in the company currency. */
  annual: string;
  /** Days of the period the participant was eligible (start and end dates inclusive). */
  eligibleDays: number;
  /** Days in the fiscal year the period belongs to. */
  daysInYear: number;
}

export interface ParticipantFacts {
  /** The statement's period, a quarter label such as `FY2026-Q1`. */
  period: string;
  facts: MetricFact[];
  targetBonus: TargetBonusBasis;
  adjustments: PriorPeriodAdjustment[];
  /** A negative balance (≤ 0) carried from earlier statements to be recouped; "0.00" when none. */
  carriedIn: string;
}

// ───────────────────────────── calculation trace ─────────────────────────────

/** Where on its curve a value fell. "Short" and "beyond" are in the metric's better direction. */
export type CurveSegment =
  | { kind: 'SHORT'; first: PayoutPoint }
  | { kind: 'BETWEEN'; from: PayoutPoint; to: PayoutPoint }
  | { kind: 'BEYOND'; last: PayoutPoint }
  | { kind: 'AT_TARGET' };

export interface ComponentTrace {
  key: string;
  label: string;
  metric: string;
  metricName: string;
  unit: MetricUnit;
  direction: MetricDirection;
  scope: ComponentScope;
  weight: string;
  input: ResolvedInput;
  band: TargetBand | null;
  /** The result's score on its band (threshold 50, target 100, stretch 150), when there is a band. */
  score: string | null;
  /** actual ÷ target in %, where that is meaningful (see cx-metrics `attainment`). */
  attainment: string | null;
  points: PayoutPoint[];
  segment: CurveSegment;
  curvePayout: string;
  cap: string | null;
  afterCap: string;
  /** Gates that bound this component, with the payout they allowed. */
  gatedBy: { gate: string; maxPayout: string }[];
  /** Final payout % of the component: min(afterCap, every binding gate's maxPayout). */
  payout: string;
  /** weight × payout ÷ 100: this component's share of the target, in %. */
  contribution: string;
}

export interface GateTrace {
  key: string;
  label: string;
  input: string;
  inputValue: string | null;
  level: string;
  direction: MetricDirection;
  outcome: 'BINDS' | 'MET' | 'INSUFFICIENT_SAMPLE';
  components: string[];
  maxPayout: string;
}

export interface MultiplierTrace {
  label: string;
  metric: string;
  input: ResolvedInput;
  points: PayoutPoint[];
  segment: CurveSegment;
  /** m in % (100 = ×1); 100 when the input is insufficient. */
  factor: string;
}

export interface CalculationTrace {
  period: string;
  components: ComponentTrace[];
  gates: GateTrace[];
  /** Σ contributions, % of target. */
  weightedPayout: string;
  multiplier: MultiplierTrace | null;
  afterMultiplier: string;
  planCap: string | null;
  /** % of the period's target bonus after the plan cap. */
  totalPayout: string;
  targetBonus: TargetBonusBasis & { periodTarget: string };
  /** totalPayout ÷ 100 × periodTarget, full precision. */
  unrounded: string;
  /** Rounded half-even to cents, once. */
  amount: string;
  /** amount − unrounded. */
  rounding: string;
  adjustments: PriorPeriodAdjustment[];
  carriedIn: string;
  /** max(0, amount + Σ adjustments + carriedIn), in cents. */
  payable: string;
  /** min(0, amount + Σ adjustments + carriedIn): recouped from later statements. */
  carriedForward: string;
  /** The same calculation as sentences, in order, for reading and printing. */
  steps: string[];
}

/** "What it takes" for one component in the open period. */
export interface WhatItTakes {
  component: string;
  label: string;
  metric: string;
  direction: MetricDirection;
  current: string | null;
  currentPayout: string;
  /** The value that pays 100 %, or null when the curve (and cap) never reach it. */
  neededForTarget: string | null;
  /** The highest payout % this component can still reach (curve end, cap, binding gates). */
  bestPayout: string;
  note: string;
}

// ───────────────────────────── plans and versions ─────────────────────────────

/** `DRAFT` → `IN_REVIEW` → `APPROVED` → `PUBLISHED`; a rejection returns a version to `DRAFT`. */
export const PLAN_VERSION_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

export interface PersonRef {
  id: string;
  name: string;
}

export interface IncentivePlan {
  id: string;
  key: string;
  name: string;
  description: string;
  versions: PlanVersionSummary[];
}

export interface PlanVersionSummary {
  id: string;
  planId: string;
  planName: string;
  number: number;
  status: PlanVersionStatus;
  /** A quarter label; the version applies from it to the end of that fiscal year. */
  effectiveFrom: string;
  author: PersonRef;
  updatedAt: string;
  participantCount: number;
}

export interface PlanParticipant {
  id: string;
  user: PersonRef & { email: string };
  orgUnit: { key: string; name: string };
  annualTargetBonus: string;
  /** ISO dates, inclusive; null end: still in the plan. */
  startDate: string;
  endDate: string | null;
}

export interface PlanParticipantInput {
  /** The person's e-mail address. */
  user: string;
  /** The key of the unit whose results count. */
  orgUnit: string;
  annualTargetBonus: string | number;
  startDate: string;
  endDate?: string | null;
}

/** Columns of the participants CSV. */
export const PARTICIPANT_CSV_COLUMNS = ['email', 'org_unit', 'annual_target_bonus', 'start_date', 'end_date'] as const;

export interface PlanVersion extends PlanVersionSummary {
  /** The ETag is `"<revision>"`; every edit of a draft needs `If-Match` with it. */
  revision: number;
  notes: string;
  rules: PlanRules;
  participants: PlanParticipant[];
  submittedAt: string | null;
  approvedBy: PersonRef | null;
  approvedAt: string | null;
  publishedBy: PersonRef | null;
  publishedAt: string | null;
  rejection: { by: PersonRef; at: string; reason: string } | null;
  /** When approval froze the target bands the version reads. */
  frozenAt: string | null;
  /** People who acknowledged this published version, with the date. */
  acknowledgements: { user: PersonRef; at: string }[];
}

export interface CreatePlanRequest {
  key: string;
  name: string;
  description?: string;
}

/** A new draft, copied from `basedOn` (rules and participants) or empty. */
export interface CreatePlanVersionRequest {
  effectiveFrom: string;
  basedOn?: string | null;
}

export interface UpdatePlanVersionRequest {
  effectiveFrom?: string;
  notes?: string;
  rules?: PlanRules;
}

export interface ReplaceParticipantsRequest {
  participants: PlanParticipantInput[];
}

export interface RejectPlanVersionRequest {
  reason: string;
}

export interface PlanVersionChange {
  /** A readable path: `components.quota.weight`, `participants.vp.sales@example.com.annualTargetBonus`. */
  path: string;
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: string | null;
  after: string | null;
}

/** `GET /api/v1/plan-versions/:id/diff?against=:otherId` (default: the version it was based on). */
export interface PlanVersionDiff {
  from: { id: string; number: number };
  to: { id: string; number: number };
  changes: PlanVersionChange[];
}

// ───────────────────────────── statements ─────────────────────────────

/** `PROJECTION` for open periods; `CLOSED` once HR closes the period (locked); `RELEASED` to the participant. */
export const STATEMENT_STATUSES = ['PROJECTION', 'CLOSED', 'RELEASED'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export interface StatementSummary {
  id: string;
  period: string;
  status: StatementStatus;
  participant: PersonRef;
  orgUnit: { key: string; name: string };
  plan: { id: string; name: string };
  version: { id: string; number: number };
  /** Total payout % of the period's target bonus. */
  totalPayout: string;
  periodTarget: string;
  amount: string;
  /**
   * Σ prior-period adjustments carried into this statement (the `statements.adjustments` column),
   * in cents; optional so that older payloads still type-check, "0.00" when there are none.
   */
  adjustments?: string;
  payable: string;
  currency: string;
  openInquiries: number;
  computedAt: string;
}

export interface Statement extends StatementSummary {
  trace: CalculationTrace;
  /** Only for a projection of the open period. */
  whatItTakes: WhatItTakes[] | null;
  inquiries: Inquiry[];
}

export const STATEMENT_PERIOD_STATUSES = ['OPEN', 'CLOSED', 'RELEASED'] as const;
export type StatementPeriodStatus = (typeof STATEMENT_PERIOD_STATUSES)[number];

export interface StatementPeriod {
  period: string;
  status: StatementPeriodStatus;
  /** The quarter's last day (ISO date); it can be closed from the day after. */
  endsOn: string;
  /** True once the quarter is over in the company's time zone. */
  ended: boolean;
  closedAt: string | null;
  closedBy: PersonRef | null;
  releasedAt: string | null;
  releasedBy: PersonRef | null;
  statements: number;
  totalPayable: string;
}

export const INQUIRY_REASONS = ['DATA_ERROR', 'WRONG_TARGET', 'ELIGIBILITY', 'CALCULATION', 'OTHER'] as const;
export type InquiryReason = (typeof INQUIRY_REASONS)[number];

export const INQUIRY_REASON_LABELS: Record<InquiryReason, string> = {
  DATA_ERROR: 'An input value is wrong',
  WRONG_TARGET: 'The target or curve is wrong',
  ELIGIBILITY: 'Dates or target bonus are wrong',
  CALCULATION: 'The calculation looks wrong',
  OTHER: 'Something else',
};

export const INQUIRY_STATUSES = ['OPEN', 'ANSWERED', 'ADJUSTED', 'REJECTED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export interface Inquiry {
  id: string;
  statementId: string;
  period: string;
  raisedBy: PersonRef;
  reason: InquiryReason;
  text: string;
  status: InquiryStatus;
  response: string | null;
  /** With `ADJUSTED`: the amount carried into the next open period as an adjustment. */
  adjustment: string | null;
  answeredBy: PersonRef | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface RaiseInquiryRequest {
  reason: InquiryReason;
  text: string;
}

export interface AnswerInquiryRequest {
  status: 'ANSWERED' | 'ADJUSTED' | 'REJECTED';
  response: string;
  /** Required with `ADJUSTED`: a signed amount for the next open period. */
  adjustment?: string | null;
}

// ───────────────────────────── what-if and forecast ─────────────────────────────

export interface WhatIfRow {
  participant: PersonRef;
  orgUnit: { key: string; name: string };
  /** Under the version published for the period, or null when none applies to this person. */
  baselinePayout: string | null;
  baselineAmount: string | null;
  proposedPayout: string;
  proposedAmount: string;
  delta: string;
}

/** `POST /api/v1/plan-versions/:id/what-if?period=FY2027-Q1`. */
export interface WhatIfResult {
  period: string;
  version: { id: string; number: number };
  baselineVersion: { id: string; number: number } | null;
  rows: WhatIfRow[];
  totals: { baseline: string; proposed: string; delta: string };
}

/** `GET /api/v1/incentives/forecast?fiscalYear=2027`. */
export interface IncentiveForecast {
  fiscalYear: number;
  quarters: { period: string; basis: 'RELEASED' | 'CLOSED' | 'PROJECTION' | 'NONE'; total: string }[];
  total: string;
  currency: string;
}

// ───────────────────────────── small-sample overrides ─────────────────────────────

export const PAY_OVERRIDE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type PayOverrideStatus = (typeof PAY_OVERRIDE_STATUSES)[number];

/** HR's value for a CX input with too small a sample, used for pay once an APPROVER signs it off. */
export interface PayOverride {
  id: string;
  orgUnit: { key: string; name: string };
  metric: string;
  period: string;
  value: string;
  reason: string;
  status: PayOverrideStatus;
  enteredBy: PersonRef;
  enteredAt: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  /** The approver's reason: required when rejecting, optional when approving. */
  decisionReason?: string | null;
}

export interface PayOverrideInput {
  orgUnit: string;
  metric: string;
  period: string;
  value: string | number;
  reason: string;
}

/** Default answers a CX input needs before it may move pay (display uses 30). */
export const DEFAULT_PAY_MINIMUM_SAMPLE = 100;

// ───────────────────────────── my incentive ─────────────────────────────

export interface MyParticipation {
  plan: { id: string; name: string };
  version: PlanVersionSummary;
  orgUnit: { key: string; name: string };
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
  /** When the participant acknowledged this published version; null: not yet. */
  acknowledgedAt: string | null;
}

/** `GET /api/v1/incentives/me`: the signed-in person's plans, open-period projection and history. */
export interface MyIncentive {
  participations: MyParticipation[];
  /** The projection for the open quarter (today's), with what it takes; null when not in a plan. */
  current: Statement | null;
  /** Closed and released statements, newest first (closed ones are shown as "in review"). */
  history: StatementSummary[];
  currency: string;
}
