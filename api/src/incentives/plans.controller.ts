import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IncentivePlan, PlanVersion } from '@lodestar/contracts';
import type { Response } from 'express';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CreatePlanDto } from './dto/plan.dto';
import { CreatePlanVersionDto } from './dto/plan-version.dto';
import { PlanVersionsService } from './plan-versions.service';
import { PlansService } from './plans.service';

const planId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException('The plan id must be a UUID: GET /api/v1/plans lists the plans with their ids.'),
});

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly versions: PlanVersionsService,
  ) {}

  /** Every plan with its versions' summaries. */
  @Get()
  @Roles('HR', 'APPROVER')
  list(): Promise<IncentivePlan[]> {
    return this.plans.list();
  }

  /** A new plan, without versions yet. */
  @Post()
  @HttpCode(201)
  @Roles('HR')
  create(@CurrentUser() actor: RequestUser, @Body() body: CreatePlanDto): Promise<IncentivePlan> {
    return this.plans.create(actor, body);
  }

  @Get(':id')
  @Roles('HR', 'APPROVER')
  get(@Param('id', planId) id: string): Promise<IncentivePlan> {
    return this.plans.get(id);
  }

  /** A new draft authored by the caller, empty or copied from `basedOn` (rules and participants); sent with its ETag. */
  @Post(':id/versions')
  @HttpCode(201)
  @Roles('HR')
  async createVersion(
    @CurrentUser() actor: RequestUser,
    @Param('id', planId) id: string,
    @Body() body: CreatePlanVersionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    const { version, etag } = await this.versions.create(actor, id, body);
    res.setHeader('ETag', etag);
    return version;
  }
}
