import { isUnhappy, Survey } from './surveys';

/** The cause name given to answers whose cause is missing, empty or blank. */
export const UNSPECIFIED_CAUSE = 'unspecified';

/** A cause category and how many answers name it. */
export interface CauseCount {
  readonly cause: string;
  readonly count: number;
}

/** One row of a cause Pareto. `share` and `cumulativeShare` are fractions in 0–1, not percent. */
export interface ParetoRow {
  readonly cause: string;
  readonly count: number;
  /** `count / total`, in 0–1. */
  readonly share: number;
  /** `(Σ count of this row and every row above it) / total`, in 0–1; exactly 1 on the last row. */
  readonly cumulativeShare: number;
}

/**
 * What {@link pareto} takes: a `{ cause: count }` record, or a list of `{ cause, count }` rows
 * (e.g. from `GROUP BY cause`; a `null`/`undefined` cause counts as {@link UNSPECIFIED_CAUSE}).
 */
export type ParetoInput =
  | Readonly<Record<string, number>>
  | ReadonlyArray<{ readonly cause: string | null | undefined; readonly count: number }>;

/**
 * Pareto of cause categories (SPEC §3 — normally over the unhappy answers, see
 * {@link unhappyCauseCounts}).
 *
 * - Cause names are trimmed; a missing, empty or blank cause becomes {@link UNSPECIFIED_CAUSE},
 *   and rows with the same (trimmed) name are merged by adding their counts.
 * - Causes with count 0 are left out; when the total is 0 the result is `[]`.
 * - Rows are sorted by count descending, then cause ascending (plain code-unit order, so the API
 *   and the browser agree regardless of locale).
 * - `share = count / total` and `cumulativeShare = (running Σ count) / total` are **fractions in
 *   0–1, not percentages**; the last row's `cumulativeShare` is exactly 1. Nothing is rounded.
 *
 * @throws RangeError when a count is not a non-negative integer.
 */
export function pareto(causeCounts: ParetoInput): ParetoRow[] {
  const entries: Array<readonly [string | null | undefined, number]> = isCauseList(causeCounts)
    ? causeCounts.map(({ cause, count }) => [cause, count] as const)
    : Object.entries(causeCounts);

  const merged = new Map<string, number>();
  let total = 0;
  for (const [cause, count] of entries) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(
        `Cause counts are non-negative integers; got ${String(count)} for "${String(cause)}".`,
      );
    }
    if (count === 0) continue;
    const name = causeName(cause);
    merged.set(name, (merged.get(name) ?? 0) + count);
    total += count;
  }
  if (total === 0) return [];

  const sorted = [...merged.entries()].sort(([causeA, countA], [causeB, countB]) =>
    countA !== countB ? countB - countA : causeA < causeB ? -1 : causeA > causeB ? 1 : 0,
  );
  let running = 0;
  return sorted.map(([cause, count]) => {
    running += count;
    return { cause, count, share: count / total, cumulativeShare: running / total };
  });
}

/**
 * Counts the causes of the unhappy answers of one survey (NPS 0–6, CSAT 1–2, CES 1–3; see
 * {@link isUnhappy}), ready for {@link pareto}. Causes are trimmed and a missing or blank cause
 * counts as {@link UNSPECIFIED_CAUSE}. Order: first appearance.
 *
 * @throws RangeError on a score that is not a valid answer of the survey.
 */
export function unhappyCauseCounts(
  survey: Survey,
  answers: Iterable<{ readonly score: number; readonly cause?: string | null }>,
): CauseCount[] {
  const counts = new Map<string, number>();
  for (const { score, cause } of answers) {
    if (!isUnhappy(survey, score)) continue;
    const name = causeName(cause);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].map(([cause, count]) => ({ cause, count }));
}

function isCauseList(
  input: ParetoInput,
): input is ReadonlyArray<{ readonly cause: string | null | undefined; readonly count: number }> {
  return Array.isArray(input);
}

function causeName(cause: string | null | undefined): string {
  const trimmed = (cause ?? '').trim();
  return trimmed === '' ? UNSPECIFIED_CAUSE : trimmed;
}
