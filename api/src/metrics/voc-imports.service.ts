import { BadRequestException, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { VocImport } from '@lodestar/contracts';
import busboy from 'busboy';
import { parse } from 'csv-parse';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { appendAuditEntry, AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import { VocImportEntity } from './voc-import.entity';
import { copyLine, REQUIRED_COLUMNS, validateResponse } from './voc-row';
import { createStage, mergeStage, STAGE_COLUMNS } from './voc-store';

const MAX_ERRORS = 100;
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const PROGRESS_EVERY_MS = 400;
export const INTERRUPTED = 'The server stopped before this import finished, so none of its rows were stored: upload the file again.';

export function toVocImport(entity: VocImportEntity): VocImport {
  return {
    id: entity.id,
    status: entity.status,
    fileName: entity.fileName,
    bytesRead: Number(entity.bytesRead),
    totalBytes: Number(entity.totalBytes),
    rowsProcessed: entity.rowsProcessed,
    inserted: entity.inserted,
    duplicates: entity.duplicates,
    rejected: entity.rejected,
    errors: entity.errors,
    failure: entity.failure,
    createdAt: entity.createdAt.toISOString(),
    startedAt: entity.startedAt?.toISOString() ?? null,
    finishedAt: entity.finishedAt?.toISOString() ?? null,
  };
}

/**
 * VoC CSV imports. The upload is streamed to a spool file (never held in memory) and answered
 * with 202; a worker then streams the file through the CSV parser and validation into a staging
 * table with COPY, and merges it in the same transaction as the histograms and the audit entry:
 * an import stores all its good rows or none.
 */
@Injectable()
export class VocImportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly spoolDir = path.join(os.tmpdir(), 'lodestar-voc-imports');
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
    private readonly cache: ReadCache,
  ) {}

  private readonly logger = new Logger(VocImportsService.name);

  /** Imports left queued or running by a stopped server stored nothing: say so. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `UPDATE voc_imports SET status = 'failed', failure = $1, finished_at = now() WHERE status IN ('queued', 'running')`,
      [INTERRUPTED],
    );
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }

  async get(id: string): Promise<VocImport> {
    const entity = await this.dataSource.getRepository(VocImportEntity).findOneBy({ id });
    if (!entity) throw new NotFoundException(`There is no VoC import with the id ${id}.`);
    return toVocImport(entity);
  }

  async recent(limit = 20): Promise<VocImport[]> {
    const rows = await this.dataSource.getRepository(VocImportEntity).find({ order: { createdAt: 'DESC' }, take: limit });
    return rows.map(toVocImport);
  }

  /** Streams the multipart field `file` to disk, records a queued import and starts it. */
  async accept(req: Request, actor: RequestUser): Promise<{ id: string }> {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw new BadRequestException('Send the CSV as multipart/form-data with the file in the field "file".');
    }
    fs.mkdirSync(this.spoolDir, { recursive: true });
    const spooled = await this.spool(req);
    const entity = await this.dataSource.getRepository(VocImportEntity).save({
      status: 'queued',
      fileName: spooled.fileName,
      totalBytes: String(spooled.bytes),
      createdBy: actor.id,
    });
    this.queue = this.queue.then(() => this.run(entity.id, spooled.file, actor));
    return { id: entity.id };
  }

  /** Resolves once every import accepted so far has finished (for tests and shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private spool(req: Request): Promise<{ file: string; fileName: string; bytes: number }> {
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES } });
      } catch {
        reject(new BadRequestException('The multipart body could not be read: send the CSV in the field "file".'));
        return;
      }
      let found: Promise<{ file: string; fileName: string; bytes: number }> | undefined;
      parser.on('file', (field, stream, info) => {
        if (field !== 'file') {
          stream.resume();
          return;
        }
        const file = path.join(this.spoolDir, `${randomUUID()}.csv`);
        let bytes = 0;
        let truncated = false;
        stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
        stream.on('limit', () => (truncated = true));
        found = pipeline(stream, fs.createWriteStream(file)).then(() => {
          if (truncated) {
            fs.rmSync(file, { force: true });
            throw new BadRequestException('The file is larger than 4 GB: split it into several imports.');
          }
          return { file, fileName: info.filename || 'upload.csv', bytes };
        });
      });
      parser.on('error', () => reject(new BadRequestException('The multipart body is malformed: send the CSV in the field "file".')));
      parser.on('close', () => {
        if (!found) reject(new BadRequestException('No file was sent: put the CSV in the multipart field "file".'));
        else found.then(resolve, reject);
      });
      req.pipe(parser);
    });
  }

  private async run(id: string, file: string, actor: RequestUser): Promise<void> {
    const repo = this.dataSource.getRepository(VocImportEntity);
    const progress = { bytesRead: 0, rowsProcessed: 0, rejected: 0, errors: [] as { line: number; message: string }[] };
    let lastReport = 0;
    // Progress is written outside the import's transaction, one write at a time, so a late write
    // can never land after (and overwrite) the final figures.
    let reporting: Promise<unknown> = Promise.resolve();
    const report = (force = false): Promise<unknown> => {
      const now = Date.now();
      if (!force && now - lastReport < PROGRESS_EVERY_MS) return reporting;
      lastReport = now;
      const snapshot = {
        bytesRead: String(progress.bytesRead),
        rowsProcessed: progress.rowsProcessed,
        rejected: progress.rejected,
        errors: [...progress.errors],
      };
      reporting = reporting.then(() => repo.update(id, snapshot)).catch(() => undefined);
      return reporting;
    };
    const runner = this.dataSource.createQueryRunner();
    try {
      await repo.update(id, { status: 'running', startedAt: new Date() });
      const [calendar, units] = await Promise.all([
        this.calendar.get(),
        this.dataSource.getRepository(OrgUnitEntity).find({ select: { id: true, key: true } }),
      ]);
      const context = { unitIds: new Map(units.map((unit) => [unit.key, unit.id])), timeZone: calendar.timeZone };
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      await createStage((sql) => runner.query(sql));

      const reject = (line: number, message: string) => {
        progress.rejected++;
        if (progress.errors.length < MAX_ERRORS) progress.errors.push({ line, message });
      };
      const csv = parse({
        columns: (header: string[]) => {
          const names = header.map((name) => name.trim().toLowerCase());
          const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
          if (missing.length) {
            throw new BadRequestException(`The header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the first line must name response_id, responded_at, account, org_unit, survey, score, cause, comment (in any order).`);
          }
          return names;
        },
        bom: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        relax_quotes: false,
        info: true,
      });
      csv.on('skip', (error: Error & { lines?: number }) => {
        progress.rowsProcessed++;
        reject(error.lines ?? 0, `the line is not valid CSV (${error.message.replace(/^Invalid Record Length: /, '')})`);
      });
      // COPY rows are gathered into chunks of about 256 KiB: one CopyData message per row is slow.
      let pending: string[] = [];
      let pendingLength = 0;
      const stageLines = new Transform({
        writableObjectMode: true,
        // `info` is the parser's state when it finished this record (the parser runs ahead of
        // this stage, so its live state belongs to later records).
        transform: ({ record, info }: { record: Record<string, string>; info: { lines: number; bytes: number } }, _encoding, callback) => {
          const line = info.lines - newlinesIn(record);
          progress.rowsProcessed++;
          // bytes the parser has consumed, not what the file stream has read ahead
          progress.bytesRead = info.bytes;
          if ((progress.rowsProcessed & 1023) === 0) void report();
          const result = validateResponse(record, line, context);
          if ('error' in result) {
            reject(line, result.error);
            return callback();
          }
          const text = copyLine(result.row);
          pending.push(text);
          pendingLength += text.length;
          if (pendingLength < 256 * 1024) return callback();
          const chunk = pending.join('');
          pending = [];
          pendingLength = 0;
          callback(null, chunk);
        },
        flush: (callback) => callback(null, pending.length ? pending.join('') : undefined),
      });
      const timings = { started: Date.now(), copied: 0, merged: 0 };
      const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
      const copy = client.query(copyFrom(`COPY voc_stage (${STAGE_COLUMNS}) FROM STDIN`));
      await pipeline(source, csv, stageLines, copy);
      if (this.stopping) throw new Error(INTERRUPTED);
      timings.copied = Date.now();
      progress.bytesRead = fs.statSync(file).size;
      await report(true);

      const [{ n }]: { n: string }[] = await runner.query('SELECT count(*)::text AS n FROM voc_stage');
      const inserted = await mergeStage(runner.manager, id);
      timings.merged = Date.now();
      this.logger.log(
        `Import ${id}: ${progress.rowsProcessed} rows parsed and staged in ${timings.copied - timings.started} ms, merged in ${timings.merged - timings.copied} ms.`,
        'VocImport',
      );
      const duplicates = Number(n) - inserted;
      await reporting;
      progress.errors.sort((a, b) => a.line - b.line);
      const head = await appendAuditEntry(runner.manager, actor, {
        action: 'voc.import',
        entityType: 'voc-import',
        entityId: id,
        after: { rowsProcessed: progress.rowsProcessed, inserted, duplicates, rejected: progress.rejected },
      });
      await runner.manager.update(VocImportEntity, id, {
        status: 'succeeded',
        bytesRead: String(progress.bytesRead),
        rowsProcessed: progress.rowsProcessed,
        rejected: progress.rejected,
        errors: progress.errors,
        inserted,
        duplicates,
        finishedAt: new Date(),
      });
      await runner.commitTransaction();
      this.audit.anchor(head);
      this.cache.changed('voc');
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await reporting;
      progress.errors.sort((a, b) => a.line - b.line);
      const message = error instanceof BadRequestException ? String(error.message) : `The import failed and stored nothing: ${(error as Error).message}`;
      await repo
        .update(id, {
          status: 'failed',
          failure: message,
          bytesRead: String(progress.bytesRead),
          rowsProcessed: progress.rowsProcessed,
          rejected: progress.rejected,
          errors: progress.errors,
          finishedAt: new Date(),
        })
        .catch(() => undefined);
    } finally {
      await runner.release().catch(() => undefined);
      fs.rmSync(file, { force: true });
    }
  }
}

/** Line breaks inside quoted values: a record ends on its start line plus this many. */
function newlinesIn(record: Record<string, string>): number {
  let count = 0;
  for (const key in record) {
    const value = record[key];
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  }
  return count;
}
