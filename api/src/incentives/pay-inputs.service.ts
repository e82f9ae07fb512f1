import { BadRequestException, Injectable } from '@nestjs/common';
import {
  CX_INDEX_METRIC,
  DEFAULT_PAY_MINIMUM_SAMPLE,
  monthsOf,
  parsePeriod,
  PeriodLabelError,
  PRIMARY_COMMERCIAL_METRIC,
  type ComponentScope,
  type MetricFact,
  type SurveyType,
  type TargetBand,
} from '@lodestar/contracts';
import { bandProblem, type CurrentFigures, MeasurementPeriods } from '@lodestar/cx-metrics';
import { DataSource } from 'typeorm';
import { AdjustedFigures, type ApprovedInvestmentTotal } from '../investments/adjusted-figures';
import { CxInvestmentFigures } from '../investments/cx-investment-figures';
import { fiscalYearOf } from '../scorecards/scorecard-periods';
import {
  ScorecardSources,
  type IndexWeight,
  type ScorecardMetric,
  type ScorecardUnit,
  type UnitTarget,
} from '../scorecards/scorecard-sources';
import {
  childIds,
  groupTargets,
  isMeasured,
  orgSnapshot,
  scorableBand,
  subtreeIds,
  vocFigures,
  type OrgSnapshot,
} from '../scorecards/scorecards.service';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type { FrozenBand, FrozenIndexWeight, FrozenInputs } from './frozen-inputs';
import { primaryCommercialMetricOf } from './plan-freeze';
import {
  monthRange,
  plainDecimal,
  plainMetricOf,
  PayInputResolver,
  scopeUnitOf,
  trailingTwelveMonths,
  type ApprovedOverride,
} from './pay-inputs';

export interface PayInputRequest {
  metric: string;
  scope: ComponentScope;
  /** The participant's unit. */
  orgUnitId: string;
}

export interface PayFacts {
  /** The fact of an asked (metric, scope, participant unit); throws if it was not asked for. */
  fact(request: PayInputRequest): MetricFact;
}

const requestKey = (request: PayInputRequest) =>
  `${request.metric}\u0000${request.scope}\u0000${request.orgUnitId}`;

class RequestedFacts implements PayFacts {
  constructor(private readonly byRequest: ReadonlyMap<string, MetricFact>) {}

  fact(request: PayInputRequest): MetricFact {
    const found = this.byRequest.get(requestKey(request));
    if (!found) {
      throw new Error(
        `The ${request.metric} fact at scope ${request.scope} for unit ${request.orgUnitId} was not asked for.`,
      );
    }
    return found;
  }
}

/** One asked metric at one scope unit: what a fact is computed for. */
interface Wanted {
  /** The metric as asked: a metric key, or `primary_commercial`. */
  asked: string;
  /** The metric read; null for a primary commercial metric the unit does not have. */
  metric: ScorecardMetric | null;
  unit: ScorecardUnit;
}

/** What the asked facts need read. */
interface Needs {
  wanted: Map<string, Wanted>;
  byRequest: Map<string, string>;
  /** Units whose bands (and CX-index weights) are read: scope units and the parents CX fallbacks read. */
  bandUnits: Map<string, ScorecardUnit>;
  /** Units whose answers are read (subtree results). */
  vocUnits: Map<string, ScorecardUnit>;
  /** Units with an asked CX index, and their parents. */
  indexUnits: Map<string, ScorecardUnit>;
  cxAsked: boolean;
  adjustedAsked: boolean;
}

/**
 * The values pay reads, for many participants at once: for a quarter and every asked (metric,
 * scope, participant unit), the scope unit's value — the same numbers its scorecard shows, with
 * pay's stricter minimum sample and its fallbacks for CX values — and its band. Each call reads
 * the org tree, metrics, measurements, targets, weights, answers, investments and overrides in a
 * handful of statements, whatever the number of participants, and caches nothing.
 */
@Injectable()
export class PayInputsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: ScorecardSources,
    private readonly calendar: FiscalCalendarService,
    private readonly investments: CxInvestmentFigures,
  ) {}

  /**
   * Facts for every asked (metric, scope, participant unit) in one quarter. `frozen` (from an
   * approved version) replaces live target bands and CX-index weights; null (a draft's preview)
   * reads the live ones. 400 for a period that is not a quarter or an unknown metric.
   */
  async facts(
    period: string,
    requests: readonly PayInputRequest[],
    frozen: FrozenInputs | null,
  ): Promise<PayFacts> {
    const quarter = quarterLabel(period);
    const [units, metricList, calendar] = await Promise.all([
      this.sources.units(),
      this.sources.metrics(),
      this.calendar.get(),
    ]);
    const org = orgSnapshot(units);
    const metrics = new Map(metricList.map((metric) => [metric.key, metric]));
    const needs = this.needs(org, metrics, requests);
    const months = monthsOf(quarter, calendar.startMonth);
    const trailingMonths = trailingTwelveMonths(months);
    const trailing = monthRange(trailingMonths);

    const bandUnitIds = [...needs.bandUnits.keys()];
    const weights: IndexWeight[] = !needs.indexUnits.size
      ? []
      : frozen
        ? frozenWeights(frozen.cxIndexWeights, org)
        : await this.sources.indexWeights(bandUnitIds);
    const weighted = [...new Set(weights.map((weight) => weight.metric))].flatMap(
      (key) => metrics.get(key) ?? [],
    );

    const asked = [...needs.wanted.values()].flatMap(({ metric }) => metric ?? []);
    const measured = new Set<string>();
    for (const metric of [...asked, ...weighted]) if (isMeasured(metric)) measured.add(metric.key);
    for (const metric of asked) {
      const plain = plainMetricOf(metric.key);
      if (plain) measured.add(plain);
    }
    const surveys = new Set<SurveyType>();
    for (const metric of needs.cxAsked ? [...asked, ...weighted] : [])
      if (metric.survey) surveys.add(metric.survey);
    const targetMetrics = new Set<string>(asked.map((metric) => metric.key));
    for (const metric of asked) {
      const plain = plainMetricOf(metric.key);
      if (plain) targetMetrics.add(plain);
    }
    for (const metric of weighted) targetMetrics.add(metric.key);
    const vocUnits = [...needs.vocUnits.values()];

    const [current, targets, counts, invested, overrides] = await Promise.all([
      this.sources.currentMeasurements([...measured], months),
      frozen
        ? Promise.resolve([] as UnitTarget[])
        : this.sources.targets(bandUnitIds, [...targetMetrics], [fiscalYearOf(quarter, calendar.startMonth)]),
      this.sources.vocScoreCounts(
        vocUnits.map((unit) => subtreeIds(org, unit)),
        [months, trailingMonths],
        [...surveys],
      ),
      needs.adjustedAsked
        ? this.investments.approved(months)
        : Promise.resolve([] as ApprovedInvestmentTotal[]),
      needs.cxAsked ? this.approvedOverrides(quarter) : Promise.resolve(new Map<string, ApprovedOverride>()),
    ]);

    const children = childIds(org);
    const live = groupTargets(targets);
    const frozenBands = frozen ? frozenBandMap(frozen.bands, quarter) : null;
    const resolver = new PayInputResolver({
      period: quarter,
      months,
      trailingMonths,
      org,
      metrics,
      measurements: new MeasurementPeriods(current, children),
      reported: reportedMonths(current),
      adjusted: new AdjustedFigures(current, children, invested),
      voc: vocFigures(counts, vocUnits, [...surveys], [quarter, trailing], DEFAULT_PAY_MINIMUM_SAMPLE),
      bandOf: frozenBands
        ? (unit, metric) => scorable(frozenBands.get(`${metric.key} ${unit.key}`) ?? null, metric)
        : (unit, metric) =>
            scorableBand(live.get(`${unit.id} ${metric.key}`), metric, quarter, calendar.startMonth),
      weights,
      overrides,
      minimumSample: DEFAULT_PAY_MINIMUM_SAMPLE,
    });

    const facts = new Map<string, Omit<MetricFact, 'scope'>>();
    for (const [key, { asked: metricKey, metric, unit }] of needs.wanted)
      facts.set(key, {
        ...(metric ? resolver.fact(metric, unit) : noPrimaryMetric(unit, quarter)),
        metric: metricKey,
      });
    const byRequest = new Map<string, MetricFact>();
    for (const request of requests) {
      const key = requestKey(request);
      if (byRequest.has(key)) continue;
      const body = facts.get(needs.byRequest.get(key) as string) as Omit<MetricFact, 'scope'>;
      byRequest.set(key, { ...body, scope: request.scope });
    }
    return new RequestedFacts(byRequest);
  }

  /** The distinct (metric, scope unit) pairs asked, and the units whose data they read. */
  private needs(
    org: OrgSnapshot,
    metrics: ReadonlyMap<string, ScorecardMetric>,
    requests: readonly PayInputRequest[],
  ): Needs {
    const needs: Needs = {
      wanted: new Map(),
      byRequest: new Map(),
      bandUnits: new Map(),
      vocUnits: new Map(),
      indexUnits: new Map(),
      cxAsked: false,
      adjustedAsked: false,
    };
    for (const request of requests) {
      const key = requestKey(request);
      if (needs.byRequest.has(key)) continue;
      const commercial = request.metric === PRIMARY_COMMERCIAL_METRIC;
      if (!commercial && !metrics.has(request.metric)) {
        throw new BadRequestException(
          `"${request.metric}" is not a metric: GET /api/v1/metrics lists the metrics a component can read.`,
        );
      }
      const participantUnit = org.byId.get(request.orgUnitId);
      if (!participantUnit)
        throw new BadRequestException(`There is no org unit with the id ${request.orgUnitId}.`);
      const unit = scopeUnitOf(org, participantUnit, request.scope);
      const wantedKey = `${request.metric} ${unit.id}`;
      needs.byRequest.set(key, wantedKey);
      if (needs.wanted.has(wantedKey)) continue;
      const resolved = commercial ? primaryCommercialMetricOf(unit.id, org.byId) : request.metric;
      const metric = (resolved && metrics.get(resolved)) || null;
      needs.wanted.set(wantedKey, { asked: request.metric, metric, unit });
      needs.bandUnits.set(unit.id, unit);
      if (!metric) continue;
      if (plainMetricOf(metric.key)) needs.adjustedAsked = true;
      const index = metric.key === CX_INDEX_METRIC;
      if (!index && !metric.survey) continue;
      needs.cxAsked = true;
      const parent = unit.parentId ? org.byId.get(unit.parentId) : undefined;
      for (const at of parent ? [unit, parent] : [unit]) {
        needs.vocUnits.set(at.id, at);
        if (index) {
          needs.indexUnits.set(at.id, at);
          needs.bandUnits.set(at.id, at);
        }
      }
    }
    return needs;
  }

  /** Approved overrides of the quarter by `${unitId} ${metric}`. */
  private async approvedOverrides(quarter: string): Promise<Map<string, ApprovedOverride>> {
    const rows: { orgUnitId: string; metric: string; value: string; reason: string; approvedBy: string }[] =
      await this.dataSource.query(
        `SELECT o.org_unit_id AS "orgUnitId", o.metric, o.value::text AS value, o.reason, u.name AS "approvedBy"
           FROM pay_overrides o JOIN users u ON u.id = o.decided_by
          WHERE o.period = $1 AND o.status = 'APPROVED'`,
        [quarter],
      );
    return new Map(
      rows.map((row) => [
        `${row.orgUnitId} ${row.metric}`,
        { value: plainDecimal(row.value), reason: row.reason, approvedBy: row.approvedBy },
      ]),
    );
  }
}

/** The fact of a primary commercial metric the scope unit does not have, nor any unit above it. */
function noPrimaryMetric(unit: ScorecardUnit, quarter: string): Omit<MetricFact, 'scope'> {
  return {
    metric: PRIMARY_COMMERCIAL_METRIC,
    metricName: 'Primary commercial result',
    unit: 'percent',
    direction: 'higher',
    input: {
      value: null,
      basis: 'ACTUAL',
      source: `Primary commercial result of ${unit.name}, ${quarter}: no result — neither ${unit.name} nor any unit above it has a primary commercial metric.`,
      sample: null,
      orgUnit: { key: unit.key, name: unit.name },
      period: quarter,
    },
    band: null,
  };
}

/** The canonical quarter label; 400 for anything else. */
function quarterLabel(period: string): string {
  const message = `period must be a fiscal quarter such as FY2026-Q1, not "${period}": statements are per quarter.`;
  try {
    const parsed = parsePeriod(period);
    if (parsed.kind !== 'quarter') throw new BadRequestException(message);
    return `FY${parsed.fiscalYear}-Q${parsed.quarter}`;
  } catch (error) {
    if (error instanceof PeriodLabelError) throw new BadRequestException(message);
    throw error;
  }
}

/** `${metric} ${unitKey}` → the frozen band of the quarter. */
function frozenBandMap(bands: readonly FrozenBand[], quarter: string): Map<string, TargetBand> {
  const found = new Map<string, TargetBand>();
  for (const band of bands) {
    if (band.period !== quarter) continue;
    found.set(`${band.metric} ${band.orgUnit}`, {
      threshold: Number(band.threshold),
      target: Number(band.target),
      stretch: Number(band.stretch),
    });
  }
  return found;
}

/** A band as the scorecard scores it: none when it is not ordered in the metric's better direction. */
function scorable(band: TargetBand | null, metric: ScorecardMetric): TargetBand | null {
  return band && !bandProblem(metric.direction, band) ? band : null;
}

/** Frozen weights as the index reads them; a unit that no longer exists drops out. */
function frozenWeights(weights: readonly FrozenIndexWeight[], org: OrgSnapshot): IndexWeight[] {
  return weights.flatMap((weight) => {
    const orgUnitId = weight.orgUnit === null ? null : (org.byKey.get(weight.orgUnit)?.id ?? undefined);
    return orgUnitId === undefined
      ? []
      : [{ orgUnitId, metric: weight.metric, weight: Number(weight.weight) }];
  });
}

/** `${metric} ${unitId} ${month}` of every month a unit reported a value of its own. */
function reportedMonths(rows: readonly CurrentFigures[]): Set<string> {
  const reported = new Set<string>();
  for (const row of rows) {
    const has =
      (row.value !== null && row.value !== undefined) ||
      (row.numerator !== null &&
        row.numerator !== undefined &&
        row.denominator !== null &&
        row.denominator !== undefined);
    if (has) reported.add(`${row.metric} ${row.orgUnitId} ${row.month}`);
  }
  return reported;
}
