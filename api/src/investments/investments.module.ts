import { Global, Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { CxInvestmentBudgetsService } from './cx-investment-budgets.service';
import { CxInvestmentFigures } from './cx-investment-figures';
import { CxInvestmentSettingsController } from './cx-investment-settings.controller';
import { CxInvestmentsController } from './cx-investments.controller';
import { CxInvestmentsService } from './cx-investments.service';

/**
 * CX investments: proposals, decisions with four eyes and quarterly caps, and the approval
 * settings. Global for the scorecards: they add approved investments back through
 * `CxInvestmentFigures` and list a unit's investments through `CxInvestmentsService`.
 */
@Global()
@Module({
  imports: [SettingsModule],
  // the settings controller first: its fixed paths are matched before `:id`
  controllers: [CxInvestmentSettingsController, CxInvestmentsController],
  providers: [CxInvestmentsService, CxInvestmentBudgetsService, CxInvestmentFigures],
  exports: [CxInvestmentFigures, CxInvestmentsService],
})
export class InvestmentsModule {}
