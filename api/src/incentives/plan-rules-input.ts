import {
  type CurveSpec,
  type MetricDirection,
  type PayoutPoint,
  type PlanComponent,
  type PlanGate,
  type PlanMultiplier,
  type PlanRules,
} from '@lodestar/contracts';
import { parseDecimal } from '@lodestar/cx-metrics';
import { rulesProblems } from '@lodestar/incentives';
import type { PayoutPointDto, PlanRulesDto, PointsCurveDto, TargetsCurveDto } from './dto/plan-rules.dto';

/**
 * Rules as sent (decimals as strings or JSON numbers) turned into rules as stored: every decimal
 * a canonical string (`0.1` → `"0.1"`, `" 60 "` → `"60"`). A value that is not a plain decimal
 * is named with its path (`components[1].weight "abc" is not a decimal number`). Whether the rules
 * make sense is `rulesProblems`' question, asked after this.
 */
export function normalizeRules(input: PlanRulesDto): { rules: PlanRules } | { problems: string[] } {
  const problems: string[] = [];
  const decimal = (path: string, value: unknown): string => {
    const text = parseDecimal(value);
    if (text === null) {
      problems.push(
        `${path} ${typeof value === 'string' ? `"${value.slice(0, 60)}"` : String(value)} is not a decimal number such as 42.5 (no exponents, separators or words)`,
      );
      return '0';
    }
    return text;
  };
  const optional = (path: string, value: unknown): string | null =>
    value === null || value === undefined ? null : decimal(path, value);
  const points = (path: string, list: readonly PayoutPointDto[]): PayoutPoint[] =>
    list.map((point, i) => ({
      value: decimal(`${path}[${i}].value`, point.value),
      payout: decimal(`${path}[${i}].payout`, point.payout),
    }));

  const components: PlanComponent[] = input.components.map((component, i) => {
    const path = `components[${i}]`;
    let curve: CurveSpec;
    if (component.curve.source === 'POINTS') {
      curve = {
        source: 'POINTS',
        points: points(`${path}.curve.points`, (component.curve as PointsCurveDto).points),
      };
    } else {
      const [threshold, target, stretch] = (component.curve as TargetsCurveDto).payouts.map((payout, j) =>
        decimal(`${path}.curve.payouts[${j}]`, payout),
      );
      curve = { source: 'TARGETS', payouts: [threshold, target, stretch] };
    }
    return {
      key: component.key,
      label: component.label.trim(),
      metric: component.metric.trim(),
      scope: component.scope,
      weight: decimal(`${path}.weight`, component.weight),
      curve,
      cap: optional(`${path}.cap`, component.cap),
    };
  });
  const gates: PlanGate[] = input.gates.map((gate, i) => ({
    key: gate.key,
    label: gate.label.trim(),
    input: gate.input.trim(),
    level: optional(`gates[${i}].level`, gate.level),
    components: gate.components.map((key) => key.trim()),
    maxPayout: decimal(`gates[${i}].maxPayout`, gate.maxPayout),
  }));
  const multiplier: PlanMultiplier | null = input.multiplier
    ? {
        label: input.multiplier.label.trim(),
        metric: input.multiplier.metric.trim(),
        scope: input.multiplier.scope,
        points: points('multiplier.points', input.multiplier.points),
      }
    : null;
  const planCap = optional('planCap', input.planCap);
  if (problems.length) return { problems };
  return { rules: { components, gates, multiplier, planCap } };
}

/** Empty rules: what a new version without `basedOn` starts with. */
export const EMPTY_RULES: PlanRules = { components: [], gates: [], multiplier: null, planCap: null };

/**
 * Everything wrong with a version's rules: `rulesProblems` of `@lodestar/incentives` with the
 * directions of the metric definitions (the engine knows `primary_commercial` itself).
 */
export function planRulesProblems(
  rules: PlanRules,
  directions: ReadonlyMap<string, MetricDirection>,
): string[] {
  return rulesProblems(rules, (metric) => directions.get(metric));
}
