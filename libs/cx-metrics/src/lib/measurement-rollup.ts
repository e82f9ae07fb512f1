import { aggregateMonths, type MeasurementAggregation, type MonthFigures } from './measurement-aggregation';

/** The current version of one metric, unit and month, as stored (decimal strings). */
export interface CurrentFigures extends MonthFigures {
  readonly metric: string;
  readonly orgUnitId: string;
  readonly month: string;
}

/**
 * Period values of measured metrics for many units at once, from the current versions of their
 * months. The one roll-up rule of measurements (`GET /measurements` and the scorecards use it): a unit with any own value in the period takes its own months; otherwise a sum or ratio metric
 * rolls up, month by month, the nearest units below it that hold a value (a unit that reports
 * its own figure is taken as it is and the units below it are not added again); level metrics
 * (latest, mean) do not add up across units and have no value then. The period is aggregated
 * by `aggregateMonths` of `@lodestar/cx-metrics`.
 */
export class MeasurementPeriods {
  /** metric → unit → month → figures */
  private readonly figures = new Map<string, Map<string, Map<string, MonthFigures>>>();

  constructor(
    rows: readonly CurrentFigures[],
    /** unit id → ids of its direct children */
    private readonly children: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const row of rows) {
      let units = this.figures.get(row.metric);
      if (!units) this.figures.set(row.metric, (units = new Map()));
      let months = units.get(row.orgUnitId);
      if (!months) units.set(row.orgUnitId, (months = new Map()));
      months.set(row.month, row);
    }
  }

  /** The value of `metric` for the unit over `months` (a period's months, in order), or null. */
  value(
    metric: string,
    aggregation: MeasurementAggregation,
    orgUnitId: string,
    months: readonly string[],
  ): string | null {
    const units = this.figures.get(metric);
    if (!units) return null;
    const own = units.get(orgUnitId);
    if (own && months.some((month) => own.has(month))) {
      return aggregateMonths(
        aggregation,
        months.map((month) => own.get(month)),
      ).value;
    }
    if (aggregation !== 'sum' && aggregation !== 'ratio') return null;
    const rolled = months.map((month) => this.rolledMonth(units, aggregation, orgUnitId, month));
    return aggregateMonths(aggregation, rolled).value;
  }

  /** Each month's Σ of the nearest values below the unit (undefined where none is below it). */
  rolledMonths(
    metric: string,
    aggregation: 'sum' | 'ratio',
    orgUnitId: string,
    months: readonly string[],
  ): (MonthFigures | undefined)[] {
    const units = this.figures.get(metric);
    return months.map((month) =>
      units ? this.rolledMonth(units, aggregation, orgUnitId, month) : undefined,
    );
  }

  /** Σ of the nearest values below the unit in one month, or undefined when none is below it. */
  private rolledMonth(
    units: Map<string, Map<string, MonthFigures>>,
    aggregation: 'sum' | 'ratio',
    orgUnitId: string,
    month: string,
  ): MonthFigures | undefined {
    const nearest: MonthFigures[] = [];
    const visit = (parent: string) => {
      for (const child of this.children.get(parent) ?? []) {
        const figures = units.get(child)?.get(month);
        if (figures) nearest.push(figures);
        else visit(child);
      }
    };
    visit(orgUnitId);
    if (!nearest.length) return undefined;
    const total = aggregateMonths(aggregation, nearest);
    return aggregation === 'ratio'
      ? { numerator: total.numerator, denominator: total.denominator }
      : { value: total.value };
  }
}
