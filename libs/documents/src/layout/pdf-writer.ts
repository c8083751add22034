import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { FontSet, FontStyle } from '../fonts/document-fonts.js';

/** Points per millimetre. */
export const MM = 72 / 25.4;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Decree 30/2020/NĐ-CP: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DECREE30_MARGINS: Margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** What makes a PDF reproducible: the same record gives the same bytes. */
export interface PdfIdentity {
  /** Identifies the record (and its version); becomes the PDF's file identifier. */
  key: string;
  /** When the record was issued or last changed; becomes the PDF's creation and modification date. */
  date: Date;
  title: string;
  subject?: string;
}

export interface PageSetup {
  layout: 'portrait' | 'landscape';
  margins: Margins;
  /** Decree 30: page numbers centred at the top from page 2. */
  pageNumbers: boolean;
  /**
   * pdfkit's own cache of shaped words lives as long as the document and grows with every distinct
   * word (each certificate prints its own code): off for long streamed documents, whose memory must
   * stay flat. Words are cached across documents by the fonts anyway (see document-fonts.ts).
   */
  wordCachePerDocument?: boolean;
}

export interface TextStyle {
  font?: FontStyle;
  size?: number;
  color?: string;
}

export type BlockOptions = TextStyle &
  Pick<PDFKit.Mixins.TextOptions, 'align' | 'indent' | 'lineGap' | 'paragraphGap' | 'height' | 'ellipsis' | 'characterSpacing'> & {
    x?: number;
    y?: number;
    width?: number;
  };

export const BLACK = '#000000';
const BODY_LINE_GAP = 1.5;

/** Every string that reaches a page goes through here: what is drawn is what extracts back. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Capitals by Vietnamese rules (ư → Ư, đ → Đ), as administrative headings are written. */
export function upper(text: string): string {
  return nfc(text).toLocaleUpperCase('vi');
}

/**
 * A pdfkit document with the fonts registered under their style names, reproducible metadata,
 * page numbers and a few layout helpers that keep text inside the page. Pages are written out as
 * soon as the next one starts (pdfkit's default), so a long document streams with flat memory.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private font: FontStyle = 'regular';
  private size = 13;
  private color = BLACK;
  private pageCount = 0;

  constructor(
    fonts: FontSet,
    identity: PdfIdentity,
    private readonly setup: PageSetup,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: setup.layout,
      margins: setup.margins,
      autoFirstPage: false,
      // No default font: pdfkit would otherwise parse Helvetica's metrics for every document.
      font: null as unknown as string,
      lang: 'vi-VN',
      fontLayoutCache: setup.wordCachePerDocument ?? true,
      displayTitle: true,
      info: {
        Title: nfc(identity.title),
        ...(identity.subject ? { Subject: nfc(identity.subject) } : {}),
        Creator: 'thi-dua',
        Producer: 'PDFKit',
        CreationDate: identity.date,
        ModDate: identity.date,
      },
    });
    // pdfkit derives the file identifier from the info dictionary; tie it to the record instead.
    (this.doc as unknown as { _id: Uint8Array })._id = createHash('sha256').update(identity.key).digest().subarray(0, 16);
    for (const style of Object.keys(fonts) as FontStyle[]) {
      this.doc.registerFont(style, fonts[style] as unknown as PDFKit.Mixins.PDFFontSource);
    }
    this.doc.on('pageAdded', () => this.onPageAdded());
  }

  get page(): PDFKit.PDFPage {
    return this.doc.page;
  }

  get left(): number {
    return this.page.margins.left;
  }

  get right(): number {
    return this.page.width - this.page.margins.right;
  }

  get top(): number {
    return this.page.margins.top;
  }

  get bottom(): number {
    return this.page.height - this.page.margins.bottom;
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  get pages(): number {
    return this.pageCount;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  addPage(options?: PDFKit.PDFDocumentOptions): this {
    this.doc.addPage(options ?? { size: 'A4', layout: this.setup.layout, margins: this.setup.margins });
    return this;
  }

  /** Sets font, size and colour; what is not given is regular, 12 pt, black (never inherited by accident). */
  use(style: TextStyle): this {
    const font = style.font ?? 'regular';
    const size = style.size ?? 12;
    this.doc.font(font, size);
    this.font = font;
    this.size = size;
    this.color = style.color ?? BLACK;
    this.doc.fillColor(this.color);
    return this;
  }

  /** Height the text takes in a box of the given width. */
  heightOf(text: string, options: BlockOptions = {}): number {
    this.use(options);
    const value = nfc(text);
    const width = options.width ?? this.contentWidth;
    if (this.fitsOneLine(value, width, options)) return this.doc.currentLineHeight(true) + (options.lineGap ?? BODY_LINE_GAP);
    return this.doc.heightOfString(value, { ...textOptions(options), width });
  }

  widthOf(text: string, style: TextStyle = {}): number {
    this.use(style);
    return this.doc.widthOfString(nfc(text));
  }

  /**
   * Writes wrapped text at the current position (or x/y) and moves below it. Text taller than
   * the rest of the page continues on the next one.
   */
  block(text: string, options: BlockOptions = {}): this {
    this.use(options);
    const value = nfc(text);
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const y = options.y ?? this.doc.y;
    if (this.fitsOneLine(value, width, options)) {
      // Most lines of a document are short: placed directly, without pdfkit's line breaker (a
      // Unicode line-breaking pass per call, the dearest part of drawing text).
      const textWidth = this.doc.widthOfString(value, { characterSpacing: options.characterSpacing });
      const indent = options.indent ?? 0;
      const offset = options.align === 'center' ? (width - textWidth) / 2 : options.align === 'right' ? width - textWidth : indent;
      this.doc.text(value, x + offset, y, { lineBreak: false, characterSpacing: options.characterSpacing });
      this.doc.y = y + this.doc.currentLineHeight(true) + (options.lineGap ?? BODY_LINE_GAP);
    } else {
      this.doc.text(value, x, y, { ...textOptions(options), width });
    }
    this.doc.x = this.left;
    return this;
  }

  private fitsOneLine(text: string, width: number, options: BlockOptions): boolean {
    if (options.paragraphGap || text.includes('\n')) return false;
    if (options.height !== undefined && options.height < this.doc.currentLineHeight(true)) return false;
    const textWidth = this.doc.widthOfString(text, { characterSpacing: options.characterSpacing });
    return textWidth + (options.indent ?? 0) < width - 0.5;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.bottom) this.addPage();
    return this;
  }

  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  line(x1: number, x2: number, y: number, width = 0.8, color = BLACK): this {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
    return this;
  }

  /** Resolves with the whole PDF (for single documents; long ones are streamed instead). */
  toBuffer(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  private onPageAdded(): void {
    this.pageCount += 1;
    if (!this.setup.pageNumbers || this.pageCount < 2) return;
    // Drawn in the top margin while pdfkit may be in the middle of flowing a paragraph onto this
    // page: the position and font it continues with are put back afterwards.
    const { x, y } = this.doc;
    const previous = { font: this.font, size: this.size, color: this.color };
    const size = 12;
    this.use({ font: 'regular', size });
    this.doc.text(String(this.pageCount), this.left, Math.max(4, this.top / 2 - size / 2), {
      width: this.contentWidth,
      align: 'center',
      lineBreak: false,
    });
    this.use(previous);
    this.doc.x = x;
    this.doc.y = y;
  }
}

function textOptions(options: BlockOptions): PDFKit.Mixins.TextOptions {
  return {
    align: options.align,
    indent: options.indent,
    lineGap: options.lineGap ?? BODY_LINE_GAP,
    paragraphGap: options.paragraphGap,
    height: options.height,
    ellipsis: options.ellipsis,
    characterSpacing: options.characterSpacing,
  };
}
