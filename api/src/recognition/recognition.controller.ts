import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CompanyValueTag,
  FeedItem,
  Leaderboard,
  Page,
  RecognitionAnalytics,
  RecognitionBudget,
  RecognitionSettings,
} from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import {
  AnalyticsQuery,
  CompanyValueTagDto,
  FeedQuery,
  LeaderboardQuery,
  RecognitionBudgetDto,
  RecognitionBudgetQuery,
  RecognitionSettingsDto,
} from './dto/recognition-settings.dto';
import { NominationsService } from './nominations.service';
import { RecognitionInsightsService } from './recognition-insights.service';
import { RecognitionSettingsService } from './recognition-settings.service';

@ApiTags('recognition')
@Controller('recognition')
export class RecognitionController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly programme: RecognitionSettingsService,
    private readonly insights: RecognitionInsightsService,
  ) {}

  /** Awarded nominations, newest first. */
  @Get('feed')
  @SignedIn()
  feed(@Query() query: FeedQuery): Promise<Page<FeedItem>> {
    return this.nominations.feed(query);
  }

  /** People and units by points in a fiscal quarter or year. */
  @Get('leaderboard')
  @SignedIn()
  leaderboard(@Query() query: LeaderboardQuery): Promise<Leaderboard> {
    return this.insights.leaderboard(query.period);
  }

  /** The programme per quarter: prevention share, categories, budget use, spread; and concentration flags. */
  @Get('analytics')
  @Roles('CX_LEAD', 'HR', 'EXECUTIVE')
  analytics(@Query() query: AnalyticsQuery): Promise<RecognitionAnalytics> {
    return this.insights.analytics(query.from, query.to);
  }

  @Get('settings')
  @SignedIn()
  settings(): Promise<RecognitionSettings> {
    return this.programme.settings();
  }

  @Put('settings')
  @Roles('CX_LEAD')
  setSettings(
    @CurrentUser() actor: RequestUser,
    @Body() body: RecognitionSettingsDto,
  ): Promise<RecognitionSettings> {
    return this.programme.setSettings(actor, body);
  }

  /** Every unit's points for a quarter (the current one by default), used and left. */
  @Get('budgets')
  @SignedIn()
  budgets(@Query() query: RecognitionBudgetQuery): Promise<RecognitionBudget[]> {
    return this.programme.budgets(query.quarter);
  }

  @Put('budgets')
  @Roles('CX_LEAD')
  setBudget(
    @CurrentUser() actor: RequestUser,
    @Body() body: RecognitionBudgetDto,
  ): Promise<RecognitionBudget> {
    return this.programme.setBudget(actor, body);
  }

  /** The company values nominations are tagged with. */
  @Get('tags')
  @SignedIn()
  tags(): Promise<CompanyValueTag[]> {
    return this.programme.tags();
  }

  @Post('tags')
  @Roles('ADMIN')
  addTag(@CurrentUser() actor: RequestUser, @Body() body: CompanyValueTagDto): Promise<CompanyValueTag> {
    return this.programme.addTag(actor, body);
  }
}
