import { describe, expect, it } from '@jest/globals';
import { escapeLike, foldForSearch, nameKey, normalizeDeep, normalizeText } from './vietnamese.js';

describe('Vietnamese text', () => {
  const composed = 'Hội Người mù tỉnh';
  const decomposed = composed.normalize('NFD');

  it('stores text in NFC, trimmed', () => {
    expect(decomposed).not.toBe(composed);
    expect(normalizeText(`  ${decomposed} `)).toBe(composed);
  });

  it('gives the same name key to NFD, NFC, case and spacing variants', () => {
    expect(nameKey(decomposed)).toBe(nameKey(' HỘI NGƯỜI MÙ  TỈNH '));
    expect(nameKey('Hội Người mù')).not.toBe(nameKey('Hội Người mú'));
  });

  it('folds accents and đ for search', () => {
    expect(foldForSearch(composed)).toBe('hoi nguoi mu tinh');
    expect(foldForSearch('Hội Nạn nhân chất độc da cam/Dioxin')).toBe('hoi nan nhan chat doc da cam/dioxin');
    expect(foldForSearch('ĐOÀN KẾT')).toBe('doan ket');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });

  it('normalizes strings deep inside plain objects and arrays', () => {
    const out = normalizeDeep({ a: decomposed, b: [decomposed, 1, null], c: { d: decomposed } });
    expect(out).toEqual({ a: composed, b: [composed, 1, null], c: { d: composed } });
  });
});
