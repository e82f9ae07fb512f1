import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { ActionPlan } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { ActionPlanEntity } from './action-plan.entity';
import { knownMetric } from './comments.service';
import type { CreateActionPlanDto, UpdateActionPlanDto } from './dto/action-plan.dto';
import { periodLabel } from './scorecard-periods';
import { assertScorecardWriter, unitForWriting } from './scorecard-writers';

interface PlanRow {
  id: string;
  orgUnitId: string;
  orgUnit: string;
  orgUnitName: string;
  period: string;
  metric: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: ActionPlan['status'];
  createdAt: Date;
  closedAt: Date | null;
}

const SELECT_PLANS = `
  SELECT p.id, p.org_unit_id AS "orgUnitId", o.key AS "orgUnit", o.name AS "orgUnitName", p.period, p.metric_key AS metric, p.title,
         p.owner_id AS "ownerId", u.name AS "ownerName", to_char(p.due_date, 'YYYY-MM-DD') AS "dueDate", p.status,
         p.created_at AS "createdAt", p.closed_at AS "closedAt"
    FROM action_plans p JOIN org_units o ON o.id = p.org_unit_id JOIN users u ON u.id = p.owner_id`;

/** What an action plan looks like in the audit log. */
function auditView(plan: PlanRow) {
  return {
    orgUnit: plan.orgUnit,
    period: plan.period,
    metric: plan.metric,
    title: plan.title,
    ownerId: plan.ownerId,
    dueDate: plan.dueDate,
    status: plan.status,
  };
}

/**
 * Action plans on a unit's scorecard (usually on a red cell): owner, due date and status. They
 * show on the scorecard until done, and in the period they were closed in.
 */
@Injectable()
export class ActionPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /**
   * A unit's open and in-progress plans of any period, and those closed within `months` (the
   * asked period's months, in the company's time zone); open ones by due date first.
   */
  async list(orgUnitId: string, months: readonly string[], timeZone: string): Promise<ActionPlan[]> {
    const rows: PlanRow[] = await this.dataSource.query(
      `${SELECT_PLANS}
        WHERE p.org_unit_id = $1
          AND (p.status <> 'done' OR to_char(p.closed_at AT TIME ZONE $3, 'YYYY-MM') = ANY($2::text[]))
        ORDER BY p.status = 'done', p.due_date, p.created_at, p.id`,
      [orgUnitId, months, timeZone],
    );
    return rows.map(toPlan);
  }

  async create(actor: RequestUser, unitKey: string, body: CreateActionPlanDto): Promise<ActionPlan> {
    const plan = await this.audit.write(actor, async (manager, record) => {
      const unit = await unitForWriting(manager, unitKey);
      await assertScorecardWriter(
        manager,
        actor,
        unit,
        `add an action plan to the scorecard of ${unit.name}`,
      );
      const period = periodLabel(body.period);
      const metric = await knownMetric(manager, body.metric);
      await assertOwner(manager, body.ownerId);
      const saved = await manager.save(
        manager.create(ActionPlanEntity, {
          orgUnitId: unit.id,
          period,
          metricKey: metric,
          title: body.title,
          ownerId: body.ownerId,
          dueDate: body.dueDate,
          status: body.status ?? 'open',
          createdBy: actor.id,
          closedAt: null,
        }),
      );
      const row = await this.read(manager, saved.id);
      await record({
        action: 'action-plan.create',
        entityType: 'action-plan',
        entityId: saved.id,
        after: auditView(row),
      });
      return row;
    });
    this.cache.changed('scorecards');
    return toPlan(plan);
  }

  /** Changes the status, due date or owner; done closes the plan (now), and reopening clears that. */
  async update(actor: RequestUser, id: string, body: UpdateActionPlanDto): Promise<ActionPlan> {
    if (body.status === undefined && body.dueDate === undefined && body.ownerId === undefined) {
      throw new BadRequestException('Nothing to change: give status, dueDate or ownerId.');
    }
    const plan = await this.audit.write(actor, async (manager, record) => {
      const before = await this.read(manager, id, true);
      const unit = { id: before.orgUnitId, key: before.orgUnit, name: before.orgUnitName };
      await assertScorecardWriter(manager, actor, unit, `change the action plans of ${unit.name}`);
      if (body.ownerId !== undefined) await assertOwner(manager, body.ownerId);
      const status = body.status ?? before.status;
      await manager.query(
        `UPDATE action_plans
            SET status = $2, due_date = $3, owner_id = $4,
                closed_at = CASE WHEN $2 <> 'done' THEN NULL WHEN status = 'done' THEN closed_at ELSE now() END
          WHERE id = $1`,
        [id, status, body.dueDate ?? before.dueDate, body.ownerId ?? before.ownerId],
      );
      const after = await this.read(manager, id);
      await record({
        action: 'action-plan.update',
        entityType: 'action-plan',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
    this.cache.changed('scorecards');
    return toPlan(plan);
  }

  private async read(manager: EntityManager, id: string, lock = false): Promise<PlanRow> {
    const rows: PlanRow[] = await manager.query(
      `${SELECT_PLANS} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (!rows[0]) throw new NotFoundException(`There is no action plan with the id ${id}.`);
    return rows[0];
  }
}

async function assertOwner(manager: EntityManager, ownerId: string): Promise<void> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [ownerId]);
  if (!rows.length)
    throw new BadRequestException(`There is no active user with the id ${ownerId} to own the plan.`);
}

function toPlan(row: PlanRow): ActionPlan {
  return {
    id: row.id,
    orgUnit: row.orgUnit,
    period: row.period,
    metric: row.metric,
    title: row.title,
    owner: { id: row.ownerId, name: row.ownerName },
    dueDate: row.dueDate,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
  };
}
