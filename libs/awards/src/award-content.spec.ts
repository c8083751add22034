import { describe, expect, it } from '@jest/globals';
import { type AwardContent, awardContentHash, canonicalAwardContent } from './award-content.js';

const award: AwardContent = {
  id: '5a3e2c1b-7d4f-4e6a-8b9c-0d1e2f3a4b5c',
  year: 2023,
  awardTypeCode: 'BANG_KHEN_TINH',
  organizationId: '0b9d7c5e-3f0a-4f5e-9a59-6f1c1d3b2a10',
  recipientName: 'Hội Người mù tỉnh',
  blocId: null,
  citation: 'Đã có thành tích xuất sắc',
  decisionNumber: '125/QĐ-UBND',
  decisionDate: '2024-01-15',
  issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
  signerTitle: 'Chủ tịch',
  signerName: 'Võ Trọng Hải',
  place: 'Hà Tĩnh',
  goldenBookNumber: null,
  verificationCode: 'P3NV-8WQZ-47MKD',
};

describe('award content hash', () => {
  it('is the SHA-256 of a fixed, documented form', () => {
    const canonical = canonicalAwardContent(award);
    expect(canonical.startsWith('{"format":"award/1","awardTypeCode":"BANG_KHEN_TINH","blocId":null,')).toBe(true);
    expect(awardContentHash(award)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the Unicode form or the order of the fields it is given', () => {
    const shuffled = Object.fromEntries(Object.entries(award).reverse()) as AwardContent;
    expect(awardContentHash({ ...shuffled, recipientName: award.recipientName.normalize('NFD') })).toBe(awardContentHash(award));
  });

  it('changes when anything printed, the recipient or the code changes', () => {
    const base = awardContentHash(award);
    for (const change of [
      { organizationId: '11111111-1111-4111-8111-111111111111' },
      { recipientName: 'Hội Người mù tỉnh ' },
      { citation: 'Đã có thành tích' },
      { decisionNumber: '126/QĐ-UBND' },
      { decisionDate: '2024-01-16' },
      { year: 2024 },
      { goldenBookNumber: '1' },
      { verificationCode: 'P3NV-8WQZ-47MKE' },
    ] satisfies Partial<AwardContent>[]) {
      expect(awardContentHash({ ...award, ...change })).not.toBe(base);
    }
  });
});
