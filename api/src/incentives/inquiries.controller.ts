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
import type { Inquiry, Page } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { AnswerInquiryDto, InquiryListQuery, RaiseInquiryDto } from './dto/inquiry.dto';
import { InquiriesService } from './inquiries.service';

const statementId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The statement id must be a UUID.'),
});
const inquiryId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('The inquiry id must be a UUID.'),
});

@ApiTags('statements')
@Controller()
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  /** The participant asks about their own statement, in any status; anyone else gets 403. */
  @Post('statements/:id/inquiries')
  @HttpCode(201)
  @SignedIn()
  raise(
    @CurrentUser() actor: RequestUser,
    @Param('id', statementId) id: string,
    @Body() body: RaiseInquiryDto,
  ): Promise<Inquiry> {
    return this.inquiries.raise(actor, id, body);
  }

  /** HR's queue of inquiries: OPEN ones by default, newest first. */
  @Get('inquiries')
  @Roles('HR')
  list(@Query() query: InquiryListQuery): Promise<Page<Inquiry>> {
    return this.inquiries.list(query);
  }

  /** HR answers, rejects or adjusts an open inquiry, once; never one on their own statement. */
  @Post('inquiries/:id/answer')
  @HttpCode(200)
  @Roles('HR')
  answer(
    @CurrentUser() actor: RequestUser,
    @Param('id', inquiryId) id: string,
    @Body() body: AnswerInquiryDto,
  ): Promise<Inquiry> {
    return this.inquiries.answer(actor, id, body);
  }
}
