import { HttpErrorResponse } from '@angular/common/http';
import {
  CX_INDEX_METRIC,
  fiscalPositionOf,
  monthsOf,
  parsePeriod,
  TARGET_CSV_COLUMNS,
  type CxIndexWeight,
  type MetricCategory,
  type MetricDefinition,
  type MetricDirection,
  type OrgUnitNode,
  type Target,
  type TargetBand,
  type TargetBatchResult,
} from '@lodestar/contracts';
import { bandProblem, effectiveBand, weightsProblem, type EffectiveBand } from '@lodestar/cx-metrics';
import { CATEGORY_LABELS, parseDecimalInput } from '../metrics/measurement-format';
import { currentMonth } from '../metrics/period-options';
import { formatAmount, formatInteger, formatMoneyCompact, formatMonthLabel } from '../shared/format';
import type { IconName } from '../shared/icon.component';
import { problemDetail } from '../shared/problem';

/** What the grid needs of a metric definition. */
export type TargetMetric = Pick<
  MetricDefinition,
  'key' | 'name' | 'unit' | 'direction' | 'aggregation' | 'category'
>;

// ---------------------------------------------------------------------------------------------
// Fiscal years

export interface TargetYearOption {
  label: string;
  /** "Oct 2026 – Sep 2027" */
  span: string;
  /** "this year", "next year" or "" */
  note: string;
}

/** The fiscal year and quarter the company is in today, in its time zone. */
function fiscalNow(
  startMonth: number,
  timeZone: string,
  today: Date,
): { fiscalYear: number; quarter: number } {
  const month = parsePeriod(currentMonth(timeZone, today));
  if (month.kind !== 'month') throw new Error('A month label was expected.');
  return fiscalPositionOf(month.year, month.month, startMonth);
}

/**
 * The fiscal year the page opens on: the current one, or from its fourth quarter on the next one,
 * whose targets the CX lead sets then.
 */
export function defaultTargetYear(startMonth: number, timeZone: string, today = new Date()): string {
  const { fiscalYear, quarter } = fiscalNow(startMonth, timeZone, today);
  return `FY${quarter === 4 ? fiscalYear + 1 : fiscalYear}`;
}

/** The first month of the current fiscal year's fourth quarter: "Jul 2027". */
export function fourthQuarterStart(startMonth: number, timeZone: string, today = new Date()): string {
  const { fiscalYear } = fiscalNow(startMonth, timeZone, today);
  return formatMonthLabel(monthsOf(`FY${fiscalYear}-Q4`, startMonth)[0]);
}

export function yearSpan(label: string, startMonth: number): string {
  const months = monthsOf(label, startMonth);
  return `${formatMonthLabel(months[0])} – ${formatMonthLabel(months[months.length - 1])}`;
}

/**
 * The years the picker offers, newest first: the next fiscal year, the current one and the two
 * before it; a year named in the link that is not among them is added, so a shared link never
 * silently shows another year.
 */
export function targetYearOptions(
  startMonth: number,
  timeZone: string,
  today = new Date(),
  asked: string | null = null,
): TargetYearOption[] {
  const { fiscalYear } = fiscalNow(startMonth, timeZone, today);
  const labels = [fiscalYear + 1, fiscalYear, fiscalYear - 1, fiscalYear - 2].map((year) => `FY${year}`);
  if (asked && /^FY\d{4}$/.test(asked) && !labels.includes(asked)) {
    labels.push(asked);
    labels.sort((a, b) => b.localeCompare(a));
  }
  return labels.map((label) => ({
    label,
    span: yearSpan(label, startMonth),
    note: label === `FY${fiscalYear}` ? 'this year' : label === `FY${fiscalYear + 1}` ? 'next year' : '',
  }));
}

/** "FY2027 · Oct 2026 – Sep 2027 · this year" */
export function yearOptionText(option: TargetYearOption): string {
  return [option.label, option.span, option.note].filter(Boolean).join(' · ');
}

/** A fiscal year and its quarters: the grid's columns. */
export interface PeriodColumn {
  label: string;
  /** "FY2026" or "Q1" */
  short: string;
  span: string;
  kind: 'year' | 'quarter';
}

export function periodColumns(year: string, startMonth: number): PeriodColumn[] {
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const label = `${year}-Q${quarter}`;
    const months = monthsOf(label, startMonth);
    return {
      label,
      short: `Q${quarter}`,
      span: `${formatMonthLabel(months[0])} – ${formatMonthLabel(months[2])}`,
      kind: 'quarter' as const,
    };
  });
  return [{ label: year, short: year, span: yearSpan(year, startMonth), kind: 'year' }, ...quarters];
}

// ---------------------------------------------------------------------------------------------
// Metrics and units

export interface TargetMetricGroup {
  category: MetricCategory;
  label: string;
  metrics: MetricDefinition[];
}

/** Every metric can have targets, the CX index too (first among the CX metrics), grouped by category. */
export function targetMetricGroups(definitions: readonly MetricDefinition[]): TargetMetricGroup[] {
  const order: MetricCategory[] = ['CX', 'COMMERCIAL', 'OPERATIONAL'];
  return order
    .map((category) => {
      const metrics = definitions.filter((metric) => metric.category === category);
      const index = metrics.filter((metric) => metric.key === CX_INDEX_METRIC);
      return {
        category,
        label: CATEGORY_LABELS[category],
        metrics: [...index, ...metrics.filter((metric) => metric.key !== CX_INDEX_METRIC)],
      };
    })
    .filter((group) => group.metrics.length > 0);
}

/** The CX metrics the CX index can weigh: every CX metric but the index itself. */
export function weighableMetrics(definitions: readonly MetricDefinition[]): MetricDefinition[] {
  return definitions.filter((metric) => metric.category === 'CX' && metric.key !== CX_INDEX_METRIC);
}

export interface UnitOption {
  key: string;
  name: string;
  depth: number;
}

/** The org tree in order, each unit with its depth (company 0, functions 1, teams 2…). */
export function unitOptions(tree: readonly OrgUnitNode[]): UnitOption[] {
  const options: UnitOption[] = [];
  const walk = (nodes: readonly OrgUnitNode[], depth: number) => {
    for (const node of nodes) {
      options.push({ key: node.key, name: node.name, depth });
      walk(node.children ?? [], depth + 1);
    }
  };
  walk(tree, 0);
  return options;
}

export interface DirectionInfo {
  icon: IconName;
  label: string;
}

export const DIRECTION_INFO: Readonly<Record<MetricDirection, DirectionInfo>> = {
  higher: { icon: 'arrowUp', label: 'higher is better' },
  lower: { icon: 'arrowDown', label: 'lower is better' },
};

// ---------------------------------------------------------------------------------------------
// Bands

/** One point of a band as the grid shows it: money compact with its currency, others plain. */
export function formatBandValue(value: number, metric: Pick<TargetMetric, 'unit'>): string {
  return metric.unit === 'currency' ? formatMoneyCompact(value) : formatAmount(value);
}

/** "30 · 40 · 50", "90 · 100 · 120 %", "€600M · €640M · €690M" */
export function bandText(band: TargetBand, metric: Pick<TargetMetric, 'unit'>): string {
  const text = [band.threshold, band.target, band.stretch]
    .map((value) => formatBandValue(value, metric))
    .join(' · ');
  return metric.unit === 'percent' ? `${text} %` : text;
}

/** A stored band (decimal strings) as numbers. */
export function bandOf(target: Pick<Target, 'threshold' | 'target' | 'stretch'>): TargetBand {
  return {
    threshold: Number(target.threshold),
    target: Number(target.target),
    stretch: Number(target.stretch),
  };
}

/** Where an inherited band comes from: "from FY2026", "FY2026 ÷ 4", "sum of Q1–Q4". */
export function basisText(effective: EffectiveBand, period: string): string | null {
  if (effective.basis === 'applied') return `from ${effective.from}`;
  if (effective.basis === 'split') return `${effective.from} ÷ 4`;
  return effective.from === period ? null : `from ${effective.from}`;
}

/** The year of a sum metric without its own target but with four phased quarters: their sum. */
function isSumOfQuarters(effective: EffectiveBand, period: string, own: Target | null): boolean {
  return !own && effective.basis === 'as-set' && effective.from === period;
}

// ---------------------------------------------------------------------------------------------
// The grid

/** A unit and metric's year or quarter: where a grid cell sits. */
export interface TargetCellRef {
  orgUnit: string;
  metric: string;
  period: string;
}

export interface TargetCellView {
  period: string;
  kind: 'year' | 'quarter';
  /** The target set for exactly this period, if any. */
  own: Target | null;
  /** The band that applies: its own, or inherited from the year (or the year as the sum of its quarters). */
  band: TargetBand | null;
  text: string;
  /** Where an inherited band comes from; null for a band set for this period. */
  basis: string | null;
  inherited: boolean;
  /** The cell read out in full. */
  title: string;
}

export interface TargetRowView {
  key: string;
  orgUnit: string;
  unitName: string;
  metric: TargetMetric;
  cells: TargetCellView[];
}

export interface TargetGroupView {
  orgUnit: string;
  unitName: string;
  depth: number;
  rows: TargetRowView[];
}

/** A metric the definitions do not know (it was removed): shown by its key, as a higher-is-better level. */
function unknownMetric(key: string): TargetMetric {
  return {
    key,
    name: key,
    unit: 'score',
    direction: 'higher',
    aggregation: 'latest',
    category: 'OPERATIONAL',
  };
}

function cellTitle(
  where: string,
  period: string,
  text: string,
  basis: string | null,
  own: boolean,
  band: boolean,
): string {
  const at = `${where} · ${period}`;
  if (!band) return `${at}: no target.`;
  if (own) return `${at}: ${text} (threshold · target · stretch), as set.`;
  return `${at}: ${text} (threshold · target · stretch), ${basis ?? 'inherited'}.`;
}

/** What pressing Enter on a cell does, for its accessible name. */
export function cellHint(cell: Pick<TargetCellView, 'own' | 'band'>): string {
  if (cell.own) return 'Press Enter to edit.';
  return cell.band ? 'Press Enter to set its own.' : 'Press Enter to set one.';
}

/** One unit and metric across the year and its quarters, with the bands that apply where none is set. */
export function targetRow(
  orgUnit: string,
  unitName: string,
  metric: TargetMetric,
  targets: readonly Target[],
  columns: readonly PeriodColumn[],
  startMonth: number,
): TargetRowView {
  const own = new Map(targets.map((target) => [target.period, target]));
  const bands = targets.map((target) => ({ period: target.period, band: bandOf(target) }));
  const where = `${unitName} · ${metric.name}`;
  return {
    key: `${orgUnit}\u0000${metric.key}`,
    orgUnit,
    unitName,
    metric,
    cells: columns.map((column) => {
      const set = own.get(column.label) ?? null;
      const effective = effectiveBand(bands, metric.aggregation, column.label, startMonth);
      const band = effective?.band ?? null;
      const text = band ? bandText(band, metric) : '–';
      const basis =
        effective && !set
          ? isSumOfQuarters(effective, column.label, set)
            ? 'sum of Q1–Q4'
            : basisText(effective, column.label)
          : null;
      return {
        period: column.label,
        kind: column.kind,
        own: set,
        band,
        text,
        basis,
        inherited: !set && !!band,
        title: cellTitle(where, column.label, text, basis, !!set, !!band),
      };
    }),
  };
}

export interface GridFilter {
  metric: string | null;
  orgUnit: string | null;
}

/**
 * The grid: a group per unit in tree order, a row per metric that has a target in the year (or was
 * just added to be given one), metrics in the order of the metric picker.
 */
export function targetGroups(
  targets: readonly Target[],
  added: readonly { orgUnit: string; metric: string }[],
  definitions: readonly MetricDefinition[],
  units: readonly UnitOption[],
  columns: readonly PeriodColumn[],
  startMonth: number,
  filter: GridFilter,
): TargetGroupView[] {
  const metricOrder = targetMetricGroups(definitions).flatMap((group) => group.metrics);
  const metricIndex = new Map(metricOrder.map((metric, index) => [metric.key, index]));
  const unitIndex = new Map(units.map((unit, index) => [unit.key, index]));
  const byRow = new Map<string, { orgUnit: string; metric: string; targets: Target[] }>();
  const rowOf = (orgUnit: string, metric: string) => {
    const key = `${orgUnit}\u0000${metric}`;
    let row = byRow.get(key);
    if (!row) byRow.set(key, (row = { orgUnit, metric, targets: [] }));
    return row;
  };
  for (const target of targets) rowOf(target.orgUnit, target.metric).targets.push(target);
  for (const row of added) rowOf(row.orgUnit, row.metric);

  const rows = [...byRow.values()]
    .filter(
      (row) =>
        (!filter.metric || row.metric === filter.metric) &&
        (!filter.orgUnit || row.orgUnit === filter.orgUnit),
    )
    .sort(
      (a, b) =>
        (unitIndex.get(a.orgUnit) ?? Number.MAX_SAFE_INTEGER) -
          (unitIndex.get(b.orgUnit) ?? Number.MAX_SAFE_INTEGER) ||
        a.orgUnit.localeCompare(b.orgUnit) ||
        (metricIndex.get(a.metric) ?? Number.MAX_SAFE_INTEGER) -
          (metricIndex.get(b.metric) ?? Number.MAX_SAFE_INTEGER) ||
        a.metric.localeCompare(b.metric),
    );
  const groups: TargetGroupView[] = [];
  for (const row of rows) {
    const unit = units[unitIndex.get(row.orgUnit) ?? -1];
    let group = groups[groups.length - 1];
    if (!group || group.orgUnit !== row.orgUnit) {
      group = {
        orgUnit: row.orgUnit,
        unitName: unit?.name ?? row.orgUnit,
        depth: unit?.depth ?? 0,
        rows: [],
      };
      groups.push(group);
    }
    const metric = metricOrder[metricIndex.get(row.metric) ?? -1] ?? unknownMetric(row.metric);
    group.rows.push(targetRow(row.orgUnit, group.unitName, metric, row.targets, columns, startMonth));
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Editing

export interface BandDraft {
  threshold: string;
  target: string;
  stretch: string;
}

/** The sentence of a rule, as a sentence: capital first letter and a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/**
 * Why three typed numbers cannot be saved as a band of a metric with this direction, in the same
 * words the API uses (`bandProblem`); null when they are fine or not all numbers yet.
 */
export function draftProblem(direction: MetricDirection, draft: BandDraft): string | null {
  const band = draftBand(draft);
  if (!band) return null;
  const problem = bandProblem(direction, band);
  return problem ? sentence(problem) : null;
}

/** The typed band as numbers, or null while any of the three is not a number. */
export function draftBand(draft: BandDraft): TargetBand | null {
  const threshold = parseDecimalInput(draft.threshold);
  const target = parseDecimalInput(draft.target);
  const stretch = parseDecimalInput(draft.stretch);
  if (threshold === null || target === null || stretch === null) return null;
  return { threshold: Number(threshold), target: Number(target), stretch: Number(stretch) };
}

/** A number as the editor's inputs take it: at most four decimals, as the API splits a year. */
export function editableNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** The editable text of a stored decimal: "40.50" → "40.5". */
export function editableText(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * Why a save of one target was refused: the API's one message about that row (without the
 * `targets[0]:` prefix a batch gives it), as a sentence; else the problem's detail.
 */
export function targetSaveProblem(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    let body: unknown = error.error;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body) as unknown;
      } catch {
        body = null;
      }
    }
    const errors = (body as { errors?: unknown } | null)?.errors;
    if (Array.isArray(errors) && errors.length === 1 && typeof errors[0] === 'string') {
      return sentence(errors[0].replace(/^targets\[\d+\]:\s*/, ''));
    }
  }
  return problemDetail(error);
}

/** "Sales · Net Promoter Score · FY2026-Q2 saved: 30 · 40 · 50." */
export function savedText(
  where: string,
  band: TargetBand,
  metric: TargetMetric,
  result: TargetBatchResult,
): string {
  const text = bandText(band, metric);
  if (result.created > 0) return `${where} saved: ${text}.`;
  if (result.updated > 0) return `${where} changed to ${text}.`;
  return `${where} already is ${text}: nothing changed.`;
}

/** What a quarter or year falls back on once its own target is removed, in words. */
export function afterRemovalText(
  row: Pick<TargetRowView, 'metric' | 'cells'>,
  period: string,
  startMonth: number,
): string {
  const rest = row.cells
    .filter((cell) => cell.own && cell.period !== period)
    .map((cell) => ({ period: cell.period, band: bandOf(cell.own as Target) }));
  const effective = effectiveBand(rest, row.metric.aggregation, period, startMonth);
  if (!effective) return `${period} then has no target.`;
  const basis = effective.from === period ? 'the sum of its quarters' : basisText(effective, period);
  return `${period} then takes ${bandText(effective.band, row.metric)} (${basis}).`;
}

// ---------------------------------------------------------------------------------------------
// Import

function count(value: number, one: string, many = `${one}s`): string {
  return `${formatInteger(value)} ${value === 1 ? one : many}`;
}

/** "3 targets created, 1 updated, 0 unchanged." */
export function targetBatchSummary(result: TargetBatchResult): string {
  return `${count(result.created, 'target')} created, ${formatInteger(result.updated)} updated, ${formatInteger(
    result.unchanged,
  )} unchanged.`;
}

/** The header and example rows of a targets CSV for a fiscal year: a year, a lower-is-better metric, a phased quarter. */
export function targetCsvTemplate(year = 'FY2027'): string {
  return [
    TARGET_CSV_COLUMNS.join(','),
    `nps,sales,${year},30,40,50`,
    `complaint_rate,quality,${year},3,2.5,2`,
    `escalations,service,${year}-Q1,80,65,50`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// CX index weights

export interface WeightRow {
  metric: string;
  name: string;
  /** As typed, in percent; empty leaves the metric out of the index. */
  text: string;
}

const SURVEY_ORDER = ['nps', 'csat', 'ces'];

/** The survey metrics first (NPS, CSAT, CES), then the others by name: rows that never move while typing. */
function orderedForWeights(metrics: MetricDefinition[]): MetricDefinition[] {
  const rank = (metric: MetricDefinition) => {
    const index = SURVEY_ORDER.indexOf(metric.survey ?? '');
    return index < 0 ? SURVEY_ORDER.length : index;
  };
  return [...metrics].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** A row per weighable CX metric (survey metrics first, then by name), filled with the weights given. */
export function weightRows(
  metrics: readonly MetricDefinition[],
  weights: readonly CxIndexWeight[],
): WeightRow[] {
  const given = new Map(weights.map((weight) => [weight.metric, editableText(weight.weight)]));
  const rows = orderedForWeights(weighableMetrics(metrics)).map((metric) => ({
    metric: metric.key,
    name: metric.name,
    text: given.get(metric.key) ?? '',
  }));
  // a weighted metric the definitions no longer list still counts
  for (const weight of weights) {
    if (!rows.some((row) => row.metric === weight.metric)) {
      rows.push({ metric: weight.metric, name: weight.metric, text: editableText(weight.weight) });
    }
  }
  return rows;
}

export interface WeightsCheck {
  /** The sum of the weights typed as numbers. */
  total: number;
  /** The weights to send: the metrics with a weight above 0. */
  weights: CxIndexWeight[];
  /** Metrics whose weight is not a number. */
  unreadable: string[];
  /** Why they cannot be saved, as a sentence; null when they can. */
  problem: string | null;
}

/** Checks typed weights as the API will (`weightsProblem`): numbers, none negative, adding up to 100 %. */
export function checkWeights(rows: readonly WeightRow[]): WeightsCheck {
  const weights: CxIndexWeight[] = [];
  const unreadable: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (row.text.trim() === '') continue;
    const value = parseDecimalInput(row.text);
    if (value === null) {
      unreadable.push(row.name);
      continue;
    }
    total += Number(value);
    if (Number(value) !== 0) weights.push({ metric: row.metric, weight: value });
  }
  let problem: string | null = null;
  if (unreadable.length) {
    problem = `The weight of ${unreadable.join(' and ')} is not a number: type a percentage such as 12.5.`;
  } else {
    const rule = weightsProblem(weights.map(({ metric, weight }) => ({ metric, weight: Number(weight) })));
    if (rule) problem = sentence(rule);
  }
  return { total: Number(total.toFixed(6)), weights, unreadable, problem };
}

/** "100 %", "87.5 %" */
export function formatWeight(value: number): string {
  return `${formatAmount(value)} %`;
}
