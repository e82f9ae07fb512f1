import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CxInvestment, Page } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CxInvestmentsService } from './cx-investments.service';
import {
  CxInvestmentDecisionDto,
  CxInvestmentInputDto,
  CxInvestmentListQuery,
} from './dto/cx-investment.dto';

const investmentId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The CX investment id must be a UUID.'),
});

@ApiTags('cx-investments')
@Controller('cx-investments')
export class CxInvestmentsController {
  constructor(private readonly investments: CxInvestmentsService) {}

  /** Proposes an investment: anyone in the unit or a unit below it, its leader, or a CX lead. */
  @Post()
  @HttpCode(201)
  @SignedIn()
  propose(@CurrentUser() actor: RequestUser, @Body() body: CxInvestmentInputDto): Promise<CxInvestment> {
    return this.investments.propose(actor, body);
  }

  /** Newest first; `orgUnit` takes the units below it too, `period` a month, quarter or fiscal year. */
  @Get()
  @SignedIn()
  list(@Query() query: CxInvestmentListQuery): Promise<Page<CxInvestment>> {
    return this.investments.list(query);
  }

  @Get(':id')
  @SignedIn()
  get(@Param('id', investmentId) id: string): Promise<CxInvestment> {
    return this.investments.get(id);
  }

  /** A CX lead decides a proposed investment; above the threshold an approver decides it next. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('CX_LEAD', 'APPROVER')
  decide(
    @CurrentUser() actor: RequestUser,
    @Param('id', investmentId) id: string,
    @Body() body: CxInvestmentDecisionDto,
  ): Promise<CxInvestment> {
    return this.investments.decide(actor, id, body);
  }

  /** The proposer takes back an investment that is not yet decided. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @SignedIn()
  withdraw(@CurrentUser() actor: RequestUser, @Param('id', investmentId) id: string): Promise<CxInvestment> {
    return this.investments.withdraw(actor, id);
  }
}
