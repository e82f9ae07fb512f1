import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Statement, StatementSummary } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { RecomputeStatementsQuery, StatementListQuery } from './dto/statement.dto';
import { StatementsService, type RecomputeResult } from './statements.service';

const statementId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException('The statement id must be a UUID, as GET /api/v1/statements lists them.'),
});

/**
 * Statements: HR and approvers see everyone's, anyone else only their own (naming someone else
 * is refused). The exports' controller is registered before this one, so that `export` and
 * `payroll` are not taken for statement ids.
 */
@ApiTags('statements')
@Controller('statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  /** Newest quarter first; an open quarter's projections are brought up to date before they are listed. */
  @Get()
  @SignedIn()
  list(
    @CurrentUser() viewer: RequestUser,
    @Query() query: StatementListQuery,
  ): Promise<Page<StatementSummary>> {
    return this.statements.list(viewer, query);
  }

  /** Recomputes every projection of an open quarter; a closed quarter's statements stay as they were locked. */
  @Post('recompute')
  @HttpCode(200)
  @Roles('HR')
  recompute(
    @CurrentUser() actor: RequestUser,
    @Query() query: RecomputeStatementsQuery,
  ): Promise<RecomputeResult> {
    return this.statements.recomputeAs(actor, query.period);
  }

  /** The owner's, or anyone's for HR and approvers (that read is audited); 403 for anyone else. */
  @Get(':id')
  @SignedIn()
  get(@CurrentUser() viewer: RequestUser, @Param('id', statementId) id: string): Promise<Statement> {
    return this.statements.get(viewer, id);
  }
}
