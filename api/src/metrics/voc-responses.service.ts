import { BadRequestException, Injectable } from '@nestjs/common';
import type { Page, VocComment, VocResponsesResult } from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { FiscalCalendarService } from '../settings/fiscal-calendar.service';
import { CxResultsService } from './cx-results.service';
import type { CommentsQuery, VocResponseDto } from './dto/voc.dto';
import { StagedResponse, validateResponse } from './voc-row';
import { createStage, mergeStage, stageRows } from './voc-store';

@Injectable()
export class VocResponsesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: FiscalCalendarService,
    private readonly results: CxResultsService,
    private readonly cache: ReadCache,
  ) {}

  /** Stores a batch of up to 1,000 answers: all of it, or none with every bad answer named. */
  async add(actor: RequestUser, responses: VocResponseDto[]): Promise<VocResponsesResult> {
    const [calendar, units] = await Promise.all([
      this.calendar.get(),
      this.dataSource.getRepository(OrgUnitEntity).find({ select: { id: true, key: true } }),
    ]);
    const context = { unitIds: new Map(units.map((unit) => [unit.key, unit.id])), timeZone: calendar.timeZone };
    const staged: StagedResponse[] = [];
    const errors: string[] = [];
    responses.forEach((response, index) => {
      const result = validateResponse(
        {
          response_id: response.responseId,
          responded_at: response.respondedAt,
          account: response.account,
          org_unit: response.orgUnit,
          survey: response.survey,
          score: response.score,
          cause: response.cause,
          comment: response.comment,
        },
        index,
        context,
      );
      if ('error' in result) errors.push(`responses[${index}]: ${result.error}`);
      else staged.push(result.row);
    });
    if (errors.length) {
      throw new BadRequestException({ message: `${errors.length} of ${responses.length} answers are not valid, so none was stored: ${errors.slice(0, 5).join('; ')}`, errors });
    }
    const added = await this.audit.write(actor, async (manager, record) => {
      await createStage((sql) => manager.query(sql));
      await stageRows(manager, staged);
      const inserted = await mergeStage(manager, null);
      const result = { received: responses.length, inserted, duplicates: responses.length - inserted };
      await record({ action: 'voc.responses.add', entityType: 'voc-response', after: result });
      return result;
    });
    this.cache.changed('voc');
    return added;
  }

  /** Answers with a comment for a unit's subtree and period, newest first, searchable. */
  async comments(query: CommentsQuery): Promise<Page<VocComment>> {
    const [units, months] = await Promise.all([this.results.subtree(query.orgUnit), this.results.months(query.period)]);
    const params: unknown[] = [units, months];
    let where = `r.org_unit_id = ANY($1::uuid[]) AND r.month = ANY($2::text[]) AND r.comment IS NOT NULL`;
    if (query.survey) {
      params.push(query.survey);
      where += ` AND r.survey = $${params.length}`;
    }
    if (query.maxScore !== undefined) {
      params.push(query.maxScore);
      where += ` AND r.score <= $${params.length}`;
    }
    if (query.search) {
      params.push(`%${query.search.replace(/[\\%_]/g, '\\$&')}%`);
      where += ` AND (r.comment ILIKE $${params.length} OR r.cause ILIKE $${params.length} OR r.account ILIKE $${params.length})`;
    }
    const [{ total }]: { total: string }[] = await this.dataSource.query(`SELECT count(*)::text AS total FROM voc_responses r WHERE ${where}`, params);
    const rows: (Omit<VocComment, 'respondedAt'> & { respondedAt: Date })[] = await this.dataSource.query(
      `SELECT r.response_id AS "responseId", r.responded_at AS "respondedAt", u.key AS "orgUnitKey", r.account, r.survey, r.score, r.cause, r.comment
         FROM voc_responses r JOIN org_units u ON u.id = r.org_unit_id
        WHERE ${where} ORDER BY r.responded_at DESC, r.response_id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return {
      items: rows.map((row) => ({ ...row, respondedAt: row.respondedAt.toISOString() })),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
