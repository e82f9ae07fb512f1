import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Nomination, Page, QueuedNomination } from '@lodestar/contracts';
import type { Response } from 'express';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CreateNominationDto, NominationDecisionDto, NominationListQuery } from './dto/create-nomination.dto';
import { NominationsService } from './nominations.service';

const nominationId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The nomination id must be a UUID.'),
});

@ApiTags('recognition')
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  /**
   * Anyone signed in nominates a person or a team: 201. A repeat with the same `Idempotency-Key`
   * returns the nomination sent with it: 200, and nothing new is created.
   */
  @Post()
  @HttpCode(201)
  @SignedIn()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 200 characters, unique per nominator.',
  })
  async submit(
    @CurrentUser() actor: RequestUser,
    @Body() body: CreateNominationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Nomination> {
    const key = idempotencyKey === undefined ? null : idempotencyKey.trim();
    if (key !== null && (key.length === 0 || key.length > 200)) {
      throw new BadRequestException('The Idempotency-Key header must hold 1 to 200 characters.');
    }
    const { nomination, created } = await this.nominations.submit(actor, body, key);
    if (!created) res.status(200);
    return nomination;
  }

  /** `mine=true`: the nominations you sent; for a reviewer, by default, the review queue with each unit's budget left. */
  @Get()
  @SignedIn()
  list(
    @CurrentUser() actor: RequestUser,
    @Query() query: NominationListQuery,
  ): Promise<Page<Nomination | QueuedNomination>> {
    return this.nominations.list(actor, query);
  }

  /** A reviewer approves with an award tier or rejects with a reason. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('REVIEWER')
  decide(
    @CurrentUser() actor: RequestUser,
    @Param('id', nominationId) id: string,
    @Body() body: NominationDecisionDto,
  ): Promise<Nomination> {
    return this.nominations.decide(actor, id, body);
  }
}
