import { BadRequestException, Injectable } from '@nestjs/common';
import type { ScorecardComment } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import type { CreateScorecardCommentDto } from './dto/create-comment.dto';
import { ScorecardCommentEntity } from './scorecard-comment.entity';
import { periodLabel } from './scorecard-periods';
import { assertScorecardWriter, unitForWriting } from './scorecard-writers';

interface CommentRow {
  id: string;
  orgUnit: string;
  period: string;
  metric: string | null;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

const SELECT_COMMENTS = `
  SELECT c.id, o.key AS "orgUnit", c.period, c.metric_key AS metric, c.author_id AS "authorId", u.name AS "authorName",
         c.body, c.created_at AS "createdAt"
    FROM scorecard_comments c JOIN org_units o ON o.id = c.org_unit_id JOIN users u ON u.id = c.author_id`;

/** The comment thread of a unit's scorecard per period: written by its executive or a CX lead. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** A unit's comments on one period, newest first. */
  async list(orgUnitId: string, period: string): Promise<ScorecardComment[]> {
    const rows: CommentRow[] = await this.dataSource.query(
      `${SELECT_COMMENTS} WHERE c.org_unit_id = $1 AND c.period = $2 ORDER BY c.created_at DESC, c.id DESC`,
      [orgUnitId, period],
    );
    return rows.map(toComment);
  }

  async create(
    actor: RequestUser,
    unitKey: string,
    body: CreateScorecardCommentDto,
  ): Promise<ScorecardComment> {
    const comment = await this.audit.write(actor, async (manager, record) => {
      const unit = await unitForWriting(manager, unitKey);
      await assertScorecardWriter(manager, actor, unit, `comment on the scorecard of ${unit.name}`);
      const period = periodLabel(body.period);
      const metric = body.metric ? await knownMetric(manager, body.metric) : null;
      const saved = await manager.save(
        manager.create(ScorecardCommentEntity, {
          orgUnitId: unit.id,
          period,
          metricKey: metric,
          authorId: actor.id,
          body: body.body,
        }),
      );
      await record({
        action: 'scorecard-comment.create',
        entityType: 'scorecard-comment',
        entityId: saved.id,
        after: { orgUnit: unit.key, period, metric, body: saved.body },
      });
      const [row]: CommentRow[] = await manager.query(`${SELECT_COMMENTS} WHERE c.id = $1`, [saved.id]);
      return toComment(row);
    });
    this.cache.changed('scorecards');
    return comment;
  }
}

/** The key of an existing metric; 400 naming it otherwise. */
export async function knownMetric(manager: EntityManager, key: string): Promise<string> {
  const rows: { key: string }[] = await manager.query('SELECT key FROM metric_definitions WHERE key = $1', [
    key,
  ]);
  if (!rows[0])
    throw new BadRequestException(`There is no metric "${key}": GET /api/v1/metrics lists the metric keys.`);
  return rows[0].key;
}

function toComment(row: CommentRow): ScorecardComment {
  return {
    id: row.id,
    orgUnit: row.orgUnit,
    period: row.period,
    metric: row.metric,
    author: { id: row.authorId, name: row.authorName },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
