import {
  BadRequestException,
  ConflictException,
  HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  monthOfInstant,
  quarterOfMonth,
  type CompanyValueTag,
  type RecognitionBudget,
  type RecognitionSettings,
} from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type {
  CompanyValueTagDto,
  RecognitionBudgetDto,
  RecognitionSettingsDto,
} from './dto/recognition-settings.dto';
import { settingsProblem, type Refusal } from './recognition-rules';

/** An org unit as recognition names it. */
export interface RecognitionUnit {
  id: string;
  key: string;
  name: string;
}

/** Serialises awards against one unit's budget in one quarter, across connections and processes. */
export const BUDGET_LOCK = 727_274_201;

export function refused(refusal: Refusal): HttpException {
  return new HttpException(refusal.message, refusal.status);
}

/**
 * The programme's settings (limits, award tiers, the second-approval tier, the default budget),
 * the units' points budgets per fiscal quarter and the company values nominations are tagged with.
 */
@Injectable()
export class RecognitionSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
  ) {}

  /** The fiscal quarter the company is in now, in its time zone. */
  async currentQuarter(): Promise<string> {
    const { startMonth, timeZone } = await this.calendar.get();
    return quarterOfMonth(monthOfInstant(new Date(), timeZone), startMonth);
  }

  async settings(manager: EntityManager = this.dataSource.manager): Promise<RecognitionSettings> {
    const [row]: RecognitionSettings[] = await manager.query(
      `SELECT max_per_nominator_per_quarter AS "maxPerNominatorPerQuarter", max_per_nominee_per_quarter AS "maxPerNomineePerQuarter",
              tiers, second_approval_from_tier AS "secondApprovalFromTier", default_quarter_budget AS "defaultQuarterBudget"
         FROM recognition_settings`,
    );
    return row;
  }

  async setSettings(actor: RequestUser, body: RecognitionSettingsDto): Promise<RecognitionSettings> {
    const next: RecognitionSettings = {
      maxPerNominatorPerQuarter: body.maxPerNominatorPerQuarter,
      maxPerNomineePerQuarter: body.maxPerNomineePerQuarter,
      tiers: [...body.tiers]
        .map((tier) => ({ key: tier.key, name: tier.name, points: tier.points }))
        .sort((a, b) => a.points - b.points),
      secondApprovalFromTier: body.secondApprovalFromTier,
      defaultQuarterBudget: body.defaultQuarterBudget,
    };
    const problem = settingsProblem(next);
    if (problem) throw new BadRequestException(problem);
    return this.audit.write(actor, async (manager, record) => {
      const before = await this.settings(manager);
      await manager.query(
        `UPDATE recognition_settings SET max_per_nominator_per_quarter = $1, max_per_nominee_per_quarter = $2, tiers = $3,
                second_approval_from_tier = $4, default_quarter_budget = $5, updated_by = $6, updated_at = now()`,
        [
          next.maxPerNominatorPerQuarter,
          next.maxPerNomineePerQuarter,
          JSON.stringify(next.tiers),
          next.secondApprovalFromTier,
          next.defaultQuarterBudget,
          actor.id,
        ],
      );
      await record({
        action: 'recognition-settings.update',
        entityType: 'recognition-settings',
        entityId: 'recognition-settings',
        before,
        after: next,
      });
      return next;
    });
  }

  /** Every unit's budget for a quarter (the current one by default): points, used and left. */
  async budgets(quarter?: string): Promise<RecognitionBudget[]> {
    const label = quarter ?? (await this.currentQuarter());
    return this.budgetRows(this.dataSource.manager, label, null);
  }

  /** Sets a unit's points for a quarter. */
  async setBudget(actor: RequestUser, body: RecognitionBudgetDto): Promise<RecognitionBudget> {
    return this.audit.write(actor, async (manager, record) => {
      const unit = await findUnit(manager, body.orgUnit);
      const [before] = await this.budgetRows(manager, body.quarter, unit.id);
      await manager.query(
        `INSERT INTO recognition_budgets (org_unit_id, quarter, points, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_unit_id, quarter) DO UPDATE SET points = EXCLUDED.points, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [unit.id, body.quarter, body.points, actor.id],
      );
      const [after] = await this.budgetRows(manager, body.quarter, unit.id);
      await record({
        action: 'recognition-budget.set',
        entityType: 'recognition-budget',
        entityId: `${unit.key}/${body.quarter}`,
        before,
        after,
      });
      return after;
    });
  }

  /** One unit's budget for a quarter, or every unit's (`unitId` null). */
  async budgetRows(
    manager: EntityManager,
    quarter: string,
    unitId: string | null,
  ): Promise<RecognitionBudget[]> {
    const rows: { orgUnit: string; orgUnitName: string; points: number; used: number; own: boolean }[] =
      await manager.query(
        `SELECT o.key AS "orgUnit", o.name AS "orgUnitName",
                coalesce(b.points, s.default_quarter_budget) AS points, b.points IS NOT NULL AS own,
                (SELECT coalesce(sum(n.points), 0)::int FROM nominations n
                  WHERE n.org_unit_id = o.id AND n.quarter = $1 AND n.status IN ('AWARDED','AWAITING_SECOND_APPROVAL')) AS used
           FROM org_units o CROSS JOIN recognition_settings s
           LEFT JOIN recognition_budgets b ON b.org_unit_id = o.id AND b.quarter = $1
          WHERE $2::uuid IS NULL OR o.id = $2
          ORDER BY o.name`,
        [quarter, unitId],
      );
    return rows.map((row) => ({
      orgUnit: row.orgUnit,
      orgUnitName: row.orgUnitName,
      quarter,
      points: row.points,
      used: row.used,
      left: Math.max(row.points - row.used, 0),
      own: row.own,
    }));
  }

  async tags(): Promise<CompanyValueTag[]> {
    return this.dataSource.query('SELECT key, name FROM company_values ORDER BY name');
  }

  async addTag(actor: RequestUser, body: CompanyValueTagDto): Promise<CompanyValueTag> {
    const tag = { key: body.key, name: body.name.trim() };
    return this.audit.write(actor, async (manager, record) => {
      const inserted: unknown[] = await manager.query(
        'INSERT INTO company_values (key, name) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [tag.key, tag.name],
      );
      if (!inserted.length) {
        throw new ConflictException(`There is already a company value with the key "${body.key}".`);
      }
      await record({
        action: 'company-value.create',
        entityType: 'company-value',
        entityId: body.key,
        after: tag,
      });
      return tag;
    });
  }
}

/** The unit with this key; 404 naming the key when there is none. */
export async function findUnit(manager: EntityManager, key: string): Promise<RecognitionUnit> {
  const [unit]: RecognitionUnit[] = await manager.query(
    'SELECT id, key, name FROM org_units WHERE key = $1',
    [key],
  );
  if (!unit)
    throw new NotFoundException(
      `There is no org unit with the key "${key}": GET /api/v1/org-units lists them.`,
    );
  return unit;
}
