import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { isValidTimeZone, type FiscalCalendar } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { SettingEntity } from './setting.entity';

export const FISCAL_CALENDAR_KEY = 'fiscal-calendar';
export const DEFAULT_FISCAL_CALENDAR: FiscalCalendar = { startMonth: 1, timeZone: 'UTC' };

/**
 * Tables that hold facts keyed by period. Once any holds a row, moving the fiscal start month
 * would silently re-bucket them, so it is refused. Tables that do not exist yet are skipped.
 */
export const DATED_TABLES = [
  'measurements',
  'voc_responses',
  'targets',
  'scorecard_comments',
  'action_plans',
  'cx_investments',
  'statements',
  'nominations',
];

@Injectable()
export class FiscalCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** The calendar; read through the cache unless a transaction's manager is given. */
  async get(manager?: EntityManager): Promise<FiscalCalendar> {
    if (!manager) {
      return this.cache.get(
        FISCAL_CALENDAR_KEY,
        ['calendar'],
        30_000,
        () => this.read(this.dataSource.manager),
        { serveStale: true },
      );
    }
    return this.read(manager);
  }

  private async read(manager: EntityManager): Promise<FiscalCalendar> {
    const row = await manager.findOneBy(SettingEntity, { key: FISCAL_CALENDAR_KEY });
    return { ...DEFAULT_FISCAL_CALENDAR, ...((row?.value as Partial<FiscalCalendar>) ?? {}) };
  }

  async set(actor: RequestUser, next: FiscalCalendar): Promise<FiscalCalendar> {
    if (!isValidTimeZone(next.timeZone)) {
      throw new BadRequestException(
        `"${next.timeZone}" is not a time zone: use an IANA name such as Europe/Amsterdam or UTC.`,
      );
    }
    const saved = await this.audit.write(actor, async (manager, record) => {
      const before = await this.get(manager);
      if (before.startMonth !== next.startMonth) {
        const table = await this.firstDatedTable(manager);
        if (table) {
          throw new ConflictException(
            `The fiscal start month cannot change once dated data exists (${table} holds rows): periods already recorded would move to other quarters and years.`,
          );
        }
      }
      const value: FiscalCalendar = { startMonth: next.startMonth, timeZone: next.timeZone };
      await manager.save(SettingEntity, { key: FISCAL_CALENDAR_KEY, value });
      await record({
        action: 'settings.update',
        entityType: 'fiscal-calendar',
        entityId: FISCAL_CALENDAR_KEY,
        before,
        after: value,
      });
      return value;
    });
    this.cache.changed('calendar');
    return saved;
  }

  private async firstDatedTable(manager: EntityManager): Promise<string | undefined> {
    for (const table of DATED_TABLES) {
      const [{ present }]: { present: string | null }[] = await manager.query(
        'SELECT to_regclass($1)::text AS present',
        [table],
      );
      if (!present) continue;
      const rows: unknown[] = await manager.query(`SELECT 1 FROM ${present} LIMIT 1`);
      if (rows.length) return table;
    }
    return undefined;
  }
}
