import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Response } from 'superagent';

/** A piece of text as pdf.js places it: x and y from the bottom-left corner, in points. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text in reading order, lines separated by newlines. */
  text: string;
  items: PlacedText[];
}

export interface ReadPdf {
  pages: PdfPage[];
  /** Every page's text with runs of white space (line breaks included) as single spaces. */
  flatText: string;
  info: Record<string, unknown>;
}

/** Reads a PDF back the way a user's viewer would, with pdf.js: the text, where it is, the page sizes. */
export async function readPdf(data: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const textItems = content.items.filter((i): i is TextItem => 'str' in i);
      pages.push({
        width,
        height,
        text: textItems.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''),
        items: textItems
          .filter((i) => i.str.trim() !== '')
          .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, height: i.height })),
      });
    }
    const { info } = await document.getMetadata();
    return { pages, flatText: flatten(pages.map((p) => p.text).join('\n')), info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** White space collapsed: a name wrapped over two lines still reads as the name. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text that leaves the page's printable box (margins in points), for "nothing runs off the page" checks. */
export function outsideBox(page: PdfPage, margins: { top: number; bottom: number; left: number; right: number }, tolerance = 0.5): PlacedText[] {
  return page.items.filter(
    (i) =>
      i.x < margins.left - tolerance ||
      i.x + i.width > page.width - margins.right + tolerance ||
      i.y < margins.bottom - tolerance ||
      i.y + i.height > page.height - margins.top + tolerance,
  );
}

/** A supertest parser that keeps the body as bytes: `.buffer(true).parse(binary)`. */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the HTTP response stream itself.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}
