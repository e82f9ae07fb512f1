import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../common/request-user';

/** An org unit a comment or an action plan is written on. */
export interface WrittenUnit {
  id: string;
  key: string;
  name: string;
}

/**
 * Who may write on a unit's scorecard (comments, action plans): a CX lead, or an executive who
 * leads the unit or a unit above it (the CEO leads the company, so every unit). Anyone else gets
 * 403 with a sentence naming the unit.
 */
export async function assertScorecardWriter(
  manager: EntityManager,
  actor: RequestUser,
  unit: WrittenUnit,
  what: string,
): Promise<void> {
  if (actor.roles.includes('CX_LEAD')) return;
  if (actor.roles.includes('EXECUTIVE')) {
    const leads: unknown[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, leader_id FROM org_units WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id, o.leader_id FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT 1 FROM up WHERE leader_id = $2 LIMIT 1`,
      [unit.id, actor.id],
    );
    if (leads.length) return;
  }
  throw new ForbiddenException(
    `Only the executive who leads ${unit.name} (or a unit above it) or a CX lead can ${what}.`,
  );
}

/** The unit with this key, in the writing transaction; 404 naming the key when there is none. */
export async function unitForWriting(manager: EntityManager, key: string): Promise<WrittenUnit> {
  const rows: WrittenUnit[] = await manager.query('SELECT id, key, name FROM org_units WHERE key = $1', [
    key,
  ]);
  if (!rows[0]) throw unknownUnit(key);
  return rows[0];
}

export function unknownUnit(key: string): NotFoundException {
  return new NotFoundException(
    `There is no org unit with the key "${key}": GET /api/v1/org-units lists them.`,
  );
}
