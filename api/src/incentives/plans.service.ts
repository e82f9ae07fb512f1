import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { IncentivePlan, PlanVersionStatus, PlanVersionSummary } from '@lodestar/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import type { CreatePlanDto } from './dto/plan.dto';

interface PlanRow {
  id: string;
  key: string;
  name: string;
  description: string;
}

export interface VersionSummaryRow {
  id: string;
  planId: string;
  planName: string;
  number: number;
  status: PlanVersionStatus;
  effectiveFrom: string;
  authorId: string;
  authorName: string;
  updatedAt: Date;
  participantCount: number;
}

/** People in a version: a person listed twice (a transfer) counts once. */
export const PARTICIPANT_COUNT = `(SELECT count(DISTINCT pp.user_id)::int FROM plan_participants pp WHERE pp.version_id = v.id)`;

const SELECT_SUMMARIES = `
  SELECT v.id, v.plan_id AS "planId", p.name AS "planName", v.number, v.status, v.effective_from AS "effectiveFrom",
         v.author_id AS "authorId", au.name AS "authorName", v.updated_at AS "updatedAt",
         ${PARTICIPANT_COUNT} AS "participantCount"
    FROM plan_versions v JOIN incentive_plans p ON p.id = v.plan_id JOIN users au ON au.id = v.author_id`;

export function toSummary(row: VersionSummaryRow): PlanVersionSummary {
  return {
    id: row.id,
    planId: row.planId,
    planName: row.planName,
    number: row.number,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    author: { id: row.authorId, name: row.authorName },
    updatedAt: row.updatedAt.toISOString(),
    participantCount: row.participantCount,
  };
}

/** What a plan looks like in the audit log. */
function auditView(plan: PlanRow) {
  return { key: plan.key, name: plan.name, description: plan.description };
}

/** Incentive plans: a key, a name and a description; their versions carry the rules. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every plan by name, each with its versions in order. */
  async list(): Promise<IncentivePlan[]> {
    const [plans, versions]: [PlanRow[], VersionSummaryRow[]] = await Promise.all([
      this.dataSource.query(`SELECT id, key, name, description FROM incentive_plans ORDER BY name, key`),
      this.dataSource.query(`${SELECT_SUMMARIES} ORDER BY v.plan_id, v.number`),
    ]);
    return plans.map((plan) => ({
      ...plan,
      versions: versions.filter((version) => version.planId === plan.id).map(toSummary),
    }));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<IncentivePlan> {
    const plan = await this.row(manager, id);
    const versions: VersionSummaryRow[] = await manager.query(
      `${SELECT_SUMMARIES} WHERE v.plan_id = $1 ORDER BY v.number`,
      [id],
    );
    return { ...plan, versions: versions.map(toSummary) };
  }

  /** A new plan without versions; its key is unique (409 when taken). */
  async create(actor: RequestUser, body: CreatePlanDto): Promise<IncentivePlan> {
    const id = await this.audit.write(actor, async (manager, record) => {
      const taken: unknown[] = await manager.query(`SELECT 1 FROM incentive_plans WHERE key = $1`, [
        body.key,
      ]);
      if (taken.length) throw keyTaken(body.key);
      let created: PlanRow;
      try {
        [created] = await manager.query(
          `INSERT INTO incentive_plans (key, name, description, created_by) VALUES ($1, $2, $3, $4)
           RETURNING id, key, name, description`,
          [body.key, body.name, body.description ?? '', actor.id],
        );
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505')
          throw keyTaken(body.key);
        throw error;
      }
      await record({
        action: 'incentive-plan.create',
        entityType: 'incentive_plan',
        entityId: created.id,
        after: auditView(created),
      });
      return created.id;
    });
    return this.get(id);
  }

  private async row(manager: EntityManager, id: string): Promise<PlanRow> {
    const [plan]: PlanRow[] = await manager.query(
      `SELECT id, key, name, description FROM incentive_plans WHERE id = $1`,
      [id],
    );
    if (!plan)
      throw new NotFoundException(
        `There is no incentive plan with the id ${id}: GET /api/v1/plans lists them.`,
      );
    return plan;
  }
}

function keyTaken(key: string): ConflictException {
  return new ConflictException(
    `A plan with the key "${key}" already exists: choose another key, or add a version to that plan.`,
  );
}
