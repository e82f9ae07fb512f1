import {
  addMonths,
  CX_INDEX_METRIC,
  monthLabel,
  type ComponentScope,
  type CxIndexResult,
  type InputBasis,
  type MetricFact,
  type ResolvedInput,
  type TargetBand,
} from '@lodestar/contracts';
import { type MeasurementPeriods, scoreValue } from '@lodestar/cx-metrics';
import { chooseCxInput } from '@lodestar/incentives';
import { Decimal } from 'decimal.js';
import { ADJUSTED_METRICS, type AdjustedFigures } from '../investments/adjusted-figures';
import { formatAmount } from '../investments/money';
import type { IndexWeight, ScorecardMetric, ScorecardUnit } from '../scorecards/scorecard-sources';
import {
  isMeasured,
  unitCxIndex,
  type MeasuredAggregation,
  type OrgSnapshot,
  type VocFigure,
} from '../scorecards/scorecards.service';

/** The CX index's band when it has no targets of its own: its scores are 50 / 100 / 150 by construction. */
export const INDEX_BAND: TargetBand = { threshold: 50, target: 100, stretch: 150 };

/** The metrics a pay override may replace: the ones whose value rests on a sample of answers. */
export const OVERRIDABLE_METRICS = ['nps', 'csat', 'ces', CX_INDEX_METRIC] as const;

/** Decimals kept of a CX value computed from answers (NPS 100 × 1/3 → "33.3333333333"). */
const CX_VALUE_DECIMALS = 10;

const Exact = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -100,
  toExpPos: 100,
});

/** A figure computed in floating point, as the decimal text pay reads: 10 decimals, half-even, no trailing zeros. */
export function decimalText(value: number): string {
  return new Exact(value).toDecimalPlaces(CX_VALUE_DECIMALS).toFixed();
}

/** A stored decimal without its trailing zeros: "35.000000" → "35". */
export function plainDecimal(value: string): string {
  return new Exact(value).toFixed();
}

/** The 12 months ending with the quarter's last month, oldest first. */
export function trailingTwelveMonths(quarterMonths: readonly string[]): string[] {
  const last = quarterMonths[quarterMonths.length - 1];
  const [year, month] = last.split('-').map(Number);
  return Array.from({ length: 12 }, (_, index) => {
    const at = addMonths(year, month, index - 11);
    return monthLabel(at.year, at.month);
  });
}

/** "2025-01–2025-12": how the trailing twelve months are named as a period. */
export function monthRange(months: readonly string[]): string {
  return `${months[0]}–${months[months.length - 1]}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 2025–Dec 2025": months as a sentence names them. */
export function readableRange(months: readonly string[]): string {
  const name = (label: string) => `${MONTH_NAMES[Number(label.slice(5, 7)) - 1]} ${label.slice(0, 4)}`;
  return `${name(months[0])}–${name(months[months.length - 1])}`;
}

/** The unit whose results a component at this scope reads for a participant of `unit`. */
export function scopeUnitOf(org: OrgSnapshot, unit: ScorecardUnit, scope: ComponentScope): ScorecardUnit {
  switch (scope) {
    case 'OWN_UNIT':
      return unit;
    case 'PARENT_UNIT':
      return (unit.parentId && org.byId.get(unit.parentId)) || unit;
    case 'COMPANY': {
      let at = unit;
      for (
        let up = at.parentId && org.byId.get(at.parentId);
        up;
        up = at.parentId && org.byId.get(at.parentId)
      )
        at = up;
      return at;
    }
  }
}

/** An approved override of one unit, metric and quarter. */
export interface ApprovedOverride {
  value: string;
  reason: string;
  approvedBy: string;
}

/** Everything the facts of one quarter are computed from, read once for all participants. */
export interface PayInputSnapshot {
  /** The quarter, `FY2026-Q1`. */
  period: string;
  months: string[];
  /** The 12 months ending with the quarter's last one. */
  trailingMonths: string[];
  org: OrgSnapshot;
  metrics: ReadonlyMap<string, ScorecardMetric>;
  measurements: MeasurementPeriods;
  /** `${metric} ${unitId} ${month}` of every month a unit reported itself. */
  reported: ReadonlySet<string>;
  adjusted: AdjustedFigures;
  /** `${unitId} ${survey} ${period or trailing range}` → the CX result, judged against `minimumSample`. */
  voc: ReadonlyMap<string, VocFigure>;
  /** The band of a unit's metric in the quarter (frozen, or the live effective one); null when none. */
  bandOf: (unit: ScorecardUnit, metric: ScorecardMetric) => TargetBand | null;
  /** CX-index weights of the units asked and the company default (`orgUnitId` null). */
  weights: readonly IndexWeight[];
  /** `${unitId} ${metric}` → the approved override of the quarter. */
  overrides: ReadonlyMap<string, ApprovedOverride>;
  /** Answers a CX value needs before it may move pay. */
  minimumSample: number;
}

/** A CX index of a unit over the quarter or the trailing twelve months, for pay. */
interface PayIndex {
  result: CxIndexResult;
  /** The smallest sample among the survey metrics it used; null when it used none. */
  sample: number | null;
  /** The metrics it used, surveys with their answers: "Net Promoter Score from 412 answers". */
  used: string[];
}

type FactBody = Omit<MetricFact, 'scope'>;

/**
 * The inputs pay reads (SPEC §3 "CX inputs and small samples"), from one snapshot of a quarter:
 * measured metrics by the one roll-up rule, the adjusted figures, survey results with the pay
 * minimum sample and its fallbacks (`chooseCxInput`), the CX index as the scorecard computes it,
 * and the scope unit's band. Pure: every number comes from the snapshot.
 */
export class PayInputResolver {
  private readonly trailing: string;
  private readonly indexes = new Map<string, PayIndex>();

  constructor(private readonly data: PayInputSnapshot) {
    this.trailing = monthRange(data.trailingMonths);
  }

  /** The fact of a metric for the scope unit (`unit` is already the scope's unit). */
  fact(metric: ScorecardMetric, unit: ScorecardUnit): FactBody {
    return {
      metric: metric.key,
      metricName: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      input: this.input(metric, unit),
      band: this.band(metric, unit),
    };
  }

  /** The scope unit's band: the CX index's own or 50 / 100 / 150; an adjusted figure's own or its plain metric's. */
  band(metric: ScorecardMetric, unit: ScorecardUnit): TargetBand | null {
    const own = this.data.bandOf(unit, metric);
    if (own) return own;
    if (metric.key === CX_INDEX_METRIC) return INDEX_BAND;
    const plain = plainMetricOf(metric.key);
    const plainDefinition = plain && this.data.metrics.get(plain);
    return plainDefinition ? this.data.bandOf(unit, plainDefinition) : null;
  }

  private input(metric: ScorecardMetric, unit: ScorecardUnit): ResolvedInput {
    if (metric.key === CX_INDEX_METRIC) return this.indexInput(metric, unit);
    if (metric.survey) return this.surveyInput(metric, unit);
    const plain = plainMetricOf(metric.key);
    if (plain) return this.adjustedInput(metric, plain, unit);
    return this.measuredInput(metric, unit);
  }

  private measuredInput(metric: ScorecardMetric, unit: ScorecardUnit): ResolvedInput {
    const { period, months } = this.data;
    const head = `${metric.name} of ${unit.name}, ${period}`;
    const value = isMeasured(metric)
      ? this.data.measurements.value(metric.key, metric.aggregation as MeasuredAggregation, unit.id, months)
      : null;
    const source =
      value === null
        ? `${head}: no result yet — no measurements for ${readableRange(months)}.`
        : `${head}: ${this.measuredFrom(metric, metric, unit)}.`;
    return actual(value, source, unit, period);
  }

  private adjustedInput(metric: ScorecardMetric, plainKey: string, unit: ScorecardUnit): ResolvedInput {
    const { period, months } = this.data;
    const head = `${metric.name} of ${unit.name}, ${period}`;
    const plain = this.data.metrics.get(plainKey);
    const value = this.data.adjusted.value(plainKey, unit.id, months);
    if (value === null || !plain) {
      return actual(
        null,
        `${head}: no result yet — no measurements for ${readableRange(months)}.`,
        unit,
        period,
      );
    }
    const kind = ADJUSTED_METRICS.get(plainKey)?.kind ?? 'cost';
    const invested = this.data.adjusted.investedIn(kind, unit.id, months);
    const added =
      kind === 'cost'
        ? `${formatAmount(invested)} of approved CX investments added back`
        : `${formatAmount(invested)} of approved quota relief credited`;
    return actual(
      value,
      `${head}: ${plain.name.toLowerCase()} from ${this.measuredFrom(plain, plain, unit)}, with ${added}.`,
      unit,
      period,
    );
  }

  /** "numerator ÷ denominator summed over 3 months of measurements" and where they came from. */
  private measuredFrom(metric: ScorecardMetric, stored: ScorecardMetric, unit: ScorecardUnit): string {
    const { months, reported } = this.data;
    const own = months.filter((month) => reported.has(`${stored.key} ${unit.id} ${month}`)).length;
    const rolledUp =
      own === 0 && (stored.aggregation === 'sum' || stored.aggregation === 'ratio')
        ? this.data.measurements
            .rolledMonths(stored.key, stored.aggregation, unit.id, months)
            .filter((month) => month !== undefined).length
        : 0;
    const count = own || rolledUp;
    const span = `${count} ${count === 1 ? 'month' : 'months'} of measurements`;
    const how =
      metric.aggregation === 'ratio'
        ? `numerator ÷ denominator summed over ${span}`
        : metric.aggregation === 'sum'
          ? `the sum of ${span}`
          : metric.aggregation === 'mean'
            ? `the mean of ${span}`
            : `the latest of ${span}`;
    return own ? how : `${how}, rolled up from the units below ${unit.name}`;
  }

  private surveyInput(metric: ScorecardMetric, unit: ScorecardUnit): ResolvedInput {
    const survey = metric.survey as string;
    const { period } = this.data;
    const parent = unit.parentId ? this.data.org.byId.get(unit.parentId) : undefined;
    const candidate = (of: ScorecardUnit, label: string) => {
      const figure = this.data.voc.get(`${of.id} ${survey} ${label}`);
      return {
        value: figure?.value === null || figure?.value === undefined ? null : decimalText(figure.value),
        sample: figure?.n ?? 0,
        orgUnit: { key: of.key, name: of.name },
        period: label,
        metricName: metric.name,
      };
    };
    return chooseCxInput(
      {
        own: candidate(unit, period),
        trailingTwelveMonths: candidate(unit, this.trailing),
        parent: parent ? candidate(parent, period) : null,
        override: this.data.overrides.get(`${unit.id} ${metric.key}`) ?? null,
      },
      this.data.minimumSample,
    );
  }

  /**
   * The CX index for pay: the scorecard's index, with every survey metric short of the pay
   * minimum sample left out. Insufficient → the trailing twelve months (survey results over
   * those months, measured metrics over the quarter, all on the quarter's bands) → the parent
   * unit's index of the quarter → at target; an approved override comes before the fallbacks.
   */
  private indexInput(metric: ScorecardMetric, unit: ScorecardUnit): ResolvedInput {
    const { period, minimumSample } = this.data;
    const parent = unit.parentId ? this.data.org.byId.get(unit.parentId) : undefined;
    const own = this.index(unit, period);
    const trailing = this.index(unit, this.trailing);
    const parentIndex = parent ? this.index(parent, period) : null;
    const override = this.data.overrides.get(`${unit.id} ${metric.key}`) ?? null;
    const candidate = (index: PayIndex, of: ScorecardUnit, label: string) => ({
      value: index.result.value === null ? null : decimalText(index.result.value),
      // sufficiency of an index is by weight, not by one sample: an insufficient index never passes
      sample: index.result.insufficient ? 0 : Math.max(index.sample ?? minimumSample, minimumSample),
      orgUnit: { key: of.key, name: of.name },
      period: label,
      metricName: metric.name,
    });
    const chosen = chooseCxInput(
      {
        own: candidate(own, unit, period),
        trailingTwelveMonths: candidate(trailing, unit, this.trailing),
        parent: parent && parentIndex ? candidate(parentIndex, parent, period) : null,
        override,
      },
      minimumSample,
    );
    const head = `${metric.name} of ${unit.name}, ${period}`;
    const months = readableRange(this.data.trailingMonths);
    const why = (index: PayIndex) =>
      (index.result.note ?? 'less than half of its weight has a result').replace(/\.$/, '');
    const sentences: Record<InputBasis, () => { source: string; sample: number | null }> = {
      ACTUAL: () => ({ source: `${head}: ${indexFrom(own)}.`, sample: own.sample }),
      TRAILING_TWELVE_MONTHS: () => ({
        source: `${head}: the quarter's index is insufficient (${why(own)}), so the trailing twelve months (${months}) are used — ${indexFrom(trailing)}.`,
        sample: trailing.sample,
      }),
      PARENT_UNIT: () => ({
        source: `${head}: insufficient in the quarter (${why(own)}) and over the trailing twelve months (${months}), so the index of its parent unit ${parent?.name ?? ''} is used — ${indexFrom(parentIndex ?? own)}.`,
        sample: parentIndex?.sample ?? null,
      }),
      OVERRIDE: () => ({
        source: `${head}: the quarter's index is insufficient (${why(own)}); HR's override of ${override?.value ?? ''}, approved by ${override?.approvedBy ?? ''}, is used: ${override?.reason ?? ''}`,
        sample: null,
      }),
      AT_TARGET: () => ({
        source: `${head}: insufficient in the quarter (${why(own)}), over the trailing twelve months (${months})${parent ? ` and for its parent unit ${parent.name}` : ' and it has no parent unit'}, so it pays at target (100 %).`,
        sample: null,
      }),
    };
    return { ...chosen, ...sentences[chosen.basis]() };
  }

  /** A unit's pay CX index over the quarter (`label` = the quarter) or the trailing twelve months. */
  private index(unit: ScorecardUnit, label: string): PayIndex {
    const key = `${unit.id} ${label}`;
    let found = this.indexes.get(key);
    if (found) return found;
    const samples = new Map<string, number>();
    const result = unitCxIndex(this.data.weights, unit.id, (metricKey) => {
      const metric = this.data.metrics.get(metricKey);
      if (!metric) return undefined;
      const band = this.data.bandOf(unit, metric);
      let actualValue: number | null = null;
      let insufficientSample = false;
      if (metric.survey) {
        const figure = this.data.voc.get(`${unit.id} ${metric.survey} ${label}`);
        actualValue = figure?.value ?? null;
        samples.set(metricKey, figure?.n ?? 0);
        insufficientSample = (figure?.n ?? 0) < this.data.minimumSample;
      } else if (isMeasured(metric)) {
        const value = this.data.measurements.value(
          metric.key,
          metric.aggregation as MeasuredAggregation,
          unit.id,
          this.data.months,
        );
        actualValue = value === null ? null : Number(value);
      }
      const scored = scoreValue(metric.direction, metric.unit, actualValue, band);
      return { score: scored.score, insufficientSample, hasTarget: band !== null };
    });
    const used = result.components.filter((part) => !part.excluded);
    const usedSamples = used.flatMap((part) => {
      const n = samples.get(part.metric);
      return n === undefined ? [] : [n];
    });
    found = {
      result,
      sample: usedSamples.length ? Math.min(...usedSamples) : null,
      used: used.map((part) => {
        const name = this.data.metrics.get(part.metric)?.name ?? part.metric;
        const n = samples.get(part.metric);
        return n === undefined
          ? name
          : `${name} from ${n.toLocaleString('en-US')} ${n === 1 ? 'answer' : 'answers'}`;
      }),
    };
    this.indexes.set(key, found);
    return found;
  }
}

/** The plain metric an adjusted one adds investments to (`adjusted_margin` → `gross_margin`), or null. */
export function plainMetricOf(adjustedKey: string): string | null {
  for (const [plain, adjusted] of ADJUSTED_METRICS) if (adjusted.metric === adjustedKey) return plain;
  return null;
}

/** "the weighted scores of Net Promoter Score from 412 answers and On-time delivery on their bands; smallest sample 412 answers" */
function indexFrom(index: PayIndex): string {
  const names =
    index.used.length <= 1
      ? (index.used[0] ?? 'no metric')
      : `${index.used.slice(0, -1).join(', ')} and ${index.used[index.used.length - 1]}`;
  const note = index.result.note ? ` (${index.result.note.replace(/\.$/, '')})` : '';
  const sample =
    index.sample === null ? '' : `; smallest sample ${index.sample.toLocaleString('en-US')} answers`;
  return `the weighted scores of ${names} on their bands${note}${sample}`;
}

function actual(value: string | null, source: string, unit: ScorecardUnit, period: string): ResolvedInput {
  return {
    value,
    basis: 'ACTUAL',
    source,
    sample: null,
    orgUnit: { key: unit.key, name: unit.name },
    period,
  };
}
