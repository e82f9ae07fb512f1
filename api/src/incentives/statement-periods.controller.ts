import { Controller, Get, HttpCode, Injectable, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StatementPeriod } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { FiscalYearQuery } from './dto/statement.dto';
import { StatementCalculator, quarterOrBadRequest } from './statement-calculator.service';
import { StatementPeriodsService } from './statement-periods.service';

/** A quarter in the path, canonical, or 400 with the sentence that says which quarters there are. */
@Injectable()
export class QuarterPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    return quarterOrBadRequest(value);
  }
}

/** Quarters of statements: HR closes them in order and releases them; HR and approvers follow them. */
@ApiTags('statements')
@Controller('statement-periods')
export class StatementPeriodsController {
  constructor(
    private readonly periods: StatementPeriodsService,
    private readonly calculator: StatementCalculator,
  ) {}

  /** The four quarters of a fiscal year (today's when left out): open, closed or released, with their totals. */
  @Get()
  @Roles('HR', 'APPROVER')
  async list(@Query() query: FiscalYearQuery): Promise<StatementPeriod[]> {
    return this.periods.list(query.fiscalYear ?? (await this.calculator.today()).fiscalYear);
  }

  /** Locks an ended quarter's statements (with their prior-period adjustments); the previous quarter must be closed. */
  @Post(':period/close')
  @HttpCode(200)
  @Roles('HR')
  close(
    @CurrentUser() actor: RequestUser,
    @Param('period', QuarterPipe) period: string,
  ): Promise<StatementPeriod> {
    return this.periods.close(actor, period);
  }

  /** Releases a closed quarter's statements to their owners. */
  @Post(':period/release')
  @HttpCode(200)
  @Roles('HR')
  release(
    @CurrentUser() actor: RequestUser,
    @Param('period', QuarterPipe) period: string,
  ): Promise<StatementPeriod> {
    return this.periods.release(actor, period);
  }
}
