import { COMPANY_CURRENCY } from '@lodestar/contracts';
import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type {
  CalculationTrace,
  MetricFact,
  Page,
  ParticipantFacts,
  PlanRules,
  Statement,
  StatementStatus,
  StatementSummary,
} from '@lodestar/contracts';
import { whatItTakes } from '@lodestar/incentives';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type RecordAudit } from '../audit/audit.service';
import { ReadCache, type CacheTopic } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { inquiriesOf } from './inquiries.service';
import { ProjectionWriter, StoredStatementsMoved } from './projection-writer';
import { StatementCalculator } from './statement-calculator.service';

/** What a projection depends on: a write to any of them makes the open quarters' projections stale. */
export const STATEMENT_INPUT_TOPICS: readonly CacheTopic[] = [
  'measurements',
  'voc',
  'targets',
  'org',
  'calendar',
  'scorecards',
  'incentives',
];

/** How long projections are trusted without a write in this process (bounds other processes' writes). */
const FRESH_FOR_MS = 5 * 60_000;
/** Serialises the writers of statements (recompute, close, release) across connections and processes. */
export const STATEMENTS_LOCK = 727_274_101;

/** Who may see every statement. */
export function seesAllStatements(user: Pick<RequestUser, 'roles'>): boolean {
  return user.roles.includes('HR') || user.roles.includes('APPROVER');
}

interface SummaryRow {
  id: string;
  period: string;
  status: StatementStatus;
  userId: string;
  userName: string;
  orgUnitKey: string;
  orgUnitName: string;
  planId: string;
  planName: string;
  versionId: string;
  versionNumber: number;
  totalPayout: string;
  periodTarget: string;
  amount: string;
  adjustments: string;
  payable: string;
  openInquiries: number;
  computedAt: Date;
}

const SELECT_SUMMARIES = `
  SELECT s.id, s.period, s.status, s.user_id AS "userId", u.name AS "userName",
         o.key AS "orgUnitKey", o.name AS "orgUnitName", p.id AS "planId", p.name AS "planName",
         v.id AS "versionId", v.number AS "versionNumber",
         s.total_payout::text AS "totalPayout", s.period_target::text AS "periodTarget",
         s.amount::text AS amount, s.adjustments::text AS adjustments, s.payable::text AS payable,
         (SELECT count(*)::int FROM statement_inquiries i WHERE i.statement_id = s.id AND i.status = 'OPEN') AS "openInquiries",
         s.computed_at AS "computedAt"
    FROM statements s
    JOIN users u ON u.id = s.user_id
    JOIN org_units o ON o.id = s.org_unit_id
    JOIN plan_versions v ON v.id = s.version_id
    JOIN incentive_plans p ON p.id = v.plan_id`;

function toSummary(row: SummaryRow): StatementSummary {
  return {
    id: row.id,
    period: row.period,
    status: row.status,
    participant: { id: row.userId, name: row.userName },
    orgUnit: { key: row.orgUnitKey, name: row.orgUnitName },
    plan: { id: row.planId, name: row.planName },
    version: { id: row.versionId, number: row.versionNumber },
    totalPayout: row.totalPayout,
    periodTarget: row.periodTarget,
    amount: row.amount,
    adjustments: row.adjustments,
    payable: row.payable,
    currency: COMPANY_CURRENCY,
    openInquiries: row.openInquiries,
    computedAt: row.computedAt.toISOString(),
  };
}

/**
 * The facts a stored trace was computed from, as far as "what it takes" reads them: the engine
 * reads the trace's resolved points, so the facts only need to name the same inputs.
 */
function factsOfTrace(trace: CalculationTrace): ParticipantFacts {
  const facts: MetricFact[] = trace.components.map((component) => ({
    metric: component.metric,
    scope: component.scope,
    metricName: component.metricName,
    unit: component.unit,
    direction: component.direction,
    input: component.input,
    band: component.band,
  }));
  return {
    period: trace.period,
    facts,
    targetBonus: {
      annual: trace.targetBonus.annual,
      eligibleDays: trace.targetBonus.eligibleDays,
      daysInYear: trace.targetBonus.daysInYear,
    },
    adjustments: trace.adjustments,
    carriedIn: trace.carriedIn,
  };
}

export interface RecomputeResult {
  period: string;
  statements: number;
  milliseconds: number;
}

export interface StatementFilter {
  period?: string;
  participant?: string;
  page: number;
  pageSize: number;
}

/**
 * Statements: projections of open quarters computed by the engine from real data and kept fresh
 * as their inputs change, and the locked snapshots of closed quarters; listed and read by their
 * owner, HR and approvers, every read of someone else's written to the audit log.
 */
@Injectable()
export class StatementsService {
  private readonly logger = new Logger(StatementsService.name);
  /** Per open quarter: the input generation its projections were computed at, and when. */
  private readonly fresh = new Map<string, { generation: string; at: number }>();
  private readonly running = new Map<string, Promise<RecomputeResult>>();
  /** Per open quarter: the fingerprint of each participant's projection as this process stored it. */
  private readonly stored = new Map<string, Map<string, string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
    private readonly calculator: StatementCalculator,
  ) {}

  /** HR's recompute of an open quarter's projections; the closed quarters' statements never change. */
  async recomputeAs(actor: RequestUser, period: string): Promise<RecomputeResult> {
    return this.recompute(period, actor);
  }

  /**
   * Recomputes the projections of an open quarter when an input changed since they were computed
   * (or they are older than the time limit); a closed quarter is left alone.
   */
  async ensureFresh(period: string): Promise<void> {
    if (await this.isClosed(this.dataSource.manager, period)) return;
    const known = this.fresh.get(period);
    if (known && known.generation === this.generation() && Date.now() - known.at < FRESH_FOR_MS) return;
    await this.recompute(period, null);
  }

  /** Drops what is known about a quarter's freshness (after it closes). */
  forget(period: string): void {
    this.fresh.delete(period);
    this.stored.delete(period);
  }

  private generation(): string {
    return this.cache.generation(STATEMENT_INPUT_TOPICS);
  }

  /**
   * Computes every statement of an open quarter and stores them as projections in bulk: one read
   * of the pay inputs per version, the engine per participant whose inputs moved since this
   * process stored their statement, multi-row upserts that never touch a closed statement, and the
   * projections of people no longer in the quarter removed. Concurrent calls for one quarter share
   * the run (HR's waits for a running one and runs again).
   */
  private recompute(period: string, actor: RequestUser | null): Promise<RecomputeResult> {
    const running = this.running.get(period);
    if (running && !actor) return running;
    const job = (async () => {
      if (running) await running.catch(() => undefined);
      const started = Date.now();
      let statements: number;
      try {
        statements = await this.computeAndStore(period, actor, this.stored.get(period) ?? null);
      } catch (error) {
        if (!(error instanceof StoredStatementsMoved)) throw error;
        this.stored.delete(period);
        statements = await this.computeAndStore(period, actor, null);
      }
      return { period, statements, milliseconds: Date.now() - started };
    })().finally(() => {
      if (this.running.get(period) === job) this.running.delete(period);
    });
    this.running.set(period, job);
    return job;
  }

  /** One recompute: the engine where inputs moved, written as it goes in one transaction; the count. */
  private async computeAndStore(
    period: string,
    actor: RequestUser | null,
    known: ReadonlyMap<string, string> | null,
  ): Promise<number> {
    const started = Date.now();
    const generation = this.generation();
    const fingerprints = new Map<string, string>();
    const write = async (manager: EntityManager, record: RecordAudit | null) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [STATEMENTS_LOCK]);
      // closed meanwhile: its statements are locked
      if (await this.isClosed(manager, period)) return null;
      const writer = new ProjectionWriter(manager, period);
      await this.calculator.computeQuarter(this.dataSource.manager, period, known, (statement) => {
        fingerprints.set(statement.participant.id, statement.fingerprint);
        return writer.add(statement);
      });
      const count = await writer.finish();
      if (record) {
        await record({
          action: 'statements.recompute',
          entityType: 'statement',
          entityId: null,
          after: { period, statements: count },
          payData: true,
        });
      }
      return count;
    };
    const count = actor
      ? await this.audit.write(actor, (manager, record) => write(manager, record))
      : await this.dataSource.transaction((manager) => write(manager, null));
    if (count === null) return 0;
    this.stored.set(period, fingerprints);
    this.fresh.set(period, { generation, at: started });
    return count;
  }

  async isClosed(manager: EntityManager, period: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM statement_periods WHERE period = $1', [
      period,
    ]);
    return rows.length > 0;
  }

  /**
   * A page of statements, newest quarter first. HR and approvers see everyone's; anyone else only
   * their own, and naming someone else is refused. An open quarter's projections are brought up to
   * date first (today's quarter when no period is given).
   */
  async list(viewer: RequestUser, filter: StatementFilter): Promise<Page<StatementSummary>> {
    let participant = filter.participant ?? null;
    if (!seesAllStatements(viewer)) {
      if (participant !== null && participant !== viewer.id) {
        throw new ForbiddenException(
          'You can list only your own statements: pay data belongs to its owner, HR and approvers.',
        );
      }
      participant = viewer.id;
    }
    await this.ensureFresh(filter.period ?? (await this.calculator.today()).quarter);
    const where = 'WHERE ($1::text IS NULL OR s.period = $1) AND ($2::uuid IS NULL OR s.user_id = $2)';
    const params = [filter.period ?? null, participant];
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total FROM statements s ${where}`, params) as Promise<
        { total: number }[]
      >,
      this.dataSource.query(
        `${SELECT_SUMMARIES} ${where} ORDER BY s.period DESC, u.name, p.name, s.id LIMIT $3 OFFSET $4`,
        [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
      ) as Promise<SummaryRow[]>,
    ]);
    const others = rows.filter((row) => row.userId !== viewer.id).length;
    if (others) {
      // a page of other people's pay is a read of their pay data
      await this.audit.write(viewer, async (_manager, record) => {
        await record({
          action: 'statement.list',
          entityType: 'statement',
          entityId: null,
          after: { period: filter.period ?? null, participant, page: filter.page, statements: others },
          payData: true,
        });
      });
    }
    return { items: rows.map(toSummary), total, page: filter.page, pageSize: filter.pageSize };
  }

  /** Summaries by a condition on `s`, in the order given; for the services that compose statements. */
  async summaries(
    where: string,
    params: unknown[],
    orderBy = 's.period DESC, p.name, s.id',
  ): Promise<StatementSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SELECT_SUMMARIES} WHERE ${where} ORDER BY ${orderBy}`,
      params,
    );
    return rows.map(toSummary);
  }

  /**
   * One statement with its trace, "what it takes" (projections only) and inquiries: for its owner,
   * HR and approvers (403 for anyone else). HR's or an approver's read of someone else's statement
   * is written to the audit log as pay data.
   */
  async get(viewer: RequestUser, id: string): Promise<Statement> {
    const head = await this.head(id);
    if (head.userId !== viewer.id && !seesAllStatements(viewer)) {
      throw new ForbiddenException('This statement belongs to someone else.');
    }
    if (head.status === 'PROJECTION') await this.ensureFresh(head.period);
    const statement = await this.statement(id);
    if (head.userId !== viewer.id) {
      await this.audit.write(viewer, async (_manager, record) => {
        await record({
          action: 'statement.read',
          entityType: 'statement',
          entityId: id,
          after: {
            period: statement.period,
            participant: statement.participant.name,
            status: statement.status,
            payable: statement.payable,
          },
          payData: true,
        });
      });
    }
    return statement;
  }

  /** A statement as stored, with what it takes and inquiries; no access check, no recompute. */
  async statement(id: string): Promise<Statement> {
    const [row]: (SummaryRow & { trace: CalculationTrace; rules: PlanRules })[] = await this.dataSource.query(
      `SELECT t.*, s.trace, v.rules FROM (${SELECT_SUMMARIES} WHERE s.id = $1) t
         JOIN statements s ON s.id = t.id JOIN plan_versions v ON v.id = s.version_id`,
      [id],
    );
    if (!row) throw notFound(id);
    let takes: Statement['whatItTakes'] = null;
    if (row.status === 'PROJECTION') {
      try {
        takes = whatItTakes(row.rules, factsOfTrace(row.trace), row.trace);
      } catch (error) {
        this.logger.warn(
          `What it takes of statement ${id} could not be computed: ${(error as Error).message}`,
        );
      }
    }
    const inquiries = (await inquiriesOf(this.dataSource.manager, [id])).get(id) ?? [];
    return { ...toSummary(row), trace: row.trace, whatItTakes: takes, inquiries };
  }

  private async head(id: string): Promise<{ userId: string; status: StatementStatus; period: string }> {
    const [row]: { userId: string; status: StatementStatus; period: string }[] = await this.dataSource.query(
      'SELECT user_id AS "userId", status, period FROM statements WHERE id = $1',
      [id],
    );
    if (!row) throw notFound(id);
    return row;
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(
    `There is no statement with the id ${id}: it may have been a projection of someone no longer in the plan; list the quarter's statements again.`,
  );
}
