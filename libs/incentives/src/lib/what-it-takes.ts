import type { CalculationTrace, ParticipantFacts, PlanRules, WhatItTakes } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';

import { decimalOrNull, HUNDRED, listOf, minDec, plain, show } from './decimal';
import { prepareCurve, valueAt } from './payout-curve';
import { computeStatement } from './statement';

/**
 * "What it takes" for the open period (SPEC §3), per component of the trace:
 * - `current`: the value that moves pay now (null when it pays at target), and its `currentPayout`;
 * - `neededForTarget`: the least good value whose curve payout reaches 100 % — null when the
 *   component's cap is below 100 or its curve never reaches 100;
 * - `bestPayout`: min(the last point's payout, the cap, the `maxPayout` of every gate that binds
 *   on it now);
 * - `note`: a sentence — what is needed against where it is now, or which gate holds it down and
 *   what lifts it.
 *
 * Reads the resolved points of the trace; nothing is resolved or checked twice.
 */
export function whatItTakes(
  rules: PlanRules,
  facts: ParticipantFacts,
  trace: CalculationTrace = computeStatement(rules, facts),
): WhatItTakes[] {
  const gatesByKey = new Map(trace.gates.map((gate) => [gate.key, gate]));
  const labelOf = new Map(trace.components.map((c) => [c.key, c.label]));
  return trace.components.map((c) => {
    const curve = prepareCurve(c.points, c.direction);
    const lastPayout = curve.payouts[curve.payouts.length - 1];
    const cap = c.cap === null ? null : decimalOrNull(c.cap);
    const curveBest = cap === null ? lastPayout : minDec(lastPayout, cap);
    let best = curveBest;
    const holding: { label: string; maxPayout: Decimal; lift: string }[] = [];
    for (const gated of c.gatedBy) {
      const max = decimalOrNull(gated.maxPayout);
      if (max === null) continue;
      best = minDec(best, max);
      const gate = gatesByKey.get(gated.gate);
      if (gate && max.lt(curveBest)) {
        const inputLabel = labelOf.get(gate.input) ?? gate.input;
        const where =
          gate.inputValue === null
            ? 'no result that moves pay yet'
            : `now ${show(new Decimal(gate.inputValue))}`;
        holding.push({
          label: gate.label,
          maxPayout: max,
          lift: `reaching ${show(new Decimal(gate.level))} on ${inputLabel} (${where})`,
        });
      }
    }
    const needed = cap !== null && cap.lt(HUNDRED) ? null : valueAt(curve, HUNDRED);
    const current = c.input.basis === 'AT_TARGET' ? null : c.input.value;
    const currentValue = current === null ? null : decimalOrNull(current);
    const payout = new Decimal(c.payout);

    let note: string;
    if (holding.length) {
      const names = listOf(holding.map((h) => `'${h.label}'`));
      note =
        `${c.label} pays at most ${show(best)} % while ${holding.length === 1 ? 'gate' : 'gates'} ${names} ${holding.length === 1 ? 'binds' : 'bind'}` +
        ` (it pays ${show(payout)} % now); ${listOf(holding.map((h) => h.lift))} lifts that to up to ${show(curveBest)} %.`;
    } else if (needed === null) {
      note =
        cap !== null && cap.lt(HUNDRED)
          ? `${c.label} is capped at ${show(cap)} %, so it cannot reach target pay; it pays ${show(payout)} % now.`
          : `The curve of ${c.label} tops out at ${show(lastPayout)} %, so it cannot reach target pay; it pays ${show(payout)} % now.`;
    } else if (currentValue === null) {
      note = `${c.metricName} has no result that moves pay yet, so ${c.label === c.metricName ? 'it' : c.label} pays at target (100 %); ${show(needed)} is needed for target pay and up to ${show(best)} % is reachable.`;
    } else if (c.direction === 'higher' ? currentValue.gte(needed) : currentValue.lte(needed)) {
      const who = c.label === c.metricName ? 'it' : c.label;
      note = `${c.metricName} is ${show(currentValue)}, past the ${show(needed)} needed for target pay; ${who} pays ${show(payout)} % now, at most ${show(best)} %.`;
    } else {
      const who = c.label === c.metricName ? 'it' : c.label;
      note = `${c.metricName} needs ${show(needed)} for target pay and is ${show(currentValue)} now (${who} pays ${show(payout)} %); up to ${show(best)} % is reachable.`;
    }
    return {
      component: c.key,
      label: c.label,
      metric: c.metric,
      direction: c.direction,
      current,
      currentPayout: c.payout,
      neededForTarget: needed === null ? null : plain(needed),
      bestPayout: plain(best),
      note,
    };
  });
}
