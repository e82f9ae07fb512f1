import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PlanFreeze } from './plan-freeze';
import { PlanVersionsController } from './plan-versions.controller';
import { PlanVersionsService } from './plan-versions.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/**
 * Incentive plans: plans and their versions (drafts, four-eyes review, approval's freeze of the
 * target bands, publication), participants, diffs and acknowledgements.
 */
@Module({
  imports: [SettingsModule],
  controllers: [PlansController, PlanVersionsController],
  providers: [PlansService, PlanVersionsService, PlanFreeze],
  exports: [PlansService, PlanVersionsService, PlanFreeze],
})
export class IncentivesModule {}
