import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { PARTICIPANT_CSV_COLUMNS, type PlanVersion, type PlanVersionDiff } from '@lodestar/contracts';
import type { Request, Response } from 'express';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { ReplaceParticipantsDto } from './dto/participants.dto';
import { PlanVersionDiffQuery, RejectPlanVersionDto, UpdatePlanVersionDto } from './dto/plan-version.dto';
import { PlanVersionsService, type TaggedVersion } from './plan-versions.service';

const versionId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException(
      'The plan version id must be a UUID: GET /api/v1/plans lists the plans with their versions.',
    ),
});

const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description:
    'The ETag the version was read with, such as "7": 428 without it, 412 when someone changed the version since.',
};

/** Sends the version with `ETag: "<revision>"`, the value a later write gives as `If-Match`. */
function send(res: Response, tagged: TaggedVersion): PlanVersion {
  res.setHeader('ETag', tagged.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  return tagged.version;
}

@ApiTags('plans')
@Controller('plan-versions')
export class PlanVersionsController {
  constructor(private readonly versions: PlanVersionsService) {}

  /** HR and approvers read any version; an executive a published one they are a participant of (their own rows only). */
  @Get(':id')
  @Roles('HR', 'APPROVER', 'EXECUTIVE')
  async get(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.get(actor, id));
  }

  /** Changes a draft's effective-from, notes or rules (replaced whole). */
  @Patch(':id')
  @Roles('HR')
  @ApiHeader(IF_MATCH)
  async update(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePlanVersionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.update(actor, id, ifMatch, body));
  }

  /** Deletes a draft. */
  @Delete(':id')
  @HttpCode(204)
  @Roles('HR')
  remove(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.versions.remove(actor, id, ifMatch);
  }

  /** Replaces a draft's participants with the list: all valid, or none stored with every bad row named. */
  @Put(':id/participants')
  @Roles('HR')
  @ApiHeader(IF_MATCH)
  async replaceParticipants(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReplaceParticipantsDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.replaceParticipants(actor, id, ifMatch, body.participants));
  }

  /** A CSV of participants (multipart `file`) replaces a draft's list: every line valid, or 422 with every bad line. */
  @Post(':id/participants/imports')
  @HttpCode(200)
  @Roles('HR')
  @ApiHeader(IF_MATCH)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `CSV with the header ${PARTICIPANT_CSV_COLUMNS.join(',')} (any order; end_date may be left out)`,
        },
      },
    },
  })
  async importParticipants(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.importParticipants(actor, id, ifMatch, req));
  }

  /** DRAFT → IN_REVIEW; refused with every reason when the rules have problems or there are no participants. */
  @Post(':id/submit')
  @HttpCode(200)
  @Roles('HR')
  async submit(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.submit(actor, id));
  }

  /** IN_REVIEW → APPROVED, freezing the target bands it reads; never by its author or a participant. */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  async approve(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.approve(actor, id));
  }

  /** IN_REVIEW → DRAFT with the reason, which stays on the version; never by its author or a participant. */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('APPROVER')
  async reject(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Body() body: RejectPlanVersionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.reject(actor, id, body.reason));
  }

  /** APPROVED → PUBLISHED, unless a statement period from its effective-from on is closed. */
  @Post(':id/publish')
  @HttpCode(200)
  @Roles('HR')
  async publish(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersion> {
    return send(res, await this.versions.publish(actor, id));
  }

  /** What changed against another version: by default the one it was based on, else the plan's latest published one. */
  @Get(':id/diff')
  @Roles('HR', 'APPROVER')
  diff(@Param('id', versionId) id: string, @Query() query: PlanVersionDiffQuery): Promise<PlanVersionDiff> {
    return this.versions.diff(id, query.against);
  }

  /** A participant acknowledges a published version; asking again answers the first date. */
  @Post(':id/acknowledge')
  @HttpCode(200)
  @SignedIn()
  acknowledge(
    @CurrentUser() actor: RequestUser,
    @Param('id', versionId) id: string,
  ): Promise<{ acknowledgedAt: string }> {
    return this.versions.acknowledge(actor, id);
  }
}
