import type { CxInvestmentKind } from '@lodestar/contracts';
import { type CurrentFigures, MeasurementPeriods, ratioValue } from '@lodestar/cx-metrics';
import { Money } from './money';

/** A plain ratio metric, the metric that adds approved CX investments to it, and the kind it adds. */
export const ADJUSTED_METRICS: ReadonlyMap<string, { metric: string; kind: CxInvestmentKind }> = new Map([
  ['gross_margin', { metric: 'adjusted_margin', kind: 'cost' as const }],
  ['quota_attainment', { metric: 'adjusted_quota_attainment', kind: 'quota_relief' as const }],
]);

/** Approved CX investments of one unit, kind and month, added up. */
export interface ApprovedInvestmentTotal {
  orgUnitId: string;
  kind: CxInvestmentKind;
  month: string;
  amount: string;
}

/** Keys under which a ratio's numerator and denominator are kept as sums of their own. */
const NUMERATOR = (metric: string) => `${metric} numerator`;
const DENOMINATOR = (metric: string) => `${metric} denominator`;

/**
 * Adjusted margin and adjusted quota attainment: 100 × (Σ numerator + approved investments) ÷
 * Σ denominator over a period — gross profit plus approved `cost` investments over revenue, or
 * bookings plus approved `quota_relief` over quota.
 *
 * Σ numerator and Σ denominator are taken exactly as the plain figure takes them
 * (`MeasurementPeriods`: the unit's own months, else the nearest units below it that report),
 * so with no investment the adjusted figure equals the plain one. The investments added are
 * those of the unit and every unit below it in the period's months: a unit's figure covers the
 * business of its whole subtree, so a team's investment lifts its function and the company too.
 * All sums are exact decimals; the ratio is rounded once, as the plain one is.
 */
export class AdjustedFigures {
  private readonly sums: MeasurementPeriods;
  /** `${kind} ${unitId}` → month → Σ amount */
  private readonly invested = new Map<string, Map<string, string>>();

  constructor(
    current: readonly CurrentFigures[],
    /** unit id → ids of its direct children */
    private readonly children: ReadonlyMap<string, readonly string[]>,
    investments: readonly ApprovedInvestmentTotal[],
  ) {
    const split: CurrentFigures[] = [];
    for (const row of current) {
      if (!ADJUSTED_METRICS.has(row.metric)) continue;
      // a month counts only with both parts, as a ratio's month does
      const whole =
        row.numerator !== null &&
        row.numerator !== undefined &&
        row.denominator !== null &&
        row.denominator !== undefined;
      split.push(
        {
          metric: NUMERATOR(row.metric),
          orgUnitId: row.orgUnitId,
          month: row.month,
          value: whole ? row.numerator : null,
        },
        {
          metric: DENOMINATOR(row.metric),
          orgUnitId: row.orgUnitId,
          month: row.month,
          value: whole ? row.denominator : null,
        },
      );
    }
    this.sums = new MeasurementPeriods(split, children);
    for (const item of investments) {
      const key = `${item.kind} ${item.orgUnitId}`;
      let months = this.invested.get(key);
      if (!months) this.invested.set(key, (months = new Map()));
      months.set(item.month, new Money(months.get(item.month) ?? 0).plus(item.amount).toFixed());
    }
  }

  /**
   * The adjusted figure of a plain metric (`gross_margin`, `quota_attainment`) for a unit over a
   * period's months, in percent, or null when the plain figure has none (or is not adjustable).
   */
  value(plainMetric: string, orgUnitId: string, months: readonly string[]): string | null {
    const adjusted = ADJUSTED_METRICS.get(plainMetric);
    if (!adjusted) return null;
    const numerator = this.sums.value(NUMERATOR(plainMetric), 'sum', orgUnitId, months);
    const denominator = this.sums.value(DENOMINATOR(plainMetric), 'sum', orgUnitId, months);
    if (numerator === null || denominator === null) return null;
    return ratioValue(
      new Money(numerator).plus(this.investedIn(adjusted.kind, orgUnitId, months)).toFixed(),
      denominator,
    );
  }

  /** Σ approved investments of this kind in the unit and every unit below it over the months. */
  investedIn(kind: CxInvestmentKind, orgUnitId: string, months: readonly string[]): string {
    let total = new Money(0);
    const visit = (unitId: string) => {
      const byMonth = this.invested.get(`${kind} ${unitId}`);
      if (byMonth) for (const month of months) total = total.plus(byMonth.get(month) ?? 0);
      for (const child of this.children.get(unitId) ?? []) visit(child);
    };
    visit(orgUnitId);
    return total.toFixed();
  }
}
