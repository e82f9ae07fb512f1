import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IncentiveForecast, MyIncentive } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { FiscalYearQuery } from './dto/statement.dto';
import { MyIncentiveService } from './my-incentive.service';
import { StatementCalculator } from './statement-calculator.service';
import { WhatIfService } from './what-if.service';

@ApiTags('incentives')
@Controller('incentives')
export class IncentivesController {
  constructor(
    private readonly mine: MyIncentiveService,
    private readonly whatIf: WhatIfService,
    private readonly calculator: StatementCalculator,
  ) {}

  /** The signed-in person's plans, projection for today's quarter and statement history; empty outside every plan. */
  @Get('me')
  @SignedIn()
  me(@CurrentUser() user: RequestUser): Promise<MyIncentive> {
    return this.mine.me(user);
  }

  /** The fiscal year's incentive cost by quarter (today's year when left out): locked statements and projections. */
  @Get('forecast')
  @Roles('HR', 'APPROVER')
  async forecast(@Query() query: FiscalYearQuery): Promise<IncentiveForecast> {
    return this.whatIf.forecast(query.fiscalYear ?? (await this.calculator.today()).fiscalYear);
  }
}
