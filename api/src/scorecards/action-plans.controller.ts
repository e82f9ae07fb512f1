import { BadRequestException, Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActionPlan } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { ActionPlansService } from './action-plans.service';
import { CreateActionPlanDto, UpdateActionPlanDto } from './dto/action-plan.dto';

const planId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The action plan id must be a UUID.'),
});

@ApiTags('scorecards')
@Controller('scorecards')
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  /** An action plan on the unit's scorecard: its executive, an executive above it, or a CX lead. */
  @Post('org-units/:key/action-plans')
  @Roles('EXECUTIVE', 'CX_LEAD')
  create(
    @CurrentUser() actor: RequestUser,
    @Param('key') key: string,
    @Body() body: CreateActionPlanDto,
  ): Promise<ActionPlan> {
    return this.plans.create(actor, key, body);
  }

  /** Moves a plan on (open, in progress, done), or changes its due date or owner. */
  @Patch('action-plans/:id')
  @Roles('EXECUTIVE', 'CX_LEAD')
  update(
    @CurrentUser() actor: RequestUser,
    @Param('id', planId) id: string,
    @Body() body: UpdateActionPlanDto,
  ): Promise<ActionPlan> {
    return this.plans.update(actor, id, body);
  }
}
