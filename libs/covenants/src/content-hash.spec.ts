import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalCovenant, canonicalJson, type CovenantContent, covenantContentHash } from './content-hash.js';

const sample: CovenantContent = {
  id: '0b6f3a52-6f7e-4c1e-9d0a-2f1e5c7b9a10',
  blocId: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  blocName: 'Khối các Hội đặc thù',
  year: 2023,
  title: 'Giao ước thi đua năm 2023',
  theme: 'Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất',
  preamble: null,
  place: 'Thái Bình',
  signingDate: '2023-03-03',
  targets: [
    { number: 1, title: 'Tuyên truyền', description: null, movement: null, indicator: null },
    { number: 2, title: 'Hội viên mới', description: 'Phát triển hội viên', movement: 'Cả nước chung tay vì người nghèo', indicator: { unit: 'người', targetValue: 120.5, baseline: 100 } },
  ],
};

describe('covenant content hash', () => {
  it('is the SHA-256 of the documented canonical form (test vector of docs/covenant-hash.md)', () => {
    expect(canonicalCovenant(sample)).toBe(
      '{"blocId":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","blocName":"Khối các Hội đặc thù","format":"thi-dua/covenant/v1",' +
        '"id":"0b6f3a52-6f7e-4c1e-9d0a-2f1e5c7b9a10","place":"Thái Bình","preamble":null,"signingDate":"2023-03-03",' +
        '"targets":[{"description":null,"indicator":null,"movement":null,"number":1,"title":"Tuyên truyền"},' +
        '{"description":"Phát triển hội viên","indicator":{"baseline":100,"targetValue":120.5,"unit":"người"},' +
        '"movement":"Cả nước chung tay vì người nghèo","number":2,"title":"Hội viên mới"}],' +
        '"theme":"Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất",' +
        '"title":"Giao ước thi đua năm 2023","year":2023}',
    );
    expect(covenantContentHash(sample)).toMatch(/^[0-9a-f]{64}$/);
    expect(covenantContentHash(sample)).toBe(HASH_OF_SAMPLE);
  });

  it('does not depend on Unicode form, key order or target order', () => {
    const nfd = JSON.parse(JSON.stringify(sample).normalize('NFD')) as CovenantContent;
    expect(covenantContentHash(nfd)).toBe(covenantContentHash(sample));
    const shuffled: CovenantContent = { ...Object.fromEntries(Object.entries(sample).reverse()), targets: [...sample.targets].reverse() } as CovenantContent;
    expect(covenantContentHash(shuffled)).toBe(covenantContentHash(sample));
  });

  it('changes with any part of the content', () => {
    const base = covenantContentHash(sample);
    const variants: Partial<CovenantContent>[] = [
      { title: 'Giao ước thi đua năm 2023.' },
      { theme: null },
      { preamble: '' },
      { signingDate: '2023-03-04' },
      { year: 2024 },
      { blocName: 'Khối các Hội quần chúng' },
      { targets: [sample.targets[0]] },
      { targets: [sample.targets[0], { ...sample.targets[1], indicator: { unit: 'người', targetValue: 120.5, baseline: null } }] },
      { targets: [sample.targets[0], { ...sample.targets[1], movement: null }] },
    ];
    for (const v of variants) expect(covenantContentHash({ ...sample, ...v })).not.toBe(base);
  });

  it('writes canonical JSON that parses back to the same value, with sorted keys and no spaces', () => {
    fc.assert(
      // NFC input, so that parsing back gives the value itself (normalisation is tested above)
      fc.property(fc.jsonValue().filter((v) => JSON.stringify(v) === JSON.stringify(v)?.normalize('NFC')), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)) ?? null);
      }),
    );
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 0.1, A: -0 })).toBe('{"A":0,"a":[true,null,"x"],"b":1,"é":0.1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

// Computed independently: Python's json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False) + hashlib.sha256.
const HASH_OF_SAMPLE = '46e96ee31f1081e83033cc9874ff1cd82bf918b04e57c1eb3c324a2135604fac';
