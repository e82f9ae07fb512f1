import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { InboxController } from './inbox.controller';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';
import { RecognitionController } from './recognition.controller';
import { RecognitionInsightsService } from './recognition-insights.service';
import { RecognitionSettingsService } from './recognition-settings.service';

/**
 * The recognition programme: nominations and their review, the feed, the leaderboard, the
 * programme analytics, its settings, budgets and company values, and the inbox that tells people
 * of decisions.
 */
@Module({
  imports: [SettingsModule],
  controllers: [NominationsController, RecognitionController, InboxController],
  providers: [NominationsService, RecognitionSettingsService, RecognitionInsightsService],
})
export class RecognitionModule {}
