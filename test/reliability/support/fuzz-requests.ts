import fc from 'fast-check';
import type { Operation } from './openapi.js';
import type { PreparedRequest } from './scenarios.js';
import type { Persona } from './world.js';

/** One generated request: what the fuzz test sends and reports. */
export interface FuzzCase {
  persona: Persona;
  /** What was changed from the valid call, for the report. */
  mutation: string;
  method: string;
  url: string;
  body?: unknown;
  /** Sent as is instead of `body` (broken JSON, invalid UTF-8, deep nesting). */
  raw?: string | Buffer;
  contentType?: string;
}

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE app_user; --",
  '" OR 1=1 --',
  "1' AND pg_sleep(5)--",
  "admin'--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '%',
  '_',
  '\\',
  '$where',
  '{"$gt":""}',
  'NaN',
  'Infinity',
  '-0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
];

const ODD_TEXT = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202eevil',
  '\ufeffbom',
  '\u200b\u200c\u200d',
  'Ô\u0323\u0300'.repeat(50),
  'O\u0302\u0323 NFD Hội Người mù',
  '👨‍👩‍👧‍👦🇻🇳',
  'ﷺ',
  '\u{10ffff}',
  'Đ'.repeat(1001),
  'x'.repeat(20_001),
  ' Hội  Nông dân ',
];

const DATES = ['2023-02-30', '2023-13-01', '0000-00-00', '9999-12-31', '2023-3-3', '03/03/2023', '2023-03-03T25:61:00Z', 'now', '-001-01-01', '+275760-09-13', '1970-01-01T00:00:00.000Z', '2023-03-03 08:00'];

const UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '5b0f7d1e-0000-4000-8000-00000000000',
  '5b0f7d1e-0000-4000-8000-0000000000000',
  '{5b0f7d1e-0000-4000-8000-000000000000}',
  '5b0f7d1e000040008000000000000000',
  'g5b0f7d1-0000-4000-8000-000000000000',
];

const NUMBERS = [-1, 0, -0, 0.5, -0.5, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 99_999_999_999, 1e-300, 2000, 2100, 1999, 2101];

/** Deep nesting, written as text: JSON.stringify of such a value would itself overflow the stack. */
const deepText = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth);

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS, ...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES, ...UUIDS) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: 1_001, max: 60_000 }).map((n) => 'ĐỘC LẬP '.repeat(Math.ceil(n / 8))) },
);

const smallJson = fc.jsonValue({ maxDepth: 3 });

/** Any JSON value that is likely the wrong one for a field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...NUMBERS, null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 2, arbitrary: smallJson },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(smallJson, { minLength: 501, maxLength: 600 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }).map((depth) => JSON.parse(deepText(depth, '{"a":', '}')) as unknown) },
);

const UNKNOWN_KEYS = ['isAdmin', 'role', 'id', 'createdAt', 'version', '__proto__', 'constructor', 'prototype', '$where', '', ' ', 'Ổ', 'a.b', 'toString'];

const PERSONA_WEIGHTS: [Persona, number][] = [
  ['admin', 4],
  ['staff', 2],
  ['leader', 2],
  ['member', 2],
  ['outsider', 1],
  ['otherLeader', 1],
  ['anonymous', 1],
  ['expired', 1],
  ['foreignSecret', 1],
];
const persona = fc.oneof(...PERSONA_WEIGHTS.map(([p, weight]) => ({ weight, arbitrary: fc.constant(p) })));

type Path = (string | number)[];

/** Every place in a JSON value where a field or an element sits. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** Objects (including the root) where an unknown field can be added. */
function objectPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...prefix, k]))];
  return [];
}

function edit(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return copy;
}

const RAW_BODIES: fc.Arbitrary<{ raw: string | Buffer; mutation: string; contentType?: string }> = fc.oneof(
  fc.constant({ raw: '{"name":', mutation: 'truncated JSON' }),
  fc.constant({ raw: '{"a":1,"a":2}', mutation: 'duplicate keys' }),
  fc.constant({ raw: '{"__proto__":{"role":"admin"}}', mutation: '__proto__ pollution' }),
  fc.constant({ raw: '{"constructor":{"prototype":{"role":"admin"}}}', mutation: 'constructor pollution' }),
  fc.constant({ raw: '{"n":1e999}', mutation: 'number overflow' }),
  fc.constant({ raw: '\ufeff{}', mutation: 'BOM' }),
  fc.constant({ raw: 'null', mutation: 'null body' }),
  fc.constant({ raw: '"text"', mutation: 'string body' }),
  fc.constant({ raw: '', mutation: 'empty body' }),
  fc.constant({ raw: '{"name":"x"}', mutation: 'text/plain', contentType: 'text/plain' }),
  fc.constant({ raw: 'name=x', mutation: 'form body', contentType: 'application/x-www-form-urlencoded' }),
  fc.constant({ raw: '{"name":"x"}', mutation: 'latin1 charset', contentType: 'application/json; charset=latin1' }),
  fc.constant({ raw: Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x22, 0x7d]), mutation: 'invalid UTF-8' }),
  fc.integer({ min: 1_000, max: 400_000 }).map((depth) => ({ raw: deepText(depth, '[', ']'), mutation: `array nesting ${depth}` })),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => ({ raw: deepText(depth, '{"a":', '}'), mutation: `object nesting ${depth}` })),
  fc.integer({ min: 1_050_000, max: 1_200_000 }).map((n) => ({ raw: JSON.stringify({ name: 'x'.repeat(n) }), mutation: 'body over 1 MB' })),
);

/** Path or query values, as already-encoded text: some are not valid percent-encoding or UTF-8. */
const ENCODED_ODDITIES = ['%ff%fe', '%ED%A0%80', '%00', '%2e%2e%2f%2e%2e%2f', '..', '%20', '%252F', '%E2%80%AE', '1e3', '-2025', '2025.5', '0x7e9', '99999999999999999999', '+2025', '%202025', '2025%20'];

function encode(value: string): string {
  // Lone surrogates cannot be percent-encoded as UTF-8: send their replacement, as a browser would.
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** Generated requests for one operation, around its valid call `base`. */
export function fuzzCases(op: Operation, base: PreparedRequest): fc.Arbitrary<FuzzCase> {
  const [basePath, baseQuery = ''] = base.url.split('?');
  const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const make = (fields: Partial<FuzzCase> & { mutation: string }) =>
    persona.map((who): FuzzCase => ({ persona: who, method: op.method, url: base.url, body: base.body, ...fields }));

  const arbitraries: { weight: number; arbitrary: fc.Arbitrary<FuzzCase> }[] = [];
  // The valid call itself, as anyone: the baseline every mutation departs from.
  arbitraries.push({ weight: 1, arbitrary: make({ mutation: 'none' }) });

  if (op.body) {
    const fieldPaths = paths(base.body);
    const holders = objectPaths(base.body);
    arbitraries.push({ weight: 2, arbitrary: wrongValue.chain((body) => make({ mutation: 'whole body replaced', body })) });
    arbitraries.push({ weight: 2, arbitrary: RAW_BODIES.chain(({ raw, mutation, contentType }) => make({ mutation, raw, contentType, body: undefined })) });
    if (fieldPaths.length > 0) {
      arbitraries.push({
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom(...fieldPaths), wrongValue)
          .chain(([path, value]) => make({ mutation: `${path.join('.')} := ${preview(value)}`, body: edit(base.body, path, (p, k) => (p[k] = value)) })),
      });
      arbitraries.push({
        weight: 2,
        arbitrary: fc.constantFrom(...fieldPaths).chain((path) =>
          make({
            mutation: `${path.join('.')} removed`,
            body: edit(base.body, path, (p, k) => (Array.isArray(p) ? (p as unknown[]).splice(Number(k), 1) : delete p[k])),
          }),
        ),
      });
    }
    if (holders.length > 0) {
      arbitraries.push({
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...holders), fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 10 })), wrongValue)
          .chain(([path, key, value]) =>
            make({
              mutation: `unknown field ${[...path, key].join('.')}`,
              body: edit({ root: base.body }, ['root', ...path, key], (p, k) => Object.defineProperty(p, k, { value, enumerable: true, writable: true, configurable: true })),
            }).map((c) => ({ ...c, body: (c.body as { root: unknown }).root })),
          ),
      });
    }
  } else {
    arbitraries.push({ weight: 1, arbitrary: smallJson.chain((body) => make({ mutation: 'unexpected body', body: body === null ? {} : body })) });
  }

  if (pathParams.length > 0) {
    const segments = basePath.split('/');
    const positions = op.path
      .split('/')
      .map((s, i) => (s.startsWith('{') ? i : -1))
      .filter((i) => i >= 0);
    arbitraries.push({
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...positions), fc.oneof(oddString.map(encode), fc.constantFrom(...ENCODED_ODDITIES), fc.uuid()))
        .chain(([position, value]) => {
          const changed = [...segments];
          changed[position] = value;
          return make({ mutation: `path ${op.path.split('/')[position]} := ${value.slice(0, 60)}`, url: changed.join('/') + (baseQuery ? `?${baseQuery}` : '') });
        }),
    });
  }

  arbitraries.push({
    weight: queryParams.length > 0 ? 3 : 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(...(queryParams.length ? queryParams : ['limit'])), fc.constantFrom('unknown', '__proto__', 'limit[]', 'q[$ne]')),
        fc.oneof(oddString.map(encode), fc.constantFrom(...ENCODED_ODDITIES), fc.constantFrom('-1', '0', '501', '1e9', 'abc', '1.5', '')),
        fc.boolean(),
      )
      .chain(([name, value, twice]) => {
        const q = [baseQuery, `${encode(name)}=${value}`, twice ? `${encode(name)}=${value}` : ''].filter(Boolean).join('&');
        return make({ mutation: `query ${name}=${value.slice(0, 60)}${twice ? ' (twice)' : ''}`, url: `${basePath}?${q}` });
      }),
  });
  return fc.oneof(...arbitraries);
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…(${text.length})` : text;
}
