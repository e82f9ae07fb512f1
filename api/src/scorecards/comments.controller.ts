import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ScorecardComment } from '@lodestar/contracts';
import { Roles } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { CommentsService } from './comments.service';
import { CreateScorecardCommentDto } from './dto/create-comment.dto';

@ApiTags('scorecards')
@Controller('scorecards/org-units/:key/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** A comment on the unit's scorecard for a period (optionally on one metric): its executive, an executive above it, or a CX lead. */
  @Post()
  @Roles('EXECUTIVE', 'CX_LEAD')
  create(
    @CurrentUser() actor: RequestUser,
    @Param('key') key: string,
    @Body() body: CreateScorecardCommentDto,
  ): Promise<ScorecardComment> {
    return this.comments.create(actor, key, body);
  }
}
