import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/configuration';
import { ReadCache } from './common/read-cache';
import { ConfigurationService } from './config/configuration.service';
import { dataSourceOptions } from './db/data-source';
import { HealthController } from './health/health.controller';
import { IncentivesModule } from './incentives/incentives.module';
import { InvestmentsModule } from './investments/investments.module';
import { MetricsModule } from './metrics/metrics.module';
import { OrgModule } from './org/org.module';
import { RecognitionModule } from './recognition/recognition.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { SettingsModule } from './settings/settings.module';
import { TargetsModule } from './targets/targets.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 2, retryDelay: 500 }),
        AuditModule,
        AuthModule,
        UsersModule,
        OrgModule,
        SettingsModule,
        MetricsModule,
        TargetsModule,
        ScorecardsModule,
        InvestmentsModule,
        IncentivesModule,
        RecognitionModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: ConfigurationService, useValue: new ConfigurationService(config) }, ReadCache],
      exports: [ConfigurationService, ReadCache],
    };
  }
}
