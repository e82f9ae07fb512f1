import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { CxResultsService } from './cx-results.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { VocController } from './voc.controller';
import { VocImportsService } from './voc-imports.service';
import { VocResponsesService } from './voc-responses.service';

/** Metric definitions and the voice of the customer: imports, answers, CX results and Pareto. */
@Module({
  imports: [SettingsModule],
  controllers: [MetricsController, VocController],
  providers: [MetricsService, VocImportsService, VocResponsesService, CxResultsService],
  exports: [CxResultsService],
})
export class MetricsModule {}
