import { describe, expect, it } from '@jest/globals';
import { generateVerificationCode, normalizeVerificationCode } from './verification-code.js';

describe('verification codes', () => {
  it('are 13 Crockford base32 symbols grouped 4-4-5', () => {
    for (let i = 0; i < 200; i++) expect(generateVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('do not repeat over many draws and use the whole alphabet', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generateVerificationCode()));
    expect(codes.size).toBe(5000);
    const symbols = new Set([...codes].join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('read back from what a person types', () => {
    const code = generateVerificationCode();
    expect(normalizeVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeVerificationCode('abcd-efgh-jkmno')).toBe('ABCD-EFGH-JKMN0');
    expect(normalizeVerificationCode('ABCD-EFGH-JKMNU')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH')).toBeNull();
  });
});
