import type { CxInvestmentStatus, Role } from '@lodestar/contracts';
import { formatAmount } from './money';

/** Who is deciding, as far as the rules of a decision are concerned. */
export interface Decider {
  id: string;
  roles: readonly Role[];
}

/** An investment as far as the rules of a decision are concerned. */
export interface DecidedInvestment {
  status: CxInvestmentStatus;
  unitName: string;
  proposedById: string;
  /**
   * The unit the decider leads at or above the investment's unit (nearest first), if any. For now
   * the people whose pay the unit's figures feed are these leaders: they are scored on its margin
   * and quota. Once incentive plans exist, this becomes a participant whose plan components use
   * the unit's figures.
   */
  deciderLeads: string | null;
  /** Who took the CX lead's step, when it has been taken. */
  cxLeadDecidedById: string | null;
  /** The amount above which an approver must approve too. */
  secondApprovalAbove: string;
}

/** A refusal: the HTTP status and the sentence that says why. */
export interface Refusal {
  status: 403 | 409;
  message: string;
}

/** The step a decision takes: the CX lead's (first) or the approver's (second). */
export type DecisionStep = 'CX_LEAD' | 'APPROVER';

const FINAL: Partial<Record<CxInvestmentStatus, string>> = {
  approved: 'already approved',
  rejected: 'already rejected',
  withdrawn: 'withdrawn by the person who proposed it',
};

/**
 * Whether this person may decide the investment now, and as which step; else why not. The rules:
 * only undecided investments are decided (409 otherwise); a CX lead takes the first step and an
 * approver the second; the proposer never decides their own, and the second step is taken by
 * someone other than the first (four eyes); and nobody decides an investment that would raise
 * their own pay (the leader of the unit or of a unit above it).
 */
export function decisionStep(
  investment: DecidedInvestment,
  decider: Decider,
): { step: DecisionStep } | { refusal: Refusal } {
  const final = FINAL[investment.status];
  if (final)
    return {
      refusal: { status: 409, message: `This CX investment is ${final}: there is nothing left to decide.` },
    };
  if (investment.proposedById === decider.id) {
    return {
      refusal: {
        status: 403,
        message:
          'You proposed this CX investment, so someone else must decide it: a CX lead, and an approver above the threshold (four eyes).',
      },
    };
  }
  if (investment.deciderLeads !== null)
    return { refusal: selfInterestRefusal(investment.unitName, investment.deciderLeads) };
  if (investment.status === 'proposed') {
    if (!decider.roles.includes('CX_LEAD')) {
      return {
        refusal: {
          status: 403,
          message: `A CX lead decides a proposed CX investment first; an approver decides after that, when the amount is above ${formatAmount(investment.secondApprovalAbove)}.`,
        },
      };
    }
    return { step: 'CX_LEAD' };
  }
  if (!decider.roles.includes('APPROVER')) {
    return {
      refusal: {
        status: 403,
        message:
          'This CX investment has the CX lead’s approval and now awaits an approver’s: only an APPROVER can decide it.',
      },
    };
  }
  if (investment.cxLeadDecidedById === decider.id) {
    return {
      refusal: {
        status: 403,
        message:
          'You approved this CX investment as CX lead, so a different person must give the second approval (four eyes).',
      },
    };
  }
  return { step: 'APPROVER' };
}

/**
 * The refusal for a decider who leads the investment's unit or a unit above it: they are scored
 * on its margin and quota, so the investment would raise their own pay.
 */
function selfInterestRefusal(unitName: string, ledUnitName: string): Refusal {
  const where = ledUnitName === unitName ? unitName : `${ledUnitName}, above ${unitName}`;
  return {
    status: 403,
    message:
      `You lead ${where}, so this CX investment would raise the margin or quota attainment your own pay is measured on: ` +
      'another CX lead or approver must decide it.',
  };
}

/** The status an investment takes after a decision at this step. */
export function statusAfter(
  step: DecisionStep,
  approve: boolean,
  needsSecondApproval: boolean,
): CxInvestmentStatus {
  if (!approve) return 'rejected';
  return step === 'CX_LEAD' && needsSecondApproval ? 'awaiting_second_approval' : 'approved';
}
