import {
  COMPONENT_KEY_PATTERN,
  COMPONENT_SCOPES,
  ComponentScope,
  MetricDirection,
  PlanComponent,
  PlanRules,
  PRIMARY_COMMERCIAL_METRIC,
} from '@lodestar/contracts';
import { Decimal } from 'decimal.js';

import { decimalOrNull, Dec, HUNDRED, plain, quote, show, uncapitalize } from './decimal';
import { curveProblem } from './payout-curve';

/**
 * Everything wrong with a version's rules, each as a sentence a person can act on; empty when the
 * rules can be submitted. `directionOf` tells the direction of a metric key, `undefined` for a
 * metric that does not exist.
 *
 * Checks: at least one component; keys unique and matching {@link COMPONENT_KEY_PATTERN}; labels
 * non-empty; known metrics and scopes; weights decimals above 0 adding up to exactly 100; curves
 * valid for their metric's direction (`TARGETS` payouts ≥ 0 and never decreasing); caps null or
 * ≥ 0; gates with unique keys, an existing input component, existing gated components, a
 * `maxPayout` ≥ 0 and a level null or a decimal; the multiplier's metric, scope and curve; a plan
 * cap null or ≥ 0. A component on {@link PRIMARY_COMMERCIAL_METRIC} (each unit's own commercial
 * metric, whose direction differs by unit) must take its curve from targets, and the multiplier
 * cannot read it.
 */
export function rulesProblems(
  rules: PlanRules,
  directionOf: (metric: string) => MetricDirection | undefined,
): string[] {
  const problems: string[] = [];
  if (rules === null || typeof rules !== 'object')
    return ['The plan has no rules: it needs at least one component.'];
  const components: PlanComponent[] = Array.isArray(rules.components) ? rules.components : [];
  if (components.length === 0) problems.push('A plan needs at least one component.');

  const keys = new Set<string>();
  const duplicates = new Set<string>();
  let weightsValid = true;
  components.forEach((component, index) => {
    const name = componentName(component, index);
    if (component === null || typeof component !== 'object') {
      problems.push(`Component ${index + 1} is empty; give it a key, label, metric, weight and curve.`);
      weightsValid = false;
      return;
    }
    const key: unknown = component.key;
    if (typeof key !== 'string' || !COMPONENT_KEY_PATTERN.test(key)) {
      problems.push(
        `${name} has the key ${quote(key)}; a key is lower-case letters, digits and _, starting with a letter, at most 40 characters (such as cx_index).`,
      );
    } else if (keys.has(key)) {
      if (!duplicates.has(key))
        problems.push(`Two components have the key "${key}"; each key must be unique.`);
      duplicates.add(key);
    } else {
      keys.add(key);
    }
    if (typeof component.label !== 'string' || component.label.trim() === '') {
      problems.push(`${name} needs a label.`);
    }
    if (!isScope(component.scope)) {
      problems.push(`${name} has the scope ${quote(component.scope)}; use OWN_UNIT, PARENT_UNIT or COMPANY.`);
    }
    // the unit's primary commercial metric has a direction per unit: only a curve from targets fits it
    const primary = component.metric === PRIMARY_COMMERCIAL_METRIC;
    const direction = primary
      ? undefined
      : typeof component.metric === 'string'
        ? directionOf(component.metric)
        : undefined;
    if (primary && component.curve?.source === 'POINTS') {
      problems.push(
        `${name} reads each unit's primary commercial metric, whose direction differs by unit: take its curve from targets.`,
      );
    } else if (direction === undefined && !primary) {
      problems.push(`${name} reads the metric ${quote(component.metric)}, which does not exist.`);
    }
    const weight = decimalOrNull(component.weight);
    if (weight === null || !weight.gt(0)) {
      weightsValid = false;
      problems.push(
        `${name} has the weight ${quote(component.weight)}; a weight is a percentage above 0, such as 25.`,
      );
    }
    const curve = component.curve;
    if (curve?.source === 'POINTS') {
      if (direction !== undefined) {
        const problem = curveProblem(curve.points, direction, metricWords(component));
        if (problem) problems.push(`The curve of ${uncapitalize(name)}: ${uncapitalize(problem)}`);
      } else if (!primary && (!Array.isArray(curve.points) || curve.points.length === 0)) {
        problems.push(`The curve of ${uncapitalize(name)} needs at least one point.`);
      }
    } else if (curve?.source === 'TARGETS') {
      const problem = targetPayoutsProblem(curve.payouts);
      if (problem) problems.push(`The curve of ${uncapitalize(name)}: ${problem}`);
    } else {
      problems.push(`The curve of ${uncapitalize(name)} must take its points from POINTS or from TARGETS.`);
    }
    const capProblem = percentProblem(component.cap, true);
    if (capProblem) problems.push(`The cap of ${uncapitalize(name)} ${capProblem}`);
  });

  if (components.length > 0 && weightsValid) {
    const total = sumOfWeights(components);
    if (!total.eq(HUNDRED)) {
      problems.push(`The weights add up to ${show(total)} %; they must add up to exactly 100 %.`);
    }
  }

  const gates = Array.isArray(rules.gates) ? rules.gates : [];
  if (rules.gates !== undefined && rules.gates !== null && !Array.isArray(rules.gates)) {
    problems.push('The gates must be a list.');
  }
  const gateKeys = new Set<string>();
  gates.forEach((gate, index) => {
    const name =
      typeof gate?.label === 'string' && gate.label.trim()
        ? `Gate '${gate.label.trim()}'`
        : `Gate ${index + 1}`;
    if (gate === null || typeof gate !== 'object') {
      problems.push(
        `${name} is empty; give it a key, an input component, the gated components and a highest payout.`,
      );
      return;
    }
    if (typeof gate.key !== 'string' || gate.key.trim() === '') {
      problems.push(`${name} needs a key.`);
    } else if (gateKeys.has(gate.key)) {
      problems.push(`Two gates have the key "${gate.key}"; each key must be unique.`);
    } else {
      gateKeys.add(gate.key);
    }
    if (typeof gate.input !== 'string' || !keys.has(gate.input)) {
      problems.push(
        `${name} reads the component ${quote(gate.input)}, which is not a component of this plan.`,
      );
    }
    if (!Array.isArray(gate.components) || gate.components.length === 0) {
      problems.push(`${name} must name at least one component it holds down.`);
    } else {
      const unknown = gate.components.filter((key) => typeof key !== 'string' || !keys.has(key));
      if (unknown.length) {
        problems.push(
          `${name} holds down ${unknown.map(quote).join(', ')}, which ${unknown.length === 1 ? 'is not a component' : 'are not components'} of this plan.`,
        );
      }
    }
    const maxProblem = percentProblem(gate.maxPayout, false);
    if (maxProblem) problems.push(`The highest payout of ${uncapitalize(name)} ${maxProblem}`);
    if (gate.level !== null && gate.level !== undefined && decimalOrNull(gate.level) === null) {
      problems.push(
        `The level of ${uncapitalize(name)} must be a decimal number such as 50, or empty to use the input's threshold, not ${quote(gate.level)}.`,
      );
    }
  });

  const multiplier = rules.multiplier;
  if (multiplier !== null && multiplier !== undefined) {
    const name =
      typeof multiplier.label === 'string' && multiplier.label.trim()
        ? `The multiplier '${multiplier.label.trim()}'`
        : 'The multiplier';
    if (!isScope(multiplier.scope)) {
      problems.push(
        `${name} has the scope ${quote(multiplier.scope)}; use OWN_UNIT, PARENT_UNIT or COMPANY.`,
      );
    }
    const direction =
      typeof multiplier.metric === 'string' && multiplier.metric !== PRIMARY_COMMERCIAL_METRIC
        ? directionOf(multiplier.metric)
        : undefined;
    if (multiplier.metric === PRIMARY_COMMERCIAL_METRIC) {
      problems.push(
        `${name} reads each unit's primary commercial metric, whose direction differs by unit: give it a metric of its own.`,
      );
    } else if (direction === undefined) {
      problems.push(`${name} reads the metric ${quote(multiplier.metric)}, which does not exist.`);
    } else {
      const problem = curveProblem(multiplier.points, direction, multiplier.metric);
      if (problem) problems.push(`The curve of ${uncapitalize(name)}: ${uncapitalize(problem)}`);
    }
  }

  const planCapProblem = percentProblem(rules.planCap, true);
  if (planCapProblem) problems.push(`The plan cap ${planCapProblem}`);
  return problems;
}

/** The running sum of the weights for the editor, in plain notation; weights that are not decimals count 0. */
export function weightTotal(rules: PlanRules): string {
  return plain(sumOfWeights(Array.isArray(rules?.components) ? rules.components : []));
}

function sumOfWeights(components: readonly PlanComponent[]): Decimal {
  let total = new Dec(0);
  for (const component of components) {
    const weight = decimalOrNull(component?.weight);
    if (weight !== null) total = total.plus(weight);
  }
  return total;
}

function componentName(component: PlanComponent | null | undefined, index: number): string {
  const label = typeof component?.label === 'string' ? component.label.trim() : '';
  if (label) return `Component '${label}'`;
  const key = typeof component?.key === 'string' && component.key ? ` (${component.key})` : '';
  return `Component ${index + 1}${key}`;
}

function metricWords(component: PlanComponent): string {
  const label = typeof component.label === 'string' ? component.label.trim() : '';
  return label || component.metric;
}

function isScope(scope: unknown): scope is ComponentScope {
  return (COMPONENT_SCOPES as readonly unknown[]).includes(scope);
}

/** The end of a sentence about a percentage that must be ≥ 0 (or null when allowed), or null when fine. */
function percentProblem(value: unknown, nullable: boolean): string | null {
  if (value === null || value === undefined)
    return nullable ? null : 'must be given, as a percentage such as 100.';
  const parsed = decimalOrNull(value);
  if (parsed === null) {
    return `must be a percentage such as 150${nullable ? ', or empty for none' : ''}, not ${quote(value)}.`;
  }
  if (parsed.isNegative() && !parsed.isZero()) return `is ${show(parsed)} %; it cannot be below 0 %.`;
  return null;
}

function targetPayoutsProblem(payouts: unknown): string | null {
  if (!Array.isArray(payouts) || payouts.length !== 3) {
    return 'a curve taken from targets needs three payouts: at threshold, target and stretch.';
  }
  const names = ['threshold', 'target', 'stretch'];
  const parsed: Decimal[] = [];
  for (let i = 0; i < 3; i++) {
    const payout = decimalOrNull(payouts[i]);
    if (payout === null) {
      return `the payout at ${names[i]} must be a percentage such as 100, not ${quote(payouts[i])}.`;
    }
    if (payout.isNegative() && !payout.isZero()) {
      return `the payout at ${names[i]} is ${show(payout)} %; a payout cannot be below 0 %.`;
    }
    parsed.push(payout);
  }
  if (parsed[1].lt(parsed[0]) || parsed[2].lt(parsed[1])) {
    return `the payouts at threshold, target and stretch (${parsed.map((p) => show(p)).join(', ')} %) must never decrease.`;
  }
  return null;
}
