import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/** Targets per metric, unit and fiscal period, and the bands that apply to any period. */
@Module({
  imports: [SettingsModule],
  controllers: [TargetsController],
  providers: [TargetsService],
  exports: [TargetsService],
})
export class TargetsModule {}
