import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { SettingsModule } from '../settings/settings.module';
import { PayInputsService } from './pay-inputs.service';
import { PayOverridesController } from './pay-overrides.controller';
import { PayOverridesService } from './pay-overrides.service';
import { PlanFreeze } from './plan-freeze';
import { PlanVersionsController } from './plan-versions.controller';
import { PlanVersionsService } from './plan-versions.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { InquiriesController } from './inquiries.controller';
import { InquiriesService } from './inquiries.service';
import { StatementExportsController } from './statement-exports.controller';
import { StatementExportsService } from './statement-exports.service';

/**
 * Incentive plans: plans and their versions (drafts, four-eyes review, approval's freeze of the
 * target bands, publication), participants, diffs and acknowledgements.
 */
@Module({
  imports: [SettingsModule, ScorecardsModule],
  controllers: [PlansController, PlanVersionsController, InquiriesController, StatementExportsController, PayOverridesController],
  providers: [PlansService, PlanVersionsService, PlanFreeze, InquiriesService, StatementExportsService, PayInputsService, PayOverridesService],
  exports: [PlansService, PlanVersionsService, PlanFreeze],
})
export class IncentivesModule {}
