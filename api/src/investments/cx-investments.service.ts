import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  monthsOf,
  parsePeriod,
  PeriodLabelError,
  type CxInvestment,
  type CxInvestmentApproval,
  type CxInvestmentStatus,
  type Page,
} from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import { CxInvestmentBudgetsService, findUnit, type InvestmentUnit } from './cx-investment-budgets.service';
import { decisionStep, statusAfter, type Refusal } from './cx-investment-rules';
import type {
  CxInvestmentDecisionDto,
  CxInvestmentInputDto,
  CxInvestmentListQuery,
} from './dto/cx-investment.dto';
import { checkAmount, Money } from './money';

interface InvestmentRow {
  id: string;
  kind: CxInvestment['kind'];
  orgUnitId: string;
  orgUnit: string;
  orgUnitName: string;
  period: string;
  amount: string;
  account: string | null;
  reason: string;
  link: string | null;
  status: CxInvestmentStatus;
  proposedById: string;
  proposedByName: string;
  proposedAt: Date;
}

interface DecisionRow {
  investmentId: string;
  byId: string;
  byName: string;
  role: CxInvestmentApproval['role'];
  approve: boolean;
  reason: string | null;
  at: Date;
}

const SELECT_INVESTMENTS = `
  SELECT i.id, i.kind, i.org_unit_id AS "orgUnitId", o.key AS "orgUnit", o.name AS "orgUnitName", i.month AS period,
         i.amount::text AS amount, i.account, i.reason, i.link, i.status,
         i.proposed_by AS "proposedById", u.name AS "proposedByName", i.proposed_at AS "proposedAt"
    FROM cx_investments i JOIN org_units o ON o.id = i.org_unit_id JOIN users u ON u.id = i.proposed_by`;

/** The ids of a unit and every unit below it, as `SELECT id FROM down`. */
const DOWN_FROM = (param: string) => `WITH RECURSIVE down AS (
    SELECT id FROM org_units WHERE id = ${param}
    UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)`;

/** What an investment looks like in the audit log. */
function auditView(row: InvestmentRow) {
  return {
    kind: row.kind,
    orgUnit: row.orgUnit,
    period: row.period,
    amount: row.amount,
    account: row.account,
    reason: row.reason,
    link: row.link,
    status: row.status,
  };
}

/**
 * CX investments: proposed by someone in the unit (or its leader, or a CX lead), decided by a CX
 * lead and, above the threshold, an approver too; never by the proposer nor by anyone whose pay
 * the unit's figures feed. Approved ones count against the unit's quarterly cap and are added
 * back in the scorecard's adjusted margin and quota attainment.
 */
@Injectable()
export class CxInvestmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
    private readonly budgets: CxInvestmentBudgetsService,
    private readonly cache: ReadCache,
  ) {}

  async propose(actor: RequestUser, body: CxInvestmentInputDto): Promise<CxInvestment> {
    const amount = checkAmount('amount', body.amount, true);
    if ('problem' in amount) throw new BadRequestException(amount.problem); // the DTO has checked it already
    const row = await this.audit.write(actor, async (manager, record) => {
      const unit = await unitOfBody(manager, body.orgUnit);
      await assertMayPropose(manager, actor, unit);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO cx_investments (kind, org_unit_id, month, amount, account, reason, link, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          body.kind,
          unit.id,
          body.period,
          amount.amount,
          body.account ?? null,
          body.reason,
          body.link ?? null,
          actor.id,
        ],
      );
      const created = await this.row(manager, id);
      await record({
        action: 'cx-investment.propose',
        entityType: 'cx-investment',
        entityId: id,
        after: auditView(created),
      });
      return created;
    });
    return (await this.toInvestments([row]))[0];
  }

  /** Newest first, optionally of a unit and the units below it, a period and a status. */
  async list(query: CxInvestmentListQuery): Promise<Page<CxInvestment>> {
    const unit = query.orgUnit === undefined ? null : await findUnit(this.dataSource.manager, query.orgUnit);
    let months: string[] | null = null;
    if (query.period !== undefined) {
      const { startMonth } = await this.calendar.get();
      try {
        months = monthsOf(parsePeriod(query.period), startMonth);
      } catch (error) {
        if (error instanceof PeriodLabelError) throw new BadRequestException(error.message);
        throw error;
      }
    }
    const where = `WHERE ($1::uuid IS NULL OR i.org_unit_id IN (SELECT id FROM down))
        AND ($2::text[] IS NULL OR i.month = ANY($2::text[]))
        AND ($3::text IS NULL OR i.status = $3)`;
    const params = [unit?.id ?? null, months, query.status ?? null];
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(
        `${DOWN_FROM('$1::uuid')} SELECT count(*)::int AS total FROM cx_investments i ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `${DOWN_FROM('$1::uuid')} ${SELECT_INVESTMENTS} ${where}
          ORDER BY i.proposed_at DESC, i.id DESC LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<InvestmentRow[]>,
    ]);
    return { items: await this.toInvestments(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<CxInvestment> {
    return (await this.toInvestments([await this.row(this.dataSource.manager, id)]))[0];
  }

  /**
   * The CX lead's decision on a proposed investment, or an approver's on one awaiting the second
   * approval. An approval past the unit's quarterly cap is refused (409) and changes nothing.
   */
  async decide(actor: RequestUser, id: string, body: CxInvestmentDecisionDto): Promise<CxInvestment> {
    const reason = body.reason ?? null;
    if (!body.approve && !reason) {
      throw new BadRequestException(
        'reason is required when rejecting: say why, so the person who proposed it can act on it.',
      );
    }
    const { startMonth } = await this.calendar.get();
    const row = await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      const settings = await this.budgets.settings(manager);
      const decisions: DecisionRow[] = await manager.query(
        `SELECT decided_by AS "byId", role FROM cx_investment_decisions WHERE investment_id = $1`,
        [id],
      );
      const decided = decisionStep(
        {
          status: before.status,
          unitName: before.orgUnitName,
          proposedById: before.proposedById,
          deciderLeads: await ledUnitAtOrAbove(manager, before.orgUnitId, actor.id),
          cxLeadDecidedById: decisions.find((decision) => decision.role === 'CX_LEAD')?.byId ?? null,
          secondApprovalAbove: settings.secondApprovalAbove,
        },
        actor,
      );
      if ('refusal' in decided) throw refused(decided.refusal);

      const unit: InvestmentUnit = { id: before.orgUnitId, key: before.orgUnit, name: before.orgUnitName };
      if (body.approve)
        await this.budgets.assertWithinCap(manager, unit, before.period, before.amount, startMonth);
      const needsSecond = new Money(before.amount).greaterThan(settings.secondApprovalAbove);
      const status = statusAfter(decided.step, body.approve, needsSecond);
      await manager.query(
        `INSERT INTO cx_investment_decisions (investment_id, decided_by, role, approve, reason) VALUES ($1, $2, $3, $4, $5)`,
        [id, actor.id, decided.step, body.approve, reason],
      );
      await manager.query('UPDATE cx_investments SET status = $2 WHERE id = $1', [id, status]);
      const after = await this.row(manager, id);
      await record({
        action: body.approve ? 'cx-investment.approve' : 'cx-investment.reject',
        entityType: 'cx-investment',
        entityId: id,
        before: { status: before.status },
        after: { ...auditView(after), decision: { role: decided.step, approve: body.approve } },
        reason,
      });
      return after;
    });
    // an approved investment changes the adjusted figures of the scorecards
    this.cache.changed('scorecards');
    return (await this.toInvestments([row]))[0];
  }

  /** The proposer takes it back while it is not finally decided. */
  async withdraw(actor: RequestUser, id: string): Promise<CxInvestment> {
    const row = await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      if (before.proposedById !== actor.id) {
        throw new ForbiddenException(
          `Only ${before.proposedByName}, who proposed this CX investment, can withdraw it.`,
        );
      }
      if (before.status !== 'proposed' && before.status !== 'awaiting_second_approval') {
        throw new ConflictException(
          `This CX investment is ${before.status === 'withdrawn' ? 'already withdrawn' : `already ${before.status}`}: only one that is not yet decided can be withdrawn.`,
        );
      }
      await manager.query(`UPDATE cx_investments SET status = 'withdrawn' WHERE id = $1`, [id]);
      const after = await this.row(manager, id);
      await record({
        action: 'cx-investment.withdraw',
        entityType: 'cx-investment',
        entityId: id,
        before: { status: before.status },
        after: auditView(after),
      });
      return after;
    });
    return (await this.toInvestments([row]))[0];
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<InvestmentRow> {
    const [row]: InvestmentRow[] = await manager.query(
      `${SELECT_INVESTMENTS} WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundException(`There is no CX investment with the id ${id}.`);
    return row;
  }

  /** The investments as sent, with their decisions (one read for all of them). */
  private async toInvestments(rows: InvestmentRow[]): Promise<CxInvestment[]> {
    if (!rows.length) return [];
    const [decisions, settings]: [DecisionRow[], { secondApprovalAbove: string }] = await Promise.all([
      this.dataSource.query(
        `SELECT d.investment_id AS "investmentId", d.decided_by AS "byId", u.name AS "byName", d.role, d.approve, d.reason, d.decided_at AS at
           FROM cx_investment_decisions d JOIN users u ON u.id = d.decided_by
          WHERE d.investment_id = ANY($1::uuid[])
          ORDER BY d.decided_at, d.role = 'APPROVER'`,
        [rows.map((row) => row.id)],
      ),
      this.budgets.settings(),
    ]);
    return rows.map((row) => {
      const own = decisions.filter((decision) => decision.investmentId === row.id);
      return {
        id: row.id,
        kind: row.kind,
        orgUnit: row.orgUnit,
        orgUnitName: row.orgUnitName,
        period: row.period,
        amount: row.amount,
        account: row.account,
        reason: row.reason,
        link: row.link,
        status: row.status,
        proposedBy: { id: row.proposedById, name: row.proposedByName },
        proposedAt: row.proposedAt.toISOString(),
        decisions: own.map((decision) => ({
          by: { id: decision.byId, name: decision.byName },
          role: decision.role,
          approve: decision.approve,
          reason: decision.reason,
          at: decision.at.toISOString(),
        })),
        needsSecondApproval: needsSecondApproval(row, own, settings.secondApprovalAbove),
      };
    });
  }
}

/**
 * Whether an approver's approval is (or was) needed: what happened for a finished investment,
 * the current threshold for one still open or never approved.
 */
function needsSecondApproval(row: InvestmentRow, decisions: DecisionRow[], threshold: string): boolean {
  if (row.status === 'awaiting_second_approval') return true;
  if (row.status === 'approved') return decisions.some((decision) => decision.role === 'APPROVER');
  return new Money(row.amount).greaterThan(threshold);
}

/** The unit a proposal names; 400, as a field of the body, when there is none. */
async function unitOfBody(manager: EntityManager, key: string): Promise<InvestmentUnit> {
  try {
    return await findUnit(manager, key);
  } catch (error) {
    if (error instanceof NotFoundException) {
      throw new BadRequestException(
        `orgUnit "${key}" is not an org unit: GET /api/v1/org-units lists their keys.`,
      );
    }
    throw error;
  }
}

/** Anyone in the unit or a unit below it, its leader, or a CX lead may propose; others get 403. */
async function assertMayPropose(
  manager: EntityManager,
  actor: RequestUser,
  unit: InvestmentUnit,
): Promise<void> {
  if (actor.roles.includes('CX_LEAD')) return;
  const [{ allowed }]: { allowed: boolean }[] = await manager.query(
    `${DOWN_FROM('$1::uuid')}
     SELECT EXISTS (SELECT 1 FROM down WHERE id = $2::uuid) OR EXISTS (SELECT 1 FROM org_units WHERE id = $1 AND leader_id = $3) AS allowed`,
    [unit.id, actor.orgUnitId, actor.id],
  );
  if (!allowed) {
    throw new ForbiddenException(
      `Only people in ${unit.name} or a unit below it, its leader or a CX lead can propose a CX investment for it.`,
    );
  }
}

/** The name of the unit the user leads at or above this one (nearest first), or null. */
async function ledUnitAtOrAbove(
  manager: EntityManager,
  orgUnitId: string,
  userId: string,
): Promise<string | null> {
  const rows: { name: string }[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, leader_id, name, 0 AS depth FROM org_units WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.leader_id, o.name, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id)
     SELECT name FROM up WHERE leader_id = $2 ORDER BY depth LIMIT 1`,
    [orgUnitId, userId],
  );
  return rows[0]?.name ?? null;
}

function refused(refusal: Refusal): HttpException {
  return refusal.status === 409
    ? new ConflictException(refusal.message)
    : new ForbiddenException(refusal.message);
}
