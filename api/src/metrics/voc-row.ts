import { isValidTimeZone, monthLabel, monthOfInstant } from '@lodestar/contracts';
import { isValidScore, scoreRange, SURVEYS, type Survey } from '@lodestar/cx-metrics';

/** A survey answer that passed validation, ready for the staging table. */
export interface StagedResponse {
  line: number;
  responseId: string;
  respondedAt: string;
  month: string;
  account: string | null;
  orgUnitId: string;
  survey: Survey;
  score: number;
  cause: string | null;
  comment: string | null;
}

export const REQUIRED_COLUMNS = ['response_id', 'responded_at', 'org_unit', 'survey', 'score'] as const;
export const OPTIONAL_COLUMNS = ['account', 'cause', 'comment'] as const;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The instant and the company-calendar month of an ISO date or date-time. A date, or a date-time
 * without an offset, is a local time of the company: its month is the one written. A date-time
 * with an offset is placed in the month of the company's time zone.
 */
export function parseRespondedAt(text: string, timeZone: string): { instant: string; month: string } | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  if (!offset) return { instant: `${y}-${mo}-${d}T${hh}:${mi}:${ss}Z`, month: monthLabel(year, month) };
  const instant = new Date(text.trim().replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return null;
  return { instant: instant.toISOString(), month: monthOfInstant(instant, isValidTimeZone(timeZone) ? timeZone : 'UTC') };
}

export interface RowContext {
  unitIds: ReadonlyMap<string, string>;
  timeZone: string;
}

const MAX_TEXT = 10_000;

/** Checks one answer; returns the staged row or the reason it is rejected. */
export function validateResponse(
  raw: Record<string, string | number | null | undefined>,
  line: number,
  context: RowContext,
): { row: StagedResponse } | { error: string } {
  const text = (name: string) => {
    const value = raw[name];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  const responseId = text('response_id');
  if (!responseId) return { error: 'response_id is empty' };
  if (responseId.length > 200) return { error: 'response_id is longer than 200 characters' };
  const surveyText = text('survey').toLowerCase();
  if (!(SURVEYS as readonly string[]).includes(surveyText)) {
    return { error: `survey "${text('survey')}" is not one of nps, csat, ces` };
  }
  const survey = surveyText as Survey;
  const scoreText = text('score');
  const score = Number(scoreText);
  if (scoreText === '' || !isValidScore(survey, score)) {
    const [min, max] = scoreRange(survey);
    return { error: `score "${scoreText}" is not a whole number from ${min} to ${max} for ${survey}` };
  }
  const unitKey = text('org_unit');
  const orgUnitId = context.unitIds.get(unitKey);
  if (!orgUnitId) return { error: unitKey ? `org_unit "${unitKey}" is not a unit key` : 'org_unit is empty' };
  const when = parseRespondedAt(text('responded_at'), context.timeZone);
  if (!when) return { error: `responded_at "${text('responded_at')}" is not an ISO date or date-time such as 2026-03-14 or 2026-03-14T09:30:00Z` };
  const comment = text('comment');
  const cause = text('cause');
  const account = text('account');
  if (comment.length > MAX_TEXT) return { error: `comment is longer than ${MAX_TEXT} characters` };
  if (cause.length > 200 || account.length > 200) return { error: 'cause and account must be at most 200 characters' };
  return {
    row: {
      line,
      responseId,
      respondedAt: when.instant,
      month: when.month,
      account: account || null,
      orgUnitId,
      survey,
      score,
      cause: cause || null,
      comment: comment || null,
    },
  };
}

/** One staged row in PostgreSQL's COPY text format. */
export function copyLine(row: StagedResponse): string {
  const field = (value: string | number | null) =>
    value === null
      ? '\\N'
      : String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  return `${[row.line, row.responseId, row.respondedAt, row.month, row.account, row.orgUnitId, row.survey, row.score, row.cause, row.comment]
    .map(field)
    .join('\t')}\n`;
}
