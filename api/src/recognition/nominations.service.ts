import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type {
  AwardTier,
  FeedItem,
  InboxMessage,
  InboxMessageKind,
  Nomination,
  NominationCategory,
  NominationStatus,
  Page,
  QueuedNomination,
} from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/request-user';
import type { PaginationQuery } from '../common/pagination.dto';
import type {
  CreateNominationDto,
  NominationDecisionDto,
  NominationListQuery,
} from './dto/create-nomination.dto';
import {
  budgetRefusal,
  decisionRefusal,
  needsSecondApproval,
  nominationRefusal,
  statusAfter,
  tierOf,
  type UnitRelation,
} from './recognition-rules';
import { BUDGET_LOCK, findUnit, RecognitionSettingsService, refused } from './recognition-settings.service';

/** Serialises one nominator's submissions, so the quarterly limits hold under concurrent requests. */
const NOMINATOR_LOCK = 727_274_202;

interface NominationRow {
  id: string;
  nominatorId: string;
  nominatorName: string;
  nomineeKind: 'PERSON' | 'TEAM';
  nomineeUserId: string | null;
  nomineeUserName: string | null;
  orgUnitId: string;
  orgUnit: string;
  orgUnitName: string;
  category: NominationCategory;
  story: string;
  vocResponseIds: string[];
  metric: string | null;
  account: string | null;
  quarter: string;
  status: NominationStatus;
  tier: string | null;
  points: number | null;
  submittedAt: Date;
  awardedAt: Date | null;
}

const SELECT_NOMINATIONS = `
  SELECT n.id, n.nominated_by AS "nominatorId", nb.name AS "nominatorName", n.nominee_kind AS "nomineeKind",
         n.nominee_user_id AS "nomineeUserId", nu.name AS "nomineeUserName", n.org_unit_id AS "orgUnitId",
         o.key AS "orgUnit", o.name AS "orgUnitName", n.category, n.story, n.voc_response_ids AS "vocResponseIds",
         n.metric, n.account, n.quarter, n.status, n.tier, n.points, n.submitted_at AS "submittedAt", n.awarded_at AS "awardedAt"
    FROM nominations n JOIN users nb ON nb.id = n.nominated_by JOIN org_units o ON o.id = n.org_unit_id
    LEFT JOIN users nu ON nu.id = n.nominee_user_id`;

const OPEN: NominationStatus[] = ['PENDING', 'AWAITING_SECOND_APPROVAL'];

function nomineeName(row: Pick<NominationRow, 'nomineeKind' | 'nomineeUserName' | 'orgUnitName'>): string {
  return row.nomineeKind === 'PERSON' ? (row.nomineeUserName ?? 'someone') : row.orgUnitName;
}

/** What a nomination looks like in the audit log. */
function auditView(row: NominationRow, tags: string[]) {
  return {
    nominee: { kind: row.nomineeKind, userId: row.nomineeUserId, orgUnit: row.orgUnit },
    category: row.category,
    tags,
    story: row.story,
    evidence: { vocResponseIds: row.vocResponseIds, metric: row.metric, account: row.account },
    quarter: row.quarter,
    status: row.status,
    tier: row.tier,
    points: row.points,
  };
}

/**
 * How a unit stands to a person: the nearest of their own unit and the units they lead that is the
 * unit itself, above it or below it; null when none is (see `UnitRelation`).
 */
export async function relationOf(
  manager: EntityManager,
  userId: string,
  unitId: string,
): Promise<UnitRelation | null> {
  const rows: UnitRelation[] = await manager.query(
    `WITH RECURSIVE anchors AS (
        SELECT o.id, o.name, 'member'::text AS via FROM org_units o JOIN users u ON u.org_unit_id = o.id WHERE u.id = $1
        UNION SELECT o.id, o.name, 'leader'::text FROM org_units o WHERE o.leader_id = $1),
      up AS (SELECT id, parent_id, 0 AS depth FROM org_units WHERE id = $2
        UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id),
      down AS (SELECT id, 0 AS depth FROM org_units WHERE id = $2
        UNION ALL SELECT o.id, down.depth + 1 FROM org_units o JOIN down ON o.parent_id = down.id)
     SELECT a.name AS anchor, a.via,
            CASE WHEN a.id = $2 THEN 'same' WHEN up.id IS NOT NULL THEN 'below' ELSE 'above' END AS position
       FROM anchors a LEFT JOIN up ON up.id = a.id LEFT JOIN down ON down.id = a.id
      WHERE up.id IS NOT NULL OR down.id IS NOT NULL
      ORDER BY coalesce(up.depth, down.depth), a.via = 'leader'
      LIMIT 1`,
    [userId, unitId],
  );
  return rows[0] ?? null;
}

/**
 * Nominations: sent by anyone signed in within the quarterly limits, decided by reviewers
 * (four eyes from the second-approval tier on) within the nominee unit's quarterly budget. Every
 * decision leaves a message in the inbox of the nominator and the nominee (or the team's members).
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programme: RecognitionSettingsService,
  ) {}

  /**
   * Sends a nomination. With an idempotency key already used by this nominator, returns the
   * nomination sent with it and `created: false`, changing nothing.
   */
  async submit(
    actor: RequestUser,
    body: CreateNominationDto,
    idempotencyKey: string | null,
  ): Promise<{ nomination: Nomination; created: boolean }> {
    const quarter = await this.programme.currentQuarter();
    const tags = [...new Set(body.tags ?? [])];
    const outcome = await this.audit.write(actor, async (manager, record) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NOMINATOR_LOCK, actor.id]);
      if (idempotencyKey !== null) {
        const [earlier]: { id: string }[] = await manager.query(
          'SELECT id FROM nominations WHERE nominated_by = $1 AND idempotency_key = $2',
          [actor.id, idempotencyKey],
        );
        if (earlier) return { id: earlier.id, created: false };
      }
      const nominee = await this.nomineeOf(manager, body);
      if (tags.length) {
        const known: { key: string }[] = await manager.query(
          'SELECT key FROM company_values WHERE key = ANY($1)',
          [tags],
        );
        const unknown = tags.filter((tag) => !known.some((row) => row.key === tag));
        if (unknown.length) {
          throw new BadRequestException(
            `tags: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a company value' : 'are not company values'}; GET /api/v1/recognition/tags lists them.`,
          );
        }
      }
      const settings = await this.programme.settings(manager);
      const [{ sent, toNominee }]: { sent: number; toNominee: number }[] = await manager.query(
        `SELECT count(*)::int AS sent,
                count(*) FILTER (WHERE CASE WHEN $3 = 'PERSON' THEN nominee_user_id = $4::uuid
                                            ELSE nominee_kind = 'TEAM' AND org_unit_id = $5::uuid END)::int AS "toNominee"
           FROM nominations WHERE nominated_by = $1 AND quarter = $2`,
        [actor.id, quarter, nominee.kind, nominee.userId, nominee.unitId],
      );
      const refusal = nominationRefusal({
        nominatorId: actor.id,
        nominee:
          nominee.kind === 'PERSON'
            ? { kind: 'PERSON', userId: nominee.userId as string }
            : { kind: 'TEAM', unitName: nominee.name },
        teamRelation: nominee.kind === 'TEAM' ? await relationOf(manager, actor.id, nominee.unitId) : null,
        quarter,
        sentThisQuarter: sent,
        sentToNomineeThisQuarter: toNominee,
        nomineeName: nominee.name,
        settings,
      });
      if (refusal) throw refused(refusal);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO nominations (nominated_by, nominee_kind, nominee_user_id, org_unit_id, category, story,
                                  voc_response_ids, metric, account, quarter, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          actor.id,
          nominee.kind,
          nominee.userId,
          nominee.unitId,
          body.category,
          body.story,
          body.evidence?.vocResponseIds ?? [],
          body.evidence?.metric ?? null,
          body.evidence?.account ?? null,
          quarter,
          idempotencyKey,
        ],
      );
      for (const tag of tags) {
        await manager.query('INSERT INTO nomination_tags (nomination_id, tag) VALUES ($1, $2)', [id, tag]);
      }
      const created = await this.row(manager, id);
      await record({
        action: 'nomination.submit',
        entityType: 'nomination',
        entityId: id,
        after: auditView(created, tags),
      });
      return { id, created: true };
    });
    return { nomination: await this.get(outcome.id), created: outcome.created };
  }

  /**
   * The nominations the person sent (`mine`), or for a reviewer the review queue: open ones,
   * oldest first, each with what is left of its unit's budget for its quarter.
   */
  async list(actor: RequestUser, query: NominationListQuery): Promise<Page<Nomination | QueuedNomination>> {
    const reviewer = actor.roles.includes('REVIEWER');
    const mine = query.mine === undefined ? !reviewer : query.mine === 'true';
    if (!mine && !reviewer) {
      throw new ForbiddenException(
        'Only reviewers see the review queue; ask with mine=true for the nominations you sent.',
      );
    }
    const statuses = query.status ? [query.status] : mine ? null : OPEN;
    const where = `WHERE ($1::uuid IS NULL OR n.nominated_by = $1) AND ($2::text[] IS NULL OR n.status = ANY($2))`;
    const params = [mine ? actor.id : null, statuses];
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total FROM nominations n ${where}`, params) as Promise<
        { total: number }[]
      >,
      this.dataSource.query(
        `${SELECT_NOMINATIONS} ${where} ORDER BY n.submitted_at ${mine ? 'DESC' : 'ASC'}, n.id LIMIT $3 OFFSET $4`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<NominationRow[]>,
    ]);
    const items = await this.toNominations(this.dataSource.manager, rows);
    if (mine) return { items, total, page: query.page, pageSize: query.pageSize };
    const left = new Map<string, number>();
    for (const quarter of new Set(rows.map((row) => row.quarter))) {
      for (const budget of await this.programme.budgetRows(this.dataSource.manager, quarter, null)) {
        left.set(`${budget.orgUnit} ${quarter}`, budget.left);
      }
    }
    return {
      items: items.map((item) => ({
        ...item,
        budgetLeft: left.get(`${item.nominee.orgUnit} ${item.quarter}`) ?? 0,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<Nomination> {
    return (
      await this.toNominations(this.dataSource.manager, [await this.row(this.dataSource.manager, id)])
    )[0];
  }

  /**
   * A reviewer's decision: approve with a tier (within the nominee unit's budget for the
   * nomination's quarter; from the second-approval tier on, a different reviewer approves next),
   * or reject with a reason. The nominator and the nominee (or the team's members) are told.
   */
  async decide(actor: RequestUser, id: string, body: NominationDecisionDto): Promise<Nomination> {
    const reason = body.reason ?? null;
    if (!body.approve && !reason) {
      throw new BadRequestException(
        'reason is required when rejecting: say why, so the nominator can learn from it.',
      );
    }
    await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      const decisions: { byId: string; approve: boolean }[] = await manager.query(
        'SELECT decided_by AS "byId", approve FROM nomination_decisions WHERE nomination_id = $1 ORDER BY decided_at',
        [id],
      );
      const refusal = decisionRefusal({
        status: before.status,
        nominatorId: before.nominatorId,
        deciderId: actor.id,
        nomineeUnitName: before.orgUnitName,
        nomineeRelation: await relationOf(manager, actor.id, before.orgUnitId),
        firstApproverId: decisions.find((decision) => decision.approve)?.byId ?? null,
      });
      if (refusal) throw refused(refusal);
      const settings = await this.programme.settings(manager);
      let tier: AwardTier | null = null;
      if (body.approve) {
        tier = this.tierFor(before, body.tier ?? null, settings.tiers);
        await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          BUDGET_LOCK,
          `${before.orgUnitId} ${before.quarter}`,
        ]);
        const [budget] = await this.programme.budgetRows(manager, before.quarter, before.orgUnitId);
        // this nomination's own points are already reserved when it awaits a second approval
        const used = budget.used - (before.status === 'AWAITING_SECOND_APPROVAL' ? (before.points ?? 0) : 0);
        const over = budgetRefusal(before.orgUnitName, before.quarter, budget.points, used, tier.points);
        if (over) throw refused(over);
      }
      const status = statusAfter(
        before.status,
        body.approve,
        tier !== null && needsSecondApproval(settings, tier),
      );
      await manager.query(
        'INSERT INTO nomination_decisions (nomination_id, decided_by, approve, tier, reason) VALUES ($1, $2, $3, $4, $5)',
        [id, actor.id, body.approve, tier?.key ?? null, reason],
      );
      await manager.query(
        `UPDATE nominations SET status = $2, tier = coalesce($3, tier), points = coalesce($4, points),
                awarded_at = CASE WHEN $2 = 'AWARDED' THEN now() END
          WHERE id = $1`,
        [id, status, tier?.key ?? null, tier?.points ?? null],
      );
      const after = await this.row(manager, id);
      await this.tell(manager, after, tier, reason);
      await record({
        action: body.approve ? 'nomination.approve' : 'nomination.reject',
        entityType: 'nomination',
        entityId: id,
        before: { status: before.status, tier: before.tier, points: before.points },
        after: { status: after.status, tier: after.tier, points: after.points },
        reason,
      });
    });
    return this.get(id);
  }

  /** Awarded nominations, newest first. */
  async feed(query: PaginationQuery): Promise<Page<FeedItem>> {
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM nominations WHERE status = 'AWARDED'`,
      ) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `${SELECT_NOMINATIONS} WHERE n.status = 'AWARDED' ORDER BY n.awarded_at DESC, n.id DESC LIMIT $1 OFFSET $2`,
        [query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<NominationRow[]>,
    ]);
    const items = (await this.toNominations(this.dataSource.manager, rows)).map(
      (n): FeedItem => ({
        id: n.id,
        nominator: n.nominator,
        nominee: n.nominee,
        category: n.category,
        tags: n.tags,
        story: n.story,
        tier: n.tier as string,
        points: n.points as number,
        quarter: n.quarter,
        awardedAt: n.awardedAt as string,
      }),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The person's own messages, newest first. */
  async inbox(actor: RequestUser, query: PaginationQuery): Promise<Page<InboxMessage>> {
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query('SELECT count(*)::int AS total FROM inbox_messages WHERE user_id = $1', [
        actor.id,
      ]) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `SELECT id, kind, nomination_id AS "nominationId", text, created_at AS at FROM inbox_messages
          WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [actor.id, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<(Omit<InboxMessage, 'at'> & { at: Date })[]>,
    ]);
    return {
      items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The tier of an approval: the one asked for, or at the second approval the one already chosen. */
  private tierFor(row: NominationRow, asked: string | null, tiers: AwardTier[]): AwardTier {
    if (row.status === 'AWAITING_SECOND_APPROVAL') {
      if (asked !== null && asked !== row.tier) {
        throw new ConflictException(
          `The first approval chose the tier ${row.tier}: the second approval confirms it or rejects the nomination.`,
        );
      }
      const key = row.tier as string;
      return { key, name: tierOf(tiers, key)?.name ?? key, points: row.points as number };
    }
    if (asked === null) {
      throw new BadRequestException(
        `tier is required when approving: one of ${tiers.map((tier) => `${tier.key} (${tier.points} points)`).join(', ')}.`,
      );
    }
    const tier = tierOf(tiers, asked);
    if (!tier) {
      throw new BadRequestException(
        `tier "${asked}" is not an award tier: use one of ${tiers.map((t) => t.key).join(', ')}.`,
      );
    }
    return tier;
  }

  /** One message to the nominator and one to each person nominated (the person, or the team's members and leader). */
  private async tell(
    manager: EntityManager,
    row: NominationRow,
    tier: AwardTier | null,
    reason: string | null,
  ) {
    const name = nomineeName(row);
    const award = tier ? `${tier.name} (${tier.points} points)` : '';
    const texts: Record<NominationStatus, [InboxMessageKind, string, string] | null> = {
      PENDING: null,
      AWAITING_SECOND_APPROVAL: [
        'NOMINATION_AWAITING_SECOND_APPROVAL',
        `Your nomination of ${name} was approved for ${award} and now awaits a second reviewer's approval.`,
        `${row.nominatorName} nominated ${row.nomineeKind === 'PERSON' ? 'you' : name}; the award of ${award} awaits a second reviewer's approval.`,
      ],
      AWARDED: [
        'NOMINATION_AWARDED',
        `Your nomination of ${name} was awarded ${award}.`,
        `${row.nomineeKind === 'PERSON' ? 'You were' : `${name} was`} awarded ${award}, nominated by ${row.nominatorName}.`,
      ],
      REJECTED: [
        'NOMINATION_REJECTED',
        `Your nomination of ${name} was not awarded: ${reason ?? 'no reason given'}`,
        `${row.nominatorName}'s nomination of ${row.nomineeKind === 'PERSON' ? 'you' : name} was not awarded this time.`,
      ],
    };
    const message = texts[row.status];
    if (!message) return;
    const [kind, toNominator, toNominees] = message;
    const nominees: { id: string }[] =
      row.nomineeKind === 'PERSON'
        ? [{ id: row.nomineeUserId as string }]
        : await manager.query(
            `WITH RECURSIVE down AS (SELECT id FROM org_units WHERE id = $1
                UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
             SELECT id FROM users WHERE active AND org_unit_id IN (SELECT id FROM down) AND id <> $2
             UNION SELECT leader_id FROM org_units WHERE id = $1 AND leader_id IS NOT NULL AND leader_id <> $2`,
            [row.orgUnitId, row.nominatorId],
          );
    await manager.query(
      `INSERT INTO inbox_messages (user_id, kind, nomination_id, text)
       SELECT $1::uuid, $2::text, $3::uuid, $4::text UNION ALL SELECT unnest($5::uuid[]), $2::text, $3::uuid, $6::text`,
      [row.nominatorId, kind, row.id, toNominator, nominees.map((nominee) => nominee.id), toNominees],
    );
  }

  /** The nominee a body names; 400, as a field of the body, when there is none. */
  private async nomineeOf(
    manager: EntityManager,
    body: CreateNominationDto,
  ): Promise<{ kind: 'PERSON' | 'TEAM'; userId: string | null; unitId: string; name: string }> {
    if (body.nominee.kind === 'PERSON') {
      const userId = body.nominee.userId as string;
      const [person]: { name: string; unitId: string | null }[] = await manager.query(
        'SELECT name, org_unit_id AS "unitId" FROM users WHERE id = $1 AND active',
        [userId],
      );
      if (!person) throw new BadRequestException(`nominee.userId ${userId} is not a person in the company.`);
      if (!person.unitId) {
        throw new BadRequestException(
          `${person.name} is in no org unit, so no unit's budget can pay an award: an administrator can place them in one.`,
        );
      }
      return { kind: 'PERSON', userId, unitId: person.unitId, name: person.name };
    }
    const key = body.nominee.orgUnit as string;
    try {
      const unit = await findUnit(manager, key);
      return { kind: 'TEAM', userId: null, unitId: unit.id, name: unit.name };
    } catch (error) {
      if (error instanceof NotFoundException) {
        throw new BadRequestException(
          `nominee.orgUnit "${key}" is not an org unit: GET /api/v1/org-units lists their keys.`,
        );
      }
      throw error;
    }
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<NominationRow> {
    const [row]: NominationRow[] = await manager.query(
      `${SELECT_NOMINATIONS} WHERE n.id = $1${forUpdate ? ' FOR UPDATE OF n' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundException(`There is no nomination with the id ${id}.`);
    return row;
  }

  /** The nominations as sent, with their tags and decisions (one read each for all of them). */
  private async toNominations(manager: EntityManager, rows: NominationRow[]): Promise<Nomination[]> {
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    const [tags, decisions]: [
      { nominationId: string; tag: string }[],
      {
        nominationId: string;
        byId: string;
        byName: string;
        approve: boolean;
        tier: string | null;
        reason: string | null;
        at: Date;
      }[],
    ] = await Promise.all([
      manager.query(
        'SELECT nomination_id AS "nominationId", tag FROM nomination_tags WHERE nomination_id = ANY($1::uuid[]) ORDER BY tag',
        [ids],
      ),
      manager.query(
        `SELECT d.nomination_id AS "nominationId", d.decided_by AS "byId", u.name AS "byName", d.approve, d.tier, d.reason, d.decided_at AS at
           FROM nomination_decisions d JOIN users u ON u.id = d.decided_by
          WHERE d.nomination_id = ANY($1::uuid[]) ORDER BY d.decided_at, d.id`,
        [ids],
      ),
    ]);
    return rows.map((row) => ({
      id: row.id,
      nominator: { id: row.nominatorId, name: row.nominatorName },
      nominee: {
        kind: row.nomineeKind,
        userId: row.nomineeUserId,
        name: nomineeName(row),
        orgUnit: row.orgUnit,
        orgUnitName: row.orgUnitName,
      },
      category: row.category,
      tags: tags.filter((tag) => tag.nominationId === row.id).map((tag) => tag.tag),
      story: row.story,
      evidence: { vocResponseIds: row.vocResponseIds, metric: row.metric, account: row.account },
      quarter: row.quarter,
      status: row.status,
      tier: row.tier,
      points: row.points,
      submittedAt: row.submittedAt.toISOString(),
      awardedAt: row.awardedAt ? row.awardedAt.toISOString() : null,
      decisions: decisions
        .filter((decision) => decision.nominationId === row.id)
        .map((decision) => ({
          by: { id: decision.byId, name: decision.byName },
          approve: decision.approve,
          tier: decision.tier,
          reason: decision.reason,
          at: decision.at.toISOString(),
        })),
    }));
  }
}
