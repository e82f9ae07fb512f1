/**
 * CX investments: money a unit spends or gives up for the customer's sake, approved so that it
 * does not count against the people who chose it. A `cost` (extra support, concessions) is added
 * back in `adjusted_margin`; a `quota_relief` (a deal delayed or reshaped for the customer) is
 * credited in `adjusted_quota_attainment`. Amounts are decimal strings in the company's currency.
 */

export const CX_INVESTMENT_KINDS = ['cost', 'quota_relief'] as const;
export type CxInvestmentKind = (typeof CX_INVESTMENT_KINDS)[number];

/**
 * `proposed` → `approved` or `rejected`; above the approval threshold an approval by the CX lead
 * makes it `awaiting_second_approval` until an APPROVER approves too. `withdrawn` by its proposer
 * while not yet decided.
 */
export const CX_INVESTMENT_STATUSES = ['proposed', 'awaiting_second_approval', 'approved', 'rejected', 'withdrawn'] as const;
export type CxInvestmentStatus = (typeof CX_INVESTMENT_STATUSES)[number];

export interface CxInvestmentInput {
  kind: CxInvestmentKind;
  /** The org unit key whose figures it adjusts. */
  orgUnit: string;
  /** A month label such as `2026-03`: the month whose margin or quota it adjusts. */
  period: string;
  amount: string | number;
  account?: string | null;
  reason: string;
  /** A VoC response id or an escalation reference it answers to. */
  link?: string | null;
}

export interface CxInvestmentDecision {
  approve: boolean;
  /** Required when rejecting; kept with the decision. */
  reason?: string | null;
}

export interface CxInvestmentApproval {
  by: { id: string; name: string };
  role: 'CX_LEAD' | 'APPROVER';
  approve: boolean;
  reason: string | null;
  at: string;
}

export interface CxInvestment {
  id: string;
  kind: CxInvestmentKind;
  orgUnit: string;
  orgUnitName: string;
  period: string;
  amount: string;
  account: string | null;
  reason: string;
  link: string | null;
  status: CxInvestmentStatus;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  decisions: CxInvestmentApproval[];
  /** True when the amount is above the threshold that needs an APPROVER as well. */
  needsSecondApproval: boolean;
}

/** `GET/PUT /api/v1/cx-investments/settings` (CX_LEAD writes). */
export interface CxInvestmentSettings {
  /** Amounts above this need an APPROVER's approval after the CX lead's. */
  secondApprovalAbove: string;
  /** Default cap of approved investments per unit and fiscal quarter (both kinds together). */
  defaultQuarterCap: string;
}

/** The approved total against the cap for a unit and fiscal quarter. */
export interface CxInvestmentBudget {
  orgUnit: string;
  quarter: string;
  cap: string;
  approved: string;
  remaining: string;
}
