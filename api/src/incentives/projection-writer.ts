import type { CalculationTrace } from '@lodestar/contracts';
import type { EntityManager } from 'typeorm';
import { adjustmentsTotal } from '@lodestar/incentives';
import type { ComputedStatement } from './statement-calculator.service';

/** Rows per INSERT: 12 parameters each, well under PostgreSQL's 65,535. */
const CHUNK = 1000;
/** Chunks sent but not yet answered before `add` waits: bounds the memory a large quarter takes. */
const IN_FLIGHT = 2;

const COLUMNS = `period, participant_id, user_id, version_id, org_unit_id, status, total_payout, period_target,
  amount, adjustments, carried_in, payable, carried_forward, trace, computed_at`;

const UPSERT = `ON CONFLICT (participant_id, period) DO UPDATE
   SET user_id = EXCLUDED.user_id, version_id = EXCLUDED.version_id, org_unit_id = EXCLUDED.org_unit_id,
       total_payout = EXCLUDED.total_payout, period_target = EXCLUDED.period_target, amount = EXCLUDED.amount,
       adjustments = EXCLUDED.adjustments, carried_in = EXCLUDED.carried_in, payable = EXCLUDED.payable,
       carried_forward = EXCLUDED.carried_forward, trace = EXCLUDED.trace, computed_at = EXCLUDED.computed_at
 WHERE statements.status = 'PROJECTION'`;

/** A projection this process stored is gone or locked: the shortcut for unchanged ones cannot be trusted. */
export class StoredStatementsMoved extends Error {
  constructor() {
    super('A stored projection changed meanwhile.');
    this.name = 'StoredStatementsMoved';
  }
}

/**
 * Stores one quarter's computed statements as projections inside the caller's transaction: the
 * new or changed ones in multi-row upserts of a thousand, sent while the engine computes the next
 * ones (PostgreSQL and the engine work on both cores at once); the unchanged ones stamped as
 * computed now; and, at the end, the quarter's projections nobody wrote or stamped — people no
 * longer in it — removed. A closed statement is never changed.
 */
export class ProjectionWriter {
  private rows: unknown[] = [];
  private unchanged: string[] = [];
  private sent: Promise<unknown>[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  /** Statements added, changed or not. */
  count = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly period: string,
  ) {}

  async add(statement: ComputedStatement): Promise<void> {
    this.count++;
    if (statement.trace === null) {
      this.unchanged.push(statement.participant.id);
      return;
    }
    const trace: CalculationTrace = statement.trace;
    const { participant } = statement;
    this.rows.push(
      participant.id,
      participant.userId,
      statement.version.id,
      participant.orgUnitId,
      trace.totalPayout,
      trace.targetBonus.periodTarget,
      trace.amount,
      adjustmentsTotal(trace.adjustments),
      trace.carriedIn,
      trace.payable,
      trace.carriedForward,
      JSON.stringify(trace),
    );
    if (this.rows.length >= CHUNK * 12) await this.flush();
  }

  /** Sends the rows gathered so far; waits while too many chunks are unanswered. */
  private async flush(): Promise<void> {
    if (!this.rows.length) return;
    const params = [this.period, ...this.rows];
    const count = this.rows.length / 12;
    this.rows = [];
    const values: string[] = [];
    for (let row = 0; row < count; row++) {
      const p = (column: number) => `$${2 + row * 12 + column}`;
      values.push(
        `($1, ${p(0)}::uuid, ${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::uuid, 'PROJECTION', ${p(4)}::numeric, ${p(5)}::numeric, ` +
          `${p(6)}::numeric, ${p(7)}::numeric, ${p(8)}::numeric, ${p(9)}::numeric, ${p(10)}::numeric, ${p(11)}::json, now())`,
      );
    }
    // queries on one connection run one after the other; chaining keeps a failure from going unseen
    const query = this.chain.then(() =>
      this.manager.query(`INSERT INTO statements (${COLUMNS}) VALUES ${values.join(', ')} ${UPSERT}`, params),
    );
    this.chain = query;
    this.sent.push(query);
    query.catch(() => undefined); // awaited in `finish` or the next flush
    if (this.sent.length > IN_FLIGHT) await this.sent.shift();
  }

  /** Writes what is left, stamps the unchanged projections and removes the ones not wanted any more. */
  async finish(): Promise<number> {
    await this.flush();
    await this.chain;
    if (this.unchanged.length) {
      const [{ touched }]: { touched: number }[] = await this.manager.query(
        `WITH touched AS (
           UPDATE statements SET computed_at = now()
            WHERE period = $1 AND status = 'PROJECTION' AND participant_id = ANY($2::uuid[])
           RETURNING 1)
         SELECT count(*)::int AS touched FROM touched`,
        [this.period, this.unchanged],
      );
      // someone else removed or locked one meanwhile
      if (touched !== this.unchanged.length) throw new StoredStatementsMoved();
    }
    // every projection of the quarter still wanted was written or stamped in this transaction
    await this.manager.query(
      `DELETE FROM statements WHERE period = $1 AND status = 'PROJECTION' AND computed_at < now()`,
      [this.period],
    );
    return this.count;
  }
}
