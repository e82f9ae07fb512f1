import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { EffectiveTarget, Target, TargetBatchResult, TargetImportResult } from '@lodestar/contracts';
import type { Request } from 'express';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { TargetBatchDto, TargetListQuery, TargetQuery } from './dto/target.dto';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  /** Up to 1,000 targets, created or replaced: all stored, or none with every bad row named. */
  @Post()
  @HttpCode(200)
  @Roles('CX_LEAD')
  set(@CurrentUser() actor: RequestUser, @Body() body: TargetBatchDto): Promise<TargetBatchResult> {
    return this.targets.set(actor, body.targets);
  }

  /** A CSV of targets (multipart `file`, up to 10 MB). */
  @Post('imports')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV with the header metric,org_unit,period,threshold,target,stretch (any order)' },
      },
    },
  })
  @Roles('CX_LEAD')
  import(@Req() req: Request, @CurrentUser() actor: RequestUser): Promise<TargetImportResult> {
    return this.targets.import(req, actor);
  }

  /** The targets as set for a fiscal year and its quarters, optionally of one metric or unit. */
  @Get()
  @SignedIn()
  list(@Query() query: TargetListQuery): Promise<Target[]> {
    return this.targets.list(query.period, query.metric, query.orgUnit);
  }

  /** The band that applies to a unit and metric in a month, quarter or fiscal year. */
  @Get('effective')
  @SignedIn()
  effective(@Query() query: TargetQuery): Promise<EffectiveTarget> {
    return this.targets.effective(query.metric, query.orgUnit, query.period);
  }

  /** Removes the target of one metric, unit and fiscal year or quarter. */
  @Delete()
  @HttpCode(204)
  @Roles('CX_LEAD')
  remove(@CurrentUser() actor: RequestUser, @Query() query: TargetQuery): Promise<void> {
    return this.targets.remove(actor, query.metric, query.orgUnit, query.period);
  }
}
