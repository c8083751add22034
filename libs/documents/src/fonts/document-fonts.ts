import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * What pdfkit accepts as a font: a path or bytes (parsed again for every document), or a parsed
 * fontkit font (parsed once, shared by every document).
 */
export type FontSource = string | Uint8Array | fontkit.Font;

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export type FontSet = Record<FontStyle, FontSource>;

const require = createRequire(import.meta.url);

const TINOS_FILES: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** Paths of the four Tinos files (metric-compatible with Times New Roman, every Vietnamese letter). */
export function tinosFontPaths(): FontSet {
  const out = {} as Record<FontStyle, string>;
  for (const [style, file] of Object.entries(TINOS_FILES) as [FontStyle, string][]) out[style] = require.resolve(file);
  return out;
}

/**
 * Parses the four Tinos faces once. pdfkit re-parses a font given as a path or bytes for every
 * document (most of a certificate's rendering time); a parsed font is reused as is by every
 * document, including documents rendered concurrently.
 */
export function loadTinosFonts(): FontSet {
  const out = {} as Record<FontStyle, fontkit.Font>;
  for (const [style, path] of Object.entries(tinosFontPaths()) as [FontStyle, string][]) {
    const font = fontkit.create(readFileSync(path));
    out[style] = withSharedLayoutCache(withCodePointsFixed(font));
    memoizeGlyphDecoding(font);
  }
  return out;
}

/**
 * fontkit caches one glyph object per glyph id, with the characters it was first created for, and
 * pdfkit writes those characters into the PDF's text layer (ToUnicode). When a document embeds a
 * composite glyph such as "Ý", its component "Y" is created with no characters; a later document
 * sharing the font then extracts "HUYỆN" as "HU ỆN". Creating every mapped glyph from its code
 * point first makes the cached characters right whatever is printed next.
 */
function withCodePointsFixed(font: fontkit.Font): fontkit.Font {
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface Run {
  glyphs: unknown[];
  positions: Position[];
}

/** Words kept per face (Vietnamese has some 7,000 syllables); past this the cache starts again, a bound for a long-running server. */
const LAYOUT_CACHE_WORDS = 10_000;

/** What pdfkit reads of a fontkit glyph run; it scales `positions` in place, so each caller gets its own. */
class SharedRun {
  readonly glyphs: unknown[];
  readonly positions: Position[];

  constructor(run: Run) {
    this.glyphs = run.glyphs;
    this.positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  }

  get advanceWidth(): number {
    return this.positions.reduce((sum, p) => sum + p.xAdvance, 0);
  }
}

/**
 * Shaping a word (OpenType substitutions and positioning) is most of the cost of drawing text, and
 * pdfkit caches it only within one document. The same words recur in every document, so their
 * shaping is cached here once for all documents (a fresh run is shaped directly for the caller).
 */
function withSharedLayoutCache(font: fontkit.Font): fontkit.Font {
  const layout = font.layout.bind(font) as (text: string, features?: unknown) => Run;
  const cache = new Map<string, Run>();
  const shared = (text: string, features?: unknown): Run => {
    if (features !== undefined) return layout(text, features);
    const cached = cache.get(text);
    if (cached) return new SharedRun(cached);
    const run = layout(text);
    // Numbers and codes (decision numbers, verification codes) rarely recur: only words are kept.
    if (!/\d/.test(text)) {
      if (cache.size >= LAYOUT_CACHE_WORDS) cache.clear();
      cache.set(text, new SharedRun(run));
    }
    return run;
  };
  return Object.assign(font, { layout: shared });
}

type DecodableGlyph = { _decode(): unknown };
const decoded = new WeakMap<object, unknown>();
const memoized = new WeakSet<object>();

/**
 * Embedding a font subset in a PDF decodes every glyph it includes (only to learn whether it is
 * composite), for every document: a fifth of a certificate's rendering time. A glyph's outline
 * never changes, so it is decoded once per glyph object (fontkit keeps one per glyph id and font).
 */
function memoizeGlyphDecoding(font: fontkit.Font): void {
  const prototype = Object.getPrototypeOf(font.glyphForCodePoint(0x41)) as DecodableGlyph;
  if (memoized.has(prototype)) return;
  memoized.add(prototype);
  const decode = prototype._decode;
  prototype._decode = function (this: DecodableGlyph) {
    if (!decoded.has(this)) decoded.set(this, decode.call(this));
    return decoded.get(this);
  };
}
