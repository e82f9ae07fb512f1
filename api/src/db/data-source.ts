import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { SessionEntity } from '../auth/session.entity';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { SettingEntity } from '../settings/setting.entity';
import { UserEntity } from '../users/user.entity';
import { MetricDefinitionEntity } from '../metrics/metric-definition.entity';
import { MeasurementEntity } from '../metrics/measurement.entity';
import { VocImportEntity } from '../metrics/voc-import.entity';
import { CxIndexWeightEntity } from '../targets/cx-index-weight.entity';
import { TargetEntity } from '../targets/target.entity';
import { CreatedFoundationSchema1763890000000 } from './migrations/1763890000000-CreatedFoundationSchema';
import { CreatedMetricsAndVoc1763990000000 } from './migrations/1763990000000-CreatedMetricsAndVoc';
import { CreatedMeasurements1764090000000 } from './migrations/1764090000000-CreatedMeasurements';
import { CreatedTargets1764190000000 } from './migrations/1764190000000-CreatedTargets';
import { CreatedScorecardComments1764290000000 } from './migrations/1764290000000-CreatedScorecardComments';
import { CreatedCxInvestments1764390000000 } from './migrations/1764390000000-CreatedCxInvestments';
import { CreatedIncentivePlans1764490000000 } from './migrations/1764490000000-CreatedIncentivePlans';
import { CreatedRecognition1764590000000 } from './migrations/1764590000000-CreatedRecognition';
import { ActionPlanEntity } from '../scorecards/action-plan.entity';
import { IncentivePlanEntity } from '../incentives/incentive-plan.entity';
import { PlanAcknowledgementEntity } from '../incentives/plan-acknowledgement.entity';
import { PlanParticipantEntity } from '../incentives/plan-participant.entity';
import { PlanVersionEntity } from '../incentives/plan-version.entity';
import { ScorecardCommentEntity } from '../scorecards/scorecard-comment.entity';
import { StatementInquiryEntity } from '../incentives/statement-inquiry.entity';
import { StatementAdjustmentEntity } from '../incentives/statement-adjustment.entity';
import { StatementPeriodEntity } from '../incentives/statement-period.entity';
import { StatementEntity } from '../incentives/statement.entity';

export const ENTITIES = [UserEntity, SessionEntity, OrgUnitEntity, SettingEntity, AuditEntryEntity, MetricDefinitionEntity, VocImportEntity, MeasurementEntity, TargetEntity, CxIndexWeightEntity, ScorecardCommentEntity, ActionPlanEntity, StatementInquiryEntity, StatementEntity, StatementPeriodEntity, StatementAdjustmentEntity, IncentivePlanEntity, PlanVersionEntity, PlanParticipantEntity, PlanAcknowledgementEntity];
export const MIGRATIONS = [CreatedFoundationSchema1763890000000, CreatedMetricsAndVoc1763990000000, CreatedMeasurements1764090000000, CreatedTargets1764190000000, CreatedScorecardComments1764290000000, CreatedCxInvestments1764390000000, CreatedIncentivePlans1764490000000, CreatedRecognition1764590000000];

/** TypeORM options for a database URL: migrations only, never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}

/** Applies pending migrations in one transaction; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI: `npx typeorm -d api/dist/.../data-source.js migration:show`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://localhost/lodestar'));
