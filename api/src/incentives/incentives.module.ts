import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ScorecardSources } from '../scorecards/scorecard-sources';
import { PlanFreeze } from './plan-freeze';
import { PlanVersionsController } from './plan-versions.controller';
import { PlanVersionsService } from './plan-versions.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PayInputsService } from './pay-inputs.service';
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

@Module({
  imports: [SettingsModule],
  controllers: [PlansController, PlanVersionsController, InquiriesController, StatementExportsController, StatementsController, StatementPeriodsController, PlanVersionToolsController, IncentivesController],
  providers: [PlansService, PlanVersionsService, PlanFreeze, ScorecardSources, PayInputsService, InquiriesService, StatementExportsService, StatementCalculator, StatementsService, StatementPeriodsService, WhatIfService, MyIncentiveService],
  exports: [PlansService, PlanVersionsService, PlanFreeze],
})
export class IncentivesModule {}
