import {
  EffectiveTarget,
  fiscalYearOfMonth,
  formatPeriod,
  isPeriodLabel,
  MetricAggregation,
  MetricDirection,
  parsePeriod,
  quarterOfMonth,
  TargetBand,
} from '@lodestar/contracts';

/**
 * Why a target band cannot be used, as a sentence a person can act on; `null` when it is fine.
 *
 * A band is strictly ordered in the metric's better direction (SPEC §3 "Targets"):
 * - higher is better: threshold < target < stretch;
 * - lower is better: threshold > target > stretch.
 * Every number must be finite. Equal neighbours are refused: the score's slopes would be undefined.
 *
 * bandProblem('higher', { threshold: 40, target: 40, stretch: 50 })
 *   → "threshold 40 must be below target 40 for a higher-is-better metric"
 */
export function bandProblem(direction: MetricDirection, band: TargetBand): string | null {
  if (direction !== 'higher' && direction !== 'lower') {
    return `the direction must be higher or lower, not ${String(direction)}`;
  }
  for (const point of ['threshold', 'target', 'stretch'] as const) {
    const value: unknown = band?.[point];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `${point} must be a finite number, not ${String(value)}`;
    }
  }
  const { threshold, target, stretch } = band;
  const higher = direction === 'higher';
  const short = higher ? 'below' : 'above';
  const beyond = higher ? 'above' : 'below';
  const problems: string[] = [];
  if (!(higher ? threshold < target : threshold > target)) {
    problems.push(`threshold ${threshold} must be ${short} target ${target}`);
  }
  if (!(higher ? stretch > target : stretch < target)) {
    problems.push(`stretch ${stretch} must be ${beyond} target ${target}`);
  }
  if (!problems.length) return null;
  return `${problems.join(' and ')} for a ${higher ? 'higher' : 'lower'}-is-better metric`;
}

/** A target as set for one period of a unit and metric: a fiscal year `FY2026` or quarter `FY2026-Q1`. */
export interface PeriodBand {
  readonly period: string;
  readonly band: TargetBand;
}

/** The band that applies to a period, and where it came from (see {@link EffectiveTarget}). */
export interface EffectiveBand {
  readonly band: TargetBand;
  /** The period whose target was used. */
  readonly from: string;
  readonly basis: EffectiveTarget['basis'];
}

/**
 * The band that applies to a unit and metric in `period` (a month, quarter or fiscal year), from
 * the targets set for that unit and metric (SPEC §3 "Targets"), or `null` when none applies:
 *
 * 1. a target set for exactly that period applies as set (`as-set`);
 * 2. a quarter without its own target takes its fiscal year's: the same band for level, ratio,
 *    mean and response-weighted metrics (`applied`), a quarter of it for sum metrics (`split`) —
 *    a quarter of the whole year's band even when other quarters were phased differently;
 * 3. a month takes its quarter's target, or else its year's: the same band (`applied`), or for
 *    sum metrics a third of the quarter's or a twelfth of the year's (`split`);
 * 4. a fiscal year without its own target is, for a sum metric whose four quarters are all set,
 *    the sum of the four quarters' bands. That is no estimate: phasing by quarter is how the
 *    year's target was set, so the basis is `as-set` and `from` is the year itself. For every
 *    other aggregation (or with any quarter missing) the year has no target: a year's level or
 *    ratio target cannot be derived from its quarters, and none is invented.
 *
 * Months are placed in quarters by the fiscal year's start month (1–12). Targets whose period is
 * not a label are ignored; when a period is listed twice, the first one counts.
 *
 * @throws PeriodLabelError when `period` is not a label; RangeError for a bad start month.
 */
export function effectiveBand(
  targets: readonly PeriodBand[],
  aggregation: MetricAggregation,
  period: string,
  fiscalStartMonth: number,
): EffectiveBand | null {
  const asked = parsePeriod(period);
  const label = formatPeriod(asked);
  const byPeriod = new Map<string, TargetBand>();
  for (const target of targets) {
    if (!isPeriodLabel(target.period)) continue;
    const key = formatPeriod(parsePeriod(target.period));
    if (!byPeriod.has(key)) byPeriod.set(key, target.band);
  }

  const own = byPeriod.get(label);
  if (own) return { band: own, from: label, basis: 'as-set' };

  const sum = aggregation === 'sum';
  const fromParent = (parent: string, parts: number): EffectiveBand | null => {
    const band = byPeriod.get(parent);
    if (!band) return null;
    return sum
      ? { band: divideBand(band, parts), from: parent, basis: 'split' }
      : { band, from: parent, basis: 'applied' };
  };

  switch (asked.kind) {
    case 'month':
      return (
        fromParent(quarterOfMonth(label, fiscalStartMonth), 3) ??
        fromParent(fiscalYearOfMonth(label, fiscalStartMonth), 12)
      );
    case 'quarter':
      return fromParent(`FY${asked.fiscalYear}`, 4);
    case 'year': {
      if (!sum) return null;
      const quarters = [1, 2, 3, 4].map((quarter) => byPeriod.get(`FY${asked.fiscalYear}-Q${quarter}`));
      if (quarters.some((band) => !band)) return null;
      return { band: addBands(quarters as TargetBand[]), from: label, basis: 'as-set' };
    }
  }
}

function divideBand(band: TargetBand, parts: number): TargetBand {
  return { threshold: band.threshold / parts, target: band.target / parts, stretch: band.stretch / parts };
}

function addBands(bands: readonly TargetBand[]): TargetBand {
  return bands.reduce(
    (total, band) => ({
      threshold: total.threshold + band.threshold,
      target: total.target + band.target,
      stretch: total.stretch + band.stretch,
    }),
    { threshold: 0, target: 0, stretch: 0 },
  );
}
