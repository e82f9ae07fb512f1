import { CxResult } from './cx-result';

/**
 * Conservative score for ranking units on a CX leaderboard: the lower end of the 95 % interval,
 * `lowerBound = value − marginOfError` (in the value's own unit — NPS points, CSAT percent,
 * CES mean score; all three are higher-is-better). A small unit with a lucky streak therefore
 * does not outrank a large unit with a steady result.
 *
 * `null` when the result has an insufficient sample, or its value or margin is `null`
 * (n = 0; CES with n = 1). Not rounded.
 */
export function lowerBound(
  result: Pick<CxResult, 'value' | 'marginOfError' | 'insufficientSample'>,
): number | null {
  if (result.insufficientSample || result.value === null || result.marginOfError === null) return null;
  return result.value - result.marginOfError;
}
