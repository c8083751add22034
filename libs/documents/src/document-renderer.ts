import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { renderCertificate, streamCertificates } from './certificate/certificate-renderer.js';
import { renderCovenant } from './covenant/covenant-renderer.js';
import type { FontSet } from './fonts/document-fonts.js';
import type { PdfIdentity } from './layout/pdf-writer.js';
import { renderAnnualReport } from './report/annual-report-renderer.js';
import type { AnnualReport, AwardCertificate, CovenantDocument } from './view-models.js';

/** Injection token of the fonts parsed once at start-up. */
export const DOCUMENT_FONTS = Symbol('DOCUMENT_FONTS');

/** The PDF documents, rendered with the fonts the application parsed once. */
@Injectable()
export class DocumentRenderer {
  constructor(@Inject(DOCUMENT_FONTS) private readonly fonts: FontSet) {}

  covenant(document: CovenantDocument): Promise<Buffer> {
    return renderCovenant(this.fonts, document);
  }

  certificate(certificate: AwardCertificate): Promise<Buffer> {
    return renderCertificate(this.fonts, certificate);
  }

  certificates(identity: PdfIdentity, certificates: AsyncIterable<AwardCertificate> | Iterable<AwardCertificate>, out: Writable): Promise<number> {
    return streamCertificates(this.fonts, identity, certificates, out);
  }

  annualReport(report: AnnualReport): Promise<Buffer> {
    return renderAnnualReport(this.fonts, report);
  }
}
