import { createHash } from 'node:crypto';

/** The hash the first entry of a chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers. */
export interface ChainedFields {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  payData: boolean;
}

/** JSON with object keys sorted at every level, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous hash and the entry's canonical form. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const body = canonicalJson({
    id: String(entry.id),
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason,
    payData: entry.payData,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  head: { id: string; hash: string } | null;
}

/**
 * Walks entries in id order, carrying the running head between calls so a long chain can be
 * checked in batches. An entry breaks the chain when it does not point at the previous hash or
 * its own hash does not match its content.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private result: ChainCheck = { valid: true, checked: 0, firstBrokenId: null, head: null };

  add(entry: ChainedFields & { prevHash: string; hash: string }): void {
    this.result.checked++;
    const expected = entryHash(this.prev, entry);
    if (this.result.valid && (entry.prevHash !== this.prev || entry.hash !== expected)) {
      this.result.valid = false;
      this.result.firstBrokenId = String(entry.id);
    }
    this.prev = entry.hash;
    this.result.head = { id: String(entry.id), hash: entry.hash };
  }

  get outcome(): ChainCheck {
    return { ...this.result };
  }
}
