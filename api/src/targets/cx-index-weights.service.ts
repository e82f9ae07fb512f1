import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CX_INDEX_METRIC,
  type CxIndexWeight,
  type CxIndexWeights,
  type MetricCategory,
} from '@lodestar/contracts';
import { parseDecimal, weightsProblem } from '@lodestar/cx-metrics';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';

/** The CX index is a metric too, but never one of its own components. */

/** Longest weight as text. */
const MAX_FIGURE = 60;

export interface CxIndexWeightInput {
  metric: string;
  weight: unknown;
}

/**
 * The CX index weights: the company default (`orgUnit` null) and the units that have their own.
 * A unit without its own weights uses the default. A set is replaced as a whole.
 */
@Injectable()
export class CxIndexWeightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** A unit's own weights, or else the company default; without a unit, the default. */
  async get(orgUnitKey?: string): Promise<CxIndexWeights> {
    const manager = this.dataSource.manager;
    if (orgUnitKey === undefined)
      return { orgUnit: null, basis: 'default', weights: await this.weightsOf(manager, null) };
    const own = await this.weightsOf(manager, await this.unitId(manager, orgUnitKey));
    if (own.length) return { orgUnit: orgUnitKey, basis: 'own', weights: own };
    return { orgUnit: orgUnitKey, basis: 'default', weights: await this.weightsOf(manager, null) };
  }

  /**
   * Replaces a unit's weights (or the default's) in one transaction, with an audit entry. Every
   * metric must be a CX metric other than the index itself, every weight more than 0 and at most
   * 100, each metric once, and the weights must add up to 100 (`weightsProblem`).
   */
  async set(
    actor: RequestUser,
    orgUnitKey: string | null,
    inputs: CxIndexWeightInput[],
  ): Promise<CxIndexWeights> {
    const saved = await this.audit.write(actor, async (manager, record) => {
      const unitId = orgUnitKey === null ? null : await this.unitId(manager, orgUnitKey);
      const metrics: { key: string; category: MetricCategory }[] = await manager.query(
        'SELECT key, category FROM metric_definitions',
      );
      const categories = new Map(metrics.map((metric) => [metric.key, metric.category]));
      const problems: string[] = [];
      const weights: CxIndexWeight[] = [];
      inputs.forEach((input, index) => {
        const metric = String(input.metric ?? '').trim();
        const own: string[] = [];
        const category = categories.get(metric);
        if (!category) own.push(`metric "${metric}" is not a metric key (GET /api/v1/metrics lists them)`);
        else if (metric === CX_INDEX_METRIC)
          own.push('cx_index is the index itself and cannot be one of its components');
        else if (category !== 'CX')
          own.push(`${metric} is a ${category} metric: the CX index weighs CX metrics only`);
        const raw = input.weight;
        const weight = typeof raw === 'string' && raw.length > MAX_FIGURE ? null : parseDecimal(raw);
        if (raw === null || raw === undefined) own.push(`the weight of ${metric} is missing`);
        else if (weight === null)
          own.push(
            `the weight of ${metric} "${String(raw).slice(0, MAX_FIGURE)}" is not a decimal number such as 12.5`,
          );
        else if (Number(weight) <= 0)
          own.push(`the weight of ${metric} must be more than 0 %: leave the metric out instead`);
        else if (Number(weight) > 100) own.push(`the weight of ${metric} cannot be more than 100 %`);
        if (own.length) problems.push(`weights[${index}]: ${own.join('; ')}`);
        if (weight !== null) weights.push({ metric, weight });
      });
      if (weights.length === inputs.length) {
        const problem = weightsProblem(
          weights.map(({ metric, weight }) => ({ metric, weight: Number(weight) })),
        );
        if (problem) problems.push(problem);
      }
      if (problems.length) {
        const whose = orgUnitKey === null ? 'the company default' : orgUnitKey;
        throw new BadRequestException({
          message: `The CX index weights of ${whose} were not saved: ${problems.join('; ')}.`,
          errors: problems,
        });
      }

      // one writer of a set at a time, so a replacement never meets another's half-written set
      await manager.query('LOCK TABLE cx_index_weights IN SHARE ROW EXCLUSIVE MODE');
      const before = await this.weightsOf(manager, unitId);
      await manager.query('DELETE FROM cx_index_weights WHERE org_unit_id IS NOT DISTINCT FROM $1', [unitId]);
      await manager.query(
        `INSERT INTO cx_index_weights (org_unit_id, metric_key, weight, updated_by)
         SELECT $1::uuid, k.metric_key, k.weight, $4::uuid FROM unnest($2::text[], $3::numeric[]) AS k(metric_key, weight)`,
        [unitId, weights.map((item) => item.metric), weights.map((item) => item.weight), actor.id],
      );
      const after = await this.weightsOf(manager, unitId);
      await record({
        action: 'cx-index-weights.set',
        entityType: 'cx-index-weights',
        entityId: orgUnitKey ?? 'default',
        before: before.length ? before : null,
        after,
      });
      return after;
    });
    this.cache.changed('targets');
    return { orgUnit: orgUnitKey, basis: orgUnitKey === null ? 'default' : 'own', weights: saved };
  }

  /** Removes a unit's own weights, so the company default applies to it again; answers the weights now in force. */
  async remove(actor: RequestUser, orgUnitKey: string): Promise<CxIndexWeights> {
    await this.audit.write(actor, async (manager, record) => {
      const unitId = await this.unitId(manager, orgUnitKey);
      await manager.query('LOCK TABLE cx_index_weights IN SHARE ROW EXCLUSIVE MODE');
      const before = await this.weightsOf(manager, unitId);
      if (!before.length) {
        throw new NotFoundException(
          `${orgUnitKey} has no CX index weights of its own: it already uses the company default.`,
        );
      }
      await manager.query('DELETE FROM cx_index_weights WHERE org_unit_id = $1', [unitId]);
      await record({
        action: 'cx-index-weights.delete',
        entityType: 'cx-index-weights',
        entityId: orgUnitKey,
        before,
        after: null,
      });
    });
    this.cache.changed('targets');
    return this.get(orgUnitKey);
  }

  /** A set of weights, heaviest first. */
  private weightsOf(manager: EntityManager, unitId: string | null): Promise<CxIndexWeight[]> {
    return manager.query(
      `SELECT metric_key AS metric, weight::text AS weight FROM cx_index_weights
        WHERE org_unit_id IS NOT DISTINCT FROM $1 ORDER BY weight DESC, metric_key COLLATE "C"`,
      [unitId],
    );
  }

  private async unitId(manager: EntityManager, key: string): Promise<string> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM org_units WHERE key = $1', [key]);
    if (!rows[0])
      throw new NotFoundException(
        `There is no org unit with the key "${key}": GET /api/v1/org-units lists them.`,
      );
    return rows[0].id;
  }
}
