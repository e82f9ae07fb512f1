import type { PriorPeriodAdjustment } from '@lodestar/contracts';
import { Dec, show } from './decimal';

/**
 * Prior-period adjustments (SPEC §3 "Period close and release"): a closed statement is never
 * rewritten; when its inputs are restated, or HR adjusts an inquiry about it, the difference is
 * carried into the person's earliest open statement of the same plan, and a negative balance
 * left by a statement is recouped from the next one. These functions decide which statement
 * holds them and how much; the API reads and writes the rows.
 */

/** An adjustment with the row it came from, so closing can record it once and for all. */
export interface PlannedAdjustment extends PriorPeriodAdjustment {
  /** The closed statement whose recomputation moved (source RESTATEMENT). */
  forStatementId: string | null;
  /** The inquiry whose answer made it (source INQUIRY). */
  inquiryId: string | null;
}

export interface AdjustmentPlan {
  adjustments: PlannedAdjustment[];
  /** ≤ 0: the balance carried from the latest closed statement, "0.00" when none. */
  carriedIn: string;
}

/** A participation in the quarter being computed. */
export interface QuarterParticipant {
  participantId: string;
  userId: string;
  planId: string;
  /** ISO date; of two rows of one person and plan in a quarter (a transfer), the later one holds. */
  startDate: string;
}

/** A closed or released statement of an earlier quarter. */
export interface ClosedStatement {
  id: string;
  period: string;
  userId: string;
  planId: string;
  /** The rounded amount it was closed with. */
  amount: string;
  carriedForward: string;
}

/** An inquiry HR answered with an adjustment that no closed statement has carried yet. */
export interface AdjustedInquiry {
  id: string;
  /** The quarter of the statement it is about. */
  period: string;
  userId: string;
  planId: string;
  adjustment: string;
  response: string;
}

export function pairKey(userId: string, planId: string): string {
  return `${userId}|${planId}`;
}

/**
 * Which participation of each person and plan carries their adjustments and balance in this
 * quarter: none for a pair that also takes part in an earlier open quarter (that one is their
 * earliest open statement), else the row with the latest start date.
 */
export function adjustmentHolders(
  participants: readonly QuarterParticipant[],
  inEarlierOpenQuarter: ReadonlySet<string>,
): Map<string, QuarterParticipant> {
  const holders = new Map<string, QuarterParticipant>();
  for (const participant of participants) {
    const key = pairKey(participant.userId, participant.planId);
    if (inEarlierOpenQuarter.has(key)) continue;
    const held = holders.get(key);
    if (
      !held ||
      participant.startDate > held.startDate ||
      (participant.startDate === held.startDate && participant.participantId > held.participantId)
    ) {
      holders.set(key, participant);
    }
  }
  return holders;
}

/**
 * The adjustment a restated closed statement calls for: its amount recomputed now, less what it
 * was closed with and the restatements already carried for it. Null when nothing moved.
 */
export function restatementAdjustment(input: {
  forPeriod: string;
  forStatementId: string;
  storedAmount: string;
  /** Σ RESTATEMENT adjustments for it in closed statements. */
  appliedBefore: string;
  recomputedAmount: string;
}): PlannedAdjustment | null {
  const was = new Dec(input.storedAmount).plus(input.appliedBefore);
  const now = new Dec(input.recomputedAmount);
  const delta = now.minus(was);
  if (delta.isZero()) return null;
  return {
    forPeriod: input.forPeriod,
    amount: delta.toFixed(2),
    reason: `${input.forPeriod} recomputed after restated inputs: was ${show(was, 2)}, now ${show(now, 2)}`,
    source: 'RESTATEMENT',
    forStatementId: input.forStatementId,
    inquiryId: null,
  };
}

/** HR's adjustment of an inquiry, carried as it was answered. */
export function inquiryAdjustment(inquiry: AdjustedInquiry): PlannedAdjustment | null {
  const amount = new Dec(inquiry.adjustment);
  if (amount.isZero()) return null;
  const response = inquiry.response.trim().replace(/\s+/g, ' ');
  return {
    forPeriod: inquiry.period,
    amount: amount.toFixed(2),
    reason: `Inquiry about ${inquiry.period} adjusted by HR: ${response.length > 300 ? `${response.slice(0, 299)}…` : response}`,
    source: 'INQUIRY',
    forStatementId: null,
    inquiryId: inquiry.id,
  };
}

/**
 * The adjustments and carried balance of every holder: restatements of their closed statements
 * (those `recomputed` holds an amount for), their adjusted inquiries, and the carried-forward
 * balance of their latest closed quarter before this one. Participants that do not hold get none.
 */
export function planAdjustments(input: {
  holders: ReadonlyMap<string, QuarterParticipant>;
  closed: readonly ClosedStatement[];
  appliedRestatements: ReadonlyMap<string, string>;
  recomputed: ReadonlyMap<string, string>;
  inquiries: readonly AdjustedInquiry[];
}): Map<string, AdjustmentPlan> {
  const plans = new Map<string, AdjustmentPlan>();
  const latestClosed = new Map<string, string>();
  for (const statement of input.closed) {
    const key = pairKey(statement.userId, statement.planId);
    if (!input.holders.has(key)) continue;
    const latest = latestClosed.get(key);
    if (latest === undefined || statement.period > latest) latestClosed.set(key, statement.period);
  }
  const planOf = (key: string): AdjustmentPlan | null => {
    const holder = input.holders.get(key);
    if (!holder) return null;
    let plan = plans.get(holder.participantId);
    if (!plan) plans.set(holder.participantId, (plan = { adjustments: [], carriedIn: '0.00' }));
    return plan;
  };
  const sorted = [...input.closed].sort(
    (a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id),
  );
  for (const statement of sorted) {
    const key = pairKey(statement.userId, statement.planId);
    const plan = planOf(key);
    if (!plan) continue;
    const recomputed = input.recomputed.get(statement.id);
    if (recomputed !== undefined) {
      const adjustment = restatementAdjustment({
        forPeriod: statement.period,
        forStatementId: statement.id,
        storedAmount: statement.amount,
        appliedBefore: input.appliedRestatements.get(statement.id) ?? '0',
        recomputedAmount: recomputed,
      });
      if (adjustment) plan.adjustments.push(adjustment);
    }
    if (statement.period === latestClosed.get(key)) {
      plan.carriedIn = new Dec(plan.carriedIn).plus(statement.carriedForward).toFixed(2);
    }
  }
  const inquiries = [...input.inquiries].sort(
    (a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id),
  );
  for (const inquiry of inquiries) {
    const plan = planOf(pairKey(inquiry.userId, inquiry.planId));
    const adjustment = plan && inquiryAdjustment(inquiry);
    if (plan && adjustment) plan.adjustments.push(adjustment);
  }
  for (const plan of plans.values()) {
    plan.adjustments.sort((a, b) => a.forPeriod.localeCompare(b.forPeriod));
    if (new Dec(plan.carriedIn).isZero()) plan.carriedIn = '0.00';
  }
  return plans;
}

/** Σ of adjustments' amounts, in cents. */
export function adjustmentsTotal(adjustments: readonly PriorPeriodAdjustment[]): string {
  return adjustments.reduce((sum, adjustment) => sum.plus(adjustment.amount), new Dec(0)).toFixed(2);
}
