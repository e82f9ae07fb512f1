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
import type { Page, PayOverride } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { PayOverrideDecisionDto, PayOverrideInputDto, PayOverrideListQuery } from './dto/pay-override.dto';
import { PayOverridesService } from './pay-overrides.service';

const overrideId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The pay override id must be a UUID.'),
});

@ApiTags('pay-overrides')
@Controller('pay-overrides')
export class PayOverridesController {
  constructor(private readonly overrides: PayOverridesService) {}

  /** Newest first; `period`, `status` and `orgUnit` narrow the list. */
  @Get()
  @Roles('HR', 'APPROVER')
  list(@Query() query: PayOverrideListQuery): Promise<Page<PayOverride>> {
    return this.overrides.list(query);
  }

  /** HR enters a value for a unit's CX input of a quarter, with a reason; it waits for an approver. */
  @Post()
  @HttpCode(201)
  @Roles('HR')
  enter(@CurrentUser() actor: RequestUser, @Body() body: PayOverrideInputDto): Promise<PayOverride> {
    return this.overrides.enter(actor, body);
  }

  /** An approver who did not enter it approves it, or rejects it with a reason. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('APPROVER')
  decide(
    @CurrentUser() actor: RequestUser,
    @Param('id', overrideId) id: string,
    @Body() body: PayOverrideDecisionDto,
  ): Promise<PayOverride> {
    return this.overrides.decide(actor, id, body);
  }
}
