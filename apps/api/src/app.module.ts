import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AuditModule, ConfigModule, RateLimitModule } from '#app/core';
import { AuthModule } from '#app/auth';
import { AwardsModule } from '#app/awards';
import { BlocsModule } from '#app/blocs';
import { CovenantsModule } from '#app/covenants';
import { EvaluationModule } from '#app/evaluation';
import { OrganizationsModule } from '#app/organizations';
import { ProgressModule } from '#app/progress';
import { ReportsModule } from '#app/reports';
import { DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { DATABASE_URL: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.DATABASE_URL),
        AuditModule,
        RateLimitModule,
        AuthModule,
        OrganizationsModule,
        BlocsModule,
        CovenantsModule,
        AwardsModule,
        EvaluationModule,
        ProgressModule,
        ReportsModule,
      ],
      controllers: [HealthController],
    };
  }
}
