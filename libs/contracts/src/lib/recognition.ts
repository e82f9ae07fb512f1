/**
 * The recognition programme: anyone nominates a person or a team for what they did for a
 * customer; a panel of reviewers awards points within each unit's quarterly budget. Quarters are
 * fiscal quarters (`FY2027-Q1`) of the company calendar: a nomination belongs to the quarter in
 * which it was sent, and its award counts in that quarter.
 */

export const NOMINATION_CATEGORIES = ['PREVENTION', 'RECOVERY', 'COLLABORATION'] as const;
export type NominationCategory = (typeof NOMINATION_CATEGORIES)[number];

/** One line each, for the nominate form and the feed. */
export const NOMINATION_CATEGORY_LABELS: Record<NominationCategory, string> = {
  PREVENTION: 'Stopped dissatisfaction before the customer felt it.',
  RECOVERY: 'Rescued a customer who had already felt it.',
  COLLABORATION: 'Worked across functions for a customer.',
};

/**
 * `PENDING` → `AWARDED` or `REJECTED`; an award at or above the second-approval tier waits in
 * `AWAITING_SECOND_APPROVAL` until a different reviewer approves it too (or rejects it).
 */
export const NOMINATION_STATUSES = ['PENDING', 'AWAITING_SECOND_APPROVAL', 'AWARDED', 'REJECTED'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const MAX_STORY_LENGTH = 4000;

/** Who is nominated: a person by user id, or a team by org unit key. */
export type NomineeInput = { kind: 'PERSON'; userId: string } | { kind: 'TEAM'; orgUnit: string };

/** A nominee as sent back: the person's or team's name, and the unit whose budget pays the award. */
export interface Nominee {
  kind: 'PERSON' | 'TEAM';
  /** The person's user id; null for a team. */
  userId: string | null;
  name: string;
  /** The team, or the person's unit: the unit whose budget pays the award. */
  orgUnit: string;
  orgUnitName: string;
}

/** Optional evidence: VoC response ids, a metric key, a customer account. */
export interface NominationEvidence {
  vocResponseIds: string[];
  metric: string | null;
  account: string | null;
}

/** `POST /api/v1/nominations` (header `Idempotency-Key` optional). */
export interface NominationInput {
  nominee: NomineeInput;
  category: NominationCategory;
  /** Company value tag keys (`GET /api/v1/recognition/tags`). */
  tags?: string[];
  /** Plain text, at most 4,000 characters; stored and returned exactly as written. */
  story: string;
  evidence?: Partial<NominationEvidence>;
}

/** `POST /api/v1/nominations/:id/decision` */
export interface NominationDecisionInput {
  approve: boolean;
  /** The award tier's key, required when approving. */
  tier?: string | null;
  /** Required when rejecting. */
  reason?: string | null;
}

export interface NominationDecision {
  by: { id: string; name: string };
  approve: boolean;
  tier: string | null;
  reason: string | null;
  at: string;
}

export interface Nomination {
  id: string;
  nominator: { id: string; name: string };
  nominee: Nominee;
  category: NominationCategory;
  tags: string[];
  story: string;
  evidence: NominationEvidence;
  /** The fiscal quarter it was sent in, e.g. `FY2027-Q1`. */
  quarter: string;
  status: NominationStatus;
  /** The tier chosen by the first approval; null until then. */
  tier: string | null;
  points: number | null;
  submittedAt: string;
  awardedAt: string | null;
  decisions: NominationDecision[];
}

/** A nomination in the review queue, with what is left of the nominee unit's budget for its quarter. */
export interface QueuedNomination extends Nomination {
  budgetLeft: number;
}

export interface AwardTier {
  /** e.g. `GOLD` */
  key: string;
  name: string;
  points: number;
}

/** `GET/PUT /api/v1/recognition/settings` (CX_LEAD writes). */
export interface RecognitionSettings {
  maxPerNominatorPerQuarter: number;
  maxPerNomineePerQuarter: number;
  tiers: AwardTier[];
  /** Tiers with at least this tier's points need a second, different reviewer. */
  secondApprovalFromTier: string;
  /** Points a unit may award in a quarter when no budget is set for it. */
  defaultQuarterBudget: number;
}

/** `GET/PUT /api/v1/recognition/budgets`: a unit's points for a fiscal quarter. */
export interface RecognitionBudget {
  orgUnit: string;
  orgUnitName: string;
  quarter: string;
  points: number;
  /** Awarded and awaiting a second approval. */
  used: number;
  left: number;
  /** True when set for the unit, false when the default applies. */
  own: boolean;
}

export interface RecognitionBudgetInput {
  orgUnit: string;
  quarter: string;
  points: number;
}

/** A company value that nominations are tagged with (an admin-managed list). */
export interface CompanyValueTag {
  key: string;
  name: string;
}

/** An awarded nomination in the feed, newest first. */
export interface FeedItem {
  id: string;
  nominator: { id: string; name: string };
  nominee: Nominee;
  category: NominationCategory;
  tags: string[];
  story: string;
  tier: string;
  points: number;
  quarter: string;
  awardedAt: string;
}

export interface LeaderboardRow {
  rank: number;
  /** A user id for people, an org unit key for units. */
  key: string;
  name: string;
  points: number;
  awards: number;
}

/**
 * `GET /api/v1/recognition/leaderboard?period=`: points awarded in a fiscal quarter or year.
 * People: awards to them by name. Units: awards to the team plus awards to people whose unit it is.
 */
export interface Leaderboard {
  period: string;
  people: LeaderboardRow[];
  units: LeaderboardRow[];
}

export interface UnitBudgetUse {
  orgUnit: string;
  orgUnitName: string;
  budget: number;
  used: number;
}

export interface QuarterAnalytics {
  quarter: string;
  awards: number;
  points: number;
  /** PREVENTION awards ÷ all awards, 0 to 1; null without awards. */
  preventionShare: number | null;
  byCategory: Record<NominationCategory, number>;
  budgetUse: UnitBudgetUse[];
  /** Units with an award (as a team or through a person in it) ÷ all units. */
  unitsRecognisedShare: number;
  /** People recognised (by name or as a member of an awarded team) ÷ active people. */
  peopleRecognisedShare: number;
  /** Share of the quarter's points held by the top 10 % of recipients (at least one); null without awards. */
  topTenPercentShare: number | null;
}

/** A nominator who sends most of their nominations to the same nominee. */
export interface NominationConcentrationFlag {
  nominator: { id: string; name: string };
  nominee: { kind: 'PERSON' | 'TEAM'; key: string; name: string };
  nominations: number;
  toNominee: number;
  share: number;
}

/** `GET /api/v1/recognition/analytics?from=&to=` (CX_LEAD, HR, EXECUTIVE). */
export interface RecognitionAnalytics {
  from: string;
  to: string;
  quarters: QuarterAnalytics[];
  flags: NominationConcentrationFlag[];
}

export const INBOX_MESSAGE_KINDS = [
  'NOMINATION_AWARDED',
  'NOMINATION_REJECTED',
  'NOMINATION_AWAITING_SECOND_APPROVAL',
] as const;
export type InboxMessageKind = (typeof INBOX_MESSAGE_KINDS)[number];

/** `GET /api/v1/inbox`: the signed-in person's messages, newest first. */
export interface InboxMessage {
  id: string;
  kind: InboxMessageKind;
  nominationId: string | null;
  text: string;
  at: string;
}
