import { Injectable } from '@nestjs/common';
import type {
  MetricAggregation,
  MetricCategory,
  MetricDirection,
  MetricUnit,
  SurveyType,
} from '@lodestar/contracts';
import { type CurrentFigures, type PeriodBand } from '@lodestar/cx-metrics';
import { DataSource } from 'typeorm';

/** An org unit as a scorecard row needs it. */
export interface ScorecardUnit {
  id: string;
  key: string;
  name: string;
  type: string;
  parentId: string | null;
  leader: { id: string; name: string } | null;
  primaryMetric: string | null;
  marginMetric: string | null;
  /** Active users attributed to this unit itself (not counting the units below). */
  ownHeadcount: number;
}

export interface ScorecardMetric {
  key: string;
  name: string;
  category: MetricCategory;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  survey: SurveyType | null;
}

export interface UnitTarget extends PeriodBand {
  metric: string;
  orgUnitId: string;
}

/** Answers with one score, summed over one asked subtree and period. */
export interface VocScoreCount {
  /** Index of the subtree in the asked list. */
  subtree: number;
  /** Index of the period in the asked list. */
  period: number;
  survey: SurveyType;
  score: number;
  count: number;
}

export interface IndexWeight {
  /** null: the company default. */
  orgUnitId: string | null;
  metric: string;
  weight: number;
}

/**
 * The reads a scorecard is computed from, each one SQL statement for all the units, metrics and
 * periods it shows (never one round trip per cell).
 */
@Injectable()
export class ScorecardSources {
  constructor(private readonly dataSource: DataSource) {}

  async units(): Promise<ScorecardUnit[]> {
    const rows: {
      id: string;
      key: string;
      name: string;
      type: string;
      parentId: string | null;
      leaderId: string | null;
      leaderName: string | null;
      primaryMetric: string | null;
      marginMetric: string | null;
      headcount: string;
    }[] = await this.dataSource.query(
      `SELECT o.id, o.key, o.name, o.type, o.parent_id AS "parentId", o.leader_id AS "leaderId", l.name AS "leaderName",
              o.primary_metric_key AS "primaryMetric", o.margin_metric_key AS "marginMetric",
              (SELECT count(*) FROM users u WHERE u.active AND u.org_unit_id = o.id)::text AS headcount
         FROM org_units o LEFT JOIN users l ON l.id = o.leader_id
        ORDER BY o.name, o.key`,
    );
    return rows.map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      type: row.type,
      parentId: row.parentId,
      leader: row.leaderId && row.leaderName !== null ? { id: row.leaderId, name: row.leaderName } : null,
      primaryMetric: row.primaryMetric,
      marginMetric: row.marginMetric,
      ownHeadcount: Number(row.headcount),
    }));
  }

  metrics(): Promise<ScorecardMetric[]> {
    return this.dataSource.query(
      `SELECT key, name, category, unit, direction, aggregation, survey FROM metric_definitions`,
    );
  }

  /** The current version of every unit's months of these metrics. */
  currentMeasurements(metrics: readonly string[], months: readonly string[]): Promise<CurrentFigures[]> {
    if (!metrics.length || !months.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT DISTINCT ON (metric_key, org_unit_id, month)
              metric_key AS metric, org_unit_id AS "orgUnitId", month, value, numerator, denominator
         FROM measurements WHERE metric_key = ANY($1::text[]) AND month = ANY($2::text[])
        ORDER BY metric_key, org_unit_id, month, version DESC`,
      [metrics, months],
    );
  }

  /** The targets as set (fiscal years and quarters) of these units and metrics in these fiscal years. */
  async targets(
    orgUnitIds: readonly string[],
    metrics: readonly string[],
    fiscalYears: readonly number[],
  ): Promise<UnitTarget[]> {
    if (!orgUnitIds.length || !metrics.length || !fiscalYears.length) return [];
    const rows: {
      metric: string;
      orgUnitId: string;
      period: string;
      threshold: string;
      target: string;
      stretch: string;
    }[] = await this.dataSource.query(
      `SELECT metric_key AS metric, org_unit_id AS "orgUnitId", period, threshold::text, target::text, stretch::text
           FROM targets
          WHERE org_unit_id = ANY($1::uuid[]) AND metric_key = ANY($2::text[]) AND substr(period, 3, 4)::int = ANY($3::int[])`,
      [orgUnitIds, metrics, fiscalYears],
    );
    return rows.map((row) => ({
      metric: row.metric,
      orgUnitId: row.orgUnitId,
      period: row.period,
      band: { threshold: Number(row.threshold), target: Number(row.target), stretch: Number(row.stretch) },
    }));
  }

  /**
   * Score counts of the survey answers of each subtree (a unit and every unit below it) in each
   * period (its months), from the per-month histograms: one statement for every cell and trend
   * point of a scorecard, summed in PostgreSQL.
   */
  async vocScoreCounts(
    subtrees: readonly (readonly string[])[],
    periods: readonly (readonly string[])[],
    surveys: readonly SurveyType[],
  ): Promise<VocScoreCount[]> {
    if (!subtrees.length || !periods.length || !surveys.length) return [];
    const units = subtrees.flatMap((ids, index) => ids.map((id) => [id, index] as const));
    const months = periods.flatMap((list, index) => list.map((month) => [month, index] as const));
    const rows: { subtree: number; period: number; survey: SurveyType; score: number; count: string }[] =
      await this.dataSource.query(
        `SELECT s.subtree, p.period, h.survey, h.score, sum(h.count)::text AS count
         FROM voc_histograms h
         JOIN unnest($1::uuid[], $2::int[]) AS s(org_unit_id, subtree) ON s.org_unit_id = h.org_unit_id
         JOIN unnest($3::text[], $4::int[]) AS p(month, period) ON p.month = h.month
        WHERE h.survey = ANY($5::text[]) AND h.month = ANY($3::text[])
        GROUP BY s.subtree, p.period, h.survey, h.score`,
        [
          units.map(([id]) => id),
          units.map(([, index]) => index),
          months.map(([month]) => month),
          months.map(([, index]) => index),
          surveys,
        ],
      );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** The CX index weights of these units and the company default (`orgUnitId` null). */
  async indexWeights(orgUnitIds: readonly string[]): Promise<IndexWeight[]> {
    const rows: { orgUnitId: string | null; metric: string; weight: string }[] = await this.dataSource.query(
      `SELECT org_unit_id AS "orgUnitId", metric_key AS metric, weight::text FROM cx_index_weights
        WHERE org_unit_id IS NULL OR org_unit_id = ANY($1::uuid[])
        ORDER BY metric_key`,
      [orgUnitIds],
    );
    return rows.map((row) => ({ orgUnitId: row.orgUnitId, metric: row.metric, weight: Number(row.weight) }));
  }
}
