import { createHash } from 'node:crypto';
import type { Award } from './entities/award.entity.js';

/** What an award's verification code certifies: everything printed on its certificate. */
export type AwardContent = Pick<
  Award,
  | 'id'
  | 'year'
  | 'awardTypeCode'
  | 'organizationId'
  | 'recipientName'
  | 'blocId'
  | 'citation'
  | 'decisionNumber'
  | 'decisionDate'
  | 'issuerTitle'
  | 'signerTitle'
  | 'signerName'
  | 'place'
  | 'goldenBookNumber'
  | 'verificationCode'
>;

const FIELDS = [
  'awardTypeCode',
  'blocId',
  'citation',
  'decisionDate',
  'decisionNumber',
  'goldenBookNumber',
  'id',
  'issuerTitle',
  'organizationId',
  'place',
  'recipientName',
  'signerName',
  'signerTitle',
  'verificationCode',
  'year',
] as const satisfies readonly (keyof AwardContent)[];

/**
 * The canonical form that is hashed: a JSON object with a format tag and the fields in a fixed
 * (alphabetical) order, text in NFC, absent values as null. Changing any printed field, the
 * recipient or the code changes the hash.
 */
export function canonicalAwardContent(award: AwardContent): string {
  const out: Record<string, string | number | null> = { format: 'award/1' };
  for (const field of FIELDS) {
    const value = award[field];
    out[field] = typeof value === 'string' ? value.normalize('NFC') : (value ?? null);
  }
  return JSON.stringify(out);
}

/** SHA-256 of the canonical content, lowercase hex. */
export function awardContentHash(award: AwardContent): string {
  return createHash('sha256').update(canonicalAwardContent(award), 'utf8').digest('hex');
}
