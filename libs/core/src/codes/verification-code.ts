import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 13; // 13 × 5 bits = 65 bits of entropy: not guessable, yet short to type

/**
 * A random code for the public verification endpoint, grouped for reading: `ABCD-EFGH-JKLMN`.
 * Codes are unique by database constraint; with 65 bits a collision is not expected in practice.
 */
export function generateVerificationCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every symbol equally likely.
  const symbols = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/**
 * The canonical form of a code typed by a person: upper case, separators and spaces dropped
 * and regrouped, and the letters Crockford maps to digits (O→0, I/L→1) replaced.
 * Returns null when what remains cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
