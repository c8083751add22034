import { timingSafeEqual } from 'node:crypto';

/** What GET /api/verify/:code answers for a valid code. */
export interface VerifiedDocument {
  valid: true;
  kind: 'award' | 'covenant';
  code: string;
  /** SHA-256 of the content the code certifies, which still matches the stored record. */
  contentHash: string;
  year: number;
  [detail: string]: unknown;
}

/**
 * One kind of document that carries verification codes. `verify` makes the same database query and
 * the same hash computation whether or not the code exists, and answers null both for an unknown
 * code and for a record that no longer matches the hash taken when it was issued.
 */
export abstract class VerificationSource {
  abstract verify(code: string): Promise<VerifiedDocument | null>;
}

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
