import { createHash } from 'node:crypto';

/** Identifies the canonical form, so that a later change of the form cannot be mistaken for this one. */
export const CANONICAL_FORMAT = 'thi-dua/covenant/v1';

/** What a covenant's hash covers: the text the members agree to, and which bloc year it binds. */
export interface CovenantContent {
  id: string;
  blocId: string;
  blocName: string;
  year: number;
  title: string;
  theme: string | null;
  preamble: string | null;
  place: string | null;
  signingDate: string | null;
  targets: {
    number: number;
    title: string;
    description: string | null;
    movement: string | null;
    indicator: { unit: string; targetValue: number; baseline: number | null } | null;
  }[];
}

/**
 * JSON with object keys sorted by UTF-16 code units, no white space, every string in NFC and
 * numbers in ECMAScript's shortest round-trip form (as RFC 8785, JCS). See docs/covenant-hash.md.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON has no form for a non-finite number');
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON has no form for ${typeof value}`);
}

/** The exact document that is hashed: every field present (null when unset), nothing else. */
export function canonicalCovenant(content: CovenantContent): string {
  return canonicalJson({
    format: CANONICAL_FORMAT,
    id: content.id,
    blocId: content.blocId,
    blocName: content.blocName,
    year: content.year,
    title: content.title,
    theme: content.theme,
    preamble: content.preamble,
    place: content.place,
    signingDate: content.signingDate,
    targets: [...content.targets].sort((a, b) => a.number - b.number).map((t) => ({
      number: t.number,
      title: t.title,
      description: t.description,
      movement: t.movement,
      indicator: t.indicator ? { unit: t.indicator.unit, targetValue: t.indicator.targetValue, baseline: t.indicator.baseline } : null,
    })),
  });
}

/** SHA-256 of the UTF-8 bytes of the canonical form, as 64 lowercase hex digits. */
export function covenantContentHash(content: CovenantContent): string {
  return createHash('sha256').update(canonicalCovenant(content), 'utf8').digest('hex');
}
