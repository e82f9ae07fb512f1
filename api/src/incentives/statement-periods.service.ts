import { addQuarters, quartersBetween, quartersOfYear } from '@lodestar/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import type { StatementPeriod, StatementPeriodStatus } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { formatAmount } from '../investments/money';
import { ProjectionWriter } from './projection-writer';
import type { PlannedAdjustment } from '@lodestar/incentives';
import { StatementCalculator } from './statement-calculator.service';
import { STATEMENTS_LOCK, StatementsService } from './statements.service';

interface PeriodRow {
  period: string;
  status: Exclude<StatementPeriodStatus, 'OPEN'>;
  closedAt: Date;
  closedById: string;
  closedByName: string;
  releasedAt: Date | null;
  releasedById: string | null;
  releasedByName: string | null;
}

const SELECT_PERIODS = `
  SELECT sp.period, sp.status, sp.closed_at AS "closedAt", sp.closed_by AS "closedById", c.name AS "closedByName",
         sp.released_at AS "releasedAt", sp.released_by AS "releasedById", r.name AS "releasedByName"
    FROM statement_periods sp JOIN users c ON c.id = sp.closed_by LEFT JOIN users r ON r.id = sp.released_by`;

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Closing and releasing quarters. Closing recomputes a quarter's statements one last time — with
 * the prior-period adjustments and carried balances they hold — and locks them, in one
 * transaction; quarters close in order, and only once they have ended. Releasing shows the locked
 * statements to their owners as final.
 */
@Injectable()
export class StatementPeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
    private readonly calculator: StatementCalculator,
    private readonly statements: StatementsService,
  ) {}

  /** The four quarters of a fiscal year with their state, statements and total payable. */
  async list(fiscalYear: number): Promise<StatementPeriod[]> {
    const quarters = quartersOfYear(fiscalYear);
    const { quarter: today } = await this.calculator.today();
    const rows: PeriodRow[] = await this.dataSource.query(`${SELECT_PERIODS} WHERE sp.period = ANY($1)`, [
      quarters,
    ]);
    const byPeriod = new Map(rows.map((row) => [row.period, row]));
    // open quarters up to today's are brought up to date; later ones show what was last computed
    for (const quarter of quarters)
      if (!byPeriod.has(quarter) && quarter <= today) await this.statements.ensureFresh(quarter);
    const totals: { period: string; statements: number; payable: string }[] = await this.dataSource.query(
      `SELECT period, count(*)::int AS statements, sum(payable)::text AS payable FROM statements WHERE period = ANY($1) GROUP BY period`,
      [quarters],
    );
    const totalOf = new Map(totals.map((row) => [row.period, row]));
    const days = await this.daysOf(quarters);
    return quarters.map((quarter) =>
      toPeriod(
        quarter,
        byPeriod.get(quarter) ?? null,
        totalOf.get(quarter),
        days.get(quarter) as QuarterDays,
      ),
    );
  }

  async get(period: string): Promise<StatementPeriod> {
    const [row]: PeriodRow[] = await this.dataSource.query(`${SELECT_PERIODS} WHERE sp.period = $1`, [
      period,
    ]);
    const [total]: { period: string; statements: number; payable: string }[] = await this.dataSource.query(
      `SELECT period, count(*)::int AS statements, sum(payable)::text AS payable FROM statements WHERE period = $1 GROUP BY period`,
      [period],
    );
    const days = await this.daysOf([period]);
    return toPeriod(period, row ?? null, total, days.get(period) as QuarterDays);
  }

  /** Each quarter's last day and whether it is over today. */
  private async daysOf(quarters: readonly string[]): Promise<Map<string, QuarterDays>> {
    const today = await this.calculator.today();
    const days = new Map<string, QuarterDays>();
    for (const quarter of quarters) {
      const { end } = await this.calculator.dates(quarter);
      days.set(quarter, { endsOn: end, ended: today.date > end });
    }
    return days;
  }

  /**
   * HR closes an ended quarter whose predecessors are closed: its statements are computed once
   * more (with adjustments), locked as CLOSED, and the adjustments they carry recorded so that
   * each is paid once.
   */
  async close(actor: RequestUser, period: string): Promise<StatementPeriod> {
    const dates = await this.calculator.dates(period);
    const today = await this.calculator.today();
    if (today.date <= dates.end) {
      throw new ConflictException(
        `${period} runs until ${dates.end}: a quarter can be closed once it has ended, when its results are in.`,
      );
    }
    await this.audit.write(actor, async (manager, record) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [STATEMENTS_LOCK]);
      const [existing]: PeriodRow[] = await manager.query(`${SELECT_PERIODS} WHERE sp.period = $1`, [period]);
      if (existing) {
        throw new ConflictException(
          `${period} was already closed on ${day(existing.closedAt)} by ${existing.closedByName}: its statements are locked.`,
        );
      }
      const unclosed = await this.earlierOpenQuarter(manager, period);
      if (unclosed) {
        throw new ConflictException(
          `Close ${unclosed} first: quarters close in order, and ${unclosed} has statements that are still open.`,
        );
      }
      const writer = new ProjectionWriter(manager, period);
      const computed: { participantId: string; adjustments: PlannedAdjustment[] }[] = [];
      await this.calculator.computeQuarter(manager, period, null, (statement) => {
        computed.push({ participantId: statement.participant.id, adjustments: statement.adjustments });
        return writer.add(statement);
      });
      if (!computed.length) {
        throw new ConflictException(
          `${period} has no statements to close: no published plan version has participants in it.`,
        );
      }
      await writer.finish();
      const ids: { id: string; participantId: string }[] = await manager.query(
        `WITH locked AS (
           UPDATE statements SET status = 'CLOSED' WHERE period = $1 AND status = 'PROJECTION'
           RETURNING id, participant_id)
         SELECT id, participant_id AS "participantId" FROM locked`,
        [period],
      );
      const idOf = new Map(ids.map((row) => [row.participantId, row.id]));
      const adjustments = computed.flatMap((statement) =>
        statement.adjustments.map((adjustment) => ({
          ...adjustment,
          statementId: idOf.get(statement.participantId) as string,
        })),
      );
      if (adjustments.length) {
        await manager.query(
          `INSERT INTO statement_adjustments (statement_id, for_period, for_statement_id, amount, reason, source, inquiry_id)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::numeric[], $5::text[], $6::text[], $7::uuid[])`,
          [
            adjustments.map((a) => a.statementId),
            adjustments.map((a) => a.forPeriod),
            adjustments.map((a) => a.forStatementId),
            adjustments.map((a) => a.amount),
            adjustments.map((a) => a.reason),
            adjustments.map((a) => a.source),
            adjustments.map((a) => a.inquiryId),
          ],
        );
      }
      await manager.query(
        `INSERT INTO statement_periods (period, status, closed_by) VALUES ($1, 'CLOSED', $2)`,
        [period, actor.id],
      );
      const [{ payable }]: { payable: string }[] = await manager.query(
        `SELECT coalesce(sum(payable), 0)::text AS payable FROM statements WHERE period = $1`,
        [period],
      );
      await record({
        action: 'statement-period.close',
        entityType: 'statement-period',
        entityId: period,
        before: { status: 'OPEN' },
        after: {
          status: 'CLOSED',
          statements: computed.length,
          adjustments: adjustments.length,
          totalPayable: payable,
        },
        reason: `${computed.length} statements locked; ${formatAmount(payable)} payable`,
        payData: true,
      });
    });
    this.statements.forget(period);
    this.cache.changed('incentives');
    return this.get(period);
  }

  /** HR releases a closed quarter: its statements become final for their owners. */
  async release(actor: RequestUser, period: string): Promise<StatementPeriod> {
    await this.audit.write(actor, async (manager, record) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [STATEMENTS_LOCK]);
      const [existing]: PeriodRow[] = await manager.query(`${SELECT_PERIODS} WHERE sp.period = $1`, [period]);
      if (!existing) {
        throw new ConflictException(
          `${period} is still open: close it first (POST /api/v1/statement-periods/${period}/close), then release it.`,
        );
      }
      if (existing.status === 'RELEASED') {
        throw new ConflictException(
          `${period} was already released on ${day(existing.releasedAt as Date)} by ${existing.releasedByName ?? 'HR'}.`,
        );
      }
      const released: unknown[] = await manager.query(
        `WITH released AS (UPDATE statements SET status = 'RELEASED' WHERE period = $1 AND status = 'CLOSED' RETURNING id)
         SELECT id FROM released`,
        [period],
      );
      await manager.query(
        `UPDATE statement_periods SET status = 'RELEASED', released_by = $2, released_at = now() WHERE period = $1`,
        [period, actor.id],
      );
      await record({
        action: 'statement-period.release',
        entityType: 'statement-period',
        entityId: period,
        before: { status: 'CLOSED' },
        after: { status: 'RELEASED', statements: released.length },
        payData: true,
      });
    });
    this.cache.changed('incentives');
    return this.get(period);
  }

  /**
   * The latest quarter before `period` that is not closed but has statements, or people a
   * published version applies to; null when every earlier quarter with statements is closed.
   */
  private async earlierOpenQuarter(manager: EntityManager, period: string): Promise<string | null> {
    const closed = new Set(await this.calculator.closedQuarters(manager));
    const [{ first }]: { first: string | null }[] = await manager.query(
      `SELECT least((SELECT min(period) FROM statements), (SELECT min(effective_from) FROM plan_versions WHERE status = 'PUBLISHED')) AS first`,
    );
    if (!first || first >= period) return null;
    const withStatements: { period: string }[] = await manager.query(
      `SELECT DISTINCT period FROM statements WHERE period < $1`,
      [period],
    );
    const hasStatements = new Set(withStatements.map((row) => row.period));
    const earlier = quartersBetween(first, addQuarters(period, -1)).reverse();
    for (const quarter of earlier) {
      if (closed.has(quarter)) continue;
      if (hasStatements.has(quarter) || (await this.calculator.participatingPairs(manager, quarter)).size > 0)
        return quarter;
    }
    return null;
  }
}

interface QuarterDays {
  endsOn: string;
  ended: boolean;
}

function toPeriod(
  period: string,
  row: PeriodRow | null,
  total: { statements: number; payable: string } | undefined,
  days: QuarterDays,
): StatementPeriod {
  return {
    period,
    status: row?.status ?? 'OPEN',
    endsOn: days.endsOn,
    ended: days.ended,
    closedAt: row?.closedAt.toISOString() ?? null,
    closedBy: row ? { id: row.closedById, name: row.closedByName } : null,
    releasedAt: row?.releasedAt?.toISOString() ?? null,
    releasedBy: row?.releasedById ? { id: row.releasedById, name: row.releasedByName ?? '' } : null,
    statements: total?.statements ?? 0,
    totalPayable: total?.payable ?? '0.00',
  };
}
