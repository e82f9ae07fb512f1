import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  fiscalYearOfMonth,
  formatPeriod,
  parsePeriod,
  PeriodLabelError,
  TARGET_CSV_COLUMNS,
  type EffectiveTarget,
  type Period,
  type Target,
  type TargetBatchResult,
  type TargetImportResult,
} from '@lodestar/contracts';
import { effectiveBand } from '@lodestar/cx-metrics';
import { Decimal } from 'decimal.js';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { parseCsvRecords, readCsvUpload, type CsvLineError } from '../common/csv-upload';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type { TargetInputDto } from './dto/target.dto';
import {
  bandNumbers,
  BAND_POINTS,
  checkTarget,
  sameBand,
  targetKey,
  targetPeriodProblem,
  type CheckedTarget,
  type RawTarget,
  type StoredBand,
  type TargetContext,
  type TargetMetric,
  type UnitFieldName,
} from './target-row';

/** How many problems the summary sentence quotes (the `errors` member lists all of them). */
const QUOTED_ERRORS = 5;
/** Decimals of a band split evenly over quarters or months (a sum metric's year ÷ 4, ÷ 12). */
export const SPLIT_TARGET_DECIMALS = 4;

const Exact = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });

interface StoreItem {
  /** The row's index in a JSON batch, or its line in a CSV file. */
  ref: number;
  raw: RawTarget;
}

interface StoreOptions {
  unitField: UnitFieldName;
  /** How a message names another row: `targets[2]`, `line 3`. */
  where: (ref: number) => string;
  action: string;
  entityId: string | null;
  /** Parse errors found before: check every row, then write nothing. */
  blocked: boolean;
}

type StoreOutcome = { result: TargetBatchResult } | { errors: { ref: number; message: string }[] };

interface StoredTarget extends StoredBand {
  metricKey: string;
  orgUnitId: string;
  period: string;
}

interface TargetRow {
  metric: string;
  orgUnit: string;
  period: string;
  threshold: string;
  target: string;
  stretch: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/**
 * Targets per metric, org unit and fiscal year or quarter: set in batches and CSV imports (all or
 * nothing, upserted), listed, removed, and read back as the band that applies to any month,
 * quarter or year (`effectiveBand` of `@lodestar/cx-metrics`).
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
    private readonly cache: ReadCache,
  ) {}

  /** A JSON batch: all of it, or nothing with every bad row named as `targets[i]: …`. */
  async set(actor: RequestUser, targets: TargetInputDto[]): Promise<TargetBatchResult> {
    const outcome = await this.store(
      actor,
      targets.map((raw, ref) => ({ ref, raw })),
      { unitField: 'orgUnit', where: (ref) => `targets[${ref}]`, action: 'targets.set', entityId: null, blocked: false },
    );
    if ('errors' in outcome) {
      const errors = outcome.errors.map((error) => `targets[${error.ref}]: ${error.message}`);
      throw new BadRequestException({
        message: `${errors.length} of ${targets.length} targets are not valid, so none was stored: ${errors.slice(0, QUOTED_ERRORS).join('; ')}`,
        errors,
      });
    }
    return outcome.result;
  }

  /** A CSV upload (multipart `file`): all rows, or none with every bad line listed. */
  async import(req: Request, actor: RequestUser): Promise<TargetImportResult> {
    const upload = await readCsvUpload(req, { defaultFileName: 'targets.csv' });
    const { records, errors: csvErrors } = await parseCsvRecords(upload.content, {
      known: TARGET_CSV_COLUMNS,
      required: TARGET_CSV_COLUMNS,
      describe: TARGET_CSV_COLUMNS.join(', '),
    });
    if (!records.length && !csvErrors.length) {
      throw new BadRequestException('The file holds no targets: under the header line, give one row per metric, org unit and fiscal year or quarter.');
    }
    const outcome = await this.store(
      actor,
      records.map(({ line, cell }) => ({
        ref: line,
        raw: {
          metric: cell('metric'),
          orgUnit: cell('org_unit'),
          period: cell('period'),
          threshold: cell('threshold'),
          target: cell('target'),
          stretch: cell('stretch'),
        },
      })),
      { unitField: 'org_unit', where: (line) => `line ${line}`, action: 'targets.import', entityId: upload.fileName, blocked: csvErrors.length > 0 },
    );
    const errors: CsvLineError[] = [...csvErrors, ...('errors' in outcome ? outcome.errors.map(({ ref, message }) => ({ line: ref, message })) : [])];
    if (errors.length || 'errors' in outcome) {
      errors.sort((a, b) => a.line - b.line);
      throw new BadRequestException({
        message: `${errors.length} of ${records.length + csvErrors.length} rows of ${upload.fileName} are not valid, so none was stored: ${errors
          .slice(0, QUOTED_ERRORS)
          .map((error) => `line ${error.line}: ${error.message}`)
          .join('; ')}`,
        errors,
      });
    }
    return { ...outcome.result, fileName: upload.fileName };
  }

  /**
   * Checks every row, compares it with the stored target under a table lock (so two writers never
   * both decide "created"), and upserts the new and changed ones with one audit entry. Returns the
   * problems instead when any row is bad; then nothing is written.
   */
  private async store(
    actor: RequestUser,
    items: StoreItem[],
    options: StoreOptions,
  ): Promise<StoreOutcome> {
    const outcome = await this.audit.write<StoreOutcome>(actor, async (manager, record) => {
      await manager.query('LOCK TABLE targets IN SHARE ROW EXCLUSIVE MODE');
      const context = await this.context(manager);
      const errors: { ref: number; message: string }[] = [];
      const checked: CheckedTarget[] = [];
      const firstRef = new Map<string, number>();
      for (const item of items) {
        const result = checkTarget(item.raw, context, options.unitField);
        if ('error' in result) {
          errors.push({ ref: item.ref, message: result.error });
          continue;
        }
        const { row } = result;
        const first = firstRef.get(targetKey(row));
        if (first !== undefined) {
          errors.push({
            ref: item.ref,
            message: `${row.metricKey} for ${row.orgUnitKey} in ${row.period} is already given by ${options.where(first)}: give each metric, unit and period once`,
          });
          continue;
        }
        firstRef.set(targetKey(row), item.ref);
        checked.push(row);
      }
      if (errors.length || options.blocked) return { errors: errors.sort((a, b) => a.ref - b.ref) };

      const current = await this.currentOf(manager, checked);
      const created: CheckedTarget[] = [];
      const updated: { row: CheckedTarget; previous: StoredBand }[] = [];
      for (const row of checked) {
        const previous = current.get(targetKey(row));
        if (!previous) created.push(row);
        else if (!sameBand(row, previous)) updated.push({ row, previous });
      }
      const written = [...created, ...updated.map((item) => item.row)];
      const result: TargetBatchResult = { received: items.length, created: created.length, updated: updated.length, unchanged: checked.length - written.length };
      if (written.length) {
        await this.upsert(manager, written, actor.id);
        const band = (row: CheckedTarget | StoredBand) => ({ threshold: row.threshold, target: row.target, stretch: row.stretch });
        await record({
          action: options.action,
          entityType: 'target',
          entityId: options.entityId,
          before: updated.length
            ? updated.map(({ row, previous }) => ({ metric: row.metricKey, orgUnit: row.orgUnitKey, period: row.period, ...band(previous) }))
            : null,
          after: {
            ...result,
            written: written.map((row) => ({ metric: row.metricKey, orgUnit: row.orgUnitKey, period: row.period, ...band(row) })),
          },
        });
      }
      return { result };
    });
    if ('result' in outcome && outcome.result.created + outcome.result.updated > 0) this.cache.changed('targets');
    return outcome;
  }

  private async context(manager: EntityManager): Promise<TargetContext> {
    const [metrics, units]: [TargetMetric[], { id: string; key: string }[]] = await Promise.all([
      manager.query('SELECT key, category, direction, aggregation FROM metric_definitions'),
      manager.query('SELECT id, key FROM org_units'),
    ]);
    return { metrics: new Map(metrics.map((metric) => [metric.key, metric])), unitIds: new Map(units.map((unit) => [unit.key, unit.id])) };
  }

  /** The stored bands of the metric, unit and period the rows name. */
  private async currentOf(manager: EntityManager, rows: CheckedTarget[]): Promise<Map<string, StoredBand>> {
    if (!rows.length) return new Map();
    const stored: StoredTarget[] = await manager.query(
      `SELECT t.metric_key AS "metricKey", t.org_unit_id AS "orgUnitId", t.period,
              t.threshold::text AS threshold, t.target::text AS target, t.stretch::text AS stretch
         FROM targets t
         JOIN unnest($1::text[], $2::uuid[], $3::text[]) AS k(metric_key, org_unit_id, period)
           ON k.metric_key = t.metric_key AND k.org_unit_id = t.org_unit_id AND k.period = t.period`,
      [rows.map((row) => row.metricKey), rows.map((row) => row.orgUnitId), rows.map((row) => row.period)],
    );
    return new Map(stored.map((row) => [targetKey(row), row]));
  }

  /** One multi-row statement: at most 1,000 rows from a batch, and a CSV of targets is small. */
  private async upsert(manager: EntityManager, rows: CheckedTarget[], updatedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO targets (metric_key, org_unit_id, period, threshold, target, stretch, updated_by, updated_at)
       SELECT k.metric_key, k.org_unit_id, k.period, k.threshold, k.target, k.stretch, $7::uuid, now()
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])
           AS k(metric_key, org_unit_id, period, threshold, target, stretch)
       ON CONFLICT (metric_key, org_unit_id, period) DO UPDATE
          SET threshold = EXCLUDED.threshold, target = EXCLUDED.target, stretch = EXCLUDED.stretch,
              updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        rows.map((row) => row.metricKey),
        rows.map((row) => row.orgUnitId),
        rows.map((row) => row.period),
        rows.map((row) => row.threshold),
        rows.map((row) => row.target),
        rows.map((row) => row.stretch),
        updatedBy,
      ],
    );
  }

  /**
   * The targets as set for a fiscal year and its quarters, optionally of one metric or unit, in
   * the unit tree's order (depth first, children by name), then by metric key and period.
   */
  async list(period: string, metricKey?: string, orgUnitKey?: string): Promise<Target[]> {
    const year = this.parse(period);
    if (year.kind !== 'year') {
      throw new BadRequestException(`period "${period}" is not a fiscal year: give one such as FY2026, and the list holds its quarters too.`);
    }
    if (metricKey !== undefined) await this.metric(metricKey);
    if (orgUnitKey !== undefined) await this.unitId(orgUnitKey);
    const label = formatPeriod(year);
    const rows: TargetRow[] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id, key, ARRAY[name || E'\\x01' || key] AS path FROM org_units WHERE parent_id IS NULL
         UNION ALL
         SELECT o.id, o.key, t.path || (o.name || E'\\x01' || o.key) FROM org_units o JOIN tree t ON o.parent_id = t.id
       )
       SELECT t.metric_key AS metric, tree.key AS "orgUnit", t.period,
              t.threshold::text AS threshold, t.target::text AS target, t.stretch::text AS stretch,
              u.name AS "updatedBy", t.updated_at AS "updatedAt"
         FROM targets t
         JOIN tree ON tree.id = t.org_unit_id
         LEFT JOIN users u ON u.id = t.updated_by
        WHERE (t.period = $1 OR t.period LIKE $1 || '-Q_')
          AND ($2::text IS NULL OR t.metric_key = $2)
          AND ($3::text IS NULL OR tree.key = $3)
        ORDER BY tree.path COLLATE "C", t.metric_key COLLATE "C", t.period COLLATE "C"`,
      [label, metricKey ?? null, orgUnitKey ?? null],
    );
    return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
  }

  /** The band that applies to a unit and metric in a month, quarter or fiscal year, and where it comes from. */
  async effective(metricKey: string, orgUnitKey: string, period: string): Promise<EffectiveTarget> {
    const metric = await this.metric(metricKey);
    const asked = this.parse(period);
    const orgUnitId = await this.unitId(orgUnitKey);
    const { startMonth } = await this.calendar.get();
    const label = formatPeriod(asked);
    const fiscalYear = asked.kind === 'month' ? fiscalYearOfMonth(label, startMonth) : `FY${asked.fiscalYear}`;
    const rows: { period: string; threshold: string; target: string; stretch: string }[] = await this.dataSource.query(
      `SELECT period, threshold::text AS threshold, target::text AS target, stretch::text AS stretch
         FROM targets WHERE metric_key = $1 AND org_unit_id = $2 AND (period = $3 OR period LIKE $3 || '-Q_')`,
      [metric.key, orgUnitId, fiscalYear],
    );
    const stored = new Map(rows.map((row) => [row.period, row]));
    const found = effectiveBand(
      rows.map((row) => ({ period: row.period, band: bandNumbers(row) })),
      metric.aggregation,
      label,
      startMonth,
    );
    if (!found) {
      const elsewhere =
        asked.kind === 'month'
          ? ' or its quarter or fiscal year'
          : asked.kind === 'quarter'
            ? ' or its fiscal year'
            : metric.aggregation === 'sum'
              ? ' or in all four of its quarters'
              : '';
      throw new NotFoundException(`No target is set for ${metric.key} at ${orgUnitKey} in ${label}${elsewhere}.`);
    }
    const band = exactBand(found.basis, found.from, asked, stored);
    return { metric: metric.key, orgUnit: orgUnitKey, period: label, ...band, from: found.from, basis: found.basis };
  }

  /** Removes the target of one metric, unit and fiscal year or quarter, with an audit entry. */
  async remove(actor: RequestUser, metricKey: string, orgUnitKey: string, period: string): Promise<void> {
    const problem = targetPeriodProblem(period.trim());
    if (problem) throw new BadRequestException(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
    const label = formatPeriod(parsePeriod(period));
    const metric = await this.metric(metricKey);
    const orgUnitId = await this.unitId(orgUnitKey);
    await this.audit.write(actor, async (manager, record) => {
      const removed: unknown[] = await manager.query(
        `DELETE FROM targets WHERE metric_key = $1 AND org_unit_id = $2 AND period = $3
         RETURNING threshold::text AS threshold, target::text AS target, stretch::text AS stretch`,
        [metric.key, orgUnitId, label],
      );
      // DELETE … RETURNING answers [rows, count] through TypeORM's postgres driver
      const rows = (Array.isArray(removed[0]) ? removed[0] : removed) as StoredBand[];
      if (!rows.length) throw new NotFoundException(`No target is set for ${metric.key} at ${orgUnitKey} in ${label}: nothing was removed.`);
      const [{ threshold, target, stretch }] = rows;
      await record({
        action: 'target.delete',
        entityType: 'target',
        entityId: `${metric.key}/${orgUnitKey}/${label}`,
        before: { metric: metric.key, orgUnit: orgUnitKey, period: label, threshold, target, stretch },
        after: null,
      });
    });
    this.cache.changed('targets');
  }

  /** A metric by key: 400 when there is none. */
  private async metric(key: string): Promise<TargetMetric> {
    const rows: TargetMetric[] = await this.dataSource.query('SELECT key, category, direction, aggregation FROM metric_definitions WHERE key = $1', [key]);
    if (!rows[0]) throw new BadRequestException(`There is no metric "${key}": GET /api/v1/metrics lists the metric keys.`);
    return rows[0];
  }

  /** An org unit's id by key: 404 when there is none. */
  private async unitId(key: string): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM org_units WHERE key = $1', [key]);
    if (!rows[0]) throw new NotFoundException(`There is no org unit with the key "${key}": GET /api/v1/org-units lists them.`);
    return rows[0].id;
  }

  private parse(period: string): Period {
    try {
      return parsePeriod(period);
    } catch (error) {
      if (error instanceof PeriodLabelError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

/**
 * The effective band in exact decimals from the stored ones, following the rule `effectiveBand`
 * applied: as stored (`as-set`, `applied`), the sum of the four phased quarters (a sum metric's
 * year), or the stored band ÷ 3, 4 or 12 (`split`), to {@link SPLIT_TARGET_DECIMALS} decimals.
 * Exported for the freeze of a plan version's bands at approval, which follows the same rule.
 */
export function exactBand(basis: EffectiveTarget['basis'], from: string, asked: Period, stored: ReadonlyMap<string, StoredBand>): StoredBand {
  const source = stored.get(from);
  if (basis !== 'split' && source) return { threshold: source.threshold, target: source.target, stretch: source.stretch };
  const map = (points: (point: (typeof BAND_POINTS)[number]) => Decimal): StoredBand =>
    Object.fromEntries(BAND_POINTS.map((point) => [point, points(point).toFixed()])) as StoredBand;
  if (basis === 'split' && source) {
    const parts = parsePeriod(from).kind === 'quarter' ? 3 : asked.kind === 'quarter' ? 4 : 12;
    return map((point) => new Exact(source[point]).dividedBy(parts).toDecimalPlaces(SPLIT_TARGET_DECIMALS, Decimal.ROUND_HALF_EVEN));
  }
  // a sum metric's year without its own target: the four phased quarters added up
  const quarters = [1, 2, 3, 4].map((quarter) => stored.get(`${from}-Q${quarter}`) as StoredBand);
  return map((point) => quarters.reduce((total, quarter) => total.plus(quarter[point]), new Exact(0)));
}
