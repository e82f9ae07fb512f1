import {
  COMPONENT_SCOPE_LABELS,
  type CurveSpec,
  type PayoutPoint,
  type PlanComponent,
  type PlanGate,
  type PlanMultiplier,
  type PlanRules,
  type PlanVersionChange,
} from '@lodestar/contracts';
import { decimalsEqual } from '@lodestar/cx-metrics';

/** A participation as the diff compares it: by e-mail address. */
export interface DiffableParticipant {
  email: string;
  /** Org unit key. */
  orgUnit: string;
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
}

export interface DiffableVersion {
  effectiveFrom: string;
  rules: PlanRules;
  participants: readonly DiffableParticipant[];
}

/**
 * What changed from one version to another, as rows a person reads: the effective-from, the rules
 * (components by key — metric, scope, weight, curve, cap; gates by key; the multiplier; the plan
 * cap) and the participants (by e-mail — unit, target bonus, dates). Paths read like
 * `components.quota.weight` or `participants.vp.sales@example.com.annualTargetBonus`; before and
 * after are short texts (`60 %`, `90 → 50 %, 100 → 100 %`). Decimals are compared by value, so
 * "60" and "60.0" are no change.
 */
export function diffVersions(from: DiffableVersion, to: DiffableVersion): PlanVersionChange[] {
  const changes: PlanVersionChange[] = [];
  field(changes, 'effectiveFrom', from.effectiveFrom, to.effectiveFrom);
  diffComponents(changes, from.rules.components, to.rules.components);
  diffGates(changes, from.rules.gates, to.rules.gates);
  diffMultiplier(changes, from.rules.multiplier, to.rules.multiplier);
  field(
    changes,
    'planCap',
    cap(from.rules.planCap),
    cap(to.rules.planCap),
    decimalOrNoneEqual(from.rules.planCap, to.rules.planCap),
  );
  diffParticipants(changes, from.participants, to.participants);
  return changes;
}

function field(
  changes: PlanVersionChange[],
  path: string,
  before: string,
  after: string,
  same = before === after,
): void {
  if (!same) changes.push({ path, kind: 'CHANGED', before, after });
}

function percent(value: string): string {
  return `${value} %`;
}

function cap(value: string | null): string {
  return value === null ? 'none' : percent(value);
}

function decimalOrNoneEqual(a: string | null, b: string | null): boolean {
  return decimalsEqual(a, b);
}

function pointsText(points: readonly PayoutPoint[]): string {
  return points.map((point) => `${point.value} → ${percent(point.payout)}`).join(', ');
}

function samePoints(a: readonly PayoutPoint[], b: readonly PayoutPoint[]): boolean {
  return (
    a.length === b.length &&
    a.every((point, i) => decimalsEqual(point.value, b[i].value) && decimalsEqual(point.payout, b[i].payout))
  );
}

function payoutsText(payouts: readonly string[]): string {
  const [threshold, target, stretch] = payouts;
  return `threshold → ${percent(threshold)}, target → ${percent(target)}, stretch → ${percent(stretch)}`;
}

function curveText(curve: CurveSpec): string {
  return curve.source === 'POINTS'
    ? `points ${pointsText(curve.points)}`
    : `from targets: ${payoutsText(curve.payouts)}`;
}

function componentText(component: PlanComponent): string {
  return `${component.label}: ${component.metric}, ${COMPONENT_SCOPE_LABELS[component.scope].toLowerCase()}, weight ${percent(component.weight)}, ${curveText(component.curve)}, cap ${cap(component.cap)}`;
}

function diffComponents(
  changes: PlanVersionChange[],
  before: readonly PlanComponent[],
  after: readonly PlanComponent[],
): void {
  const old = new Map(before.map((component) => [component.key, component]));
  const current = new Set(after.map((component) => component.key));
  for (const component of after) {
    const path = `components.${component.key}`;
    const was = old.get(component.key);
    if (!was) {
      changes.push({ path, kind: 'ADDED', before: null, after: componentText(component) });
      continue;
    }
    field(changes, `${path}.label`, was.label, component.label);
    field(changes, `${path}.metric`, was.metric, component.metric);
    field(
      changes,
      `${path}.scope`,
      COMPONENT_SCOPE_LABELS[was.scope],
      COMPONENT_SCOPE_LABELS[component.scope],
    );
    field(
      changes,
      `${path}.weight`,
      percent(was.weight),
      percent(component.weight),
      decimalsEqual(was.weight, component.weight),
    );
    diffCurve(changes, `${path}.curve`, was.curve, component.curve);
    field(
      changes,
      `${path}.cap`,
      cap(was.cap),
      cap(component.cap),
      decimalOrNoneEqual(was.cap, component.cap),
    );
  }
  for (const component of before) {
    if (!current.has(component.key)) {
      changes.push({
        path: `components.${component.key}`,
        kind: 'REMOVED',
        before: componentText(component),
        after: null,
      });
    }
  }
}

function diffCurve(changes: PlanVersionChange[], path: string, before: CurveSpec, after: CurveSpec): void {
  if (before.source === 'POINTS' && after.source === 'POINTS') {
    field(
      changes,
      `${path}.points`,
      pointsText(before.points),
      pointsText(after.points),
      samePoints(before.points, after.points),
    );
  } else if (before.source === 'TARGETS' && after.source === 'TARGETS') {
    const same =
      before.payouts.length === after.payouts.length &&
      before.payouts.every((payout, i) => decimalsEqual(payout, after.payouts[i]));
    field(changes, `${path}.payouts`, payoutsText(before.payouts), payoutsText(after.payouts), same);
  } else {
    field(changes, path, curveText(before), curveText(after));
  }
}

function levelText(level: string | null): string {
  return level === null ? "the input's threshold" : level;
}

function gateText(gate: PlanGate): string {
  return `${gate.label}: if ${gate.input} is short of ${levelText(gate.level)}, ${gate.components.join(', ')} pay at most ${percent(gate.maxPayout)}`;
}

function diffGates(
  changes: PlanVersionChange[],
  before: readonly PlanGate[],
  after: readonly PlanGate[],
): void {
  const old = new Map(before.map((gate) => [gate.key, gate]));
  const current = new Set(after.map((gate) => gate.key));
  for (const gate of after) {
    const path = `gates.${gate.key}`;
    const was = old.get(gate.key);
    if (!was) {
      changes.push({ path, kind: 'ADDED', before: null, after: gateText(gate) });
      continue;
    }
    field(changes, `${path}.label`, was.label, gate.label);
    field(changes, `${path}.input`, was.input, gate.input);
    field(
      changes,
      `${path}.level`,
      levelText(was.level),
      levelText(gate.level),
      decimalOrNoneEqual(was.level, gate.level),
    );
    field(changes, `${path}.components`, was.components.join(', '), gate.components.join(', '));
    field(
      changes,
      `${path}.maxPayout`,
      percent(was.maxPayout),
      percent(gate.maxPayout),
      decimalsEqual(was.maxPayout, gate.maxPayout),
    );
  }
  for (const gate of before) {
    if (!current.has(gate.key))
      changes.push({ path: `gates.${gate.key}`, kind: 'REMOVED', before: gateText(gate), after: null });
  }
}

function multiplierText(multiplier: PlanMultiplier): string {
  return `${multiplier.label}: ${multiplier.metric}, ${COMPONENT_SCOPE_LABELS[multiplier.scope].toLowerCase()}, points ${pointsText(multiplier.points)}`;
}

function diffMultiplier(
  changes: PlanVersionChange[],
  before: PlanMultiplier | null,
  after: PlanMultiplier | null,
): void {
  if (!before && !after) return;
  if (!before && after) {
    changes.push({ path: 'multiplier', kind: 'ADDED', before: null, after: multiplierText(after) });
    return;
  }
  if (before && !after) {
    changes.push({ path: 'multiplier', kind: 'REMOVED', before: multiplierText(before), after: null });
    return;
  }
  const was = before as PlanMultiplier;
  const now = after as PlanMultiplier;
  field(changes, 'multiplier.label', was.label, now.label);
  field(changes, 'multiplier.metric', was.metric, now.metric);
  field(changes, 'multiplier.scope', COMPONENT_SCOPE_LABELS[was.scope], COMPONENT_SCOPE_LABELS[now.scope]);
  field(
    changes,
    'multiplier.points',
    pointsText(was.points),
    pointsText(now.points),
    samePoints(was.points, now.points),
  );
}

function participantText(row: DiffableParticipant): string {
  return `${row.orgUnit}, ${row.annualTargetBonus} a year, ${row.startDate} – ${row.endDate ?? 'open'}`;
}

function byStart(a: DiffableParticipant, b: DiffableParticipant): number {
  return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0;
}

/**
 * Participants by e-mail. A person in one row on each side is compared field by field; a person
 * listed more than once (a transfer) is paired by start date, then in order, and named
 * `participants.<e-mail> from <start date>`.
 */
function diffParticipants(
  changes: PlanVersionChange[],
  before: readonly DiffableParticipant[],
  after: readonly DiffableParticipant[],
): void {
  const group = (rows: readonly DiffableParticipant[]) => {
    const map = new Map<string, DiffableParticipant[]>();
    for (const row of rows) {
      const email = row.email.toLowerCase();
      map.set(email, [...(map.get(email) ?? []), row]);
    }
    for (const list of map.values()) list.sort(byStart);
    return map;
  };
  const old = group(before);
  const current = group(after);
  const emails = [...new Set([...old.keys(), ...current.keys()])].sort();
  for (const email of emails) {
    const was = [...(old.get(email) ?? [])];
    const now = [...(current.get(email) ?? [])];
    const single = was.length <= 1 && now.length <= 1;
    const name = (row: DiffableParticipant) =>
      single ? `participants.${email}` : `participants.${email} from ${row.startDate}`;
    const pairs: [DiffableParticipant, DiffableParticipant][] = [];
    for (const row of [...now]) {
      const match = was.findIndex((other) => other.startDate === row.startDate);
      if (match >= 0) {
        pairs.push([was[match], row]);
        was.splice(match, 1);
        now.splice(now.indexOf(row), 1);
      }
    }
    while (was.length && now.length)
      pairs.push([was.shift() as DiffableParticipant, now.shift() as DiffableParticipant]);
    for (const [a, b] of pairs) {
      const path = name(b);
      field(changes, `${path}.orgUnit`, a.orgUnit, b.orgUnit);
      field(
        changes,
        `${path}.annualTargetBonus`,
        a.annualTargetBonus,
        b.annualTargetBonus,
        decimalsEqual(a.annualTargetBonus, b.annualTargetBonus),
      );
      field(changes, `${path}.startDate`, a.startDate, b.startDate);
      field(changes, `${path}.endDate`, a.endDate ?? 'open', b.endDate ?? 'open');
    }
    for (const row of now)
      changes.push({ path: name(row), kind: 'ADDED', before: null, after: participantText(row) });
    for (const row of was)
      changes.push({ path: name(row), kind: 'REMOVED', before: participantText(row), after: null });
  }
}
