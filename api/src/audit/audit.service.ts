import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditVerification, Page, Role } from '@lodestar/contracts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ConfigurationService } from '../config/configuration.service';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChainVerifier, entryHash, GENESIS_HASH } from './hash-chain';

export interface Actor {
  id: string | null;
  email: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Entries holding pay data are shown only to HR and APPROVER. */
  payData?: boolean;
}

export type RecordAudit = (entry: AuditRecord) => Promise<void>;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Serialises audit appends across connections and processes (one chain, one writer at a time). */
const CHAIN_LOCK = 727_274_001;
const VERIFY_BATCH = 2000;

/** Plain JSON (dates as ISO strings), as it reads back from jsonb. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value ?? null));
}

/**
 * Appends one entry to the chain inside the caller's transaction. The advisory lock serialises
 * appends until that transaction ends, so ids and the chain's order agree.
 */
export async function appendAuditEntry(
  manager: EntityManager,
  actor: Actor,
  record: AuditRecord,
): Promise<{ id: string; hash: string }> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const last: { hash: string }[] = await manager.query('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1');
  const [{ id }]: { id: string }[] = await manager.query(`SELECT nextval('audit_entries_id_seq')::text AS id`);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields = {
    id,
    at: new Date(),
    actorId: actor.id,
    actorEmail: actor.email,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId ?? null,
    before: plain(record.before),
    after: plain(record.after),
    reason: record.reason ?? null,
    payData: record.payData ?? false,
  };
  const hash = entryHash(prevHash, fields);
  await manager.query(
    `INSERT INTO audit_entries (id, at, actor_id, actor_email, action, entity_type, entity_id, before, after, reason, pay_data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      fields.at,
      fields.actorId,
      fields.actorEmail,
      fields.action,
      fields.entityType,
      fields.entityId,
      JSON.stringify(fields.before),
      JSON.stringify(fields.after),
      fields.reason,
      fields.payData,
      prevHash,
      hash,
    ],
  );
  return { id, hash };
}

/** Appends the chain's head to the anchor file outside the database (after the commit). */
export function appendAnchor(file: string, head: { id: string; hash: string }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${head.id} ${head.hash} ${new Date().toISOString()}\n`);
}

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigurationService,
  ) {}

  /**
   * Runs `work` in one transaction. The audit entries it records commit or roll back with the
   * change they describe; after the commit the chain's new head is appended to the anchor file.
   */
  async write<T>(actor: Actor, work: (manager: EntityManager, record: RecordAudit) => Promise<T>): Promise<T> {
    let head: { id: string; hash: string } | undefined;
    const result = await this.dataSource.transaction(async (manager) =>
      work(manager, async (entry) => {
        head = await appendAuditEntry(manager, actor, entry);
      }),
    );
    if (head) this.anchor(head);
    return result;
  }

  /** Copies a committed head to the anchor file (for writers that manage their own transaction). */
  anchor(head: { id: string; hash: string }): void {
    const anchorFile = this.config.get('auditAnchorFile');
    if (anchorFile) appendAnchor(anchorFile, head);
  }

  async list(filter: AuditFilter, viewerRoles: readonly Role[]): Promise<Page<AuditEntry>> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (!viewerRoles.includes('HR') && !viewerRoles.includes('APPROVER')) qb.andWhere('e.pay_data = false');
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actor) {
      qb.andWhere('(e.actor_email = :actor OR e.actor_id::text = :actor)', { actor: filter.actor.toLowerCase() });
    }
    if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
    const [rows, total] = await qb
      .orderBy('e.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** Recomputes the whole chain and compares it with the anchor file. */
  async verify(): Promise<AuditVerification> {
    const verifier = new ChainVerifier();
    const anchored = this.readAnchor();
    let anchorMatches: boolean | null = anchored.size > 0 ? true : null;
    const seen = new Set<string>();
    let after = '0';
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEntryEntity)
        .createQueryBuilder('e')
        .where('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const row of rows) {
        verifier.add(row);
        const expected = anchored.get(row.id);
        if (expected !== undefined) {
          seen.add(row.id);
          if (expected !== row.hash) anchorMatches = false;
        }
      }
      if (rows.length < VERIFY_BATCH) break;
      after = rows[rows.length - 1].id;
    }
    if (anchorMatches && seen.size !== anchored.size) anchorMatches = false; // anchored entries are gone
    const outcome = verifier.outcome;
    let anchoredHead: { id: string; hash: string } | null = null;
    for (const [id, hash] of anchored) {
      if (!anchoredHead || BigInt(id) > BigInt(anchoredHead.id)) anchoredHead = { id, hash };
    }
    return { ...outcome, anchorMatches, anchoredHead };
  }

  private readAnchor(): Map<string, string> {
    const file = this.config.get('auditAnchorFile');
    const anchored = new Map<string, string>();
    if (!file || !fs.existsSync(file)) return anchored;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [id, hash] = line.trim().split(/\s+/);
      if (id && hash && /^\d+$/.test(id)) anchored.set(id, hash);
    }
    return anchored;
  }
}
