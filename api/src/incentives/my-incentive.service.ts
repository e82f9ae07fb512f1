import { COMPANY_CURRENCY } from '@lodestar/contracts';
import { Injectable } from '@nestjs/common';
import type { MyIncentive, MyParticipation, PlanVersionStatus } from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../common/request-user';
import { StatementCalculator } from './statement-calculator.service';
import { StatementsService } from './statements.service';

interface ParticipationRow {
  versionId: string;
  planId: string;
  planName: string;
  number: number;
  status: PlanVersionStatus;
  effectiveFrom: string;
  authorId: string;
  authorName: string;
  updatedAt: Date;
  participantCount: number;
  orgUnitKey: string;
  orgUnitName: string;
  annualTargetBonus: string;
  startDate: string;
  endDate: string | null;
  acknowledgedAt: Date | null;
}

/**
 * "My incentive": the signed-in person's plans (the latest published version of each plan they
 * take part in, with their acknowledgement), their projection for today's quarter with what it
 * takes, and their closed and released statements. Empty for anyone outside every plan.
 */
@Injectable()
export class MyIncentiveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calculator: StatementCalculator,
    private readonly statements: StatementsService,
  ) {}

  async me(user: RequestUser): Promise<MyIncentive> {
    const rows: ParticipationRow[] = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (v.plan_id) v.id
           FROM plan_versions v JOIN plan_participants pp ON pp.version_id = v.id
          WHERE v.status = 'PUBLISHED' AND pp.user_id = $1
          ORDER BY v.plan_id, v.effective_from DESC, v.number DESC)
       SELECT v.id AS "versionId", v.plan_id AS "planId", p.name AS "planName", v.number, v.status,
              v.effective_from AS "effectiveFrom", v.author_id AS "authorId", a.name AS "authorName",
              v.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM plan_participants c WHERE c.version_id = v.id) AS "participantCount",
              o.key AS "orgUnitKey", o.name AS "orgUnitName", pp.annual_target_bonus::text AS "annualTargetBonus",
              to_char(pp.start_date, 'YYYY-MM-DD') AS "startDate", to_char(pp.end_date, 'YYYY-MM-DD') AS "endDate",
              ack.acknowledged_at AS "acknowledgedAt"
         FROM latest
         JOIN plan_versions v ON v.id = latest.id
         JOIN incentive_plans p ON p.id = v.plan_id
         JOIN users a ON a.id = v.author_id
         JOIN plan_participants pp ON pp.version_id = v.id AND pp.user_id = $1
         JOIN org_units o ON o.id = pp.org_unit_id
         LEFT JOIN plan_acknowledgements ack ON ack.version_id = v.id AND ack.user_id = $1
        ORDER BY p.name, pp.start_date DESC`,
      [user.id],
    );
    const participations: MyParticipation[] = rows.map((row) => ({
      plan: { id: row.planId, name: row.planName },
      version: {
        id: row.versionId,
        planId: row.planId,
        planName: row.planName,
        number: row.number,
        status: row.status,
        effectiveFrom: row.effectiveFrom,
        author: { id: row.authorId, name: row.authorName },
        updatedAt: row.updatedAt.toISOString(),
        participantCount: row.participantCount,
      },
      orgUnit: { key: row.orgUnitKey, name: row.orgUnitName },
      annualTargetBonus: row.annualTargetBonus,
      startDate: row.startDate,
      endDate: row.endDate,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    }));

    let current: MyIncentive['current'] = null;
    if (participations.length) {
      const { quarter } = await this.calculator.today();
      await this.statements.ensureFresh(quarter);
      const [projection] = await this.statements.summaries(
        `s.user_id = $1 AND s.period = $2 AND s.status = 'PROJECTION'`,
        [user.id, quarter],
        'p.name, s.computed_at DESC, s.id',
      );
      if (projection) current = await this.statements.statement(projection.id);
    }
    const history = await this.statements.summaries(`s.user_id = $1 AND s.status <> 'PROJECTION'`, [user.id]);
    return { participations, current, history, currency: COMPANY_CURRENCY };
  }
}
