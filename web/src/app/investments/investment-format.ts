import {
  monthsOf,
  quarterOfMonth,
  type CxInvestment,
  type CxInvestmentBudget,
  type CxInvestmentInput,
  type CxInvestmentKind,
  type CxInvestmentStatus,
  type OrgUnitNode,
  type Role,
} from '@lodestar/contracts';
import { parseDecimalInput } from '../metrics/measurement-format';
import { formatMonthLabel, formatMoney, MONEY_CURRENCY } from '../shared/format';
import type { IconName } from '../shared/icon.component';

/** The limits the API applies to a proposal (its DTO), checked here first so a mistake shows at once. */
export const MIN_REASON = 10;
export const MAX_REASON = 2000;
export const MAX_ACCOUNT = 200;
export const MAX_LINK = 500;
/** `numeric(14, 2)`: at most 12 digits before the point and 2 after. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

export interface KindInfo {
  label: string;
  hint: string;
}

export const KIND_INFO: Readonly<Record<CxInvestmentKind, KindInfo>> = {
  cost: {
    label: 'Cost',
    hint: 'Extra support, concessions — added back in adjusted margin',
  },
  quota_relief: {
    label: 'Quota relief',
    hint: 'A deal delayed or reshaped for the customer — credited in adjusted quota attainment',
  },
};

export interface StatusInfo {
  label: string;
  icon: IconName;
  /** The colour family of the chip; the word and the icon carry the meaning too. */
  tone: 'green' | 'amber' | 'red' | 'neutral' | 'pending';
}

export const STATUS_INFO: Readonly<Record<CxInvestmentStatus, StatusInfo>> = {
  proposed: { label: 'Proposed', icon: 'history', tone: 'pending' },
  awaiting_second_approval: { label: 'Awaiting second approval', icon: 'people', tone: 'amber' },
  approved: { label: 'Approved', icon: 'ok', tone: 'green' },
  rejected: { label: 'Rejected', icon: 'broken', tone: 'red' },
  withdrawn: { label: 'Withdrawn', icon: 'block', tone: 'neutral' },
};

/** An amount of money as the API sends it ("64500.50"), with the currency and no cents: "€64,501". */
export function formatInvestmentAmount(amount: string | number | null | undefined): string {
  const value = Number(amount);
  return Number.isFinite(value) ? formatMoney(value) : '–';
}

const exactMoney = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: MONEY_CURRENCY,
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** A typed amount read back exactly, cents included when there are any: "€12,500.50". */
export function formatExactAmount(amount: string): string {
  return exactMoney.format(Number(amount));
}

/**
 * What a person typed as an amount, as the API's decimal string, or the sentence that says what is
 * wrong. `positive`: zero is refused too (a proposal); settings and caps may be 0.
 */
export function readAmount(text: string, positive = true): { amount: string } | { problem: string } {
  if (!text.trim()) return { problem: 'Enter an amount, such as 12,500 or 12500.50.' };
  const value = parseDecimalInput(text.replace(/^€/, '').replace(/€$/, ''));
  if (value === null) return { problem: 'Enter an amount as digits, such as 12,500 or 12500.50.' };
  if (value.startsWith('-')) return { problem: 'The amount cannot be negative.' };
  const unsigned = value.replace(/^0+(?=\d)/, '');
  if (!AMOUNT.test(unsigned)) {
    return { problem: 'Use at most 12 digits before the point and 2 after (cents).' };
  }
  if (positive && Number(unsigned) === 0) return { problem: 'The amount must be more than 0.' };
  return { amount: unsigned };
}

/** What the proposal form holds while it is filled in. */
export interface InvestmentDraft {
  kind: CxInvestmentKind;
  orgUnit: string;
  period: string;
  amount: string;
  account: string;
  reason: string;
  link: string;
}

export type DraftField = 'orgUnit' | 'period' | 'amount' | 'account' | 'reason' | 'link';
export type DraftProblems = Partial<Record<DraftField, string>>;

/** The draft's problems by field; empty when the API would take it. */
export function draftProblems(draft: InvestmentDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.orgUnit) problems.orgUnit = 'Choose the unit whose figures it adjusts.';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.period)) problems.period = 'Choose the month it adjusts.';
  const amount = readAmount(draft.amount);
  if ('problem' in amount) problems.amount = amount.problem;
  if (draft.account.trim().length > MAX_ACCOUNT) problems.account = `At most ${MAX_ACCOUNT} characters.`;
  const reason = draft.reason.trim().length;
  if (reason < MIN_REASON)
    problems.reason = `Say what was done for the customer and why, in at least ${MIN_REASON} characters.`;
  else if (reason > MAX_REASON) problems.reason = `At most ${MAX_REASON.toLocaleString('en-US')} characters.`;
  if (draft.link.trim().length > MAX_LINK) problems.link = `At most ${MAX_LINK} characters.`;
  return problems;
}

/** The request body of a valid draft: trimmed text, blank optional fields as null, the amount as a decimal string. */
export function proposalOf(draft: InvestmentDraft): CxInvestmentInput {
  const amount = readAmount(draft.amount);
  if ('problem' in amount) throw new Error(amount.problem);
  return {
    kind: draft.kind,
    orgUnit: draft.orgUnit,
    period: draft.period,
    amount: amount.amount,
    account: draft.account.trim() || null,
    reason: draft.reason.trim(),
    link: draft.link.trim() || null,
  };
}

/** A unit in a picker, indented by its depth in the tree. */
export interface UnitOption {
  key: string;
  id: string;
  name: string;
  depth: number;
}

/** The org tree as a flat list in tree order. */
export function unitOptions(tree: readonly OrgUnitNode[], depth = 0): UnitOption[] {
  return tree.flatMap((node) => [
    { key: node.key, id: node.id, name: node.name, depth },
    ...unitOptions(node.children, depth + 1),
  ]);
}

export interface MonthOption {
  label: string;
  text: string;
}

/** The months of the current and the previous fiscal year up to `now`, newest first: "Nov 2026 · FY2027-Q1". */
export function monthOptions(now: string, currentYear: string, startMonth: number): MonthOption[] {
  const previous = `FY${Number(currentYear.slice(2)) - 1}`;
  const months = [...monthsOf(previous, startMonth), ...monthsOf(currentYear, startMonth)]
    .filter((month) => month <= now)
    .reverse();
  return months.map((month) => ({
    label: month,
    text: `${formatMonthLabel(month)} · ${quarterOfMonth(month, startMonth)}`,
  }));
}

/** Which step of the approval queue this person takes, by role: CX leads the first, approvers the second. */
export function queueStatuses(roles: readonly Role[]): CxInvestmentStatus[] {
  const statuses: CxInvestmentStatus[] = [];
  if (roles.includes('CX_LEAD')) statuses.push('proposed');
  if (roles.includes('APPROVER')) statuses.push('awaiting_second_approval');
  return statuses;
}

/** Whether the proposer may still take it back. */
export function canWithdraw(investment: CxInvestment, userId: string | null | undefined): boolean {
  return (
    !!userId &&
    investment.proposedBy.id === userId &&
    (investment.status === 'proposed' || investment.status === 'awaiting_second_approval')
  );
}

/** The key a budget is kept under: one per unit and fiscal quarter. */
export function budgetKey(orgUnit: string, quarter: string): string {
  return `${orgUnit} ${quarter}`;
}

/** Approved so far as a share of the cap, 0–100 (a zero cap is full). */
export function budgetShare(budget: CxInvestmentBudget): number {
  const cap = Number(budget.cap);
  const approved = Number(budget.approved);
  if (!(cap > 0)) return approved > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, (100 * approved) / cap));
}

/** "€18,000 of €150,000 approved · €132,000 left" */
export function budgetText(budget: CxInvestmentBudget): string {
  return (
    `${formatInvestmentAmount(budget.approved)} of ${formatInvestmentAmount(budget.cap)} approved · ` +
    `${formatInvestmentAmount(budget.remaining)} left`
  );
}
