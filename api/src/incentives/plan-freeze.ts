import { Injectable } from '@nestjs/common';
import {
  CX_INDEX_METRIC,
  parsePeriod,
  PRIMARY_COMMERCIAL_METRIC,
  type ComponentScope,
  type MetricAggregation,
  type PlanRules,
} from '@lodestar/contracts';
import { effectiveBand } from '@lodestar/cx-metrics';
import type { EntityManager } from 'typeorm';
import { ADJUSTED_METRICS } from '../investments/adjusted-figures';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import { bandNumbers, type StoredBand } from '../targets/target-row';
import { exactBand } from '../targets/targets.service';
import type { FrozenBand, FrozenIndexWeight, FrozenInputs } from './frozen-inputs';
import { listed, quartersOf } from './plan-version-rules';

/** An org unit as the freeze needs it. */
export interface FreezeUnit {
  id: string;
  key: string;
  name: string;
  parentId: string | null;
  /** The unit's primary commercial metric, when it has one of its own. */
  primaryMetric: string | null;
}

export interface FreezeMetric {
  key: string;
  name: string;
  aggregation: MetricAggregation;
}

export interface FreezeWeight {
  /** null: the company default. */
  orgUnitId: string | null;
  metric: string;
  weight: string;
}

/** A target as set: a fiscal year or quarter of one metric and unit, decimals as text. */
export interface FreezeTarget extends StoredBand {
  metric: string;
  orgUnitId: string;
  period: string;
}

/** The CX index's band when it has no target of its own: its scores are 50 / 100 / 150 by construction. */
export const NATURAL_INDEX_BAND: StoredBand = { threshold: '50', target: '100', stretch: '150' };

/** A band the version reads: a metric at a unit, and whether approval must refuse without it. */
export interface BandNeed {
  metric: string;
  unitId: string;
  /** A `TARGETS` curve or a gate at its input's threshold reads it: no band, no approval. */
  required: boolean;
}

/**
 * The unit whose results a component at `scope` reads for a participant of `unitId`: the unit
 * itself, its parent (the company, which has none, reads its own), or the root of the tree.
 */
export function scopeUnitId(
  scope: ComponentScope,
  unitId: string,
  units: ReadonlyMap<string, FreezeUnit>,
): string {
  const unit = units.get(unitId);
  if (!unit) return unitId;
  if (scope === 'OWN_UNIT') return unit.id;
  if (scope === 'PARENT_UNIT') return unit.parentId && units.has(unit.parentId) ? unit.parentId : unit.id;
  let at = unit;
  for (
    let up = at.parentId ? units.get(at.parentId) : undefined;
    up;
    up = at.parentId ? units.get(at.parentId) : undefined
  )
    at = up;
  return at.id;
}

/**
 * The metric `primary_commercial` stands for at a unit: the primary commercial metric of the
 * unit, or else of the nearest unit above it that has one (a Sales team is paid on Sales' quota),
 * in its adjusted form where there is one (quota attainment → adjusted quota attainment); null
 * when no unit up to the root has one.
 */
export function primaryCommercialMetricOf(
  unitId: string,
  units: ReadonlyMap<string, FreezeUnit>,
): string | null {
  for (let unit = units.get(unitId); unit; unit = unit.parentId ? units.get(unit.parentId) : undefined) {
    if (unit.primaryMetric) return ADJUSTED_METRICS.get(unit.primaryMetric)?.metric ?? unit.primaryMetric;
  }
  return null;
}

/** The plain metric an adjusted one adds investments to (`adjusted_margin` → `gross_margin`), or null. */
function plainOf(metric: string): string | null {
  for (const [plain, adjusted] of ADJUSTED_METRICS) if (adjusted.metric === metric) return plain;
  return null;
}

/** The CX index weights in force at a unit: its own, or else the company default. */
export function weightsInForce(unitId: string, weights: readonly FreezeWeight[]): FreezeWeight[] {
  const own = weights.filter((weight) => weight.orgUnitId === unitId);
  return own.length ? own : weights.filter((weight) => weight.orgUnitId === null);
}

/**
 * Which bands a version reads, for its participants' units: every component's metric at its scope
 * unit (required for a `TARGETS` curve and for the input of a gate at its threshold), the
 * multiplier's, and for a CX index the bands of the CX metrics its weights name at that unit and
 * at its parent (the index falls back to the parent's when its sample is too small). Units
 * without a primary commercial metric for a `primary_commercial` component are problems.
 */
export function bandNeeds(
  rules: PlanRules,
  participantUnitIds: readonly string[],
  units: ReadonlyMap<string, FreezeUnit>,
  weights: readonly FreezeWeight[],
): { needs: BandNeed[]; indexUnitIds: string[]; problems: string[] } {
  const needs = new Map<string, BandNeed>();
  const indexUnitIds = new Set<string>();
  const problems = new Set<string>();
  const need = (metric: string, unitId: string, required: boolean) => {
    const key = `${metric} ${unitId}`;
    const found = needs.get(key);
    if (found) found.required ||= required;
    else needs.set(key, { metric, unitId, required });
  };
  const thresholdInputs = new Set(
    rules.gates.filter((gate) => gate.level === null).map((gate) => gate.input),
  );
  const read = (metric: string, scope: ComponentScope, required: boolean) => {
    for (const unitId of new Set(participantUnitIds)) {
      const at = scopeUnitId(scope, unitId, units);
      let resolved = metric;
      if (metric === PRIMARY_COMMERCIAL_METRIC) {
        const primary = primaryCommercialMetricOf(at, units);
        if (!primary) {
          problems.add(
            `${units.get(at)?.name ?? at} has no primary commercial metric, nor has any unit above it; set one before approving.`,
          );
          continue;
        }
        resolved = primary;
      }
      need(resolved, at, required);
      if (resolved === CX_INDEX_METRIC) {
        const parent = units.get(at)?.parentId;
        for (const indexUnit of parent ? [at, parent] : [at]) {
          indexUnitIds.add(indexUnit);
          for (const weight of weightsInForce(indexUnit, weights)) need(weight.metric, indexUnit, false);
        }
      }
    }
  };
  for (const component of rules.components) {
    read(
      component.metric,
      component.scope,
      component.curve.source === 'TARGETS' || thresholdInputs.has(component.key),
    );
  }
  if (rules.multiplier) read(rules.multiplier.metric, rules.multiplier.scope, false);
  return { needs: [...needs.values()], indexUnitIds: [...indexUnitIds], problems: [...problems] };
}

/**
 * The bands in effect for every need in every quarter, by the targets' one rule (`effectiveBand`:
 * a phased quarter, else the year's — split evenly over the quarters for a `sum` metric — in exact
 * decimals as `GET /targets/effective` gives them). An adjusted metric without a band of its own
 * reads its plain metric's; a CX index without one reads its natural 50 / 100 / 150. A required
 * band that is missing is named, per metric and unit, with the quarters it lacks.
 */
export function effectiveBands(
  needs: readonly BandNeed[],
  quarters: readonly string[],
  targets: readonly FreezeTarget[],
  metrics: ReadonlyMap<string, FreezeMetric>,
  units: ReadonlyMap<string, FreezeUnit>,
  fiscalStartMonth: number,
): { bands: FrozenBand[]; missing: string[] } {
  const stored = new Map<string, FreezeTarget[]>();
  for (const target of targets) {
    const key = `${target.metric} ${target.orgUnitId}`;
    stored.set(key, [...(stored.get(key) ?? []), target]);
  }
  const bands = new Map<string, FrozenBand>();
  const missing: string[] = [];
  const bandOf = (metric: string, unitId: string, quarter: string): StoredBand | null => {
    const definition = metrics.get(metric);
    const rows = stored.get(`${metric} ${unitId}`) ?? [];
    if (!definition || !rows.length) return null;
    const found = effectiveBand(
      rows.map((row) => ({ period: row.period, band: bandNumbers(row) })),
      definition.aggregation,
      quarter,
      fiscalStartMonth,
    );
    if (!found) return null;
    return exactBand(
      found.basis,
      found.from,
      parsePeriod(quarter),
      new Map(rows.map((row) => [row.period, row])),
    );
  };
  const keep = (metric: string, unitId: string, period: string, band: StoredBand) => {
    const unit = units.get(unitId);
    const key = `${metric} ${unitId} ${period}`;
    if (unit && !bands.has(key))
      bands.set(key, {
        metric,
        orgUnit: unit.key,
        period,
        threshold: band.threshold,
        target: band.target,
        stretch: band.stretch,
      });
  };
  for (const { metric, unitId, required } of needs) {
    const lacking: string[] = [];
    for (const quarter of quarters) {
      const own = bandOf(metric, unitId, quarter);
      if (own) {
        keep(metric, unitId, quarter, own);
        continue;
      }
      const plain = plainOf(metric);
      const plainBand = plain ? bandOf(plain, unitId, quarter) : null;
      if (plain && plainBand) keep(plain, unitId, quarter, plainBand);
      else if (metric === CX_INDEX_METRIC) keep(metric, unitId, quarter, NATURAL_INDEX_BAND);
      else if (required) lacking.push(quarter);
    }
    if (lacking.length) {
      const name = metrics.get(metric)?.name ?? metric;
      missing.push(
        `${name} has no target for ${units.get(unitId)?.name ?? unitId} in ${listed(lacking)}; set it before approving.`,
      );
    }
  }
  const order = (band: FrozenBand) => `${band.metric}\u0000${band.orgUnit}\u0000${band.period}`;
  return {
    bands: [...bands.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)),
    missing,
  };
}

/**
 * Approval's freeze (SPEC §3 "Incentive plans"): the target bands a version reads for its
 * participants' scope units in every quarter from its effective-from to the end of that fiscal
 * year, and the CX index weights in force, read in the approving transaction. Refuses (with every
 * missing band named) when a `TARGETS` curve or a gate at its input's threshold has no band;
 * missing bands of the CX metrics behind a CX index are fine (the index leaves that metric out).
 */
@Injectable()
export class PlanFreeze {
  constructor(private readonly calendar: FiscalCalendarService) {}

  async freeze(
    manager: EntityManager,
    rules: PlanRules,
    participantUnitIds: readonly string[],
    effectiveFrom: string,
  ): Promise<{ frozen: FrozenInputs } | { missing: string[] }> {
    // one after the other: the queries share the transaction's one connection
    const unitRows: {
      id: string;
      key: string;
      name: string;
      parentId: string | null;
      primaryMetric: string | null;
    }[] = await manager.query(
      `SELECT id, key, name, parent_id AS "parentId", primary_metric_key AS "primaryMetric" FROM org_units`,
    );
    const metricRows: FreezeMetric[] = await manager.query(
      `SELECT key, name, aggregation FROM metric_definitions`,
    );
    const weightRows: FreezeWeight[] = await manager.query(
      `SELECT org_unit_id AS "orgUnitId", metric_key AS metric, weight::text AS weight FROM cx_index_weights ORDER BY metric_key`,
    );
    const calendar: { startMonth: number } = await this.calendar.get(manager);
    const units = new Map(unitRows.map((unit) => [unit.id, unit]));
    const metrics = new Map(metricRows.map((metric) => [metric.key, metric]));
    const { needs, indexUnitIds, problems } = bandNeeds(rules, participantUnitIds, units, weightRows);
    const quarters = quartersOf(effectiveFrom);
    const fiscalYear = `FY${(parsePeriod(effectiveFrom) as { fiscalYear: number }).fiscalYear}`;
    const pairs = new Map<string, [string, string]>();
    for (const need of needs) {
      for (const metric of [need.metric, plainOf(need.metric)]) {
        if (metric) pairs.set(`${metric} ${need.unitId}`, [metric, need.unitId]);
      }
    }
    const targets: FreezeTarget[] = pairs.size
      ? await manager.query(
          `SELECT t.metric_key AS metric, t.org_unit_id AS "orgUnitId", t.period,
                  t.threshold::text AS threshold, t.target::text AS target, t.stretch::text AS stretch
             FROM targets t
             JOIN unnest($1::text[], $2::uuid[]) AS k(metric_key, org_unit_id)
               ON k.metric_key = t.metric_key AND k.org_unit_id = t.org_unit_id
            WHERE t.period = $3 OR t.period LIKE $3 || '-Q_'`,
          [
            [...pairs.values()].map(([metric]) => metric),
            [...pairs.values()].map(([, unitId]) => unitId),
            fiscalYear,
          ],
        )
      : [];
    const { bands, missing } = effectiveBands(needs, quarters, targets, metrics, units, calendar.startMonth);
    if (problems.length || missing.length) return { missing: [...problems, ...missing] };
    const indexUnits = new Set(indexUnitIds);
    const cxIndexWeights: FrozenIndexWeight[] = indexUnits.size
      ? weightRows
          .filter((weight) => weight.orgUnitId === null || indexUnits.has(weight.orgUnitId))
          .map((weight) => ({
            orgUnit:
              weight.orgUnitId === null ? null : (units.get(weight.orgUnitId)?.key ?? weight.orgUnitId),
            metric: weight.metric,
            weight: weight.weight,
          }))
      : [];
    return { frozen: { bands, cxIndexWeights } };
  }
}
