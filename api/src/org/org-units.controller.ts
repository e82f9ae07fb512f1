import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrgUnit, OrgUnitNode } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CreateOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @SignedIn()
  tree(): Promise<OrgUnitNode[]> {
    return this.units.tree();
  }

  @Post()
  @Roles('ADMIN')
  create(@CurrentUser() actor: RequestUser, @Body() body: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.units.create(actor, body);
  }

  @Patch(':key')
  @Roles('ADMIN')
  update(@CurrentUser() actor: RequestUser, @Param('key') key: string, @Body() body: UpdateOrgUnitDto): Promise<OrgUnit> {
    return this.units.update(actor, key, body);
  }
}
