import { Injectable } from '@nestjs/common';
import { type AwardContent, awardContentHash } from '../award-content.js';
import { AwardsRepository } from '../awards.repository.js';
import { sameHash, VerificationSource, type VerifiedDocument } from './verified-document.js';

/** Hashed in place of a missing award, so that a miss costs what a hit costs. */
const STAND_IN: AwardContent = {
  id: '00000000-0000-4000-8000-000000000000',
  year: 2000,
  awardTypeCode: 'BANG_KHEN_TINH',
  organizationId: '00000000-0000-4000-8000-000000000000',
  recipientName: 'Hội thử nghiệm tỉnh',
  blocId: null,
  citation: 'Đã có thành tích xuất sắc trong phong trào thi đua',
  decisionNumber: '000/QĐ-UBND',
  decisionDate: '2000-01-01',
  issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
  signerTitle: 'Chủ tịch',
  signerName: 'Nguyễn Văn A',
  place: null,
  goldenBookNumber: null,
  verificationCode: '0000-0000-00000',
};

@Injectable()
export class AwardVerificationSource extends VerificationSource {
  constructor(private readonly awards: AwardsRepository) {
    super();
  }

  async verify(code: string): Promise<VerifiedDocument | null> {
    const award = await this.awards.findByVerificationCode(code);
    const hash = awardContentHash(award ?? STAND_IN);
    if (!award || !sameHash(hash, award.contentHash)) return null;
    return {
      valid: true,
      kind: 'award',
      code: award.verificationCode,
      contentHash: award.contentHash,
      year: award.year,
      awardType: { code: award.awardTypeCode, name: award.awardType.name },
      recipient: { organizationId: award.organizationId, name: award.recipientName },
      blocId: award.blocId,
      citation: award.citation,
      decision: {
        number: award.decisionNumber,
        date: award.decisionDate,
        issuerTitle: award.issuerTitle,
        signerTitle: award.signerTitle,
        signerName: award.signerName,
      },
      goldenBookNumber: award.goldenBookNumber,
      issuedAt: award.createdAt,
    };
  }
}
