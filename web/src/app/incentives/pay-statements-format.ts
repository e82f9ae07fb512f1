import type {
  AnswerInquiryRequest,
  MetricUnit,
  PayOverrideInput,
  PayOverrideStatus,
  StatementPeriodStatus,
  StatementSummary,
} from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import { parseDecimalInput } from '../metrics/measurement-format';
import { formatMetricValue, type LabelInfo } from './incentive-format';

/** A quarter's status as a word with an icon (never colour alone). */
export const PERIOD_STATUS_INFO: Readonly<Record<StatementPeriodStatus, LabelInfo>> = {
  OPEN: { label: 'Open', icon: 'edit', tone: 'pending' },
  CLOSED: { label: 'Closed — in review', icon: 'lock', tone: 'amber' },
  RELEASED: { label: 'Released', icon: 'ok', tone: 'green' },
};

export const OVERRIDE_STATUS_INFO: Readonly<Record<PayOverrideStatus, LabelInfo>> = {
  PENDING: { label: 'Waiting for an approver', icon: 'history', tone: 'pending' },
  APPROVED: { label: 'Approved', icon: 'ok', tone: 'green' },
  REJECTED: { label: 'Rejected', icon: 'block', tone: 'red' },
};

// ───────────────────────────── fiscal years ─────────────────────────────

/** "FY2027" → 2027. */
export function fiscalYearNumber(label: string): number {
  return Number(label.replace(/^FY/, ''));
}

/** The fiscal years the picker offers: the current one and the two before it, newest first. */
export function fiscalYearOptions(current: number, pastYears = 2): number[] {
  return Array.from({ length: pastYears + 1 }, (_, index) => current - index);
}

/**
 * The quarter to show first: one closed and waiting for review and release, else the open one, else the
 * latest; a quarter already chosen stays chosen while it is still in the list.
 */
export function defaultQuarter(
  periods: readonly { period: string; status: StatementPeriodStatus }[],
  chosen: string | null,
): string | null {
  if (chosen && periods.some((period) => period.period === chosen)) return chosen;
  return (
    periods.find((period) => period.status === 'CLOSED')?.period ??
    periods.find((period) => period.status === 'OPEN')?.period ??
    periods.at(-1)?.period ??
    null
  );
}

// ───────────────────────────── sorting the statements ─────────────────────────────

export const STATEMENT_SORT_KEYS = [
  'participant',
  'unit',
  'plan',
  'payout',
  'amount',
  'adjustments',
  'payable',
  'status',
  'inquiries',
] as const;
export type StatementSortKey = (typeof STATEMENT_SORT_KEYS)[number];

export interface StatementSort {
  key: StatementSortKey;
  direction: 'asc' | 'desc';
}

const STATUS_ORDER: Readonly<Record<StatementSummary['status'], number>> = {
  PROJECTION: 0,
  CLOSED: 1,
  RELEASED: 2,
};

function decimalOf(value: string | null | undefined): Decimal | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    return new Decimal(value);
  } catch {
    return null;
  }
}

/** Decimal strings compared exactly; a missing one sorts last. */
function compareDecimals(a: string | null | undefined, b: string | null | undefined): number {
  const left = decimalOf(a);
  const right = decimalOf(b);
  if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
  return left.comparedTo(right);
}

const text = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(key: StatementSortKey, a: StatementSummary, b: StatementSummary): number {
  switch (key) {
    case 'participant':
      return text.compare(a.participant.name, b.participant.name);
    case 'unit':
      return text.compare(a.orgUnit.name, b.orgUnit.name);
    case 'plan':
      return text.compare(a.plan.name, b.plan.name) || a.version.number - b.version.number;
    case 'payout':
      return compareDecimals(a.totalPayout, b.totalPayout);
    case 'amount':
      return compareDecimals(a.amount, b.amount);
    case 'adjustments':
      return compareDecimals(a.adjustments, b.adjustments);
    case 'payable':
      return compareDecimals(a.payable, b.payable);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'inquiries':
      return a.openInquiries - b.openInquiries;
  }
}

/** The statements ordered by one column (ties by participant), without changing the list given. */
export function sortStatements(
  statements: readonly StatementSummary[],
  sort: StatementSort | null,
): StatementSummary[] {
  if (!sort) return [...statements];
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Statements without adjustments (an older payload) stay last whichever way the column is sorted.
  const missing = (statement: StatementSummary) =>
    sort.key === 'adjustments' && decimalOf(statement.adjustments) === null ? 1 : 0;
  return [...statements].sort(
    (a, b) =>
      missing(a) - missing(b) ||
      sign * compareBy(sort.key, a, b) ||
      text.compare(a.participant.name, b.participant.name),
  );
}

/** Clicking a column: ascending first (descending first for the figures), then the other way. */
export function nextSort(current: StatementSort | null, key: StatementSortKey): StatementSort {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const figures: readonly StatementSortKey[] = ['payout', 'amount', 'adjustments', 'payable', 'inquiries'];
  return { key, direction: figures.includes(key) ? 'desc' : 'asc' };
}

// ───────────────────────────── inquiries ─────────────────────────────

export const INQUIRY_ANSWERS = ['ANSWERED', 'ADJUSTED', 'REJECTED'] as const;
export type InquiryAnswerStatus = (typeof INQUIRY_ANSWERS)[number];

export const INQUIRY_ANSWER_INFO: Readonly<Record<InquiryAnswerStatus, { label: string; hint: string }>> = {
  ANSWERED: { label: 'Answered', hint: 'Explain; the statement stays as it is' },
  ADJUSTED: { label: 'Adjusted', hint: 'Carry an amount into the next open quarter' },
  REJECTED: { label: 'Rejected', hint: 'Say why the statement is right' },
};

export const MAX_RESPONSE = 4000;

/** What HR typed as an inquiry's adjustment: a signed amount in cents, not zero. */
export function readSignedAmount(typed: string): { amount: string } | { problem: string } {
  if (!typed.trim()) return { problem: 'Enter the adjustment, such as 250.00 or -120.50.' };
  const value = parseDecimalInput(
    typed
      .trim()
      .replace(/^([-+]?)€/, '$1')
      .replace(/€$/, ''),
  );
  if (value === null) return { problem: 'Enter the adjustment as digits, such as 250.00 or -120.50.' };
  const [whole, cents = ''] = value.replace(/^-/, '').split('.');
  if (cents.length > 2) return { problem: 'Use at most 2 decimals (cents).' };
  if (whole.replace(/^0+(?=\d)/, '').length > 12)
    return { problem: 'Use at most 12 digits before the point.' };
  if (new Decimal(value).isZero()) {
    return { problem: 'An adjustment of 0 changes nothing: choose Answered instead.' };
  }
  return { amount: new Decimal(value).toFixed(2) };
}

export interface InquiryAnswerDraft {
  status: InquiryAnswerStatus;
  response: string;
  adjustment: string;
}

export type InquiryAnswerProblems = Partial<Record<'response' | 'adjustment', string>>;

export function answerProblems(draft: InquiryAnswerDraft): InquiryAnswerProblems {
  const problems: InquiryAnswerProblems = {};
  const response = draft.response.trim();
  if (!response) problems.response = 'Write the answer the participant will read.';
  else if (response.length > MAX_RESPONSE)
    problems.response = `Keep the answer to ${MAX_RESPONSE} characters.`;
  if (draft.status === 'ADJUSTED') {
    const read = readSignedAmount(draft.adjustment);
    if ('problem' in read) problems.adjustment = read.problem;
  }
  return problems;
}

/** The request for a checked draft: an amount only with Adjusted. */
export function answerOf(draft: InquiryAnswerDraft): AnswerInquiryRequest {
  const response = draft.response.trim();
  if (draft.status !== 'ADJUSTED') return { status: draft.status, response };
  const read = readSignedAmount(draft.adjustment);
  if ('problem' in read) throw new Error(read.problem);
  return { status: 'ADJUSTED', response, adjustment: read.amount };
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** How long an inquiry has waited: "5 minutes ago", "yesterday", "12 days ago". */
export function formatAge(createdAt: string, now = new Date()): string {
  const created = new Date(createdAt).getTime();
  if (Number.isNaN(created)) return '–';
  const minutes = Math.max(0, Math.floor((now.getTime() - created) / 60_000));
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return relative.format(-Math.floor(hours / 24), 'day');
}

// ───────────────────────────── pay overrides ─────────────────────────────

export const OVERRIDE_METRICS = ['nps', 'csat', 'ces', 'cx_index'] as const;
export type OverrideMetric = (typeof OVERRIDE_METRICS)[number];

export interface OverrideMetricInfo {
  label: string;
  unit: MetricUnit;
  min: string | null;
  max: string | null;
  hint: string;
}

export const OVERRIDE_METRIC_INFO: Readonly<Record<OverrideMetric, OverrideMetricInfo>> = {
  nps: { label: 'NPS', unit: 'score', min: '-100', max: '100', hint: 'From −100 to 100' },
  csat: { label: 'CSAT', unit: 'percent', min: '0', max: '100', hint: 'Percent satisfied, 0 to 100' },
  ces: { label: 'CES', unit: 'score', min: '1', max: '7', hint: 'Mean effort score, 1 to 7' },
  cx_index: {
    label: 'CX index',
    unit: 'score',
    min: '0',
    max: '200',
    hint: 'From 0 to 200; 100 is on target',
  },
};

function overrideMetricInfo(metric: string): OverrideMetricInfo | undefined {
  return (OVERRIDE_METRIC_INFO as Readonly<Record<string, OverrideMetricInfo | undefined>>)[metric];
}

export function overrideMetricLabel(metric: string): string {
  return overrideMetricInfo(metric)?.label ?? metric;
}

/** An override's value in its metric's unit: "42", "81.5 %". */
export function formatOverrideValue(metric: string, value: string): string {
  return formatMetricValue(value, overrideMetricInfo(metric)?.unit ?? 'score');
}

export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 2000;

export interface OverrideDraft {
  orgUnit: string;
  metric: OverrideMetric;
  period: string;
  value: string;
  reason: string;
}

export type OverrideField = 'orgUnit' | 'period' | 'value' | 'reason';
export type OverrideProblems = Partial<Record<OverrideField, string>>;

/** The override's value as a decimal string within the metric's range, or what is wrong with it. */
export function readOverrideValue(
  metric: OverrideMetric,
  typed: string,
): { value: string } | { problem: string } {
  const info = OVERRIDE_METRIC_INFO[metric];
  if (!typed.trim()) return { problem: `Enter the ${info.label} to use for pay.` };
  const value = parseDecimalInput(typed.trim());
  if (value === null) return { problem: `Enter the ${info.label} as a number, such as 42 or 4.5.` };
  if ((value.split('.')[1] ?? '').length > 6) return { problem: 'Use at most 6 decimals.' };
  const number = new Decimal(value);
  if (
    (info.min !== null && number.lessThan(info.min)) ||
    (info.max !== null && number.greaterThan(info.max))
  ) {
    return {
      problem:
        info.max === null
          ? `The ${info.label} cannot be below ${info.min}.`
          : `The ${info.label} lies from ${info.min} to ${info.max}.`,
    };
  }
  return { value };
}

export function overrideProblems(draft: OverrideDraft): OverrideProblems {
  const problems: OverrideProblems = {};
  if (!draft.orgUnit) problems.orgUnit = 'Choose the unit whose sample is too small.';
  if (!/^FY\d{4}-Q[1-4]$/.test(draft.period)) problems.period = 'Choose the quarter.';
  const value = readOverrideValue(draft.metric, draft.value);
  if ('problem' in value) problems.value = value.problem;
  const reason = draft.reason.trim();
  if (reason.length < MIN_OVERRIDE_REASON) {
    problems.reason = `Say why in at least ${MIN_OVERRIDE_REASON} characters: the approver decides on it.`;
  } else if (reason.length > MAX_OVERRIDE_REASON) {
    problems.reason = `Keep the reason to ${MAX_OVERRIDE_REASON} characters.`;
  }
  return problems;
}

export function overrideOf(draft: OverrideDraft): PayOverrideInput {
  const value = readOverrideValue(draft.metric, draft.value);
  if ('problem' in value) throw new Error(value.problem);
  return {
    orgUnit: draft.orgUnit,
    metric: draft.metric,
    period: draft.period,
    value: value.value,
    reason: draft.reason.trim(),
  };
}

/** Why this person cannot decide an override, or null when they can. */
export function overrideDecisionBlock(
  override: { status: PayOverrideStatus; enteredBy: { id: string } },
  userId: string | null,
  approver: boolean,
): string | null {
  if (override.status !== 'PENDING') return 'Already decided.';
  if (!approver) return 'An approver decides it.';
  if (userId !== null && override.enteredBy.id === userId) {
    return 'You entered this override, so another approver decides it (four eyes).';
  }
  return null;
}

/** "12 statements in 0.8 s" for a recompute's report. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds)} s`;
}
