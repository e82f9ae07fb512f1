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
import { IncentivesController } from './incentives.controller';
import { MyIncentiveService } from './my-incentive.service';
import { PlanVersionToolsController } from './plan-version-tools.controller';
import { StatementCalculator } from './statement-calculator.service';
import { StatementPeriodsController } from './statement-periods.controller';
import { StatementPeriodsService } from './statement-periods.service';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';
import { WhatIfService } from './what-if.service';

/**
 * Incentive plans: plans and their versions (drafts, four-eyes review, approval's freeze of the
 * target bands, publication), participants, diffs and acknowledgements.
 */
@Module({
  imports: [SettingsModule, ScorecardsModule],
  // the exports' controller before the statements': `statements/:id` would take `export` and `payroll`
  controllers: [PlansController, PlanVersionsController, InquiriesController, StatementExportsController, PayOverridesController, StatementsController, StatementPeriodsController, PlanVersionToolsController, IncentivesController],
  providers: [PlansService, PlanVersionsService, PlanFreeze, InquiriesService, StatementExportsService, PayInputsService, PayOverridesService, StatementCalculator, StatementsService, StatementPeriodsService, WhatIfService, MyIncentiveService],
  exports: [PlansService, PlanVersionsService, PlanFreeze],
})
export class IncentivesModule {}
