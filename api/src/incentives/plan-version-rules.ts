import { parsePeriod, type PlanVersionStatus, type Role, quartersBetween } from '@lodestar/contracts';

/**
 * Who may do what to a plan version, and which status it takes: pure rules, so they are tested
 * without a database and read in one place.
 *
 *   DRAFT --submit (HR)--> IN_REVIEW --approve (APPROVER)--> APPROVED --publish (HR)--> PUBLISHED
 *                          IN_REVIEW --reject (APPROVER, with a reason)--> DRAFT
 *
 * Only drafts are edited or deleted; a published version never changes (a change is a new
 * version). The approver or rejecter is neither the version's author nor one of its participants
 * (four eyes, and nobody decides their own pay).
 */

export interface VersionActor {
  id: string;
  roles: readonly Role[];
}

/** A version as far as these rules are concerned. */
export interface RuledVersion {
  number: number;
  status: PlanVersionStatus;
  authorId: string;
  /** The users among its participants (a transfer lists one person twice). */
  participantUserIds: readonly string[];
}

/** A refusal: the HTTP status, the sentence that says why, and the individual reasons when there are several. */
export interface Refusal {
  status: 403 | 409 | 412 | 422 | 428;
  message: string;
  errors?: string[];
}

export type Decision = 'approve' | 'reject';

const STATUS_WORDS: Record<PlanVersionStatus, string> = {
  DRAFT: 'DRAFT',
  IN_REVIEW: 'IN_REVIEW',
  APPROVED: 'APPROVED',
  PUBLISHED: 'PUBLISHED',
};

function conflict(message: string): Refusal {
  return { status: 409, message };
}

function forbidden(message: string): Refusal {
  return { status: 403, message };
}

/** Why a version cannot be edited (rules, notes, effective-from, participants); null for a draft. */
export function editRefusal(version: Pick<RuledVersion, 'number' | 'status'>): Refusal | null {
  if (version.status === 'DRAFT') return null;
  return conflict(
    `Version ${version.number} is ${STATUS_WORDS[version.status]}: only drafts can be edited; create a new version instead.`,
  );
}

/** Why a version cannot be deleted; null for a draft. */
export function deleteRefusal(version: Pick<RuledVersion, 'number' | 'status'>): Refusal | null {
  if (version.status === 'DRAFT') return null;
  return conflict(
    `Version ${version.number} is ${STATUS_WORDS[version.status]}: only drafts can be deleted${
      version.status === 'PUBLISHED' ? '; a published version stays on record' : ''
    }.`,
  );
}

/**
 * The revision an `If-Match` header names, checked against the current one: a write to a draft
 * needs it (428 without it) and it must be current (412 otherwise). Accepts `"7"`, `W/"7"` and
 * `7`, and a list of them.
 */
export function revisionRefusal(ifMatch: string | undefined, current: number): Refusal | null {
  const given = (ifMatch ?? '').trim();
  if (!given) {
    return {
      status: 428,
      message: `This change needs an If-Match header with the version's ETag (now "${current}"), so it never overwrites a change you have not seen: read the version, then send If-Match: "${current}".`,
    };
  }
  const revisions = given
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((tag) => /^\d{1,9}$/.test(tag))
    .map(Number);
  if (!revisions.length) {
    return {
      status: 428,
      message: `If-Match must be the version's ETag, such as "${current}", not ${given.slice(0, 40)}: read the version and send the ETag it came with.`,
    };
  }
  if (revisions.includes(current)) return null;
  return staleRefusal(current);
}

/** The sentence for a write that lost to another (the revision moved on). */
export function staleRefusal(current: number): Refusal {
  return {
    status: 412,
    message: `This version was changed by someone else (now revision ${current}); reload it and apply your change again.`,
  };
}

/**
 * Whether HR may submit a draft for review now. `problems` are the rules' problems
 * (`rulesProblems`); a version without participants cannot be submitted either.
 */
export function submitCheck(
  version: RuledVersion,
  actor: VersionActor,
  problems: readonly string[],
): { to: 'IN_REVIEW' } | { refusal: Refusal } {
  if (!actor.roles.includes('HR'))
    return { refusal: forbidden('Only HR submits a plan version for review.') };
  if (version.status !== 'DRAFT') {
    return {
      refusal: conflict(
        `Version ${version.number} is ${STATUS_WORDS[version.status]}: only a draft can be submitted for review.`,
      ),
    };
  }
  const reasons = [...problems];
  if (!version.participantUserIds.length) {
    reasons.push('The version has no participants: add them (or import a CSV) before submitting.');
  }
  if (reasons.length) {
    return {
      refusal: {
        status: 422,
        message: `Version ${version.number} cannot be submitted yet: ${reasons.join(' ')}`,
        errors: reasons,
      },
    };
  }
  return { to: 'IN_REVIEW' };
}

/**
 * Whether this person may approve or reject the version now: it is in review (409 otherwise),
 * they are an APPROVER, they did not write it and they are not one of its participants (403).
 */
export function decisionCheck(
  decision: Decision,
  version: RuledVersion,
  actor: VersionActor,
): { to: 'APPROVED' | 'DRAFT' } | { refusal: Refusal } {
  const verb = decision === 'approve' ? 'approve' : 'reject';
  if (!actor.roles.includes('APPROVER')) {
    return { refusal: forbidden(`Only an APPROVER can ${verb} a plan version.`) };
  }
  if (version.status !== 'IN_REVIEW') {
    const why =
      version.status === 'DRAFT'
        ? `Version ${version.number} is a DRAFT: only a version in review can be ${verb}d; HR submits it first.`
        : `Version ${version.number} is already ${STATUS_WORDS[version.status]}: only a version in review can be ${verb}d.`;
    return { refusal: conflict(why) };
  }
  if (version.authorId === actor.id) {
    return { refusal: forbidden(`You wrote this version: another approver must ${verb} it.`) };
  }
  if (version.participantUserIds.includes(actor.id)) {
    return {
      refusal: forbidden(
        decision === 'approve'
          ? 'You are a participant of this version, so you cannot approve your own pay.'
          : 'You are a participant of this version, so you cannot decide on your own pay: another approver must reject it.',
      ),
    };
  }
  return { to: decision === 'approve' ? 'APPROVED' : 'DRAFT' };
}

/**
 * Whether HR may publish the version now: it is approved, and no statement period at or after its
 * effective-from is closed yet (its statements are locked snapshots that pay must not move under).
 * `closedPeriods` are the closed (or released) quarters.
 */
export function publishCheck(
  version: RuledVersion & { effectiveFrom: string },
  actor: VersionActor,
  closedPeriods: readonly string[],
): { to: 'PUBLISHED' } | { refusal: Refusal } {
  if (!actor.roles.includes('HR')) return { refusal: forbidden('Only HR publishes a plan version.') };
  if (version.status !== 'APPROVED') {
    const why =
      version.status === 'PUBLISHED'
        ? `Version ${version.number} is already published.`
        : `Version ${version.number} is ${STATUS_WORDS[version.status]}: only an approved version can be published${
            version.status === 'IN_REVIEW'
              ? '; an approver must approve it first'
              : '; submit it and have it approved first'
          }.`;
    return { refusal: conflict(why) };
  }
  const closed = closedAtOrAfter(version.effectiveFrom, closedPeriods);
  if (closed.length) {
    const names = closed.length === 1 ? `${closed[0]} is` : `${listed(closed)} are`;
    return { refusal: conflict(`${names} closed: publish with a later effective-from.`) };
  }
  return { to: 'PUBLISHED' };
}

/**
 * Whether someone may read the version: HR and APPROVER always; anyone else (an EXECUTIVE) only a
 * published version they are a participant of.
 */
export function readRefusal(version: RuledVersion, actor: VersionActor): Refusal | null {
  if (actor.roles.includes('HR') || actor.roles.includes('APPROVER')) return null;
  if (version.status === 'PUBLISHED' && version.participantUserIds.includes(actor.id)) return null;
  return forbidden(
    version.status === 'PUBLISHED'
      ? `You are not a participant of version ${version.number}: only its participants, HR and approvers can read it.`
      : `Version ${version.number} is not published yet: until then only HR and approvers can read it.`,
  );
}

/** Whether someone may acknowledge the version: a participant of a published version. */
export function acknowledgeRefusal(version: RuledVersion, actor: VersionActor): Refusal | null {
  if (!version.participantUserIds.includes(actor.id)) {
    return forbidden(
      `You are not a participant of version ${version.number}, so there is nothing for you to acknowledge.`,
    );
  }
  if (version.status !== 'PUBLISHED') {
    return conflict(
      `Version ${version.number} is ${STATUS_WORDS[version.status]}: a version is acknowledged once it is published.`,
    );
  }
  return null;
}

/** Orders quarter labels: negative when `a` comes before `b`. */
export function compareQuarters(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.kind !== 'quarter' || pb.kind !== 'quarter') throw new RangeError(`${a} and ${b} must be quarters.`);
  return pa.fiscalYear - pb.fiscalYear || pa.quarter - pb.quarter;
}

/** The quarters among `periods` at or after `from`, in order. */
export function closedAtOrAfter(from: string, periods: readonly string[]): string[] {
  return periods.filter((period) => compareQuarters(period, from) >= 0).sort(compareQuarters);
}

/** The quarters a version applies to: from its effective-from to the end of that fiscal year. */
export function quartersOf(effectiveFrom: string): string[] {
  const period = parsePeriod(effectiveFrom);
  if (period.kind !== 'quarter') throw new RangeError(`${effectiveFrom} is not a quarter.`);
  return quartersBetween(effectiveFrom, `FY${period.fiscalYear}-Q4`);
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
