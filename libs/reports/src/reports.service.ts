import { Injectable } from '@nestjs/common';
import { AwardsService } from '#app/awards';
import { CovenantsService } from '#app/covenants';
import { DocumentRenderer } from '#app/documents';
import { AnnualReportAssembler } from './annual-report.assembler.js';
import { covenantDocument } from './covenant-document.mapper.js';

/** The printed bloc documents: the covenant and the annual report. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly covenants: CovenantsService,
    private readonly awards: AwardsService,
    private readonly assembler: AnnualReportAssembler,
    private readonly renderer: DocumentRenderer,
  ) {}

  async covenantPdf(id: string): Promise<Buffer> {
    const covenant = await this.covenants.getView(id);
    return this.renderer.covenant(covenantDocument(covenant, (code) => this.awards.verificationUrl(code)));
  }

  async annualReportPdf(blocId: string, year: number): Promise<Buffer> {
    return this.renderer.annualReport(await this.assembler.assemble(blocId, year));
  }
}
