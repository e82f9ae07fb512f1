import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import {
  payrollTable,
  statementTable,
  type ExportTable,
  type PayrollSource,
  type StatementExportSource,
} from './statement-export';

interface StatementExportRow extends Omit<StatementExportSource, 'eligibleDays' | 'components'> {
  eligibleDays: string | null;
  components: { key: string; payout: string | null }[] | null;
}

/**
 * Reads the statements of a quarter for HR's exports. Each export is a read of other people's
 * pay, so it is written to the audit log (as pay data) in the transaction that reads it.
 */
@Injectable()
export class StatementExportsService {
  constructor(private readonly audit: AuditService) {}

  /** Every statement of the quarter, any status; 404 when it has none. */
  async statements(actor: RequestUser, period: string, format: 'csv' | 'xlsx'): Promise<ExportTable> {
    return this.audit.write(actor, async (manager, record) => {
      // only the parts of the trace the export shows: a trace can be long
      const rows: StatementExportRow[] = await manager.query(
        `SELECT s.id, s.period, s.status, u.name AS participant, u.email, o.name AS "orgUnit", p.name AS plan,
                v.number AS version,
                coalesce(s.trace #>> '{targetBonus,annual}', pp.annual_target_bonus::text) AS "annualTargetBonus",
                s.trace #>> '{targetBonus,eligibleDays}' AS "eligibleDays",
                s.period_target::text AS "periodTarget", s.total_payout::text AS "totalPayout",
                s.amount::text AS amount, s.adjustments::text AS adjustments, s.carried_in::text AS "carriedIn",
                s.payable::text AS payable, s.carried_forward::text AS "carriedForward",
                CASE WHEN jsonb_typeof(s.trace::jsonb -> 'components') = 'array' THEN
                  (SELECT jsonb_agg(jsonb_build_object('key', c ->> 'key', 'payout', c ->> 'payout') ORDER BY n)
                     FROM jsonb_array_elements(s.trace::jsonb -> 'components') WITH ORDINALITY AS e(c, n)
                    WHERE jsonb_typeof(c) = 'object' AND c ->> 'key' IS NOT NULL)
                END AS components
           FROM statements s
           JOIN users u ON u.id = s.user_id
           JOIN org_units o ON o.id = s.org_unit_id
           JOIN plan_versions v ON v.id = s.version_id
           JOIN incentive_plans p ON p.id = v.plan_id
           JOIN plan_participants pp ON pp.id = s.participant_id
          WHERE s.period = $1
          ORDER BY u.name, u.email, p.name, s.id`,
        [period],
      );
      if (!rows.length) {
        throw new NotFoundException(
          `There are no statements for ${period}: compute them first (POST /api/v1/statements/recompute?period=${period}) or choose a quarter that has some.`,
        );
      }
      await record({
        action: 'statement.export',
        entityType: 'statement',
        entityId: period,
        after: { period, format, statements: rows.length },
        payData: true,
      });
      return statementTable(
        rows.map((row) => ({
          ...row,
          eligibleDays:
            row.eligibleDays !== null && /^\d+$/.test(row.eligibleDays) ? Number(row.eligibleDays) : null,
          components: row.components ?? [],
        })),
      );
    });
  }

  /** The released statements of a released quarter; 409 while the quarter is not released. */
  async payroll(actor: RequestUser, period: string): Promise<ExportTable> {
    return this.audit.write(actor, async (manager, record) => {
      const periods: { status: string }[] = await manager.query(
        'SELECT status FROM statement_periods WHERE period = $1',
        [period],
      );
      if (periods[0]?.status !== 'RELEASED') {
        throw new ConflictException(`${period} is not released yet: release it before exporting payroll.`);
      }
      const rows: PayrollSource[] = await manager.query(
        `SELECT s.id, s.period, u.name, u.email, s.payable::text AS payable
           FROM statements s JOIN users u ON u.id = s.user_id
          WHERE s.period = $1 AND s.status = 'RELEASED'
          ORDER BY u.email, s.id`,
        [period],
      );
      await record({
        action: 'statement.payroll-export',
        entityType: 'statement',
        entityId: period,
        after: { period, statements: rows.length },
        payData: true,
      });
      return payrollTable(rows);
    });
  }
}
