import { checkAmount } from '../investments/money';

/** A participation as sent: JSON fields or a CSV line's cells (empty cells as null). */
export interface RawParticipant {
  user: unknown;
  orgUnit: unknown;
  annualTargetBonus: unknown;
  startDate: unknown;
  endDate: unknown;
}

/** How a request names the fields in messages: JSON names, or the CSV header's. */
export interface ParticipantFieldNames {
  user: string;
  orgUnit: string;
  annualTargetBonus: string;
  startDate: string;
  endDate: string;
}

export const JSON_FIELDS: ParticipantFieldNames = {
  user: 'user',
  orgUnit: 'orgUnit',
  annualTargetBonus: 'annualTargetBonus',
  startDate: 'startDate',
  endDate: 'endDate',
};

export const CSV_FIELDS: ParticipantFieldNames = {
  user: 'email',
  orgUnit: 'org_unit',
  annualTargetBonus: 'annual_target_bonus',
  startDate: 'start_date',
  endDate: 'end_date',
};

export interface ParticipantContext {
  /** Users by lower-case e-mail. */
  users: ReadonlyMap<string, { id: string; name: string }>;
  /** Org units by key. */
  units: ReadonlyMap<string, { id: string; name: string }>;
}

/** A participation that passed every check, ready to store. */
export interface CheckedParticipant {
  userId: string;
  email: string;
  orgUnitId: string;
  orgUnitKey: string;
  /** Two decimals: `30000.00`. */
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a list of participations: each person by e-mail and each unit by key exist, the annual
 * target bonus is 0 or more with at most 2 decimals, the dates are real ISO dates with the end on
 * or after the start, and a person listed twice has date ranges that do not overlap (a transfer
 * ends one participation and starts the next). Every problem of every row is named; `where` says
 * how to name another row (`participants[2]`, `line 3`).
 */
export function checkParticipants(
  items: readonly { ref: number; raw: RawParticipant }[],
  context: ParticipantContext,
  fields: ParticipantFieldNames,
  where: (ref: number) => string,
): { rows: CheckedParticipant[] } | { errors: { ref: number; message: string }[] } {
  const errors: { ref: number; message: string }[] = [];
  const rows: (CheckedParticipant & { ref: number })[] = [];
  for (const { ref, raw } of items) {
    const problems: string[] = [];
    const email = text(raw.user).toLowerCase();
    const user = context.users.get(email);
    if (!email) problems.push(`${fields.user} is empty: give the person's e-mail address`);
    else if (!user)
      problems.push(`${fields.user} "${email.slice(0, 320)}" is not the e-mail address of a user`);

    const unitKey = text(raw.orgUnit);
    const unit = context.units.get(unitKey);
    if (!unitKey) problems.push(`${fields.orgUnit} is empty: give the key of the unit whose results count`);
    else if (!unit)
      problems.push(
        `${fields.orgUnit} "${unitKey.slice(0, 100)}" is not an org unit key (GET /api/v1/org-units lists them)`,
      );

    let bonus: string | null = null;
    if (
      raw.annualTargetBonus === null ||
      raw.annualTargetBonus === undefined ||
      text(raw.annualTargetBonus) === ''
    ) {
      problems.push(`${fields.annualTargetBonus} is missing: give the annual target bonus, such as 30000.00`);
    } else {
      const amount = checkAmount(fields.annualTargetBonus, raw.annualTargetBonus, false);
      if ('problem' in amount) problems.push(amount.problem);
      else bonus = amount.amount;
    }

    const start = text(raw.startDate);
    const end = text(raw.endDate);
    if (!isIsoDate(start)) {
      problems.push(
        start
          ? `${fields.startDate} "${start.slice(0, 20)}" is not an ISO date such as 2026-10-01`
          : `${fields.startDate} is missing: give the first day in the plan, such as 2026-10-01`,
      );
    }
    if (end && !isIsoDate(end))
      problems.push(
        `${fields.endDate} "${end.slice(0, 20)}" is not an ISO date such as 2027-09-30 (leave it empty for no end)`,
      );
    if (isIsoDate(start) && end && isIsoDate(end) && end < start) {
      problems.push(`${fields.endDate} ${end} is before ${fields.startDate} ${start}`);
    }
    if (problems.length || !user || !unit || bonus === null) {
      errors.push({ ref, message: problems.join('; ') });
      continue;
    }
    const row = {
      ref,
      userId: user.id,
      email,
      orgUnitId: unit.id,
      orgUnitKey: unitKey,
      annualTargetBonus: bonus,
      startDate: start,
      endDate: end || null,
    };
    const overlapping = rows.find((other) => other.userId === row.userId && overlaps(other, row));
    if (overlapping) {
      errors.push({
        ref,
        message: `${email} is already in the plan from ${overlapping.startDate} to ${overlapping.endDate ?? 'no end date'} (${where(overlapping.ref)}): a second participation of the same person must not overlap it (a transfer ends one and starts the next)`,
      });
      continue;
    }
    rows.push(row);
  }
  if (errors.length) return { errors: errors.sort((a, b) => a.ref - b.ref) };
  return {
    rows: rows.map((row) => ({
      userId: row.userId,
      email: row.email,
      orgUnitId: row.orgUnitId,
      orgUnitKey: row.orgUnitKey,
      annualTargetBonus: row.annualTargetBonus,
      startDate: row.startDate,
      endDate: row.endDate,
    })),
  };
}

/** Whether two inclusive date ranges (an open end runs on forever) share a day. */
export function overlaps(
  a: { startDate: string; endDate: string | null },
  b: { startDate: string; endDate: string | null },
): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}
