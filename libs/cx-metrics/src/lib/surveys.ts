/**
 * The three Voice-of-Customer survey types (SPEC §3 "VoC responses") and their answer scales.
 *
 * - `nps`: "How likely are you to recommend us?" 0–10.
 * - `csat`: satisfaction 1–5.
 * - `ces`: agreement that "it was easy" 1–7, 7 = very easy, so **higher is better**.
 */
export const SURVEYS = ['nps', 'csat', 'ces'] as const;

/** One of {@link SURVEYS}. */
export type Survey = (typeof SURVEYS)[number];

/** The inclusive integer range of a survey's answers, as `[min, max]`. */
export type ScoreRange = readonly [min: number, max: number];

const RANGES: Readonly<Record<Survey, ScoreRange>> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/**
 * Highest score of the "unhappy" band of each survey, whose answers feed the cause Pareto:
 * NPS 0–6 (detractors), CSAT 1–2, CES 1–3.
 */
const UNHAPPY_MAX: Readonly<Record<Survey, number>> = { nps: 6, csat: 2, ces: 3 };

/** True when `value` names a survey (`'nps'`, `'csat'` or `'ces'`, exactly). */
export function isSurvey(value: unknown): value is Survey {
  return typeof value === 'string' && (SURVEYS as readonly string[]).includes(value);
}

/** The inclusive score range `[min, max]` of a survey: nps `[0, 10]`, csat `[1, 5]`, ces `[1, 7]`. */
export function scoreRange(survey: Survey): ScoreRange {
  return RANGES[survey];
}

/** Number of possible answers of a survey, `max − min + 1`: 11 for nps, 5 for csat, 7 for ces. */
export function scoreCount(survey: Survey): number {
  const [min, max] = RANGES[survey];
  return max - min + 1;
}

/** True when `score` is an integer within the survey's range (`min ≤ score ≤ max`). */
export function isValidScore(survey: Survey, score: number): boolean {
  const [min, max] = RANGES[survey];
  return Number.isInteger(score) && score >= min && score <= max;
}

/**
 * Throws a `RangeError` naming the survey's range unless `score` is a valid answer
 * (see {@link isValidScore}).
 */
export function assertValidScore(survey: Survey, score: number): void {
  if (!isValidScore(survey, score)) {
    const [min, max] = RANGES[survey];
    throw new RangeError(`A ${survey} score is an integer from ${min} to ${max}; got ${String(score)}.`);
  }
}

/**
 * True when an answer is "unhappy" — the answers whose causes make the Pareto:
 * NPS 0–6, CSAT 1–2, CES 1–3 (i.e. `min ≤ score ≤ 6 | 2 | 3`).
 *
 * @throws RangeError when `score` is not a valid answer of the survey.
 */
export function isUnhappy(survey: Survey, score: number): boolean {
  assertValidScore(survey, score);
  return score <= UNHAPPY_MAX[survey];
}
