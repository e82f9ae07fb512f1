import { CxIndexComponent, CxIndexResult } from '@lodestar/contracts';

/** Weights and shares are compared with this tolerance, so 33.33 + 33.33 + 33.34 is 100. */
const TOLERANCE = 1e-9;

/** The index is insufficient when less than this percent of its weight has a score; exactly 50 suffices. */
export const CX_INDEX_MINIMUM_WEIGHT_USED = 50;

/** One CX metric of a unit's index: its weight (percent) and its score on its band. */
export interface CxIndexInput {
  readonly metric: string;
  readonly weight: number;
  /** The metric's score on its band (0…200), null when it has no value or no target. */
  readonly score: number | null;
  readonly insufficientSample: boolean;
  readonly hasTarget: boolean;
}

/**
 * Why a unit's CX index weights cannot be saved, as a sentence; `null` when they are fine: every
 * weight a finite number of at least 0, each metric weighted once, and the weights adding up to
 * exactly 100 % (within 1e-9).
 */
export function weightsProblem(
  weights: readonly { readonly metric: string; readonly weight: number }[],
): string | null {
  if (!weights.length)
    return 'the index needs at least one weighted metric; the weights must add up to 100 %';
  const seen = new Set<string>();
  let total = 0;
  for (const { metric, weight } of weights) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      return `the weight of ${metric} must be a number, not ${String(weight)}`;
    }
    if (weight < 0) return `the weight of ${metric} must not be negative (${weight} %)`;
    if (seen.has(metric)) return `${metric} is weighted more than once; give each metric one weight`;
    seen.add(metric);
    total += weight;
  }
  if (Math.abs(total - 100) > TOLERANCE) {
    return `the weights add up to ${percentText(total)} %, not 100 %`;
  }
  return null;
}

/**
 * A unit's CX index: the weighted mean of its CX metrics' scores (SPEC §3 "CX index"), so its own
 * threshold, target and stretch are 50, 100 and 150.
 *
 * A component is left out when its sample is insufficient, it has no target, or it has no score
 * — checked in that order, so a metric without a target is reported as such even though its score
 * is then missing too. The weights of the rest are renormalised to 100 (`effectiveWeight`) and
 * `value = Σ effectiveWeight × score ÷ 100`. `weightUsed` is the sum of the included weights; below
 * 50 % the index is insufficient and its value `null` (exactly 50 % suffices). `note` says in one
 * sentence what was left out and why, by metric key, or is `null` when nothing was.
 *
 * Weights 40 / 30 / 30 with the third insufficient: effective weights 57.14 (4/7) and 42.86 (3/7).
 *
 * @throws Error when the weights are not valid (see {@link weightsProblem}).
 */
export function cxIndex(components: readonly CxIndexInput[]): CxIndexResult {
  const problem = weightsProblem(components);
  if (problem) throw new Error(`The CX index weights are not valid: ${problem}.`);

  const reasoned = components.map((component) => ({ component, reason: exclusionReason(component) }));
  const weightUsed = clean(
    reasoned.reduce((total, { component, reason }) => (reason ? total : total + component.weight), 0),
  );
  const insufficient = weightUsed < CX_INDEX_MINIMUM_WEIGHT_USED - TOLERANCE;

  const result: CxIndexComponent[] = reasoned.map(({ component, reason }) => ({
    metric: component.metric,
    weight: component.weight,
    // An insufficient sample keeps its score for display; without a target there is no score.
    score: reason === 'no-target' || !isScore(component.score) ? null : component.score,
    excluded: reason !== null,
    reason,
    effectiveWeight: reason || weightUsed === 0 ? 0 : (component.weight * 100) / weightUsed,
  }));

  const value = insufficient
    ? null
    : result.reduce(
        (total, part) => (part.excluded ? total : total + (part.effectiveWeight * (part.score ?? 0)) / 100),
        0,
      );

  return {
    value,
    weightUsed,
    insufficient,
    components: result,
    note: note(result, weightUsed, insufficient),
  };
}

const REASON_TEXT: Record<NonNullable<CxIndexComponent['reason']>, string> = {
  'insufficient-sample': 'insufficient sample',
  'no-target': 'no target',
  'no-value': 'no value',
};

function exclusionReason(component: CxIndexInput): CxIndexComponent['reason'] {
  if (component.insufficientSample) return 'insufficient-sample';
  if (!component.hasTarget) return 'no-target';
  if (!isScore(component.score)) return 'no-value';
  return null;
}

function isScore(score: number | null): score is number {
  return typeof score === 'number' && Number.isFinite(score);
}

/** "ces (insufficient sample) and retention (no target) left out; weights renormalised over 60 %." */
function note(
  components: readonly CxIndexComponent[],
  weightUsed: number,
  insufficient: boolean,
): string | null {
  const left = components
    .filter((part) => part.reason)
    .map((part) => `${part.metric} (${REASON_TEXT[part.reason ?? 'no-value']})`);
  if (!left.length) return null;
  const names = left.length === 1 ? left[0] : `${left.slice(0, -1).join(', ')} and ${left[left.length - 1]}`;
  const outcome = !insufficient
    ? `weights renormalised over ${percentText(weightUsed)} %`
    : weightUsed === 0
      ? 'no weight is left, so the index is insufficient'
      : `only ${percentText(weightUsed)} % of the weight is left, less than half, so the index is insufficient`;
  return `${names} left out; ${outcome}.`;
}

/** Rounds away binary noise (70.00000000000001 → 70) without touching real decimals. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** At most two decimals, no trailing zeros: 80, 57.14. */
function percentText(value: number): string {
  return String(Number(value.toFixed(2)));
}
