import { quartersBetween, quartersOfYear } from '@lodestar/contracts';
import type { AwardTier, NominationStatus, RecognitionSettings } from '@lodestar/contracts';

/** A refusal: the HTTP status and the sentence that names the rule. */
export interface Refusal {
  status: 403 | 409 | 422;
  message: string;
}

/**
 * How a unit stands to a person. A person "belongs" to their own unit, to every unit above it
 * (its members include them) and to every unit below it (those teams are part of their unit), and
 * in the same way to each unit they lead. `anchor` is the unit of theirs the relation runs through.
 */
export interface UnitRelation {
  anchor: string;
  via: 'member' | 'leader';
  /** The other unit is the anchor itself, above it or below it. */
  position: 'same' | 'above' | 'below';
}

function relationPhrase(unitName: string, relation: UnitRelation): string {
  const yours =
    relation.via === 'member' ? `your unit ${relation.anchor}` : `${relation.anchor}, which you lead`;
  if (relation.position === 'same')
    return relation.via === 'member' ? `${unitName} is your own unit` : `you lead ${unitName}`;
  return relation.position === 'above' ? `${unitName} is above ${yours}` : `${unitName} is part of ${yours}`;
}

/** What the rules of sending a nomination need to know. */
export interface NominationFacts {
  nominatorId: string;
  nominee: { kind: 'PERSON'; userId: string } | { kind: 'TEAM'; unitName: string };
  /** For a team: how the team stands to the nominator, or null when unrelated. */
  teamRelation: UnitRelation | null;
  quarter: string;
  sentThisQuarter: number;
  sentToNomineeThisQuarter: number;
  nomineeName: string;
  settings: Pick<RecognitionSettings, 'maxPerNominatorPerQuarter' | 'maxPerNomineePerQuarter'>;
}

/**
 * Whether a nomination may be sent; else the rule it breaks. No self-nomination; no nominating a
 * team one belongs to (see `UnitRelation`); at most N per nominator and M for the same nominee per
 * fiscal quarter.
 */
export function nominationRefusal(facts: NominationFacts): Refusal | null {
  const { nominee, settings } = facts;
  if (nominee.kind === 'PERSON' && nominee.userId === facts.nominatorId) {
    return {
      status: 422,
      message: 'You cannot nominate yourself: a nomination recognises what someone else did for a customer.',
    };
  }
  if (nominee.kind === 'TEAM' && facts.teamRelation) {
    return {
      status: 422,
      message:
        `You cannot nominate a team you belong to: ${relationPhrase(nominee.unitName, facts.teamRelation)}. ` +
        'Nominate a person in it, or ask someone outside it to nominate the team.',
    };
  }
  if (facts.sentThisQuarter >= settings.maxPerNominatorPerQuarter) {
    return {
      status: 409,
      message: `You have sent ${facts.sentThisQuarter} nominations in ${facts.quarter}, the most one person may send in a quarter (${settings.maxPerNominatorPerQuarter}).`,
    };
  }
  if (facts.sentToNomineeThisQuarter >= settings.maxPerNomineePerQuarter) {
    return {
      status: 409,
      message: `You have nominated ${facts.nomineeName} ${facts.sentToNomineeThisQuarter} times in ${facts.quarter}, the most for the same nominee in a quarter (${settings.maxPerNomineePerQuarter}).`,
    };
  }
  return null;
}

/** What the rules of a reviewer's decision need to know. */
export interface DecisionFacts {
  status: NominationStatus;
  nominatorId: string;
  deciderId: string;
  nomineeUnitName: string;
  /** How the nominee's unit (the team, or the person's unit) stands to the reviewer. */
  nomineeRelation: UnitRelation | null;
  /** Who gave the first approval, while a second one is awaited. */
  firstApproverId: string | null;
}

/**
 * Whether this reviewer may decide the nomination now; else the rule. Only open nominations are
 * decided; never one's own; never one whose nominee's unit they belong to or lead, or any unit
 * above or below it; the second approval is given by a different reviewer.
 */
export function decisionRefusal(facts: DecisionFacts): Refusal | null {
  if (facts.status === 'AWARDED' || facts.status === 'REJECTED') {
    return {
      status: 409,
      message: `This nomination is already ${facts.status === 'AWARDED' ? 'awarded' : 'rejected'}: there is nothing left to decide.`,
    };
  }
  if (facts.nominatorId === facts.deciderId) {
    return {
      status: 403,
      message: 'You sent this nomination, so another reviewer must decide it.',
    };
  }
  if (facts.nomineeRelation) {
    return {
      status: 403,
      message:
        `You cannot decide a nomination for your own part of the company: ${relationPhrase(facts.nomineeUnitName, facts.nomineeRelation)}. ` +
        'Another reviewer must decide it.',
    };
  }
  if (facts.status === 'AWAITING_SECOND_APPROVAL' && facts.firstApproverId === facts.deciderId) {
    return {
      status: 403,
      message:
        'You gave this award its first approval, so a different reviewer must give the second (four eyes).',
    };
  }
  return null;
}

export function tierOf(tiers: readonly AwardTier[], key: string): AwardTier | undefined {
  return tiers.find((tier) => tier.key === key);
}

/** Whether a tier needs a second approval: its points are at or above the second-approval tier's. */
export function needsSecondApproval(
  settings: Pick<RecognitionSettings, 'tiers' | 'secondApprovalFromTier'>,
  tier: AwardTier,
): boolean {
  const from = tierOf(settings.tiers, settings.secondApprovalFromTier);
  return from !== undefined && tier.points >= from.points;
}

/** The status after an approval or rejection at this point. */
export function statusAfter(
  current: NominationStatus,
  approve: boolean,
  secondNeeded: boolean,
): NominationStatus {
  if (!approve) return 'REJECTED';
  if (current === 'PENDING' && secondNeeded) return 'AWAITING_SECOND_APPROVAL';
  return 'AWARDED';
}

/**
 * Refuses an award that would take the unit past its quarterly budget; exactly at the budget is
 * allowed. `used` counts awards and awards awaiting a second approval, not this nomination.
 */
export function budgetRefusal(
  unitName: string,
  quarter: string,
  budget: number,
  used: number,
  points: number,
): Refusal | null {
  if (used + points <= budget) return null;
  const left = Math.max(budget - used, 0);
  return {
    status: 409,
    message:
      `Awarding ${points} points would take ${unitName} past its recognition budget of ${budget} points for ${quarter}: ` +
      `${left} ${left === 1 ? 'point is' : 'points are'} left. Choose a lower tier, or a CX lead can raise the budget.`,
  };
}

/** Checks the settings as a whole; returns the problem or null. */
export function settingsProblem(settings: RecognitionSettings): string | null {
  const keys = new Set<string>();
  for (const tier of settings.tiers) {
    if (keys.has(tier.key)) return `tiers: the key ${tier.key} appears twice; each tier needs its own key.`;
    keys.add(tier.key);
  }
  if (!keys.has(settings.secondApprovalFromTier)) {
    return `secondApprovalFromTier must be the key of one of the tiers (${[...keys].join(', ')}).`;
  }
  return null;
}

/** PREVENTION awards ÷ all awards; null without awards. */
export function preventionShare(categories: readonly string[]): number | null {
  if (!categories.length) return null;
  return categories.filter((category) => category === 'PREVENTION').length / categories.length;
}

/**
 * The share of all points held by the top 10 % of recipients (rounded up, at least one);
 * null without points.
 */
export function topTenPercentShare(pointsPerRecipient: readonly number[]): number | null {
  const total = pointsPerRecipient.reduce((sum, points) => sum + points, 0);
  if (!pointsPerRecipient.length || total === 0) return null;
  const sorted = [...pointsPerRecipient].sort((a, b) => b - a);
  const top = Math.max(1, Math.ceil(sorted.length / 10));
  return sorted.slice(0, top).reduce((sum, points) => sum + points, 0) / total;
}

export interface SentNomination {
  nominatorId: string;
  nomineeKey: string;
}

/** At least this many nominations before a nominator's pattern is judged. */
export const CONCENTRATION_MIN_NOMINATIONS = 3;

/**
 * Nominators who sent more than half of their nominations (at least three) to the same nominee,
 * with that nominee, the counts and the share; most concentrated first.
 */
export function concentrationFlags(
  sent: readonly SentNomination[],
): { nominatorId: string; nomineeKey: string; nominations: number; toNominee: number; share: number }[] {
  const byNominator = new Map<string, Map<string, number>>();
  for (const { nominatorId, nomineeKey } of sent) {
    const counts = byNominator.get(nominatorId) ?? new Map<string, number>();
    counts.set(nomineeKey, (counts.get(nomineeKey) ?? 0) + 1);
    byNominator.set(nominatorId, counts);
  }
  const flags = [];
  for (const [nominatorId, counts] of byNominator) {
    const nominations = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (nominations < CONCENTRATION_MIN_NOMINATIONS) continue;
    const [nomineeKey, toNominee] = [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0];
    if (toNominee * 2 > nominations) {
      flags.push({ nominatorId, nomineeKey, nominations, toNominee, share: toNominee / nominations });
    }
  }
  return flags.sort(
    (a, b) =>
      b.share - a.share || b.nominations - a.nominations || a.nominatorId.localeCompare(b.nominatorId),
  );
}

/** The fiscal quarters of a quarter or fiscal year label. */
export function quartersOf(period: string): string[] {
  const year = /^FY(\d{4})$/.exec(period);
  return year ? quartersOfYear(Number(year[1])) : quartersBetween(period, period);
}

/** Standard competition ranking: equal points share a rank, and the next rank skips (1, 1, 3). */
export function ranked<T extends { points: number }>(rows: readonly T[]): (T & { rank: number })[] {
  return rows.map((row) => ({
    ...row,
    rank: rows.findIndex((other) => other.points === row.points) + 1,
  }));
}
