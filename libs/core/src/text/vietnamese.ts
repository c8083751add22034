/** NFC and trimmed: the one form in which text is stored. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Key that makes two names equal when they differ only by Unicode form, surrounding spaces or case. */
export function nameKey(value: string): string {
  return normalizeText(value).replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/**
 * Accent-free, lower-case form used for search: "Hội Người mù" → "hoi nguoi mu".
 * đ/Đ are separate letters in Unicode (no decomposition), so they are mapped by hand.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Deep copy of a JSON-like value with every string in NFC; used on all request input. */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeDeep(v);
    return out as T;
  }
  return value;
}
