import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ParticipantFacts, WhatIfResult } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { PreviewFactsQuery, WhatIfQuery } from './dto/statement.dto';
import { WhatIfService } from './what-if.service';

const versionId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException('The plan version id must be a UUID, as GET /api/v1/plans lists them.'),
});

/** A version's rules against current actuals, before it is published. Nothing here is stored. */
@ApiTags('plans')
@Controller('plan-versions')
export class PlanVersionToolsController {
  constructor(private readonly whatIf: WhatIfService) {}

  /** The facts the engine reads for one participant of the version, for the browser's instant preview. */
  @Get(':id/preview-facts')
  @Roles('HR', 'APPROVER')
  previewFacts(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Query() query: PreviewFactsQuery,
  ): Promise<ParticipantFacts> {
    return this.whatIf.previewFacts(actor, id, query.participant, query.period);
  }

  /** Each participant's payout under this version beside the published one that applies, with the totals' delta. */
  @Post(':id/what-if')
  @HttpCode(200)
  @Roles('HR', 'APPROVER')
  run(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Query() query: WhatIfQuery,
  ): Promise<WhatIfResult> {
    return this.whatIf.whatIf(actor, id, query.period);
  }
}
