import {
  COMPONENT_KEY_PATTERN,
  DEFAULT_TARGET_PAYOUTS,
  PRIMARY_COMMERCIAL_METRIC,
  type MetricDefinition,
  type MetricDirection,
  type PlanComponent,
  type PlanRules,
} from '@lodestar/contracts';
import { rulesProblems, weightTotal } from '@lodestar/incentives';
import { Decimal } from 'decimal.js';
import { parseDecimalInput } from '../metrics/measurement-format';
import { formatPlain } from './plan-format';

/**
 * The text a typed number is kept as in the rules: a plain decimal when it reads as one
 * ("1,250" → "1250", "12.5 %" → "12.5"), else what was typed (trimmed), so the rules' own check
 * can name it.
 */
export function decimalText(typed: string): string {
  return parseDecimalInput(typed) ?? typed.trim();
}

/** A typed percentage that may be left empty for "none" (a cap): null when empty. */
export function optionalDecimalText(typed: string): string | null {
  return typed.trim() === '' ? null : decimalText(typed);
}

/** The running sum of the weights and why it cannot be saved, if it cannot. */
export interface WeightCheck {
  /** The sum, as a plain decimal string ("95", "100", "99.5"). */
  total: string;
  /** True when the sum is exactly 100. */
  complete: boolean;
  /** The sentence shown while it is not exactly 100 (or a weight is not a number); null otherwise. */
  problem: string | null;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export function checkWeights(components: readonly PlanComponent[]): WeightCheck {
  const total = weightTotal({ components: [...components], gates: [], multiplier: null, planCap: null });
  const unreadable = components.filter((component) => !PLAIN_DECIMAL.test(component.weight.trim()));
  if (unreadable.length) {
    const names = unreadable.map((component) => `'${component.label || component.key}'`).join(' and ');
    return {
      total,
      complete: false,
      problem: `The weight of ${names} is not a number: type a percentage such as 25.`,
    };
  }
  const complete = isHundred(total);
  return {
    total,
    complete,
    problem: complete
      ? null
      : components.length === 0
        ? 'Add a component: the weights of a plan add up to exactly 100 %.'
        : `The weights add up to ${formatPlain(total)} %, not 100 %: change them so they add up to exactly 100 % before saving.`,
  };
}

/** Exactly 100 (written "100", "100.0", "100.00"…), read as text so no binary rounding can creep in. */
function isHundred(value: string): boolean {
  return /^100(\.0+)?$/.test(value);
}

/**
 * A metric's better direction, by key; undefined for a metric that does not exist. The unit's
 * primary commercial metric counts as better when higher (its curve comes from targets, whose
 * bands carry each unit's own direction).
 */
export function directionLookup(
  metrics: readonly MetricDefinition[],
): (metric: string) => MetricDirection | undefined {
  const byKey = new Map(metrics.map((metric) => [metric.key, metric.direction]));
  return (metric) => (metric === PRIMARY_COMMERCIAL_METRIC ? 'higher' : byKey.get(metric));
}

/** What a component may read: each unit's primary commercial metric, then every metric (each can have targets). */
export interface MetricOption {
  key: string;
  name: string;
}

export const PRIMARY_COMMERCIAL_OPTION: MetricOption = {
  key: PRIMARY_COMMERCIAL_METRIC,
  name: "The unit's primary commercial metric",
};

export function componentMetricOptions(metrics: readonly MetricDefinition[]): MetricOption[] {
  return [PRIMARY_COMMERCIAL_OPTION, ...metrics.map((metric) => ({ key: metric.key, name: metric.name }))];
}

export function isPrimaryCommercial(metric: string): boolean {
  return metric === PRIMARY_COMMERCIAL_METRIC;
}

/**
 * Everything wrong with a version's rules, as the API checks them before it saves: the engine's
 * `rulesProblems` (which also knows the unit's primary commercial metric). Empty when the rules
 * can be saved.
 */
export function versionRulesProblems(rules: PlanRules, metrics: readonly MetricDefinition[]): string[] {
  return rulesProblems(rules, directionLookup(metrics));
}

/** A component key made of `text`: lower-case letters, digits and `_`, starting with a letter, unique among `taken`. */
export function componentKey(text: string, taken: ReadonlySet<string>): string {
  let base = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 36);
  if (!base) base = 'component';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isComponentKey(key: string): boolean {
  return COMPONENT_KEY_PATTERN.test(key);
}

/**
 * A new component on `metric`: its own unit, a curve from the unit's targets (50 / 100 / 200 %), no
 * cap, and the weight still missing to 100 % (0 when there is none).
 */
export function newComponent(metric: MetricOption, components: readonly PlanComponent[]): PlanComponent {
  const taken = new Set(components.map((component) => component.key));
  const total = weightTotal({ components: [...components], gates: [], multiplier: null, planCap: null });
  const missing = remainingTo100(total);
  return {
    key: componentKey(isPrimaryCommercial(metric.key) ? 'commercial' : metric.key, taken),
    label: metric.name,
    metric: metric.key,
    scope: 'OWN_UNIT',
    weight: missing,
    curve: { source: 'TARGETS', payouts: [...DEFAULT_TARGET_PAYOUTS] as [string, string, string] },
    cap: null,
  };
}

/** 100 − total when the total is below 100, else "0". */
function remainingTo100(total: string): string {
  const rest = new Decimal(100).minus(new Decimal(total));
  return rest.isPositive() && !rest.isZero() ? rest.toFixed() : '0';
}

/** The rules with a component's key changed, and the gates that name it following. */
export function renameComponent(rules: PlanRules, from: string, to: string): PlanRules {
  return {
    ...rules,
    components: rules.components.map((component) =>
      component.key === from ? { ...component, key: to } : component,
    ),
    gates: rules.gates.map((gate) => ({
      ...gate,
      input: gate.input === from ? to : gate.input,
      components: gate.components.map((key) => (key === from ? to : key)),
    })),
  };
}

/** The rules without a component: gates reading it go too, and gates holding it down let it go. */
export function removeComponent(rules: PlanRules, key: string): PlanRules {
  return {
    ...rules,
    components: rules.components.filter((component) => component.key !== key),
    gates: rules.gates
      .filter((gate) => gate.input !== key)
      .map((gate) => ({ ...gate, components: gate.components.filter((gated) => gated !== key) })),
  };
}

/** JSON with object keys sorted, so two equal rules compare equal whatever order their keys came in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return item;
  });
}

export function sameRules(a: PlanRules, b: PlanRules): boolean {
  return canonical(a) === canonical(b);
}

/** Rules with no component, gate or multiplier: what a new empty version starts with. */
export const EMPTY_RULES: PlanRules = { components: [], gates: [], multiplier: null, planCap: null };

/** The rules as the server may send them, with every list present. */
export function completeRules(rules: Partial<PlanRules> | null | undefined): PlanRules {
  return {
    components: rules?.components ?? [],
    gates: rules?.gates ?? [],
    multiplier: rules?.multiplier ?? null,
    planCap: rules?.planCap ?? null,
  };
}
