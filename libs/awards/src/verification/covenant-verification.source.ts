import { Injectable } from '@nestjs/common';
import { CovenantsService } from '#app/covenants';
import { VerificationSource, type VerifiedDocument } from './verified-document.js';

/**
 * Covenant codes: the covenants library looks the code up and recomputes the hash of the stored
 * content; only a covenant whose content still matches the hash it was opened and signed with is
 * vouched for.
 */
@Injectable()
export class CovenantVerificationSource extends VerificationSource {
  constructor(private readonly covenants: CovenantsService) {
    super();
  }

  async verify(code: string): Promise<VerifiedDocument | null> {
    const found = await this.covenants.verifyByCode(code);
    if (!found?.contentMatches || !found.covenant.contentHash || !found.covenant.verificationCode) return null;
    const c = found.covenant;
    return {
      valid: true,
      kind: 'covenant',
      code: c.verificationCode!,
      contentHash: c.contentHash!,
      year: c.year,
      bloc: { id: c.blocId, name: c.blocName },
      covenant: {
        id: c.id,
        title: c.title,
        theme: c.theme,
        status: c.status,
        version: c.version,
        targets: c.targets.length,
        openedAt: c.openedAt,
        inForceAt: c.inForceAt,
      },
      signatures: c.signatures.map((s) => ({ organizationName: s.organizationName, role: s.role, signedAt: s.signedAt })),
      awaiting: c.awaiting.map((a) => a.name),
    };
  }
}
