import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  CX_INDEX_METRIC,
  monthsOf,
  type CompanyScorecard,
  type CxIndexResult,
  type ScorecardCell,
  type ScorecardColumn,
  type ScorecardRow,
  type Status,
  type SurveyType,
  type TargetBand,
  type UnitScorecard,
} from '@lodestar/contracts';
import {
  bandProblem,
  cxIndex,
  cxResult,
  DEFAULT_MINIMUM_SAMPLE,
  effectiveBand,
  histogramFromScoreCounts,
  MeasurementPeriods,
  type PeriodBand,
  scoreValue,
  status,
  weightsProblem,
  withinMarginOfTarget,
} from '@lodestar/cx-metrics';
import { ReadCache, type CacheTopic } from '../common/read-cache';
import { ADJUSTED_METRICS, AdjustedFigures } from '../investments/adjusted-figures';
import { CxInvestmentFigures } from '../investments/cx-investment-figures';
import { CxInvestmentsService } from '../investments/cx-investments.service';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import { ActionPlansService } from './action-plans.service';
import { CommentsService } from './comments.service';
import { fiscalYearOf, periodLabel } from './scorecard-periods';
import {
  ScorecardSources,
  type IndexWeight,
  type ScorecardMetric,
  type ScorecardUnit,
  type UnitTarget,
  type VocScoreCount,
} from './scorecard-sources';
import { unknownUnit } from './scorecard-writers';
import { trendPeriods } from './trend-periods';

/** A scorecard shows these; a write to any of them retires it at once. */
const TOPICS: CacheTopic[] = ['voc', 'measurements', 'targets', 'org', 'calendar', 'scorecards'];
/** How long a scorecard may miss a change made by another process (this one's writes show at once). */
const CACHE_MS = 10_000;

/** The built-in CX metrics in the order every scorecard shows them; custom CX metrics follow by key. */
export const CX_COLUMN_ORDER = [
  'nps',
  'csat',
  'ces',
  'retention',
  'churn',
  'complaint_rate',
  'first_time_right',
  'on_time_delivery',
  'escalations',
];
/** The CX index's band when it has no targets of its own: scores are 50 / 100 / 150 by construction. */
const INDEX_BAND: TargetBand = { threshold: 50, target: 100, stretch: 150 };

/** The org tree as one read, with the lookups a scorecard needs. */
export interface OrgSnapshot {
  units: ScorecardUnit[];
  byId: Map<string, ScorecardUnit>;
  byKey: Map<string, ScorecardUnit>;
  /** unit id → its children, by name */
  children: Map<string, ScorecardUnit[]>;
}

/**
 * A scorecard with its JSON and entity tag, made once when it is computed: a cached scorecard is
 * read far more often than it changes, and serialising 60 KB on every read would cost more than
 * everything else the request does.
 */
export interface Sent<T> {
  scorecard: T;
  json: string;
  /** The same JSON compressed once, for the browsers that accept gzip (about a tenth of the bytes). */
  gzip: Buffer;
  etag: string;
}

function sent<T>(scorecard: T): Sent<T> {
  const json = JSON.stringify(scorecard);
  const digest = createHash('sha1').update(json).digest('base64url').slice(0, 27);
  return {
    scorecard,
    json,
    gzip: gzipSync(json),
    etag: `W/"${Buffer.byteLength(json).toString(16)}-${digest}"`,
  };
}

/** A CX result of a unit's subtree in a period, as a cell shows it. */
export interface VocFigure {
  value: number | null;
  n: number;
  marginOfError: number | null;
  insufficientSample: boolean;
}

/** Everything the rows of one scorecard are computed from, read in a handful of statements. */
interface Facts {
  period: string;
  periods: string[];
  monthsOf: Map<string, string[]>;
  startMonth: number;
  metrics: Map<string, ScorecardMetric>;
  measurements: MeasurementPeriods;
  /** `${unitId} ${metric}` → targets as set */
  targets: Map<string, PeriodBand[]>;
  weights: IndexWeight[];
  /** `${unitId} ${survey} ${period}` → result */
  voc: Map<string, VocFigure>;
  /** Margin and quota attainment with the approved CX investments of the asked period added back. */
  adjusted: AdjustedFigures;
}

/**
 * Company and unit scorecards: each unit's CX metrics, primary commercial metric and margin
 * against their target bands, with trends and the CX index. A whole scorecard is computed from a
 * few batched reads (one each for the answers' histograms, the measurements, the targets and the
 * weights, whatever the number of cells) and cached per period until the answers, measurements, targets, org tree,
 * calendar, comments or action plans change. The rules (score, status, attainment, effective
 * targets, the CX index, period aggregation) are those of `@lodestar/cx-metrics`.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly sources: ScorecardSources,
    private readonly calendar: FiscalCalendarService,
    private readonly comments: CommentsService,
    private readonly actionPlans: ActionPlansService,
    private readonly cache: ReadCache,
    private readonly investments: CxInvestmentFigures,
    private readonly investmentList: CxInvestmentsService,
  ) {}

  /** The company scorecard of a month, quarter or fiscal year, with its JSON as sent; 400 for a bad label. */
  company(period: string): Promise<Sent<CompanyScorecard>> {
    const label = periodLabel(period);
    return this.cache.get(
      `scorecard:company:${label}`,
      TOPICS,
      CACHE_MS,
      async () => sent(await this.computeCompany(label)),
      { serveStale: true },
    );
  }

  /** A unit's scorecard with its children, comments and action plans; 404 naming an unknown key. */
  unit(key: string, period: string): Promise<Sent<UnitScorecard>> {
    const label = periodLabel(period);
    return this.cache.get(
      `scorecard:unit:${key}:${label}`,
      TOPICS,
      CACHE_MS,
      async () => sent(await this.computeUnit(key, label)),
      { serveStale: true },
    );
  }

  private async computeCompany(period: string): Promise<CompanyScorecard> {
    const org = await this.org();
    const company =
      org.units.find((unit) => unit.parentId === null && unit.type === 'COMPANY') ??
      org.units.find((unit) => unit.parentId === null);
    if (!company) throw unknownUnit('company');
    const functions = org.children.get(company.id) ?? [];
    const { cxColumns, rows } = await this.rows(org, [company, ...functions], period);
    return { period, cxColumns, company: rows[0], functions: rows.slice(1) };
  }

  private async computeUnit(key: string, period: string): Promise<UnitScorecard> {
    const org = await this.org();
    const unit = org.byKey.get(key);
    if (!unit) throw unknownUnit(key);
    const children = org.children.get(unit.id) ?? [];
    const calendar = await this.calendar.get();
    const [{ cxColumns, rows }, comments, actionPlans, investments] = await Promise.all([
      this.rows(org, [unit, ...children], period),
      this.comments.list(unit.id, period),
      this.actionPlans.list(unit.id, monthsOf(period, calendar.startMonth), calendar.timeZone),
      this.investmentList.list({ orgUnit: key, period, page: 1, pageSize: 50 }),
    ]);
    const commented = new Set(comments.map((comment) => comment.metric));
    const commentsRequired = rows[0].cx
      .filter((cell) => cell.status === 'red' && !cell.insufficientSample && !commented.has(cell.metric))
      .map((cell) => cell.metric);
    return {
      period,
      cxColumns,
      unit: rows[0],
      children: rows.slice(1),
      comments,
      actionPlans,
      commentsRequired,
      investments: investments.items,
    };
  }

  private async org(): Promise<OrgSnapshot> {
    return orgSnapshot(await this.sources.units());
  }

  /** The rows of these units for a period, and the CX columns they follow. */
  private async rows(
    org: OrgSnapshot,
    units: ScorecardUnit[],
    period: string,
  ): Promise<{ cxColumns: ScorecardColumn[]; rows: ScorecardRow[] }> {
    const [metricList, calendar] = await Promise.all([this.sources.metrics(), this.calendar.get()]);
    const metrics = new Map(metricList.map((metric) => [metric.key, metric]));
    const cxMetrics = cxColumnMetrics(metricList);
    const periods = trendPeriods(period);
    const periodMonths = new Map(periods.map((label) => [label, monthsOf(label, calendar.startMonth)]));
    const commercial = new Map(units.map((unit) => [unit.id, commercialMetrics(org, unit)]));

    const shown = new Set<string>(cxMetrics.map((metric) => metric.key));
    for (const { primary, margin } of commercial.values())
      for (const key of [primary, margin]) if (key && metrics.has(key)) shown.add(key);
    const measured = [...shown].filter((key) => isMeasured(metrics.get(key)));
    const adjustedKeys = [...shown].flatMap((key) => ADJUSTED_METRICS.get(key)?.metric ?? []);
    const surveys = [...new Set(cxMetrics.flatMap((metric) => (metric.survey ? [metric.survey] : [])))];
    const unitIds = units.map((unit) => unit.id);

    const [current, targets, weights, voc, investments] = await Promise.all([
      this.sources.currentMeasurements(measured, [...new Set([...periodMonths.values()].flat())]),
      this.sources.targets(
        unitIds,
        [...shown, ...adjustedKeys, CX_INDEX_METRIC],
        [...new Set(periods.map((label) => fiscalYearOf(label, calendar.startMonth)))],
      ),
      this.sources.indexWeights(unitIds),
      this.sources.vocScoreCounts(
        units.map((unit) => subtreeIds(org, unit)),
        periods.map((label) => periodMonths.get(label) ?? []),
        surveys,
      ),
      this.investments.approved(periodMonths.get(period) ?? []),
    ]);
    const facts: Facts = {
      period,
      periods,
      monthsOf: periodMonths,
      startMonth: calendar.startMonth,
      metrics,
      measurements: new MeasurementPeriods(current, childIds(org)),
      targets: groupTargets(targets),
      weights,
      voc: vocFigures(voc, units, surveys, periods),
      adjusted: new AdjustedFigures(current, childIds(org), investments),
    };

    const rows = units.map((unit): ScorecardRow => {
      const cx = cxMetrics.map((metric) => this.cell(facts, unit, metric));
      const { primary, margin } = commercial.get(unit.id) ?? { primary: null, margin: null };
      const cellOf = (key: string | null) => {
        const metric = key ? metrics.get(key) : undefined;
        return metric ? this.cell(facts, unit, metric) : null;
      };
      return {
        orgUnit: unit.key,
        name: unit.name,
        type: unit.type,
        leader: unit.leader,
        headcount: headcount(org, unit),
        cx,
        primary: cellOf(primary),
        margin: cellOf(margin),
        cxIndex: this.index(facts, unit, cx),
      };
    });
    return {
      cxColumns: cxMetrics.map(({ key, name, unit, direction }) => ({ metric: key, name, unit, direction })),
      rows,
    };
  }

  private cell(facts: Facts, unit: ScorecardUnit, metric: ScorecardMetric): ScorecardCell {
    const trend = facts.periods.map((period) => ({
      period,
      actual: this.actual(facts, unit, metric, period),
    }));
    const actual = trend[trend.length - 1].actual;
    const result = metric.survey ? facts.voc.get(`${unit.id} ${metric.survey} ${facts.period}`) : undefined;
    const band = this.band(facts, unit, metric);
    const scored = scoreValue(metric.direction, metric.unit, actual, band);
    const insufficientSample = result?.insufficientSample ?? false;
    const marginOfError = result?.marginOfError ?? null;
    return {
      metric: metric.key,
      actual,
      threshold: band?.threshold ?? null,
      target: band?.target ?? null,
      stretch: band?.stretch ?? null,
      score: scored.score,
      attainment: scored.attainment,
      status: scored.status,
      trend,
      n: result ? result.n : null,
      marginOfError,
      insufficientSample,
      withinMarginOfTarget:
        !!result &&
        !insufficientSample &&
        actual !== null &&
        band !== null &&
        marginOfError !== null &&
        withinMarginOfTarget(actual, marginOfError, band.target),
      adjusted: this.adjustedFigure(facts, unit, metric, band),
    };
  }

  /** A period's value: the CX result of the unit's subtree, or the measured value with roll-up. */
  private actual(facts: Facts, unit: ScorecardUnit, metric: ScorecardMetric, period: string): number | null {
    if (metric.survey) return facts.voc.get(`${unit.id} ${metric.survey} ${period}`)?.value ?? null;
    if (!isMeasured(metric)) return null;
    const value = facts.measurements.value(
      metric.key,
      metric.aggregation as MeasuredAggregation,
      unit.id,
      facts.monthsOf.get(period) ?? [],
    );
    return value === null ? null : Number(value);
  }

  /**
   * Beside margin and quota attainment: the figure with the approved CX investments of the asked
   * period added back (`adjusted_margin`, `adjusted_quota_attainment`). It is scored on the
   * adjusted metric's own band when the unit has targets for it, else on the plain metric's band:
   * the investment is carved out of the figure the target was set for, not a new goal.
   */
  private adjustedFigure(
    facts: Facts,
    unit: ScorecardUnit,
    metric: ScorecardMetric,
    plainBand: TargetBand | null,
  ): ScorecardCell['adjusted'] {
    const adjusted = ADJUSTED_METRICS.get(metric.key);
    const definition = adjusted && facts.metrics.get(adjusted.metric);
    if (!definition) return null;
    const value = facts.adjusted.value(metric.key, unit.id, facts.monthsOf.get(facts.period) ?? []);
    const actual = value === null ? null : Number(value);
    const band = this.band(facts, unit, definition) ?? plainBand;
    const scored = scoreValue(definition.direction, definition.unit, actual, band);
    return { metric: definition.key, actual, score: scored.score, status: scored.status };
  }

  /** The band that applies to the unit, metric and asked period; none when it could not be scored. */
  private band(facts: Facts, unit: ScorecardUnit, metric: ScorecardMetric): TargetBand | null {
    return scorableBand(
      facts.targets.get(`${unit.id} ${metric.key}`),
      metric,
      facts.period,
      facts.startMonth,
    );
  }

  /** The unit's CX index over its own weights or the company default, with its status. */
  private index(
    facts: Facts,
    unit: ScorecardUnit,
    cx: ScorecardCell[],
  ): CxIndexResult & { status: Status | null } {
    const cells = new Map(cx.map((cell) => [cell.metric, cell]));
    const result = unitCxIndex(facts.weights, unit.id, (metric) => {
      const definition = facts.metrics.get(metric);
      const cell = cells.get(metric) ?? (definition ? this.cell(facts, unit, definition) : undefined);
      return (
        cell && {
          score: cell.score,
          insufficientSample: cell.insufficientSample,
          hasTarget: cell.target !== null,
        }
      );
    });
    if (!result.components.length) return { ...result, status: null };
    const indexMetric = facts.metrics.get(CX_INDEX_METRIC);
    const band = (indexMetric && this.band(facts, unit, indexMetric)) || INDEX_BAND;
    return { ...result, status: result.value === null ? null : status(result.value, band, 'higher') };
  }
}

export type MeasuredAggregation = 'sum' | 'ratio' | 'latest' | 'mean';

const emptyIndex: CxIndexResult = {
  value: null,
  weightUsed: 0,
  insufficient: true,
  components: [],
  note: null,
};

/** The org tree of these units (ordered by name, as `ScorecardSources.units` reads them) with its lookups. */
export function orgSnapshot(units: ScorecardUnit[]): OrgSnapshot {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, ScorecardUnit[]>();
  // units come ordered by name, so each list of children is too
  for (const unit of units) {
    if (unit.parentId && byId.has(unit.parentId))
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  return { units, byId, byKey: new Map(units.map((unit) => [unit.key, unit])), children };
}

/**
 * The band that applies to a unit's metric in a period, from the targets set for that unit and
 * metric (`effectiveBand`); null when none applies or the band cannot be scored.
 */
export function scorableBand(
  targets: readonly PeriodBand[] | undefined,
  metric: Pick<ScorecardMetric, 'aggregation' | 'direction'>,
  period: string,
  startMonth: number,
): TargetBand | null {
  if (!targets) return null;
  const band = effectiveBand(targets, metric.aggregation, period, startMonth)?.band ?? null;
  // the table keeps bands ordered one way or the other; one ordered against the metric's direction is not scored
  return band && !bandProblem(metric.direction, band) ? band : null;
}

/** What the CX index needs of one weighted metric of a unit. */
export interface IndexPart {
  score: number | null;
  insufficientSample: boolean;
  hasTarget: boolean;
}

/**
 * A unit's CX index over its own weights or, when it has none, the company default (`orgUnitId`
 * null), by `cxIndex` of `@lodestar/cx-metrics`; `part` gives each weighted metric's score. No
 * weights, or weights that cannot be used, give an empty, insufficient index with a note saying so.
 */
export function unitCxIndex(
  weights: readonly IndexWeight[],
  unitId: string,
  part: (metric: string) => IndexPart | undefined,
): CxIndexResult {
  const own = weights.filter((weight) => weight.orgUnitId === unitId);
  const chosen = own.length ? own : weights.filter((weight) => weight.orgUnitId === null);
  if (!chosen.length) {
    return {
      ...emptyIndex,
      note: 'No CX index weights are set: the CX lead sets the company default or the unit’s own.',
    };
  }
  const problem = weightsProblem(chosen);
  if (problem) return { ...emptyIndex, note: `The CX index weights cannot be used: ${problem}.` };
  return cxIndex(
    chosen.map(({ metric, weight }) => {
      const found = part(metric);
      return {
        metric,
        weight,
        score: found?.score ?? null,
        insufficientSample: found?.insufficientSample ?? false,
        hasTarget: found?.hasTarget ?? false,
      };
    }),
  );
}

/** CX-category metrics, built-ins in their fixed order, then custom ones by key; never the CX index itself. */
export function cxColumnMetrics(metrics: readonly ScorecardMetric[]): ScorecardMetric[] {
  const rank = (key: string) => {
    const at = CX_COLUMN_ORDER.indexOf(key);
    return at === -1 ? CX_COLUMN_ORDER.length : at;
  };
  return metrics
    .filter((metric) => metric.category === 'CX' && metric.key !== CX_INDEX_METRIC)
    .sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A metric whose value comes from measurements (not answers, not the CX index). */
export function isMeasured(metric: ScorecardMetric | undefined): boolean {
  return (
    !!metric && !metric.survey && metric.aggregation !== 'response_weighted' && metric.key !== CX_INDEX_METRIC
  );
}

/**
 * A unit's primary commercial metric and margin metric: its own, or else those of the nearest
 * unit above it that has them, short of the company (a team shows its function's; a new
 * function does not take the company's revenue).
 */
function commercialMetrics(
  org: OrgSnapshot,
  unit: ScorecardUnit,
): { primary: string | null; margin: string | null } {
  for (
    let at: ScorecardUnit | undefined = unit;
    at;
    at = at.parentId ? org.byId.get(at.parentId) : undefined
  ) {
    if (at !== unit && !at.parentId) break; // the company's own are not handed down
    if (at.primaryMetric || at.marginMetric) return { primary: at.primaryMetric, margin: at.marginMetric };
  }
  return { primary: null, margin: null };
}

/** Active users in the unit and every unit below it, as the org tree counts them. */
function headcount(org: OrgSnapshot, unit: ScorecardUnit): number {
  return (
    unit.ownHeadcount +
    (org.children.get(unit.id) ?? []).reduce((sum, child) => sum + headcount(org, child), 0)
  );
}

/**
 * The CX result of every asked unit's subtree, survey and period, by the formulas of
 * `@lodestar/cx-metrics` and (by default) the same minimum sample as `GET /cx/results`, keyed
 * `${unitId} ${survey} ${period}`. `units` and `periods` are the lists `vocScoreCounts` was asked for.
 */
export function vocFigures(
  counts: readonly VocScoreCount[],
  units: readonly { id: string }[],
  surveys: readonly SurveyType[],
  periods: readonly string[],
  minimumSample: number = DEFAULT_MINIMUM_SAMPLE,
): Map<string, VocFigure> {
  const grouped = new Map<string, { score: number; count: number }[]>();
  for (const row of counts) {
    const key = `${units[row.subtree].id} ${row.survey} ${periods[row.period]}`;
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  const figures = new Map<string, VocFigure>();
  for (const unit of units) {
    for (const survey of surveys) {
      for (const period of periods) {
        const key = `${unit.id} ${survey} ${period}`;
        const result = cxResult(histogramFromScoreCounts(survey, grouped.get(key) ?? []), minimumSample);
        figures.set(key, {
          value: result.value,
          n: result.n,
          marginOfError: result.marginOfError,
          insufficientSample: result.insufficientSample,
        });
      }
    }
  }
  return figures;
}

/** The ids of a unit and every unit below it. */
export function subtreeIds(org: OrgSnapshot, unit: ScorecardUnit): string[] {
  return [unit.id, ...(org.children.get(unit.id) ?? []).flatMap((child) => subtreeIds(org, child))];
}

/** unit id → ids of its direct children, as `MeasurementPeriods` and `AdjustedFigures` take them. */
export function childIds(org: OrgSnapshot): Map<string, string[]> {
  return new Map([...org.children].map(([id, children]) => [id, children.map((child) => child.id)]));
}

/** Targets as set, by `${unitId} ${metric}`. */
export function groupTargets(targets: readonly UnitTarget[]): Map<string, PeriodBand[]> {
  const grouped = new Map<string, PeriodBand[]>();
  for (const target of targets) {
    const key = `${target.orgUnitId} ${target.metric}`;
    grouped.set(key, [...(grouped.get(key) ?? []), { period: target.period, band: target.band }]);
  }
  return grouped;
}
