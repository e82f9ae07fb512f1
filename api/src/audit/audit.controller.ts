import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditVerification, Page } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Entries newest first. ADMIN sees entries without pay data; HR and APPROVER see all. */
  @Get()
  @Roles('HR', 'APPROVER', 'ADMIN')
  list(@Query() query: AuditQueryDto, @CurrentUser() user: RequestUser): Promise<Page<AuditEntry>> {
    return this.audit.list(query, user.roles);
  }

  @Get('verify')
  @Roles('HR', 'APPROVER', 'ADMIN')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
