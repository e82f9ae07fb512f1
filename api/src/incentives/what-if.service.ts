import { COMPANY_CURRENCY } from '@lodestar/contracts';
import { quartersOfYear } from '@lodestar/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  CalculationTrace,
  IncentiveForecast,
  ParticipantFacts,
  WhatIfResult,
  WhatIfRow,
} from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import { Money } from '../investments/money';
import { StatementCalculator, type ParticipantRow, type VersionRow } from './statement-calculator.service';
import { StatementsService } from './statements.service';

interface Computed {
  participant: ParticipantRow;
  trace: CalculationTrace;
}

/** Σ amounts of a person's rows, with the payout of their latest row (a transfer has two). */
function byPerson(
  computed: readonly Computed[],
): Map<string, { amount: string; payout: string; latest: ParticipantRow }> {
  const people = new Map<string, { amount: string; payout: string; latest: ParticipantRow }>();
  for (const { participant, trace } of computed) {
    const held = people.get(participant.userId);
    if (!held) {
      people.set(participant.userId, {
        amount: trace.amount,
        payout: trace.totalPayout,
        latest: participant,
      });
      continue;
    }
    held.amount = new Money(held.amount).plus(trace.amount).toFixed(2);
    if (participant.startDate >= held.latest.startDate) {
      held.payout = trace.totalPayout;
      held.latest = participant;
    }
  }
  return people;
}

const sum = (amounts: readonly string[]) =>
  amounts.reduce((total, amount) => total.plus(amount), new Money(0)).toFixed(2);

/**
 * Before publishing: a version's rules applied to current actuals for its participants beside
 * what the published version pays them (what-if), the facts the browser's preview feeds the same
 * engine, and the fiscal year's incentive cost from locked statements and projections.
 */
@Injectable()
export class WhatIfService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calculator: StatementCalculator,
    private readonly statements: StatementsService,
  ) {}

  /**
   * Every participant of the version (any status) whose dates overlap the quarter: the amount its
   * rules pay (frozen inputs once approved, live bands before) beside the amount under the published
   * version that applies to them, with no adjustments or carried balances — the plan's own effect.
   * Nothing is stored.
   */
  async whatIf(actor: RequestUser, versionId: string, period: string | undefined): Promise<WhatIfResult> {
    const version = await this.versionOr404(versionId);
    const quarter = period ?? (await this.calculator.today()).quarter;
    const dates = await this.calculator.dates(quarter);
    const manager = this.dataSource.manager;
    const participants = await this.calculator.participantsOf(manager, [version.id], dates);
    const proposedTraces = await this.calculator.compute(
      version,
      version.rules,
      version.frozen,
      participants,
      quarter,
      dates,
    );
    const proposed = byPerson(
      participants.map((participant, i) => ({ participant, trace: proposedTraces[i] })),
    );

    const [baselineVersion] = await this.calculator.applicableVersions(manager, quarter, version.planId);
    let baseline = new Map<string, { amount: string; payout: string; latest: ParticipantRow }>();
    if (baselineVersion) {
      const people = new Set(participants.map((participant) => participant.userId));
      const theirs = (await this.calculator.participantsOf(manager, [baselineVersion.id], dates)).filter(
        (participant) => people.has(participant.userId),
      );
      const traces = await this.calculator.compute(
        baselineVersion,
        baselineVersion.rules,
        baselineVersion.frozen,
        theirs,
        quarter,
        dates,
      );
      baseline = byPerson(theirs.map((participant, i) => ({ participant, trace: traces[i] })));
    }

    const rows: WhatIfRow[] = [...proposed.entries()].map(([userId, mine]) => {
      const before = baseline.get(userId) ?? null;
      return {
        participant: { id: userId, name: mine.latest.userName },
        orgUnit: { key: mine.latest.orgUnitKey, name: mine.latest.orgUnitName },
        baselinePayout: before?.payout ?? null,
        baselineAmount: before?.amount ?? null,
        proposedPayout: mine.payout,
        proposedAmount: mine.amount,
        delta: new Money(mine.amount).minus(before?.amount ?? 0).toFixed(2),
      };
    });
    rows.sort(
      (a, b) =>
        a.participant.name.localeCompare(b.participant.name) ||
        a.participant.id.localeCompare(b.participant.id),
    );
    const baselineTotal = sum(
      rows.flatMap((row) => (row.baselineAmount === null ? [] : [row.baselineAmount])),
    );
    const proposedTotal = sum(rows.map((row) => row.proposedAmount));
    await this.readOfPay(actor, 'plan-version.what-if', version.id, {
      period: quarter,
      version: version.number,
      participants: rows.length,
    });
    return {
      period: quarter,
      version: { id: version.id, number: version.number },
      baselineVersion: baselineVersion ? { id: baselineVersion.id, number: baselineVersion.number } : null,
      rows,
      totals: {
        baseline: baselineTotal,
        proposed: proposedTotal,
        delta: new Money(proposedTotal).minus(baselineTotal).toFixed(2),
      },
    };
  }

  /**
   * What the engine is fed for one participant of the version in a quarter — the version's rules'
   * facts (frozen once approved), the prorated target bonus, no adjustments — so the browser can
   * run the same engine on edited rules.
   */
  async previewFacts(
    actor: RequestUser,
    versionId: string,
    userId: string,
    period: string | undefined,
  ): Promise<ParticipantFacts> {
    const version = await this.versionOr404(versionId);
    const quarter = period ?? (await this.calculator.today()).quarter;
    const dates = await this.calculator.dates(quarter);
    const rows = (await this.calculator.participantsOfVersion(this.dataSource.manager, version.id)).filter(
      (participant) => participant.userId === userId,
    );
    if (!rows.length) {
      throw new NotFoundException(
        `The user ${userId} is not a participant of version ${version.number} of ${version.planName}: choose one of its participants.`,
      );
    }
    const overlapping = rows.filter(
      (row) => row.startDate <= dates.end && (row.endDate === null || row.endDate >= dates.start),
    );
    const chosen = (overlapping.length ? overlapping : rows).reduce((latest, row) =>
      row.startDate > latest.startDate ? row : latest,
    );
    const facts = await this.calculator.facts(version.rules, version.frozen, [chosen], quarter);
    if (chosen.userId !== actor.id) {
      await this.readOfPay(actor, 'plan-version.preview-facts', version.id, {
        period: quarter,
        version: version.number,
        participant: chosen.userName,
      });
    }
    return this.calculator.participantFacts(version.rules, facts, chosen, quarter, dates);
  }

  /**
   * The fiscal year's incentive cost by quarter: Σ payable of a released or closed quarter's
   * statements, of an open quarter's projections (brought up to date), or NONE when no published
   * version applies to it.
   */
  async forecast(fiscalYear: number): Promise<IncentiveForecast> {
    const manager = this.dataSource.manager;
    const quarters: IncentiveForecast['quarters'] = [];
    const states: { period: string; status: 'CLOSED' | 'RELEASED' }[] = await manager.query(
      'SELECT period, status FROM statement_periods WHERE period = ANY($1)',
      [quartersOfYear(fiscalYear)],
    );
    const stateOf = new Map(states.map((row) => [row.period, row.status]));
    for (const period of quartersOfYear(fiscalYear)) {
      let basis: IncentiveForecast['quarters'][number]['basis'] = stateOf.get(period) ?? 'PROJECTION';
      if (basis === 'PROJECTION') {
        if (!(await this.calculator.applicableVersions(manager, period)).length) {
          quarters.push({ period, basis: 'NONE', total: '0.00' });
          continue;
        }
        await this.statements.ensureFresh(period);
        // closed while it was computed
        basis = (await this.statements.isClosed(manager, period)) ? 'CLOSED' : 'PROJECTION';
      }
      const [{ total }]: { total: string }[] = await manager.query(
        'SELECT coalesce(sum(payable), 0)::text AS total FROM statements WHERE period = $1',
        [period],
      );
      quarters.push({ period, basis, total: new Money(total).toFixed(2) });
    }
    return {
      fiscalYear,
      quarters,
      total: sum(quarters.map((quarter) => quarter.total)),
      currency: COMPANY_CURRENCY,
    };
  }

  /** Other people's target bonuses and payouts were read: one audit entry, marked as pay data. */
  private async readOfPay(
    actor: RequestUser,
    action: string,
    versionId: string,
    after: object,
  ): Promise<void> {
    await this.audit.write(actor, async (_manager, record) => {
      await record({ action, entityType: 'plan_version', entityId: versionId, after, payData: true });
    });
  }

  private async versionOr404(id: string): Promise<VersionRow> {
    const version = await this.calculator.version(this.dataSource.manager, id);
    if (!version) throw new NotFoundException(`There is no plan version with the id ${id}.`);
    return version;
  }
}
