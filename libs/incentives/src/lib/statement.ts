import type {
  CalculationTrace,
  ComponentScope,
  ComponentTrace,
  CurveSegment,
  GateTrace,
  MetricFact,
  MultiplierTrace,
  ParticipantFacts,
  PayoutPoint,
  PlanComponent,
  PlanRules,
  PriorPeriodAdjustment,
  TargetBand,
} from '@lodestar/contracts';
import { attainment, score } from '@lodestar/cx-metrics';
import { Decimal } from 'decimal.js';

import {
  Dec,
  listOf,
  money,
  numberDec,
  numberText,
  plain,
  PlanRulesError,
  quote,
  roundToCents,
  show,
  showPlain,
  StatementError,
  toDec,
  ZERO,
} from './decimal';
import {
  AT_TARGET_PAYOUT,
  CurveReading,
  prepareCurve,
  PreparedCurve,
  readCurve,
  resolveCurveShared,
} from './payout-curve';
import { checkedAnnual, checkedDaysInYear, checkedEligibleDays } from './proration';

/**
 * One participant's statement for one period (SPEC §3 "Incentive plans", "Statement"), in exactly
 * this order and at full precision, rounding once at the end:
 *
 * 1. each component's curve payout over its fact's value (a null value — at target, or no result
 *    yet — pays 100 %);
 * 2. the component cap: min(payout, cap);
 * 3. the gates: a gate whose input component's value is strictly short of its level (by default
 *    that component's threshold) holds each named component to at most its `maxPayout`; an input
 *    without a value that may move pay does not bind; several gates: the minimum;
 * 4. the weighted payout Σ weight × payout ÷ 100;
 * 5. the multiplier: × factor ÷ 100 (factor 100 without a value that may move pay);
 * 6. the plan cap;
 * 7. × the period's target bonus (annual × eligible days ÷ days in the year), rounded half to
 *    even to cents once;
 * 8. + prior-period adjustments + the balance carried in: paid when positive, else carried forward.
 *
 * The unrounded amount is computed as totalPayout × annual × eligibleDays ÷ (100 × daysInYear)
 * with a single division, the same number as totalPayout ÷ 100 × periodTarget without rounding
 * the period target first.
 *
 * Each component and the multiplier read the fact with the same `metric` and `scope`. The rules
 * are assumed valid (see `rulesProblems`), but a bad curve, weight, cap or gate still throws a
 * PlanRulesError rather than paying nonsense.
 *
 * Fast enough for a whole period at once: a curve is checked once and read once per value that
 * recurs (participants of one unit, company-wide results), so nothing is resolved twice. Parts of
 * a trace (inputs, bands, the rules' points, curve segments) are shared with the facts, the rules
 * and other traces: treat a trace as read-only.
 *
 * @throws StatementError when a fact, a band a curve or gate needs, or an amount is missing or bad.
 */
export function computeStatement(rules: PlanRules, facts: ParticipantFacts): CalculationTrace {
  const steps: string[] = [];
  const period = facts.period;
  const components = rules?.components;
  if (!Array.isArray(components) || components.length === 0) {
    throw new PlanRulesError(
      'The plan has no components, so no statement can be computed; add at least one.',
    );
  }

  // 1–2. Curve payouts and component caps.
  const work: ComponentWork[] = [];
  const byKey = new Map<string, ComponentWork>();
  for (const component of components) {
    const item = componentPayout(component, facts, steps);
    work.push(item);
    byKey.set(component.key, item);
  }

  // 3. Gates.
  const gates: GateTrace[] = [];
  for (const gate of Array.isArray(rules.gates) ? rules.gates : []) {
    const input = byKey.get(gate.input);
    if (input === undefined) {
      throw new PlanRulesError(
        `Gate '${gate.label}' reads the component ${quote(gate.input)}, which is not a component of this plan.`,
      );
    }
    const fact = input.fact;
    let level: Decimal;
    if (gate.level !== null && gate.level !== undefined) {
      level = toDec(gate.level, () => `the level of gate '${gate.label}'`);
    } else if (fact.band) {
      level = numberDec(fact.band.threshold);
    } else {
      throw new StatementError(
        `Gate '${gate.label}' has no level of its own and ${fact.metricName} of ${fact.input.orgUnit.name} has no target band for ${period}, so its threshold is unknown; set a target band or give the gate a level.`,
      );
    }
    const maxPayout = toDec(gate.maxPayout, () => `the highest payout of gate '${gate.label}'`);
    const gated = (Array.isArray(gate.components) ? gate.components : []).map((key) => {
      const item = byKey.get(key);
      if (item === undefined) {
        throw new PlanRulesError(
          `Gate '${gate.label}' holds down ${quote(key)}, which is not a component of this plan.`,
        );
      }
      return item;
    });
    const higher = fact.direction === 'higher';
    const levelWords = `${gate.level !== null && gate.level !== undefined ? 'level' : 'threshold'} ${show(level)}`;
    let outcome: GateTrace['outcome'];
    if (input.value === null) {
      outcome = 'INSUFFICIENT_SAMPLE';
      const why = fact.input.basis === 'AT_TARGET' ? 'too small a sample to move pay' : 'no result yet';
      steps.push(`Gate '${gate.label}': ${fact.metricName} has ${why}, so the gate does not bind.`);
    } else if (higher ? input.value.lt(level) : input.value.gt(level)) {
      outcome = 'BINDS';
      const labels = gated.map((item) => item.component.label);
      const maxShown = show(maxPayout);
      steps.push(
        `Gate '${gate.label}': ${fact.metricName} ${show(input.value)} is ${higher ? 'below' : 'above'} its ${levelWords}, so ${listOf(labels)} ${labels.length === 1 ? 'pays' : 'pay'} at most ${maxShown} %.`,
      );
      const maxText = plain(maxPayout);
      for (const item of gated) {
        item.gatedBy.push({ gate: gate.key, maxPayout: maxText });
        if (maxPayout.lt(item.payout)) {
          steps.push(`${item.component.label}: ${item.payoutShown} % held to ${maxShown} %.`);
          item.payout = maxPayout;
          item.payoutShown = maxShown;
        }
      }
    } else {
      outcome = 'MET';
      steps.push(
        `Gate '${gate.label}': ${fact.metricName} ${show(input.value)} is not ${higher ? 'below' : 'above'} its ${levelWords}, so it does not bind.`,
      );
    }
    gates.push({
      key: gate.key,
      label: gate.label,
      input: gate.input,
      inputValue: input.value === null ? null : fact.input.value,
      level: plain(level),
      direction: fact.direction,
      outcome,
      components: gate.components,
      maxPayout: plain(maxPayout),
    });
  }

  // 4. Weighted payout.
  let weighted: Decimal = ZERO;
  const terms: string[] = [];
  const contributions: Contribution[] = [];
  for (const item of work) {
    const contribution = contributionOf(item);
    contributions.push(contribution);
    weighted = weighted.plus(contribution.value);
    terms.push(`${showMemo(item.weight)} × ${item.payoutShown}`);
  }
  const weightedText = plain(weighted);
  const weightedShown = showPlain(weightedText);
  steps.push(`Weighted payout: (${terms.join(' + ')}) ÷ 100 = ${weightedShown} %.`);

  // 5. Multiplier.
  let afterMultiplier = weighted;
  let afterMultiplierText = weightedText;
  let afterMultiplierShown = weightedShown;
  let multiplier: MultiplierTrace | null = null;
  if (rules.multiplier) {
    const m = rules.multiplier;
    const fact = factFor(facts, m.metric, m.scope, m.label, 'multiplier');
    const curve = preparedFor(m.points, fact, () => `the multiplier '${m.label}'`);
    const reading = readingOf(curve, fact, m.label);
    const subject = `Multiplier '${m.label}': ${fact.metricName} (${fact.input.orgUnit.name})`;
    const factor = reading === null ? AT_TARGET_PAYOUT : reading.payout;
    const factorShown = reading === null ? '100' : reading.payoutShown;
    if (reading === null) {
      steps.push(fact.input.source, `${subject} has no result that may move pay, so the factor is 100 %.`);
    } else {
      if (fact.input.basis !== 'ACTUAL') steps.push(fact.input.source);
      steps.push(`${subject} ${reading.where}: factor ${factorShown} %.`);
    }
    afterMultiplier = weighted.times(factor).times(ONE_HUNDREDTH);
    afterMultiplierText = plain(afterMultiplier);
    afterMultiplierShown = showPlain(afterMultiplierText);
    steps.push(`After the multiplier: ${weightedShown} × ${factorShown} ÷ 100 = ${afterMultiplierShown} %.`);
    multiplier = {
      label: m.label,
      metric: m.metric,
      input: fact.input,
      points: m.points,
      segment: reading === null ? { kind: 'AT_TARGET' } : reading.segment,
      factor: reading === null ? '100' : reading.payoutText,
    };
  }

  // 6. Plan cap.
  let totalPayout = afterMultiplier;
  let totalText = afterMultiplierText;
  let totalShown = afterMultiplierShown;
  const planCap =
    rules.planCap === null || rules.planCap === undefined ? null : toDec(rules.planCap, 'the plan cap');
  if (planCap !== null && planCap.lt(afterMultiplier)) {
    totalPayout = planCap;
    totalText = plain(planCap);
    totalShown = showPlain(totalText);
    steps.push(
      `Plan cap: ${afterMultiplierShown} % is above the plan cap of ${totalShown} %, so the total payout is ${totalShown} %.`,
    );
  } else {
    steps.push(`Total payout: ${totalShown} % of the period's target bonus.`);
  }

  // 7. The period's target bonus and the amount, rounded once.
  const basis = facts.targetBonus;
  if (!basis) {
    throw new StatementError(
      `The facts for ${period} carry no target bonus (annual, eligible days, days in the year).`,
    );
  }
  const annual = checkedAnnual(basis.annual);
  const days = checkedEligibleDays(basis.eligibleDays);
  const daysInYear = checkedDaysInYear(basis.daysInYear);
  const yearDays = annual.times(days);
  const periodTarget = yearDays.div(daysInYear);
  // totalPayout × annual × days ÷ (100 × daysInYear): a single division, so an exact half cent stays exact.
  const unrounded = totalPayout.times(yearDays).div(daysInYear * 100);
  const amount = roundToCents(unrounded);
  const annualText = moneyOrPlain(annual);
  const periodTargetText = plain(periodTarget);
  const unroundedText = plain(unrounded);
  const amountText = money(amount);
  const periodTargetShown = showPlain(periodTargetText);
  const amountShown = showPlain(amountText);
  steps.push(
    `Target bonus for ${period}: ${showPlain(annualText)} × ${days} ÷ ${daysInYear} days = ${periodTargetShown}`,
    `Payout: ${totalShown} % of ${periodTargetShown} = ${showPlain(unroundedText)}`,
    `Rounded half-even to cents: ${amountShown}`,
  );

  // 8. Adjustments and the balance carried in.
  const adjustments: PriorPeriodAdjustment[] = [];
  let net = amount;
  const parts = [amountShown];
  for (const adjustment of Array.isArray(facts.adjustments) ? facts.adjustments : []) {
    const value = cents(adjustment.amount, `the adjustment for ${adjustment.forPeriod}`);
    net = net.plus(value);
    parts.push(signed(value));
    adjustments.push({ ...adjustment, amount: money(value) });
    const source = adjustment.source === 'INQUIRY' ? 'after an inquiry' : 'restatement';
    steps.push(
      `Adjustment for ${adjustment.forPeriod} (${source}): ${show(value, 2)} — ${adjustment.reason}`,
    );
  }
  const carriedInText = facts.carriedIn ?? '0.00';
  const carriedIn = carriedInText === '0.00' ? ZERO : cents(carriedInText, 'the balance carried in');
  if (carriedIn.gt(0)) {
    throw new StatementError(
      `The balance carried in is ${money(carriedIn)}; only a negative balance (or 0.00) is carried from earlier statements.`,
    );
  }
  if (!carriedIn.isZero()) {
    net = net.plus(carriedIn);
    parts.push(signed(carriedIn));
    steps.push(`Carried in from earlier statements, to be recouped: ${show(carriedIn, 2)}`);
  }
  const netText = money(net);
  if (parts.length > 1) steps.push(`Net: ${parts.join(' ')} = ${showPlain(netText)}`);
  const owes = net.isNegative() && !net.isZero();
  steps.push(
    owes
      ? `Payable: 0.00; ${showPlain(netText)} is carried forward and recouped from later statements`
      : `Payable: ${showPlain(netText)}`,
  );

  const traces: ComponentTrace[] = [];
  for (let k = 0; k < work.length; k++) traces.push(componentTrace(work[k], contributions[k]));
  return {
    period,
    components: traces,
    gates,
    weightedPayout: weightedText,
    multiplier,
    afterMultiplier: afterMultiplierText,
    planCap: planCap === null ? null : plain(planCap),
    totalPayout: totalText,
    targetBonus: { annual: annualText, eligibleDays: days, daysInYear, periodTarget: periodTargetText },
    unrounded: unroundedText,
    amount: amountText,
    rounding: plain(amount.minus(unrounded)),
    adjustments,
    carriedIn: money(carriedIn),
    payable: owes ? '0.00' : netText,
    carriedForward: owes ? netText : '0.00',
    steps,
  };
}

/** A component on its way through the statement. */
interface ComponentWork {
  component: PlanComponent;
  fact: MetricFact;
  weight: Decimal;
  /** The value that moves pay; null when it pays at target. */
  value: Decimal | null;
  reading: CurveReading | null;
  points: PayoutPoint[];
  segment: CurveSegment;
  curvePayout: Decimal;
  curvePayoutText: string;
  cap: Decimal | null;
  afterCap: Decimal;
  gatedBy: { gate: string; maxPayout: string }[];
  payout: Decimal;
  /** The payout as shown in the steps. */
  payoutShown: string;
}

function componentPayout(component: PlanComponent, facts: ParticipantFacts, steps: string[]): ComponentWork {
  const fact = factFor(facts, component.metric, component.scope, component.label, 'component');
  const weight = toDec(component.weight, () => `the weight of '${component.label}'`);
  let points: PayoutPoint[];
  try {
    points = resolveCurveShared(component.curve, fact.band ?? null, fact.direction);
  } catch (error) {
    throw withContext(
      error,
      `The curve of '${component.label}' (${fact.metricName} of ${fact.input.orgUnit.name}, ${facts.period})`,
    );
  }
  const curve = preparedFor(points, fact, () => `the component '${component.label}'`);
  const input = fact.input;
  const reading = readingOf(curve, fact, component.label);
  if (reading === null || input.basis !== 'ACTUAL') steps.push(input.source);
  const prefix = component.label === fact.metricName ? '' : `${component.label}: `;
  const subject = `${prefix}${fact.metricName} (${input.orgUnit.name})`;
  let payout: Decimal;
  let payoutShown: string;
  if (reading === null) {
    payout = AT_TARGET_PAYOUT;
    payoutShown = '100';
    steps.push(
      `${subject} ${input.basis === 'AT_TARGET' ? 'pays at target' : 'has no result yet, so it pays at target'}: payout 100 %.`,
    );
  } else {
    payout = reading.payout;
    payoutShown = reading.payoutShown;
    steps.push(`${subject} ${reading.where}: payout ${payoutShown} %.`);
  }
  const cap =
    component.cap === null || component.cap === undefined
      ? null
      : toDec(component.cap, () => `the cap of '${component.label}'`);
  let afterCap = payout;
  if (cap !== null && cap.lt(payout)) {
    afterCap = cap;
    const capShown = show(cap);
    steps.push(
      `${component.label}: ${payoutShown} % is above its cap of ${capShown} %, so it pays ${capShown} %.`,
    );
    payoutShown = capShown;
  }
  return {
    component,
    fact,
    weight,
    value: reading === null ? null : reading.value,
    reading,
    points:
      component.curve.source === 'TARGETS'
        ? points.map((p) => ({ value: p.value, payout: p.payout }))
        : points,
    segment: reading === null ? { kind: 'AT_TARGET' } : reading.segment,
    curvePayout: payout,
    curvePayoutText: reading === null ? '100' : reading.payoutText,
    cap,
    afterCap,
    gatedBy: [],
    payout: afterCap,
    payoutShown,
  };
}

/** The curve read at the fact's value; null when the input pays at target (too small a sample, or no result yet). */
function readingOf(curve: PreparedCurve, fact: MetricFact, label: string): CurveReading | null {
  const input = fact.input;
  if (!input || input.basis === 'AT_TARGET' || input.value === null || input.value === undefined) return null;
  const reading = readCurve(curve, input.value);
  if (reading === null) {
    throw new StatementError(
      `The value of ${fact.metricName} of ${input.orgUnit?.name} for '${label}' is ${quote(input.value)}; it must be a decimal number such as 12.5.`,
    );
  }
  return reading;
}

function componentTrace(item: ComponentWork, contribution: Contribution): ComponentTrace {
  const { component, fact } = item;
  const band = fact.band ?? null;
  let scoreText: string | null = null;
  let attainmentText: string | null = null;
  if (band !== null && item.reading !== null) {
    const scored = scoreOf(item.reading as ScoredReading, band, fact);
    scoreText = scored.score;
    attainmentText = scored.attainment;
  }
  return {
    key: component.key,
    label: component.label,
    metric: component.metric,
    metricName: fact.metricName,
    unit: fact.unit,
    direction: fact.direction,
    scope: component.scope,
    weight: plain(item.weight),
    input: fact.input,
    band,
    score: scoreText,
    attainment: attainmentText,
    points: item.points,
    segment: item.segment,
    curvePayout: item.curvePayoutText,
    cap: item.cap === null ? null : component.cap,
    afterCap: item.afterCap === item.curvePayout ? item.curvePayoutText : plain(item.afterCap),
    gatedBy: item.gatedBy,
    payout: item.payout === item.curvePayout ? item.curvePayoutText : plain(item.payout),
    contribution: contribution.text,
  };
}

function factFor(
  facts: ParticipantFacts,
  metric: string,
  scope: ComponentScope,
  label: string,
  kind: 'component' | 'multiplier',
): MetricFact {
  const list = Array.isArray(facts.facts) ? facts.facts : [];
  for (const fact of list) {
    if (fact.metric === metric && fact.scope === scope) return fact;
  }
  throw new StatementError(
    `There is no fact for the ${kind} '${label}': the metric ${quote(metric)} at scope ${scope} is missing from the facts for ${facts.period}.`,
  );
}

function preparedFor(points: PayoutPoint[], fact: MetricFact, what: () => string): PreparedCurve {
  try {
    return prepareCurve(points, fact.direction);
  } catch (error) {
    if (error instanceof PlanRulesError) {
      throw new PlanRulesError(error.message.replace('The payout curve', `The curve of ${what()}`));
    }
    throw error;
  }
}

const ONE_HUNDREDTH = new Dec('0.01');
const HUNDREDTHS = new WeakMap<Decimal, Decimal>();
const SHOWN = new WeakMap<Decimal, string>();

/** weight ÷ 100, exact, once per weight (weights are parsed once per text, so the same decimal recurs). */
function hundredthOf(weight: Decimal): Decimal {
  let value = HUNDREDTHS.get(weight);
  if (value === undefined) HUNDREDTHS.set(weight, (value = weight.times(ONE_HUNDREDTH)));
  return value;
}

/** {@link show} of a decimal that recurs (a weight), worded once. */
function showMemo(value: Decimal): string {
  let text = SHOWN.get(value);
  if (text === undefined) SHOWN.set(value, (text = show(value)));
  return text;
}

function withContext(error: unknown, context: string): Error {
  if (error instanceof StatementError) return new StatementError(`${context}: ${lowerFirst(error.message)}`);
  if (error instanceof PlanRulesError) return new PlanRulesError(`${context}: ${lowerFirst(error.message)}`);
  return error instanceof Error ? error : new Error(String(error));
}

function lowerFirst(text: string): string {
  return text.length ? text[0].toLowerCase() + text.slice(1) : text;
}

/** An amount in money: a decimal with at most two decimals. */
function cents(text: string, what: string): Decimal {
  const value = toDec(text, what, StatementError, false);
  if (value.decimalPlaces() > 2) {
    throw new StatementError(
      `${what[0].toUpperCase()}${what.slice(1)} is ${text}; an amount has at most two decimals (cents).`,
    );
  }
  return value;
}

function signed(value: Decimal): string {
  return value.isNegative() ? `− ${show(value.abs(), 2)}` : `+ ${show(value, 2)}`;
}

function moneyOrPlain(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? money(value) : plain(value);
}

interface Scored {
  threshold: number;
  target: number;
  stretch: number;
  direction: MetricFact['direction'];
  unit: MetricFact['unit'];
  score: string | null;
  attainment: string | null;
}

interface Contribution {
  weight: Decimal;
  value: Decimal;
  text: string;
}

type ContributingReading = CurveReading & { contributed: Contribution | undefined };

/** weight × payout ÷ 100 and its text, remembered on a shared reading when its payout is the component's. */
function contributionOf(item: ComponentWork): Contribution {
  const reading = item.reading as ContributingReading | null;
  const shared = reading !== null && reading.payout === item.payout;
  if (shared && reading.contributed !== undefined && reading.contributed.weight === item.weight) {
    return reading.contributed;
  }
  const value = item.payout.times(hundredthOf(item.weight));
  const contribution = { weight: item.weight, value, text: plain(value) };
  if (shared) reading.contributed = contribution;
  return contribution;
}

/** A reading with the last band it was scored on: participants sharing a value mostly share its band too. */
type ScoredReading = CurveReading & { scored: Scored | undefined };

/** Score and attainment of a reading's value on a band (cx-metrics), as decimal strings. */
function scoreOf(reading: ScoredReading, band: TargetBand, fact: MetricFact): Scored {
  const last = reading.scored;
  if (
    last !== undefined &&
    last.threshold === band.threshold &&
    last.target === band.target &&
    last.stretch === band.stretch &&
    last.direction === fact.direction &&
    last.unit === fact.unit
  ) {
    return last;
  }
  const actual = Number(reading.text);
  let scoreText: string | null;
  try {
    scoreText = fourDecimals(score(actual, band, fact.direction));
  } catch {
    scoreText = null;
  }
  const attained = attainment(actual, band.target, fact);
  const scored: Scored = {
    threshold: band.threshold,
    target: band.target,
    stretch: band.stretch,
    direction: fact.direction,
    unit: fact.unit,
    score: scoreText,
    attainment: attained === null ? null : fourDecimals(attained),
  };
  reading.scored = scored;
  return scored;
}

/** A score or attainment (a binary float) as a decimal string with at most four decimals. */
function fourDecimals(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const tenThousandths = Math.round(value * 10_000);
  if (!Number.isSafeInteger(tenThousandths)) return numberText(value);
  const negative = tenThousandths < 0;
  const magnitude = negative ? -tenThousandths : tenThousandths;
  const whole = Math.floor(magnitude / 10_000);
  const fraction = magnitude - whole * 10_000;
  let text = String(whole);
  if (fraction !== 0) {
    const digits = String(10_000 + fraction); // "1" and four digits
    let end = 5;
    while (digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
    text += '.' + digits.slice(1, end);
  }
  return negative ? '-' + text : text;
}
