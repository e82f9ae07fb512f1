import { Module } from '@nestjs/common';
import { FiscalCalendarService } from './fiscal-calendar.service';
import { SettingsController } from './settings.controller';

@Module({ controllers: [SettingsController], providers: [FiscalCalendarService], exports: [FiscalCalendarService] })
export class SettingsModule {}
