import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CxIndexWeights } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CxIndexWeightsQuery, CxIndexWeightsUnitQuery, SetCxIndexWeightsDto } from './dto/cx-index-weights.dto';
import { CxIndexWeightsService } from './cx-index-weights.service';

@ApiTags('targets')
@Controller('cx-index/weights')
export class CxIndexWeightsController {
  constructor(private readonly weights: CxIndexWeightsService) {}

  /** A unit's own weights, or the company default it falls back to; without `orgUnit`, the default. */
  @Get()
  @SignedIn()
  get(@Query() query: CxIndexWeightsQuery): Promise<CxIndexWeights> {
    return this.weights.get(query.orgUnit);
  }

  /** Replaces a unit's weights (`orgUnit` null: the company default); they add up to 100. */
  @Put()
  @Roles('CX_LEAD')
  set(@CurrentUser() actor: RequestUser, @Body() body: SetCxIndexWeightsDto): Promise<CxIndexWeights> {
    return this.weights.set(actor, body.orgUnit === null ? null : body.orgUnit.trim(), body.weights);
  }

  /** Removes a unit's own weights: the company default applies to it again. */
  @Delete()
  @Roles('CX_LEAD')
  remove(@CurrentUser() actor: RequestUser, @Query() query: CxIndexWeightsUnitQuery): Promise<CxIndexWeights> {
    return this.weights.remove(actor, query.orgUnit);
  }
}
