import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { CxResultsService } from './cx-results.service';
import { MeasurementsController } from './measurements.controller';
import { MeasurementsService } from './measurements.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { VocController } from './voc.controller';
import { VocImportsService } from './voc-imports.service';
import { VocResponsesService } from './voc-responses.service';

/** Metric definitions, measurements of the other metrics, and the voice of the customer: imports, answers, CX results and Pareto. */
@Module({
  imports: [SettingsModule],
  controllers: [MetricsController, MeasurementsController, VocController],
  providers: [MetricsService, MeasurementsService, VocImportsService, VocResponsesService, CxResultsService],
  exports: [CxResultsService, MeasurementsService],
})
export class MetricsModule {}
