import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { CxIndexWeightsController } from './cx-index-weights.controller';
import { CxIndexWeightsService } from './cx-index-weights.service';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/** Targets per metric, unit and fiscal period, the bands that apply to any period, and the CX index weights. */
@Module({
  imports: [SettingsModule],
  controllers: [TargetsController, CxIndexWeightsController],
  providers: [TargetsService, CxIndexWeightsService],
  exports: [TargetsService, CxIndexWeightsService],
})
export class TargetsModule {}
