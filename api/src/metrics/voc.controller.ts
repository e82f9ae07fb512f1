import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { CxResult, Page, ParetoRow, VocComment, VocImport, VocResponsesResult } from '@lodestar/contracts';
import type { Request } from 'express';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CxResultsService } from './cx-results.service';
import { CxResultQuery, ParetoQuery } from './dto/period-query.dto';
import { CommentsQuery, VocResponsesDto } from './dto/voc.dto';
import { VocImportsService } from './voc-imports.service';
import { VocResponsesService } from './voc-responses.service';

const importId = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('The import id must be a UUID.') });

@ApiTags('voc')
@Controller()
export class VocController {
  constructor(
    private readonly imports: VocImportsService,
    private readonly responses: VocResponsesService,
    private readonly results: CxResultsService,
  ) {}

  /** Upload a survey export (multipart field `file`); answered with 202 and the import's id. */
  @Post('voc/imports')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @Roles('CX_LEAD')
  upload(@Req() req: Request, @CurrentUser() actor: RequestUser): Promise<{ id: string }> {
    return this.imports.accept(req, actor);
  }

  @Get('voc/imports')
  @Roles('CX_LEAD')
  recent(): Promise<VocImport[]> {
    return this.imports.recent();
  }

  @Get('voc/imports/:id')
  @Roles('CX_LEAD')
  status(@Param('id', importId) id: string): Promise<VocImport> {
    return this.imports.get(id);
  }

  @Post('voc/responses')
  @HttpCode(200)
  @Roles('CX_LEAD')
  add(@CurrentUser() actor: RequestUser, @Body() body: VocResponsesDto): Promise<VocResponsesResult> {
    return this.responses.add(actor, body.responses);
  }

  /** Answers with comments, for every function to read what its customers say. */
  @Get('voc/comments')
  @SignedIn()
  comments(@Query() query: CommentsQuery): Promise<Page<VocComment>> {
    return this.responses.comments(query);
  }

  @Get('cx/results')
  @SignedIn()
  result(@Query() query: CxResultQuery): Promise<CxResult> {
    return this.results.result(query.orgUnit, query.period, query.metric);
  }

  @Get('cx/pareto')
  @SignedIn()
  pareto(@Query() query: ParetoQuery): Promise<ParetoRow[]> {
    return this.results.pareto(query.orgUnit, query.period, query.survey);
  }
}
