import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Inquiry, InquiryReason, InquiryStatus, Page } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import {
  checkAdjustment,
  type AnswerInquiryDto,
  type InquiryListQuery,
  type RaiseInquiryDto,
} from './dto/inquiry.dto';

/** The audit log's name for an inquiry. Its entries hold pay data (amounts of a statement). */
export const INQUIRY_ENTITY = 'statement_inquiry';

interface InquiryRow {
  id: string;
  statementId: string;
  period: string;
  ownerId: string;
  raisedById: string;
  raisedByName: string;
  reason: InquiryReason;
  text: string;
  status: InquiryStatus;
  response: string | null;
  adjustment: string | null;
  answeredById: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

const SELECT_INQUIRIES = `
  SELECT i.id, i.statement_id AS "statementId", s.period, s.user_id AS "ownerId",
         i.raised_by AS "raisedById", r.name AS "raisedByName", i.reason, i.text, i.status, i.response,
         i.adjustment::text AS adjustment, i.answered_by AS "answeredById", a.name AS "answeredByName",
         i.answered_at AS "answeredAt", i.created_at AS "createdAt"
    FROM statement_inquiries i
    JOIN statements s ON s.id = i.statement_id
    JOIN users r ON r.id = i.raised_by
    LEFT JOIN users a ON a.id = i.answered_by`;

function toInquiry(row: InquiryRow): Inquiry {
  return {
    id: row.id,
    statementId: row.statementId,
    period: row.period,
    raisedBy: { id: row.raisedById, name: row.raisedByName },
    reason: row.reason,
    text: row.text,
    status: row.status,
    response: row.response,
    adjustment: row.adjustment,
    answeredBy: row.answeredById === null ? null : { id: row.answeredById, name: row.answeredByName ?? '' },
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What an inquiry looks like in the audit log. */
function auditView(row: InquiryRow) {
  return {
    statementId: row.statementId,
    period: row.period,
    reason: row.reason,
    text: row.text,
    status: row.status,
    response: row.response,
    adjustment: row.adjustment,
  };
}

/**
 * The inquiries of these statements, keyed by statement id, newest first; statements without one
 * are absent from the map. One read for all of them, in the caller's transaction or not.
 */
export async function inquiriesOf(
  manager: EntityManager,
  statementIds: readonly string[],
): Promise<Map<string, Inquiry[]>> {
  const byStatement = new Map<string, Inquiry[]>();
  if (!statementIds.length) return byStatement;
  const rows: InquiryRow[] = await manager.query(
    `${SELECT_INQUIRIES} WHERE i.statement_id = ANY($1::uuid[]) ORDER BY i.created_at DESC, i.id DESC`,
    [statementIds],
  );
  for (const row of rows) {
    const list = byStatement.get(row.statementId);
    if (list) list.push(toInquiry(row));
    else byStatement.set(row.statementId, [toInquiry(row)]);
  }
  return byStatement;
}

/**
 * Inquiries on statements: the participant raises one on their own statement (any status); HR
 * answers it once — answered, rejected, or adjusted by a signed amount that the statements of the
 * next open quarter carry as an `INQUIRY` adjustment. Nobody answers an inquiry on their own pay.
 */
@Injectable()
export class InquiriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  async raise(actor: RequestUser, statementId: string, body: RaiseInquiryDto): Promise<Inquiry> {
    const row = await this.audit.write(actor, async (manager, record) => {
      const statements: { userId: string }[] = await manager.query(
        'SELECT user_id AS "userId" FROM statements WHERE id = $1',
        [statementId],
      );
      if (!statements[0]) throw new NotFoundException(`There is no statement with the id ${statementId}.`);
      if (statements[0].userId !== actor.id) {
        throw new ForbiddenException(
          'Only the participant whose statement this is can raise an inquiry on it: HR answers inquiries, it does not raise them for others.',
        );
      }
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO statement_inquiries (statement_id, raised_by, reason, text) VALUES ($1, $2, $3, $4) RETURNING id`,
        [statementId, actor.id, body.reason, body.text],
      );
      const created = await this.row(manager, id);
      await record({
        action: `${INQUIRY_ENTITY}.raise`,
        entityType: INQUIRY_ENTITY,
        entityId: id,
        after: auditView(created),
        payData: true,
      });
      return created;
    });
    return toInquiry(row);
  }

  /** HR's queue: `status` (default OPEN; ALL for every one), newest first. */
  async list(query: InquiryListQuery): Promise<Page<Inquiry>> {
    const status = query.status === 'ALL' ? null : query.status;
    const where = 'WHERE ($1::text IS NULL OR i.status = $1)';
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total FROM statement_inquiries i ${where}`, [
        status,
      ]) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `${SELECT_INQUIRIES} ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3`,
        [status, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<InquiryRow[]>,
    ]);
    return { items: rows.map(toInquiry), total, page: query.page, pageSize: query.pageSize };
  }

  /** HR answers an open inquiry, once; not one on their own statement. */
  async answer(actor: RequestUser, id: string, body: AnswerInquiryDto): Promise<Inquiry> {
    const checked = checkAdjustment(body.status, body.adjustment);
    if ('problem' in checked) throw new BadRequestException(checked.problem); // the DTO has checked it already
    const row = await this.audit.write(actor, async (manager, record) => {
      const before = await this.row(manager, id, true);
      if (before.ownerId === actor.id || before.raisedById === actor.id) {
        throw new ForbiddenException(
          'You cannot answer an inquiry on your own statement: another HR person must answer it.',
        );
      }
      if (before.status !== 'OPEN') {
        const when = before.answeredAt ? ` on ${before.answeredAt.toISOString().slice(0, 10)}` : '';
        throw new ConflictException(
          `This inquiry was already answered (${before.status}${before.answeredByName ? ` by ${before.answeredByName}` : ''}${when}): an inquiry is answered once.`,
        );
      }
      await manager.query(
        `UPDATE statement_inquiries
            SET status = $2, response = $3, adjustment = $4, answered_by = $5, answered_at = now()
          WHERE id = $1`,
        [id, body.status, body.response, checked.adjustment, actor.id],
      );
      const after = await this.row(manager, id);
      await record({
        action: `${INQUIRY_ENTITY}.answer`,
        entityType: INQUIRY_ENTITY,
        entityId: id,
        before: { status: before.status },
        after: auditView(after),
        reason: body.response,
        payData: true,
      });
      return after;
    });
    // an adjustment is carried by the next open quarter's statements
    if (row.status === 'ADJUSTED') this.cache.changed('incentives');
    return toInquiry(row);
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<InquiryRow> {
    const [row]: InquiryRow[] = await manager.query(
      `${SELECT_INQUIRIES} WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundException(`There is no inquiry with the id ${id}.`);
    return row;
  }
}
