import { Module } from '@nestjs/common';
import { AwardsModule } from '#app/awards';
import { DocumentsModule } from '#app/documents';
import { EvaluationModule } from '#app/evaluation';
import { ProgressModule } from '#app/progress';
import { AnnualReportAssembler } from './annual-report.assembler.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Covenant documents and annual bloc reports, assembled from the other libraries' read services. */
@Module({
  imports: [AwardsModule, DocumentsModule, EvaluationModule, ProgressModule],
  controllers: [ReportsController],
  providers: [AnnualReportAssembler, ReportsService],
})
export class ReportsModule {}
