import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CxInvestmentBudget, CxInvestmentSettings } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CxInvestmentBudgetsService } from './cx-investment-budgets.service';
import {
  CxInvestmentBudgetQuery,
  CxInvestmentCapDto,
  CxInvestmentSettingsDto,
} from './dto/cx-investment-settings.dto';

/** The approval threshold, the caps and the budgets of CX investments (before `:id`, so these paths win). */
@ApiTags('cx-investments')
@Controller('cx-investments')
export class CxInvestmentSettingsController {
  constructor(private readonly budgets: CxInvestmentBudgetsService) {}

  @Get('settings')
  @SignedIn()
  settings(): Promise<CxInvestmentSettings> {
    return this.budgets.settings();
  }

  @Put('settings')
  @Roles('CX_LEAD')
  setSettings(
    @CurrentUser() actor: RequestUser,
    @Body() body: CxInvestmentSettingsDto,
  ): Promise<CxInvestmentSettings> {
    return this.budgets.setSettings(actor, body);
  }

  /** A unit's cap of approved investments in a fiscal quarter, what is approved and what is left. */
  @Get('budget')
  @SignedIn()
  budget(@Query() query: CxInvestmentBudgetQuery): Promise<CxInvestmentBudget> {
    return this.budgets.budget(query.orgUnit, query.quarter);
  }

  /** Sets a unit's own cap for a quarter, or with `cap: null` returns it to the default. */
  @Put('budget')
  @Roles('CX_LEAD')
  setCap(@CurrentUser() actor: RequestUser, @Body() body: CxInvestmentCapDto): Promise<CxInvestmentBudget> {
    return this.budgets.setCap(actor, body);
  }
}
