import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ActionPlansController } from './action-plans.controller';
import { ActionPlansService } from './action-plans.service';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { ScorecardExportController } from './scorecard-export.controller';
import { ScorecardSources } from './scorecard-sources';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

/** Company and unit scorecards, their comment threads and action plans. */
@Module({
  imports: [SettingsModule],
  controllers: [ScorecardsController, ScorecardExportController, CommentsController, ActionPlansController],
  providers: [ScorecardsService, ScorecardSources, CommentsService, ActionPlansService],
  // pay reads a unit's figures the way its scorecard does, through the same reads
  exports: [ScorecardSources],
})
export class ScorecardsModule {}
