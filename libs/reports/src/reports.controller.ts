import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { UuidParam, YearParam } from '#app/core';
import { ReportsService } from './reports.service.js';

const PDF = 'application/pdf';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('covenants/:id/document.pdf')
  @ApiProduces(PDF)
  async covenant(@UuidParam('id') id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.covenantPdf(id), { type: PDF, disposition: `inline; filename="giao-uoc-${id}.pdf"` });
  }

  @Get('blocs/:blocId/years/:year/report.pdf')
  @ApiProduces(PDF)
  async annualReport(@UuidParam('blocId') blocId: string, @YearParam('year') year: number): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.annualReportPdf(blocId, year), { type: PDF, disposition: `inline; filename="bao-cao-${year}-${blocId}.pdf"` });
  }
}
