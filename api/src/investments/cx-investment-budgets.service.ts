import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  monthsOf,
  quarterOfMonth,
  type CxInvestmentBudget,
  type CxInvestmentSettings,
} from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type { CxInvestmentCapDto, CxInvestmentSettingsDto } from './dto/cx-investment-settings.dto';
import { checkAmount, formatAmount, Money } from './money';

/** An org unit as a CX investment names it. */
export interface InvestmentUnit {
  id: string;
  key: string;
  name: string;
}

/** Serialises approvals against one unit's cap in one quarter, across connections and processes. */
const CAP_LOCK = 727_274_101;

/**
 * The two settings of CX investment approvals, the caps of approved investments per unit and
 * fiscal quarter (a unit's own cap for a quarter, else the default), and what is left of them.
 */
@Injectable()
export class CxInvestmentBudgetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
  ) {}

  async settings(manager: EntityManager = this.dataSource.manager): Promise<CxInvestmentSettings> {
    const [row]: CxInvestmentSettings[] = await manager.query(
      `SELECT second_approval_above::text AS "secondApprovalAbove", default_quarter_cap::text AS "defaultQuarterCap"
         FROM cx_investment_settings`,
    );
    return row;
  }

  async setSettings(actor: RequestUser, body: CxInvestmentSettingsDto): Promise<CxInvestmentSettings> {
    const next: CxInvestmentSettings = {
      secondApprovalAbove: amountOf('secondApprovalAbove', body.secondApprovalAbove),
      defaultQuarterCap: amountOf('defaultQuarterCap', body.defaultQuarterCap),
    };
    return this.audit.write(actor, async (manager, record) => {
      const before = await this.settings(manager);
      await manager.query(
        `UPDATE cx_investment_settings SET second_approval_above = $1, default_quarter_cap = $2, updated_by = $3, updated_at = now()`,
        [next.secondApprovalAbove, next.defaultQuarterCap, actor.id],
      );
      await record({
        action: 'cx-investment-settings.update',
        entityType: 'cx-investment-settings',
        entityId: 'cx-investment-settings',
        before,
        after: next,
      });
      return next;
    });
  }

  /** The cap of a unit in a fiscal quarter, what is approved against it and what is left. */
  async budget(orgUnitKey: string, quarter: string): Promise<CxInvestmentBudget> {
    const unit = await findUnit(this.dataSource.manager, orgUnitKey);
    const { startMonth } = await this.calendar.get();
    return this.budgetOf(this.dataSource.manager, unit, quarter, startMonth);
  }

  /** Sets a unit's own cap for a quarter, or with `cap` null lets it use the default again. */
  async setCap(actor: RequestUser, body: CxInvestmentCapDto): Promise<CxInvestmentBudget> {
    const cap = body.cap === null ? null : amountOf('cap', body.cap);
    const { startMonth } = await this.calendar.get();
    return this.audit.write(actor, async (manager, record) => {
      const unit = await findUnit(manager, body.orgUnit);
      const before = await this.budgetOf(manager, unit, body.quarter, startMonth);
      if (cap === null) {
        await manager.query('DELETE FROM cx_investment_caps WHERE org_unit_id = $1 AND quarter = $2', [
          unit.id,
          body.quarter,
        ]);
      } else {
        await manager.query(
          `INSERT INTO cx_investment_caps (org_unit_id, quarter, cap, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (org_unit_id, quarter) DO UPDATE SET cap = EXCLUDED.cap, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [unit.id, body.quarter, cap, actor.id],
        );
      }
      const after = await this.budgetOf(manager, unit, body.quarter, startMonth);
      await record({
        action: 'cx-investment-cap.set',
        entityType: 'cx-investment-cap',
        entityId: `${unit.key}/${body.quarter}`,
        before,
        after: { ...after, own: cap !== null },
      });
      return after;
    });
  }

  /**
   * Refuses (409) an approval that would take the unit's approved investments of the month's
   * fiscal quarter, both kinds together, past its cap. Takes a lock held until the transaction
   * ends, so two approvals against the same cap never both pass.
   */
  async assertWithinCap(
    manager: EntityManager,
    unit: InvestmentUnit,
    month: string,
    amount: string,
    startMonth: number,
  ): Promise<void> {
    const quarter = quarterOfMonth(month, startMonth);
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      CAP_LOCK,
      `${unit.id} ${quarter}`,
    ]);
    const budget = await this.budgetOf(manager, unit, quarter, startMonth);
    if (new Money(budget.approved).plus(amount).greaterThan(budget.cap)) {
      throw new ConflictException(
        `Approving ${formatAmount(amount)} would take ${unit.name} past its cap of ${formatAmount(budget.cap)} for CX investments in ${quarter}: ` +
          `${formatAmount(budget.approved)} is approved so far, so at most ${formatAmount(budget.remaining)} more can be. ` +
          'Nothing was changed; a CX lead can raise the unit’s cap for the quarter.',
      );
    }
  }

  private async budgetOf(
    manager: EntityManager,
    unit: InvestmentUnit,
    quarter: string,
    startMonth: number,
  ): Promise<CxInvestmentBudget> {
    const [row]: { cap: string; approved: string }[] = await manager.query(
      `SELECT coalesce((SELECT cap FROM cx_investment_caps WHERE org_unit_id = $1 AND quarter = $2),
                       (SELECT default_quarter_cap FROM cx_investment_settings))::text AS cap,
              (SELECT coalesce(sum(amount), 0) FROM cx_investments
                WHERE org_unit_id = $1 AND month = ANY($3::text[]) AND status = 'approved')::text AS approved`,
      [unit.id, quarter, monthsOf(quarter, startMonth)],
    );
    const cap = new Money(row.cap);
    const approved = new Money(row.approved);
    const remaining = Money.max(cap.minus(approved), 0);
    return {
      orgUnit: unit.key,
      quarter,
      cap: cap.toFixed(2),
      approved: approved.toFixed(2),
      remaining: remaining.toFixed(2),
    };
  }
}

/** The unit with this key; 404 naming the key when there is none. */
export async function findUnit(manager: EntityManager, key: string): Promise<InvestmentUnit> {
  const [unit]: InvestmentUnit[] = await manager.query('SELECT id, key, name FROM org_units WHERE key = $1', [
    key,
  ]);
  if (!unit)
    throw new NotFoundException(
      `There is no org unit with the key "${key}": GET /api/v1/org-units lists them.`,
    );
  return unit;
}

function amountOf(field: string, input: unknown): string {
  const outcome = checkAmount(field, input, false);
  // the DTO has checked it already
  if ('problem' in outcome) throw new Error(outcome.problem);
  return outcome.amount;
}
