import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InboxMessage, Page } from '@lodestar/contracts';
import { SignedIn } from '../common/access.decorator';
import { PaginationQuery } from '../common/pagination.dto';
import { CurrentUser, RequestUser } from '../common/request-user';
import { NominationsService } from './nominations.service';

@ApiTags('recognition')
@Controller('inbox')
export class InboxController {
  constructor(private readonly nominations: NominationsService) {}

  /** Your own messages, newest first: decisions on nominations you sent or that named you or your team. */
  @Get()
  @SignedIn()
  inbox(@CurrentUser() actor: RequestUser, @Query() query: PaginationQuery): Promise<Page<InboxMessage>> {
    return this.nominations.inbox(actor, query);
  }
}
