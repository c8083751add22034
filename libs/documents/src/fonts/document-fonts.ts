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
    out[style] = withCodePointsFixed(fontkit.create(readFileSync(path)));
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
