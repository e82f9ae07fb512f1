import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  monthsOf,
  parsePeriod,
  PeriodLabelError,
  type MeasurementBatchResult,
  type MeasurementGrid,
  type MeasurementGridRow,
  type MeasurementImportError,
  type MeasurementImportResult,
  type MeasurementMonth,
  type MeasurementResult,
  type MeasurementSource,
  type MeasurementVersion,
} from '@lodestar/contracts';
import {
  aggregateMonths,
  MeasurementPeriods,
  ratioValue,
  type CurrentFigures,
  type MeasurementAggregation,
  type MonthFigures,
} from '@lodestar/cx-metrics';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import type { MeasurementInputDto } from './dto/measurement.dto';
import { parseMeasurementCsv, readMeasurementUpload } from './measurement-csv';
import {
  checkMeasurement,
  compareWithCurrent,
  CSV_FIELDS,
  JSON_FIELDS,
  monthKey,
  type CheckedMeasurement,
  type CurrentMeasurement,
  type FieldNames,
  type MeasuredMetric,
  type MeasurementContext,
  type RawMeasurement,
} from './measurement-row';

/** Rows per INSERT: a few multi-row statements, not one round trip per row. */
const INSERT_CHUNK = 5000;
/** How many problems the summary sentence quotes (the `errors` member lists all of them). */
const QUOTED_ERRORS = 5;

interface StoreItem {
  /** The row's index in a JSON batch, or its line in a CSV file. */
  ref: number;
  raw: RawMeasurement;
}

interface StoreOptions {
  source: MeasurementSource;
  names: FieldNames;
  /** How a message names another row: `measurements[2]`, `line 3`. */
  where: (ref: number) => string;
  action: string;
  entityId: string | null;
  /** Parse errors found before: check every row, then write nothing. */
  blocked: boolean;
}

interface Written {
  row: CheckedMeasurement;
  version: number;
  previous: CurrentMeasurement | undefined;
}

interface VersionRow {
  month: string;
  version: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  reason: string | null;
  source: MeasurementSource;
  recordedBy: string | null;
  recordedAt: Date;
}

interface CurrentRow {
  orgUnitId: string;
  month: string;
  version: number;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

/**
 * Measurements of the metrics that are not VoC: values per metric, org unit and month, written
 * as new versions (never overwritten), and read back per period with the metric's aggregation
 * from `@lodestar/cx-metrics`.
 */
@Injectable()
export class MeasurementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
    private readonly cache: ReadCache,
  ) {}

  /** A JSON batch: all of it, or nothing with every bad row named as `measurements[i]: …`. */
  async record(
    actor: RequestUser,
    measurements: MeasurementInputDto[],
    source: 'api' | 'manual' = 'api',
  ): Promise<MeasurementBatchResult> {
    const outcome = await this.store(
      actor,
      measurements.map((raw, ref) => ({ ref, raw })),
      {
        source,
        names: JSON_FIELDS,
        where: (ref) => `measurements[${ref}]`,
        action: 'measurements.record',
        entityId: null,
        blocked: false,
      },
    );
    if ('errors' in outcome) {
      const errors = outcome.errors.map((error) => `measurements[${error.ref}]: ${error.message}`);
      throw new BadRequestException({
        message: `${errors.length} of ${measurements.length} measurements are not valid, so none was stored: ${errors.slice(0, QUOTED_ERRORS).join('; ')}`,
        errors,
      });
    }
    this.cache.changed('measurements');
    return outcome.result;
  }

  /** A CSV upload (multipart `file`, optional `reason`): all rows, or none with every bad line listed. */
  async import(req: Request, actor: RequestUser): Promise<MeasurementImportResult> {
    const upload = await readMeasurementUpload(req);
    const { rows, errors: csvErrors } = await parseMeasurementCsv(upload.content);
    if (!rows.length && !csvErrors.length) {
      throw new BadRequestException(
        'The file holds no measurements: under the header line, give one row per metric, org unit and month.',
      );
    }
    const reason = upload.fields['reason']?.trim() || null;
    const outcome = await this.store(
      actor,
      rows.map(({ line, raw }) => ({ ref: line, raw: { ...raw, reason } })),
      {
        source: 'csv',
        names: CSV_FIELDS,
        where: (line) => `line ${line}`,
        action: 'measurements.import',
        entityId: upload.fileName,
        blocked: csvErrors.length > 0,
      },
    );
    const errors: MeasurementImportError[] = [
      ...csvErrors,
      ...('errors' in outcome ? outcome.errors.map(({ ref, message }) => ({ line: ref, message })) : []),
    ];
    if (errors.length || 'errors' in outcome) {
      errors.sort((a, b) => a.line - b.line);
      const total = rows.length + csvErrors.length;
      throw new BadRequestException({
        message: `${errors.length} of ${total} rows of ${upload.fileName} are not valid, so none was stored: ${errors
          .slice(0, QUOTED_ERRORS)
          .map((error) => `line ${error.line}: ${error.message}`)
          .join('; ')}`,
        errors,
      });
    }
    this.cache.changed('measurements');
    return { ...outcome.result, fileName: upload.fileName };
  }

  /**
   * Checks every row, then compares it with its month's current version under a table lock (so
   * two writers never both make version 2), and writes the new versions with one audit entry.
   * Returns the problems instead when any row is bad; then nothing is written.
   */
  private store(
    actor: RequestUser,
    items: StoreItem[],
    options: StoreOptions,
  ): Promise<{ result: MeasurementBatchResult } | { errors: { ref: number; message: string }[] }> {
    return this.audit.write(actor, async (manager, record) => {
      await manager.query('LOCK TABLE measurements IN SHARE ROW EXCLUSIVE MODE');
      const context = await this.context(manager);
      const errors: { ref: number; message: string }[] = [];
      const checked: { ref: number; row: CheckedMeasurement }[] = [];
      const firstRef = new Map<string, number>();
      for (const item of items) {
        const result = checkMeasurement(item.raw, context, options.names);
        if ('error' in result) {
          errors.push({ ref: item.ref, message: result.error });
          continue;
        }
        const key = monthKey(result.row);
        const first = firstRef.get(key);
        if (first !== undefined) {
          const { metricKey, orgUnitKey, month } = result.row;
          errors.push({
            ref: item.ref,
            message: `${metricKey} for ${orgUnitKey} in ${month} is already given by ${options.where(first)}: give each metric, unit and month once`,
          });
          continue;
        }
        firstRef.set(key, item.ref);
        checked.push({ ref: item.ref, row: result.row });
      }

      const current = await this.currentOf(
        manager,
        checked.map((item) => item.row),
      );
      const written: Written[] = [];
      let unchanged = 0;
      for (const { ref, row } of checked) {
        const previous = current.get(monthKey(row));
        const outcome = compareWithCurrent(row, previous, options.names);
        if ('error' in outcome) errors.push({ ref, message: outcome.error });
        else if (outcome.outcome === 'unchanged') unchanged++;
        else written.push({ row, previous, version: (previous?.version ?? 0) + 1 });
      }
      if (errors.length || options.blocked) return { errors: errors.sort((a, b) => a.ref - b.ref) };

      await this.insert(manager, written, options.source, actor.id);
      const restatements = written.filter((item) => item.previous);
      const result = {
        received: items.length,
        created: written.length - restatements.length,
        restated: restatements.length,
        unchanged,
      };
      if (written.length) {
        const reasons = [...new Set(restatements.map((item) => item.row.reason))];
        const figures = (item: {
          value: string | null;
          numerator: string | null;
          denominator: string | null;
        }) =>
          item.value !== null
            ? { value: item.value }
            : { numerator: item.numerator, denominator: item.denominator };
        await record({
          action: options.action,
          entityType: 'measurement',
          entityId: options.entityId,
          before: restatements.length
            ? restatements.map(({ row, previous }) => ({
                metric: row.metricKey,
                orgUnit: row.orgUnitKey,
                month: row.month,
                version: previous?.version,
                ...figures(previous as CurrentMeasurement),
              }))
            : null,
          after: {
            ...result,
            source: options.source,
            written: written.map(({ row, version }) => ({
              metric: row.metricKey,
              orgUnit: row.orgUnitKey,
              month: row.month,
              version,
              ...figures(row),
              ...(version > 1 ? { reason: row.reason } : {}),
            })),
          },
          reason: reasons.length === 1 ? reasons[0] : null,
        });
      }
      return { result };
    });
  }

  private async context(manager: EntityManager): Promise<MeasurementContext> {
    const [metrics, units]: [MeasuredMetric[], { id: string; key: string }[]] = await Promise.all([
      manager.query('SELECT key, aggregation, survey FROM metric_definitions'),
      manager.query('SELECT id, key FROM org_units'),
    ]);
    return {
      metrics: new Map(metrics.map((metric) => [metric.key, metric])),
      unitIds: new Map(units.map((unit) => [unit.key, unit.id])),
    };
  }

  /** The current (highest) version of each metric, unit and month the rows name. */
  private async currentOf(
    manager: EntityManager,
    rows: CheckedMeasurement[],
  ): Promise<Map<string, CurrentMeasurement>> {
    const found = new Map<string, CurrentMeasurement>();
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const current: (CurrentMeasurement & { metricKey: string; orgUnitId: string; month: string })[] =
        await manager.query(
          `SELECT DISTINCT ON (m.metric_key, m.org_unit_id, m.month)
                m.metric_key AS "metricKey", m.org_unit_id AS "orgUnitId", m.month, m.version, m.value, m.numerator, m.denominator, m.note
           FROM measurements m
           JOIN unnest($1::text[], $2::uuid[], $3::text[]) AS k(metric_key, org_unit_id, month)
             ON k.metric_key = m.metric_key AND k.org_unit_id = m.org_unit_id AND k.month = m.month
          ORDER BY m.metric_key, m.org_unit_id, m.month, m.version DESC`,
          [
            chunk.map((row) => row.metricKey),
            chunk.map((row) => row.orgUnitId),
            chunk.map((row) => row.month),
          ],
        );
      for (const row of current) found.set(monthKey(row), row);
    }
    return found;
  }

  private async insert(
    manager: EntityManager,
    written: Written[],
    source: MeasurementSource,
    recordedBy: string,
  ): Promise<void> {
    for (let start = 0; start < written.length; start += INSERT_CHUNK) {
      const chunk = written.slice(start, start + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO measurements (metric_key, org_unit_id, month, version, value, numerator, denominator, note, reason, source, recorded_by)
         SELECT k.metric_key, k.org_unit_id, k.month, k.version, k.value, k.numerator, k.denominator, k.note, k.reason, $10, $11
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::numeric[], $6::numeric[], $7::numeric[], $8::text[], $9::text[])
             AS k(metric_key, org_unit_id, month, version, value, numerator, denominator, note, reason)`,
        [
          chunk.map((item) => item.row.metricKey),
          chunk.map((item) => item.row.orgUnitId),
          chunk.map((item) => item.row.month),
          chunk.map((item) => item.version),
          chunk.map((item) => item.row.value),
          chunk.map((item) => item.row.numerator),
          chunk.map((item) => item.row.denominator),
          chunk.map((item) => item.row.note),
          chunk.map((item) => (item.version > 1 ? item.row.reason : null)),
          source,
          recordedBy,
        ],
      );
    }
  }

  /**
   * A unit's value of a metric for a month, quarter or fiscal year, with each month's current
   * value and history. A unit without own values in the period takes, for sum and ratio metrics,
   * the values of the units below it (see {@link rollUp}); level metrics (latest, mean) do not
   * add up across units, so they have none.
   */
  async result(metricKey: string, orgUnitKey: string, period: string): Promise<MeasurementResult> {
    const metric = await this.metric(metricKey);
    const months = await this.months(period);
    const units: { id: string }[] = await this.dataSource.query('SELECT id FROM org_units WHERE key = $1', [
      orgUnitKey,
    ]);
    if (!units.length)
      throw new NotFoundException(
        `There is no org unit with the key "${orgUnitKey}": GET /api/v1/org-units lists them.`,
      );
    const unitId = units[0].id;
    const versions: VersionRow[] = await this.dataSource.query(
      `SELECT m.month, m.version, m.value, m.numerator, m.denominator, m.note, m.reason, m.source,
              u.name AS "recordedBy", m.recorded_at AS "recordedAt"
         FROM measurements m LEFT JOIN users u ON u.id = m.recorded_by
        WHERE m.metric_key = $1 AND m.org_unit_id = $2 AND m.month = ANY($3::text[])
        ORDER BY m.month, m.version DESC`,
      [metric.key, unitId, months],
    );
    const aggregation = metric.aggregation;
    const base = {
      metric: metric.key,
      orgUnit: orgUnitKey,
      period,
      aggregation,
      monthsInPeriod: months.length,
    };

    if (versions.length) {
      const byMonth = new Map<string, VersionRow[]>();
      for (const version of versions)
        byMonth.set(version.month, [...(byMonth.get(version.month) ?? []), version]);
      const monthList = months.map((month) => ownMonth(month, byMonth.get(month) ?? [], aggregation));
      return { ...base, ...aggregateMonths(aggregation, monthList), basis: 'own', months: monthList };
    }
    if (aggregation === 'sum' || aggregation === 'ratio') {
      const rolled = await this.rollUp(metric.key, aggregation, unitId, months);
      if (rolled.size) {
        const monthList = months.map((month) => rolledMonth(month, rolled.get(month), aggregation));
        return { ...base, ...aggregateMonths(aggregation, monthList), basis: 'children', months: monthList };
      }
    }
    return {
      ...base,
      ...aggregateMonths(aggregation, []),
      basis: 'none',
      months: months.map((month) => rolledMonth(month, undefined, aggregation)),
    };
  }

  /**
   * Each month's Σ value, Σ numerator and Σ denominator over the units below `unitId`, from the
   * current versions, by the roll-up rule of `MeasurementPeriods` (`@lodestar/cx-metrics`): the
   * nearest level with data counts, and the units below a unit that reports are not added again.
   */
  private async rollUp(
    metricKey: string,
    aggregation: 'sum' | 'ratio',
    unitId: string,
    months: string[],
  ): Promise<Map<string, MonthFigures>> {
    const [tree, current]: [{ id: string; parentId: string }[], CurrentFigures[]] = await Promise.all([
      this.dataSource.query(
        `WITH RECURSIVE tree AS (SELECT id, parent_id FROM org_units WHERE parent_id = $1
           UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN tree t ON o.parent_id = t.id)
         SELECT id, parent_id AS "parentId" FROM tree`,
        [unitId],
      ),
      this.dataSource.query(
        `WITH RECURSIVE tree AS (SELECT id FROM org_units WHERE parent_id = $2
           UNION ALL SELECT o.id FROM org_units o JOIN tree t ON o.parent_id = t.id)
         SELECT DISTINCT ON (m.org_unit_id, m.month) m.metric_key AS metric, m.org_unit_id AS "orgUnitId", m.month,
                m.value, m.numerator, m.denominator
           FROM measurements m JOIN tree t ON t.id = m.org_unit_id
          WHERE m.metric_key = $1 AND m.month = ANY($3::text[])
          ORDER BY m.org_unit_id, m.month, m.version DESC`,
        [metricKey, unitId, months],
      ),
    ]);
    const children = new Map<string, string[]>();
    for (const unit of tree) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    const rolled = new MeasurementPeriods(current, children).rolledMonths(
      metricKey,
      aggregation,
      unitId,
      months,
    );
    const byMonth = new Map<string, MonthFigures>();
    months.forEach((month, index) => {
      const figures = rolled[index];
      if (figures) byMonth.set(month, figures);
    });
    return byMonth;
  }

  /** Every org unit in tree order (depth first, children by name) × the period's months of a metric. */
  async grid(metricKey: string, period: string): Promise<MeasurementGrid> {
    const metric = await this.metric(metricKey);
    const months = await this.months(period);
    const [units, current]: [
      { id: string; key: string; name: string; parentId: string | null }[],
      CurrentRow[],
    ] = await Promise.all([
      this.dataSource.query(`SELECT id, key, name, parent_id AS "parentId" FROM org_units`),
      this.dataSource.query(
        `SELECT DISTINCT ON (org_unit_id, month) org_unit_id AS "orgUnitId", month, version, value, numerator, denominator
           FROM measurements WHERE metric_key = $1 AND month = ANY($2::text[])
          ORDER BY org_unit_id, month, version DESC`,
        [metric.key, months],
      ),
    ]);
    const cells = new Map(current.map((row) => [`${row.orgUnitId} ${row.month}`, row]));
    const children = new Map<string | null, typeof units>();
    const ids = new Set(units.map((unit) => unit.id));
    for (const unit of units) {
      const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), unit]);
    }
    for (const list of children.values())
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1));
    const rows: MeasurementGridRow[] = [];
    const visit = (parent: string | null, depth: number) => {
      for (const unit of children.get(parent) ?? []) {
        const own = months.map((month) => cells.get(`${unit.id} ${month}`) ?? null);
        rows.push({
          orgUnit: unit.key,
          name: unit.name,
          depth,
          cells: own.map((cell) =>
            cell
              ? {
                  value:
                    metric.aggregation === 'ratio'
                      ? ratioValue(cell.numerator, cell.denominator)
                      : cell.value,
                  numerator: cell.numerator,
                  denominator: cell.denominator,
                  version: cell.version,
                }
              : null,
          ),
          total: aggregateMonths(metric.aggregation, own).value,
        });
        visit(unit.id, depth + 1);
      }
    };
    visit(null, 0);
    return { metric: metric.key, period, aggregation: metric.aggregation, months, rows };
  }

  /** A measured metric: 400 for an unknown key or a VoC metric (those come from survey answers). */
  private async metric(key: string): Promise<{ key: string; aggregation: MeasurementAggregation }> {
    const rows: MeasuredMetric[] = await this.dataSource.query(
      'SELECT key, aggregation, survey FROM metric_definitions WHERE key = $1',
      [key],
    );
    const metric = rows[0];
    if (!metric)
      throw new BadRequestException(
        `There is no metric "${key}": GET /api/v1/metrics lists the metric keys.`,
      );
    if (metric.survey || metric.aggregation === 'response_weighted') {
      throw new BadRequestException(
        `${key} comes from survey answers, not measurements: read it from GET /api/v1/cx/results, and import the answers on the VoC page.`,
      );
    }
    return { key: metric.key, aggregation: metric.aggregation };
  }

  private async months(period: string): Promise<string[]> {
    try {
      parsePeriod(period);
    } catch (error) {
      if (error instanceof PeriodLabelError) throw new BadRequestException(error.message);
      throw error;
    }
    return monthsOf(period, (await this.calendar.get()).startMonth);
  }
}

/** A month of the unit's own values: the current version and every version, newest first. */
function ownMonth(
  period: string,
  versions: VersionRow[],
  aggregation: MeasurementAggregation,
): MeasurementMonth {
  const current = versions[0];
  if (!current) return rolledMonth(period, undefined, aggregation);
  const history: MeasurementVersion[] = versions.map((version) => ({
    version: version.version,
    value: version.value,
    numerator: version.numerator,
    denominator: version.denominator,
    note: version.note,
    reason: version.reason,
    recordedBy: version.recordedBy,
    recordedAt: version.recordedAt.toISOString(),
    source: version.source,
  }));
  return {
    period,
    value: aggregation === 'ratio' ? ratioValue(current.numerator, current.denominator) : current.value,
    numerator: current.numerator,
    denominator: current.denominator,
    note: current.note,
    version: current.version,
    history,
  };
}

/**
 * A month rolled up from the units below (or empty): it has no versions of its own, so `version`
 * is 0 and `history` is empty.
 */
function rolledMonth(
  period: string,
  figures: MonthFigures | undefined,
  aggregation: MeasurementAggregation,
): MeasurementMonth {
  const numerator = aggregation === 'ratio' ? (figures?.numerator ?? null) : null;
  const denominator = aggregation === 'ratio' ? (figures?.denominator ?? null) : null;
  return {
    period,
    value: aggregation === 'ratio' ? ratioValue(numerator, denominator) : (figures?.value ?? null),
    numerator,
    denominator,
    note: null,
    version: 0,
    history: [],
  };
}
