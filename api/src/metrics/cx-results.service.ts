import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  monthsOf,
  parsePeriod,
  PeriodLabelError,
  type CxResult,
  type ParetoRow,
  type SurveyType,
} from '@lodestar/contracts';
import {
  breakdownRecord,
  cxResult,
  DEFAULT_MINIMUM_SAMPLE,
  distribution,
  histogramFromScoreCounts,
  pareto,
} from '@lodestar/cx-metrics';
import { DataSource } from 'typeorm';
import { ReadCache } from '../common/read-cache';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';

/** How long a read may miss a change made by another process (this one's writes show at once). */
const CACHE_MS = 10_000;

/**
 * CX results per unit (its whole subtree) and period, from the per-month histograms: a handful
 * of rows summed, never a scan of the responses. The formulas live in `@lodestar/cx-metrics`.
 * Subtrees and results are cached until the org tree, the calendar or the answers change.
 */
@Injectable()
export class CxResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: FiscalCalendarService,
    private readonly cache: ReadCache,
  ) {}

  /** The ids of a unit and every unit below it; 404 naming the key when there is no such unit. */
  subtree(key: string): Promise<string[]> {
    return this.cache.get(`subtree:${key}`, ['org'], CACHE_MS, () => this.readSubtree(key), {
      serveStale: true,
    });
  }

  private async readSubtree(key: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (SELECT id FROM org_units WHERE key = $1
         UNION ALL SELECT o.id FROM org_units o JOIN tree t ON o.parent_id = t.id)
       SELECT id FROM tree`,
      [key],
    );
    if (!rows.length) throw new NotFoundException(`There is no org unit with the key "${key}".`);
    return rows.map((row) => row.id);
  }

  async months(period: string): Promise<string[]> {
    try {
      parsePeriod(period);
    } catch (error) {
      if (error instanceof PeriodLabelError) throw new BadRequestException(error.message);
      throw error;
    }
    return monthsOf(period, (await this.calendar.get()).startMonth);
  }

  result(orgUnit: string, period: string, metric: SurveyType): Promise<CxResult> {
    return this.cache.get(
      `result:${orgUnit}:${period}:${metric}`,
      ['voc', 'org', 'calendar'],
      CACHE_MS,
      () => this.computeResult(orgUnit, period, metric),
      { serveStale: true },
    );
  }

  private async computeResult(orgUnit: string, period: string, metric: SurveyType): Promise<CxResult> {
    const [units, months] = await Promise.all([this.subtree(orgUnit), this.months(period)]);
    const rows: { score: number; n: string }[] = await this.dataSource.query(
      `SELECT score, sum(count)::text AS n FROM voc_histograms
        WHERE org_unit_id = ANY($1::uuid[]) AND month = ANY($2::text[]) AND survey = $3 GROUP BY score`,
      [units, months, metric],
    );
    const histogram = histogramFromScoreCounts(
      metric,
      rows.map((row) => ({ score: row.score, count: Number(row.n) })),
    );
    const minimumSample = DEFAULT_MINIMUM_SAMPLE;
    const result = cxResult(histogram, minimumSample);
    return {
      metric,
      orgUnit,
      period,
      value: result.value,
      n: result.n,
      marginOfError: result.marginOfError,
      insufficientSample: result.insufficientSample,
      minimumSample,
      breakdown: breakdownRecord(result),
      distribution: distribution(histogram),
    };
  }

  pareto(orgUnit: string, period: string, survey: SurveyType): Promise<ParetoRow[]> {
    return this.cache.get(
      `pareto:${orgUnit}:${period}:${survey}`,
      ['voc', 'org', 'calendar'],
      CACHE_MS,
      () => this.computePareto(orgUnit, period, survey),
      { serveStale: true },
    );
  }

  private async computePareto(orgUnit: string, period: string, survey: SurveyType): Promise<ParetoRow[]> {
    const [units, months] = await Promise.all([this.subtree(orgUnit), this.months(period)]);
    const rows: { cause: string; n: string }[] = await this.dataSource.query(
      `SELECT cause, sum(count)::text AS n FROM voc_cause_counts
        WHERE org_unit_id = ANY($1::uuid[]) AND month = ANY($2::text[]) AND survey = $3 GROUP BY cause`,
      [units, months, survey],
    );
    return pareto(rows.map((row) => ({ cause: row.cause, count: Number(row.n) })));
  }
}
