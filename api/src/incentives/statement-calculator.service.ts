import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  monthOfInstant,
  quarterOfMonth,
  type CalculationTrace,
  type MetricFact,
  type ParticipantFacts,
  type PlanRules,
  type PlanVersionStatus,
  addQuarters,
  quartersBetween,
} from '@lodestar/contracts';
import {
  adjustmentHolders,
  computeStatement,
  eligibleDays,
  pairKey,
  planAdjustments,
  PlanRulesError,
  quarterDates,
  StatementError,
  type AdjustedInquiry,
  type AdjustmentPlan,
  type ClosedStatement,
  type PlannedAdjustment,
  type QuarterDates,
} from '@lodestar/incentives';
import type { EntityManager } from 'typeorm';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type { FrozenInputs } from './frozen-inputs';
import { PayInputsService, type PayFacts, type PayInputRequest } from './pay-inputs.service';
import { firstQuarterOfYear, parseQuarter, QuarterLabelError, quarterLabel } from './statement-quarters';

/** A plan version as statements read it. */
export interface VersionRow {
  id: string;
  planId: string;
  planName: string;
  number: number;
  status: PlanVersionStatus;
  effectiveFrom: string;
  rules: PlanRules;
  frozen: FrozenInputs | null;
}

/** A participation (a `plan_participants` row) with the names a statement shows. */
export interface ParticipantRow {
  id: string;
  versionId: string;
  userId: string;
  userName: string;
  orgUnitId: string;
  orgUnitKey: string;
  orgUnitName: string;
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
}

/** One participant's statement as the engine computed it, before it is stored. */
export interface ComputedStatement {
  participant: ParticipantRow;
  version: VersionRow;
  /** Null when its fingerprint matches the one given as stored: the stored statement is this one. */
  trace: CalculationTrace | null;
  /** Everything the statement is computed from, in short: equal fingerprints, equal statements. */
  fingerprint: string;
  /** The trace's adjustments with the rows they came from (for closing). */
  adjustments: PlannedAdjustment[];
}

const NO_ADJUSTMENTS: AdjustmentPlan = { adjustments: [], carriedIn: '0.00' };
/** Statements computed between two turns of the event loop. */
const ENGINE_SLICE = 100;

const SELECT_VERSIONS = `
  SELECT v.id, v.plan_id AS "planId", p.name AS "planName", v.number, v.status, v.effective_from AS "effectiveFrom",
         v.rules, v.frozen
    FROM plan_versions v JOIN incentive_plans p ON p.id = v.plan_id`;

const SELECT_PARTICIPANTS = `
  SELECT pp.id, pp.version_id AS "versionId", pp.user_id AS "userId", u.name AS "userName",
         pp.org_unit_id AS "orgUnitId", o.key AS "orgUnitKey", o.name AS "orgUnitName",
         pp.annual_target_bonus::text AS "annualTargetBonus",
         to_char(pp.start_date, 'YYYY-MM-DD') AS "startDate", to_char(pp.end_date, 'YYYY-MM-DD') AS "endDate"
    FROM plan_participants pp JOIN users u ON u.id = pp.user_id JOIN org_units o ON o.id = pp.org_unit_id`;

/** The facts a plan's rules read: each component's metric and scope, and the multiplier's. */
export function factRequests(rules: PlanRules, orgUnitId: string): PayInputRequest[] {
  const requests: PayInputRequest[] = [];
  const seen = new Set<string>();
  const add = (metric: string, scope: PayInputRequest['scope']) => {
    const key = `${metric}\u0000${scope}`;
    if (seen.has(key)) return;
    seen.add(key);
    requests.push({ metric, scope, orgUnitId });
  };
  for (const component of rules.components ?? []) add(component.metric, component.scope);
  if (rules.multiplier) add(rules.multiplier.metric, rules.multiplier.scope);
  return requests;
}

/** A quarter label from a request, or 400 with the sentence that says what to send. */
export function quarterOrBadRequest(label: unknown, field = 'period'): string {
  try {
    return quarterLabel(parseQuarter(label, field));
  } catch (error) {
    if (error instanceof QuarterLabelError) throw new BadRequestException(error.message);
    throw error;
  }
}

/**
 * Computes statements with the payout engine from real data: which published version applies to a
 * quarter, who takes part, the facts of all of them in one read per version, the prior-period
 * adjustments and carried balance of each person's earliest open quarter. Stores nothing.
 */
@Injectable()
export class StatementCalculator {
  constructor(
    private readonly payInputs: PayInputsService,
    private readonly calendar: FiscalCalendarService,
  ) {}

  async dates(period: string): Promise<QuarterDates> {
    const { startMonth } = await this.calendar.get();
    return quarterDates(period, startMonth);
  }

  /** Today's quarter and date in the company's time zone. */
  async today(): Promise<{ quarter: string; date: string; fiscalYear: number }> {
    const { startMonth, timeZone } = await this.calendar.get();
    const now = new Date();
    const quarter = quarterOfMonth(monthOfInstant(now, timeZone), startMonth);
    const date = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
    return { quarter, date, fiscalYear: parseQuarter(quarter).fiscalYear };
  }

  /**
   * The published version of each plan that applies to the quarter: the one with the latest
   * `effective_from` not after it within its fiscal year (ties: the highest number).
   */
  async applicableVersions(
    manager: EntityManager,
    period: string,
    planId: string | null = null,
  ): Promise<VersionRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (v."planId") * FROM (${SELECT_VERSIONS}
        WHERE v.status = 'PUBLISHED' AND v.effective_from BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR v.plan_id = $3)) v
        ORDER BY v."planId", v."effectiveFrom" DESC, v.number DESC`,
      [firstQuarterOfYear(period), period, planId],
    );
  }

  async version(manager: EntityManager, id: string): Promise<VersionRow | undefined> {
    const [row]: VersionRow[] = await manager.query(`${SELECT_VERSIONS} WHERE v.id = $1`, [id]);
    return row;
  }

  /** Participants of these versions whose dates overlap the quarter. */
  async participantsOf(
    manager: EntityManager,
    versionIds: readonly string[],
    dates: QuarterDates,
  ): Promise<ParticipantRow[]> {
    if (!versionIds.length) return [];
    return manager.query(
      `${SELECT_PARTICIPANTS}
        WHERE pp.version_id = ANY($1::uuid[]) AND pp.start_date <= $3::date AND (pp.end_date IS NULL OR pp.end_date >= $2::date)
        ORDER BY u.name, pp.start_date, pp.id`,
      [versionIds, dates.start, dates.end],
    );
  }

  async participantsById(manager: EntityManager, ids: readonly string[]): Promise<ParticipantRow[]> {
    if (!ids.length) return [];
    return manager.query(`${SELECT_PARTICIPANTS} WHERE pp.id = ANY($1::uuid[])`, [ids]);
  }

  /** Every participant of a version (any dates), by name. */
  async participantsOfVersion(manager: EntityManager, versionId: string): Promise<ParticipantRow[]> {
    return manager.query(
      `${SELECT_PARTICIPANTS} WHERE pp.version_id = $1 ORDER BY u.name, pp.start_date, pp.id`,
      [versionId],
    );
  }

  /** `user|plan` of everyone who takes part in the quarter under its applicable versions. */
  async participatingPairs(manager: EntityManager, period: string): Promise<Set<string>> {
    const dates = await this.dates(period);
    const rows: { userId: string; planId: string }[] = await manager.query(
      `WITH v AS (
         SELECT DISTINCT ON (plan_id) id, plan_id FROM plan_versions
          WHERE status = 'PUBLISHED' AND effective_from BETWEEN $1 AND $2
          ORDER BY plan_id, effective_from DESC, number DESC)
       SELECT DISTINCT pp.user_id AS "userId", v.plan_id AS "planId"
         FROM plan_participants pp JOIN v ON v.id = pp.version_id
        WHERE pp.start_date <= $4::date AND (pp.end_date IS NULL OR pp.end_date >= $3::date)`,
      [firstQuarterOfYear(period), period, dates.start, dates.end],
    );
    return new Set(rows.map((row) => pairKey(row.userId, row.planId)));
  }

  /** Closed (and released) quarters, in order. */
  async closedQuarters(manager: EntityManager): Promise<string[]> {
    const rows: { period: string }[] = await manager.query(
      'SELECT period FROM statement_periods ORDER BY period',
    );
    return rows.map((row) => row.period);
  }

  /** The earliest quarter any published version applies from, or null when none is published. */
  async firstPublishedQuarter(manager: EntityManager): Promise<string | null> {
    const [row]: { first: string | null }[] = await manager.query(
      `SELECT min(effective_from) AS first FROM plan_versions WHERE status = 'PUBLISHED'`,
    );
    return row?.first ?? null;
  }

  /**
   * Every statement of an open quarter, with adjustments and carried balances — what a recompute
   * stores as projections and what closing locks — handed to `sink` one by one (waiting on it, so
   * a writer can hold the engine back). Reads through `manager` (a transaction's when closing);
   * the pay inputs are read in one call per version. A participant whose fingerprint equals the
   * one in `stored` is handed over without a trace: their stored statement is this one. Returns
   * how many statements there are.
   */
  async computeQuarter(
    manager: EntityManager,
    period: string,
    stored: ReadonlyMap<string, string> | null,
    sink: (statement: ComputedStatement) => void | Promise<void>,
  ): Promise<number> {
    const dates = await this.dates(period);
    const versions = await this.applicableVersions(manager, period);
    const participants = await this.participantsOf(
      manager,
      versions.map((version) => version.id),
      dates,
    );
    if (!participants.length) return 0;
    const versionById = new Map(versions.map((version) => [version.id, version]));
    const plans = await this.adjustmentPlans(manager, period, participants, versionById);
    let count = 0;
    for (const version of versions) {
      const own = participants.filter((participant) => participant.versionId === version.id);
      if (!own.length) continue;
      const facts = await this.facts(version.rules, version.frozen, own, period);
      const unitKeys = new Map<string, string>();
      for (const participant of own) {
        const plan = plans.get(participant.id) ?? NO_ADJUSTMENTS;
        const input = this.participantFacts(version.rules, facts, participant, period, dates, plan);
        let unitKey = unitKeys.get(participant.orgUnitId);
        if (unitKey === undefined) {
          unitKey = createHash('sha1').update(JSON.stringify(input.facts)).digest('base64');
          unitKeys.set(participant.orgUnitId, unitKey);
        }
        const { annual, eligibleDays: days, daysInYear } = input.targetBonus;
        const fingerprint = [
          version.id,
          participant.userId,
          participant.orgUnitId,
          unitKey,
          annual,
          days,
          daysInYear,
          input.carriedIn,
          JSON.stringify(input.adjustments),
        ].join('|');
        const unchanged = stored?.get(participant.id) === fingerprint;
        await sink({
          participant,
          version,
          trace: unchanged ? null : this.run(version, version.rules, input, participant),
          fingerprint,
          adjustments: plan.adjustments,
        });
        // let the answers of statements already sent in, between slices of the engine's work
        if (++count % ENGINE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return count;
  }

  /**
   * The engine for many participants of one version: one read of every fact they need, then one
   * trace each, in the order given. `rules` and `frozen` may differ from the version's (a what-if).
   */
  async compute(
    version: Pick<VersionRow, 'planName' | 'number'>,
    rules: PlanRules,
    frozen: FrozenInputs | null,
    participants: readonly ParticipantRow[],
    period: string,
    dates: QuarterDates,
    plans: ReadonlyMap<string, AdjustmentPlan> = new Map(),
  ): Promise<CalculationTrace[]> {
    const facts = await this.facts(rules, frozen, participants, period);
    return participants.map((participant) =>
      this.run(
        version,
        rules,
        this.participantFacts(
          rules,
          facts,
          participant,
          period,
          dates,
          plans.get(participant.id) ?? NO_ADJUSTMENTS,
        ),
        participant,
      ),
    );
  }

  /** The engine on one participant's facts; its refusal as a 409 that names whose statement it is. */
  private run(
    version: Pick<VersionRow, 'planName' | 'number'>,
    rules: PlanRules,
    input: ParticipantFacts,
    participant: ParticipantRow,
  ): CalculationTrace {
    try {
      return computeStatement(rules, input);
    } catch (error) {
      throw engineRefusal(
        error,
        `the ${input.period} statement of ${participant.userName} under version ${version.number} of ${version.planName}`,
      );
    }
  }

  /** One read of the facts every participant's requests need. */
  async facts(
    rules: PlanRules,
    frozen: FrozenInputs | null,
    participants: readonly ParticipantRow[],
    period: string,
  ): Promise<PayFacts> {
    const requests = new Map<string, PayInputRequest>();
    const units = new Set(participants.map((participant) => participant.orgUnitId));
    for (const orgUnitId of units) {
      for (const request of factRequests(rules, orgUnitId)) {
        requests.set(`${request.metric}\u0000${request.scope}\u0000${orgUnitId}`, request);
      }
    }
    return this.payInputs.facts(period, [...requests.values()], frozen);
  }

  /** What the engine is fed for one participant. */
  participantFacts(
    rules: PlanRules,
    facts: PayFacts,
    participant: ParticipantRow,
    period: string,
    dates: QuarterDates,
    plan: AdjustmentPlan = NO_ADJUSTMENTS,
  ): ParticipantFacts {
    const metricFacts: MetricFact[] = factRequests(rules, participant.orgUnitId).map((request) =>
      facts.fact(request),
    );
    return {
      period,
      facts: metricFacts,
      targetBonus: {
        annual: participant.annualTargetBonus,
        eligibleDays: eligibleDays(participant.startDate, participant.endDate, dates.start, dates.end),
        daysInYear: dates.daysInYear,
      },
      adjustments: plan.adjustments.map(({ forPeriod, amount, reason, source }) => ({
        forPeriod,
        amount,
        reason,
        source,
      })),
      carriedIn: plan.carriedIn,
    };
  }

  /**
   * The adjustments and carried balance of each participant whose earliest open quarter this is:
   * their closed statements recomputed now with their own (frozen) version, less what they were
   * closed with and the restatements already carried; their adjusted inquiries not yet carried;
   * the balance their latest closed statement left.
   */
  private async adjustmentPlans(
    manager: EntityManager,
    period: string,
    participants: readonly ParticipantRow[],
    versionById: ReadonlyMap<string, VersionRow>,
  ): Promise<Map<string, AdjustmentPlan>> {
    const closedQuarters = await this.closedQuarters(manager);
    const first = await this.firstPublishedQuarter(manager);
    const anyEarlierClosed = closedQuarters.some((quarter) => quarter < period);
    const inquiriesWaiting: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM statement_inquiries WHERE status = 'ADJUSTED'`,
    );
    if (!anyEarlierClosed && !inquiriesWaiting[0]?.n) return new Map();

    // people who also take part in an earlier open quarter get theirs there
    const closed = new Set(closedQuarters);
    const blocked = new Set<string>();
    if (first && first < period) {
      for (const quarter of quartersBetween(first, addQuarters(period, -1))) {
        if (closed.has(quarter)) continue;
        for (const pair of await this.participatingPairs(manager, quarter)) blocked.add(pair);
      }
    }
    const holders = adjustmentHolders(
      participants.map((participant) => ({
        participantId: participant.id,
        userId: participant.userId,
        planId: (versionById.get(participant.versionId) as VersionRow).planId,
        startDate: participant.startDate,
      })),
      blocked,
    );
    if (!holders.size) return new Map();
    const users = [...new Set([...holders.values()].map((holder) => holder.userId))];

    const closedRows: (ClosedStatement & { participantId: string; versionId: string })[] = (
      await manager.query(
        `SELECT s.id, s.period, s.user_id AS "userId", v.plan_id AS "planId", s.amount::text AS amount,
                s.carried_forward::text AS "carriedForward", s.participant_id AS "participantId", s.version_id AS "versionId"
           FROM statements s JOIN plan_versions v ON v.id = s.version_id
          WHERE s.status <> 'PROJECTION' AND s.period < $1 AND s.user_id = ANY($2::uuid[])`,
        [period, users],
      )
    ).filter((row: ClosedStatement) => holders.has(pairKey(row.userId, row.planId)));

    const applied = new Map<string, string>();
    const recomputed = new Map<string, string>();
    if (closedRows.length) {
      const appliedRows: { id: string; total: string }[] = await manager.query(
        `SELECT a.for_statement_id AS id, sum(a.amount)::text AS total
           FROM statement_adjustments a JOIN statements s ON s.id = a.statement_id
          WHERE a.source = 'RESTATEMENT' AND s.status <> 'PROJECTION' AND a.for_statement_id = ANY($1::uuid[])
          GROUP BY a.for_statement_id`,
        [closedRows.map((row) => row.id)],
      );
      for (const row of appliedRows) applied.set(row.id, row.total);
      await this.recomputeClosed(manager, closedRows, recomputed);
    }

    const inquiryRows: AdjustedInquiry[] = (
      await manager.query(
        `SELECT i.id, s.period, s.user_id AS "userId", v.plan_id AS "planId", i.adjustment::text AS adjustment,
                coalesce(i.response, '') AS response
           FROM statement_inquiries i
           JOIN statements s ON s.id = i.statement_id
           JOIN plan_versions v ON v.id = s.version_id
          WHERE i.status = 'ADJUSTED' AND i.adjustment IS NOT NULL AND s.period <= $1 AND s.user_id = ANY($2::uuid[])
            AND NOT EXISTS (
              SELECT 1 FROM statement_adjustments a JOIN statements t ON t.id = a.statement_id
               WHERE a.inquiry_id = i.id AND t.status <> 'PROJECTION')`,
        [period, users],
      )
    ).filter((row: AdjustedInquiry) => holders.has(pairKey(row.userId, row.planId)));

    return planAdjustments({
      holders,
      closed: closedRows,
      appliedRestatements: applied,
      recomputed,
      inquiries: inquiryRows,
    });
  }

  /** Each closed statement's amount as its own version computes it today, by statement id. */
  private async recomputeClosed(
    manager: EntityManager,
    statements: readonly { id: string; period: string; participantId: string; versionId: string }[],
    into: Map<string, string>,
  ): Promise<void> {
    const groups = new Map<
      string,
      { period: string; versionId: string; statements: { id: string; participantId: string }[] }
    >();
    for (const statement of statements) {
      const key = `${statement.versionId} ${statement.period}`;
      let group = groups.get(key);
      if (!group)
        groups.set(
          key,
          (group = { period: statement.period, versionId: statement.versionId, statements: [] }),
        );
      group.statements.push(statement);
    }
    const participants = new Map(
      (await this.participantsById(manager, [...new Set(statements.map((s) => s.participantId))])).map(
        (row) => [row.id, row],
      ),
    );
    for (const group of groups.values()) {
      const version = await this.version(manager, group.versionId);
      if (!version) continue;
      const dates = await this.dates(group.period);
      const rows = group.statements.flatMap((statement) => {
        const participant = participants.get(statement.participantId);
        return participant ? [{ statement, participant }] : [];
      });
      const traces = await this.compute(
        version,
        version.rules,
        version.frozen,
        rows.map((row) => row.participant),
        group.period,
        dates,
      );
      rows.forEach((row, index) => into.set(row.statement.id, traces[index].amount));
    }
  }
}

/** The engine's refusal as a 409 that names whose statement it is; other errors pass. */
export function engineRefusal(error: unknown, what: string): unknown {
  if (error instanceof StatementError || error instanceof PlanRulesError) {
    return new ConflictException(`${capitalized(what)} cannot be computed: ${error.message}`);
  }
  return error;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
