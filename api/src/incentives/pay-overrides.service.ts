import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Page, PayOverride, PayOverrideStatus } from '@lodestar/contracts';
import { parseDecimal } from '@lodestar/cx-metrics';
import { Decimal } from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import type {
  PayOverrideDecisionDto,
  PayOverrideInputDto,
  PayOverrideListQuery,
} from './dto/pay-override.dto';
import { plainDecimal } from './pay-inputs';

interface OverrideRow {
  id: string;
  orgUnitId: string;
  orgUnit: string;
  orgUnitName: string;
  metric: string;
  metricName: string;
  period: string;
  value: string;
  reason: string;
  status: PayOverrideStatus;
  enteredById: string;
  enteredByName: string;
  enteredAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

const SELECT_OVERRIDES = `
  SELECT p.id, p.org_unit_id AS "orgUnitId", o.key AS "orgUnit", o.name AS "orgUnitName", p.metric, m.name AS "metricName",
         p.period, p.value::text AS value, p.reason, p.status,
         p.entered_by AS "enteredById", e.name AS "enteredByName", p.entered_at AS "enteredAt",
         p.decided_by AS "decidedById", d.name AS "decidedByName", p.decided_at AS "decidedAt", p.decision_reason AS "decisionReason"
    FROM pay_overrides p
    JOIN org_units o ON o.id = p.org_unit_id
    JOIN metric_definitions m ON m.key = p.metric
    JOIN users e ON e.id = p.entered_by
    LEFT JOIN users d ON d.id = p.decided_by`;

/** The values an override of each CX metric may take, in the metric's own unit. */
const VALUE_RANGES: Record<string, { min: number; max: number; what: string }> = {
  nps: { min: -100, max: 100, what: 'an NPS from −100 to 100' },
  csat: { min: 0, max: 100, what: 'a CSAT from 0 to 100 %' },
  ces: { min: 1, max: 7, what: 'a CES from 1 to 7' },
  cx_index: { min: 0, max: 200, what: 'a CX index from 0 to 200' },
};
const MAX_DECIMALS = 6;

/** The canonical text of an override's value, or a sentence saying what is wrong with it. */
export function checkOverrideValue(metric: string, input: unknown): { value: string } | { problem: string } {
  const range = VALUE_RANGES[metric];
  const rule = range
    ? `${range.what}, with at most ${MAX_DECIMALS} decimals, such as "38.5"`
    : `a decimal number with at most ${MAX_DECIMALS} decimals`;
  const text = parseDecimal(input);
  if (text === null) return { problem: `value must be ${rule}` };
  const value = new Decimal(text);
  if (
    value.decimalPlaces() > MAX_DECIMALS ||
    (range && (value.lessThan(range.min) || value.greaterThan(range.max)))
  )
    return { problem: `value must be ${rule}, not ${text}` };
  return { value: value.toFixed() };
}

function auditView(row: OverrideRow) {
  return {
    orgUnit: row.orgUnit,
    metric: row.metric,
    period: row.period,
    value: plainDecimal(row.value),
    reason: row.reason,
    status: row.status,
  };
}

function toOverride(row: OverrideRow): PayOverride {
  return {
    id: row.id,
    orgUnit: { key: row.orgUnit, name: row.orgUnitName },
    metric: row.metric,
    period: row.period,
    value: plainDecimal(row.value),
    reason: row.reason,
    status: row.status,
    enteredBy: { id: row.enteredById, name: row.enteredByName },
    enteredAt: row.enteredAt.toISOString(),
    decidedBy:
      row.decidedById && row.decidedByName !== null ? { id: row.decidedById, name: row.decidedByName } : null,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decisionReason: row.decisionReason,
  };
}

/**
 * Pay overrides (SPEC §3 "CX inputs and small samples"): HR enters a value for a unit's CX input
 * of a quarter whose sample is too small for pay, with a reason; an APPROVER who did not enter it
 * approves or rejects it. Only approved ones are used for pay, and a unit, metric and quarter has
 * at most one pending or approved override. Every write is audited in its own transaction.
 */
@Injectable()
export class PayOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** Newest first, optionally of one quarter, status or unit. */
  async list(query: PayOverrideListQuery): Promise<Page<PayOverride>> {
    const where = `WHERE ($1::text IS NULL OR p.period = $1) AND ($2::text IS NULL OR p.status = $2)
        AND ($3::text IS NULL OR o.key = $3)`;
    const params = [query.period ?? null, query.status ?? null, query.orgUnit ?? null];
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM pay_overrides p JOIN org_units o ON o.id = p.org_unit_id ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `${SELECT_OVERRIDES} ${where} ORDER BY p.entered_at DESC, p.id DESC LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<OverrideRow[]>,
    ]);
    return { items: rows.map(toOverride), total, page: query.page, pageSize: query.pageSize };
  }

  /** HR enters an override: PENDING until an approver decides it; 409 when one is already live. */
  async enter(actor: RequestUser, body: PayOverrideInputDto): Promise<PayOverride> {
    const checked = checkOverrideValue(body.metric, body.value);
    if ('problem' in checked) throw new BadRequestException(checked.problem);
    const row = await this.audit.write(actor, async (manager, record) => {
      const units: { id: string }[] = await manager.query('SELECT id FROM org_units WHERE key = $1', [
        body.orgUnit,
      ]);
      if (!units.length) {
        throw new BadRequestException(
          `orgUnit "${body.orgUnit}" is not an org unit: GET /api/v1/org-units lists their keys.`,
        );
      }
      const unitId = units[0].id;
      // one at a time per unit, metric and quarter, so the check below and the insert agree
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `pay-override ${unitId} ${body.metric} ${body.period}`,
      ]);
      const [live]: OverrideRow[] = await manager.query(
        `${SELECT_OVERRIDES} WHERE p.org_unit_id = $1 AND p.metric = $2 AND p.period = $3 AND p.status <> 'REJECTED'`,
        [unitId, body.metric, body.period],
      );
      if (live) throw alreadyLive(live);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO pay_overrides (org_unit_id, metric, period, value, reason, entered_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [unitId, body.metric, body.period, checked.value, body.reason, actor.id],
      );
      const created = await this.row(manager, id);
      await record({
        action: 'pay-override.enter',
        entityType: 'pay-override',
        entityId: id,
        after: auditView(created),
        reason: body.reason,
        payData: true,
      });
      return created;
    });
    this.cache.changed('incentives');
    return toOverride(row);
  }

  /** An approver other than the person who entered it approves or rejects (with a reason) a pending override. */
  async decide(actor: RequestUser, id: string, body: PayOverrideDecisionDto): Promise<PayOverride> {
    const reason = body.reason ?? null;
    if (!body.approve && !reason) {
      throw new BadRequestException(
        'reason is required when rejecting: say why, so HR can enter a better value or leave the fallback.',
      );
    }
    const row = await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      if (before.enteredById === actor.id) {
        throw new ForbiddenException(
          'You entered this override, so another approver must decide it: an override of pay needs four eyes.',
        );
      }
      if (before.status !== 'PENDING') {
        throw new ConflictException(
          `This override is already ${before.status.toLowerCase()} by ${before.decidedByName ?? 'someone'}: only a pending one can be decided.`,
        );
      }
      await manager.query(
        `UPDATE pay_overrides SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4 WHERE id = $1`,
        [id, body.approve ? 'APPROVED' : 'REJECTED', actor.id, reason],
      );
      const after = await this.row(manager, id);
      await record({
        action: body.approve ? 'pay-override.approve' : 'pay-override.reject',
        entityType: 'pay-override',
        entityId: id,
        before: { status: before.status },
        after: auditView(after),
        reason,
        payData: true,
      });
      return after;
    });
    // an approved override moves the statements that read it
    this.cache.changed('incentives');
    return toOverride(row);
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<OverrideRow> {
    const [row]: OverrideRow[] = await manager.query(
      `${SELECT_OVERRIDES} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundException(`There is no pay override with the id ${id}.`);
    return row;
  }
}

function alreadyLive(live: OverrideRow): ConflictException {
  const head = `${live.metricName} of ${live.orgUnitName} in ${live.period} already has an override`;
  return new ConflictException(
    live.status === 'PENDING'
      ? `${head}: ${plainDecimal(live.value)}, entered by ${live.enteredByName}, waits for an approver. Have it decided first; a rejected one can be replaced.`
      : `${head}: ${plainDecimal(live.value)}, approved by ${live.decidedByName ?? 'an approver'}, is in force for that quarter.`,
  );
}
