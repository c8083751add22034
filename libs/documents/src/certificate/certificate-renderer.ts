import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { FontSet } from '../fonts/document-fonts.js';
import { drawNationalHeaderCentred } from '../layout/administrative-header.js';
import { type BlockOptions, type PdfIdentity, PdfWriter, upper } from '../layout/pdf-writer.js';
import { drawQrCode } from '../layout/qr-code.js';
import { placeAndDate, shortDate } from '../layout/vietnamese-format.js';
import type { AwardCertificate } from '../view-models.js';

const RED = '#C8102E';
const GOLD = '#B8860B';
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

// Landscape A4 is 841.89 × 595.28 pt. Text stays inside the inner frame.
const INNER = 50;
const CONTENT_X = INNER + 22;
const BAND_TOP = 418;
const QR_SIZE = 66;

/** One award certificate (Bằng khen, Giấy khen, Cờ thi đua…): one landscape page. */
export function renderCertificate(fonts: FontSet, certificate: AwardCertificate): Promise<Buffer> {
  const w = certificateWriter(fonts, { key: `award:${certificate.id}`, date: certificate.issuedAt, title: certificate.awardName, subject: certificate.recipient });
  drawCertificatePage(w, certificate);
  return w.toBuffer();
}

/**
 * Many certificates in one PDF, one page each, written to `out` page by page as they are drawn:
 * the fonts are embedded once and memory stays flat whatever the count, because the next
 * certificate is not drawn before `out` has taken what it was given. Returns the page count.
 */
export async function streamCertificates(
  fonts: FontSet,
  identity: PdfIdentity,
  certificates: AsyncIterable<AwardCertificate> | Iterable<AwardCertificate>,
  out: Writable,
): Promise<number> {
  const w = certificateWriter(fonts, identity, false);
  const { doc } = w;
  // pdfkit pushes each page into its readable buffer as soon as the next page starts; that buffer is
  // pulled here (not through 'data' events, which would only fire once this loop yields to I/O) and
  // the next page is not drawn until `out` has accepted the previous one.
  const pump = async () => {
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) {
      if (out.destroyed) throw new Error('the PDF reader went away');
      if (!out.write(chunk)) await drained(out);
    }
  };
  let count = 0;
  for await (const certificate of certificates) {
    drawCertificatePage(w, certificate);
    count += 1;
    await pump();
  }
  if (count === 0) throw new Error('streamCertificates: no certificate to print');
  const ended = once(doc, 'end');
  doc.end();
  await pump();
  doc.resume();
  await ended;
  return count;
}

/** Resolves when `out` wants more; rejects when it is closed or fails first (a client that left). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the PDF reader went away'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

function certificateWriter(fonts: FontSet, identity: PdfIdentity, wordCachePerDocument = true): PdfWriter {
  return new PdfWriter(fonts, identity, { layout: 'landscape', margins: NO_MARGINS, pageNumbers: false, wordCachePerDocument });
}

export function drawCertificatePage(w: PdfWriter, c: AwardCertificate): void {
  w.addPage({ size: 'A4', layout: 'landscape', margins: NO_MARGINS });
  const width = w.page.width;
  const height = w.page.height;
  drawBorder(w.doc, width, height);

  const x = CONTENT_X;
  const contentWidth = width - 2 * CONTENT_X;
  const headerBottom = drawNationalHeaderCentred(w, x, contentWidth, INNER + 12);

  // The middle of the page, from the issuer to the citation: sizes are chosen so that each text
  // fits its share, then the space left is spread between them so the page is balanced.
  const pieces: Piece[] = [
    { text: upper(c.issuerTitle), options: { x, width: contentWidth, font: 'bold', color: RED, align: 'center' }, max: 18, min: 11, maxHeight: 46, oneLineFrom: 14 },
    { text: 'TẶNG', options: { x, width: contentWidth, font: 'bold', align: 'center', characterSpacing: 2 }, max: 20, min: 20, maxHeight: 26 },
    { text: upper(c.awardName), options: { x, width: contentWidth, font: 'bold', color: RED, align: 'center' }, max: 34, min: 14, maxHeight: 84, oneLineFrom: 24 },
    { text: c.recipient, options: { x, width: contentWidth, font: 'bold', align: 'center' }, max: 26, min: 12, maxHeight: 66, oneLineFrom: 20 },
  ];
  const available = BAND_TOP - 22 - headerBottom;
  const minGap = 8;
  let used = 0;
  const sized = pieces.map((p) => {
    const s = fitSize(w, p);
    used += s.height + minGap;
    return s;
  });
  const citation = fitSize(w, {
    text: c.citation,
    options: { x: x + 40, width: contentWidth - 80, font: 'italic', align: 'center' },
    max: 17,
    min: 9,
    maxHeight: available - used - minGap,
  });
  sized.push(citation);
  used += citation.height + minGap;
  const heights = sized.reduce((sum, s) => sum + s.height, 0);
  const gap = minGap + Math.min(24, Math.max(0, available - used) / sized.length);
  let y = headerBottom + Math.max(0, available - heights - gap * sized.length) / 2;
  for (const s of sized) {
    y += gap;
    w.block(s.text, { ...s.options, y, size: s.size, lineGap: 1, height: s.height + 2, ellipsis: true });
    y += s.height;
  }

  drawBottomBand(w, c, width);
}

interface Piece {
  text: string;
  options: BlockOptions & { x: number; width: number };
  max: number;
  min: number;
  maxHeight: number;
  /** Smallest size worth trying to keep the text on one line. */
  oneLineFrom?: number;
}

/**
 * The largest size from `max` down to `min` at which the text fits `maxHeight` (cut at `min`). A
 * heading first tries a slightly smaller size on one line rather than leave a lone word on a second.
 */
function fitSize(w: PdfWriter, piece: Piece): Piece & { size: number; height: number } {
  if (piece.oneLineFrom) {
    for (let size = piece.max; size >= piece.oneLineFrom; size -= 1) {
      if (w.widthOf(piece.text, { font: piece.options.font, size }) + 2 * (piece.options.characterSpacing ?? 0) * piece.text.length < piece.options.width - 1) {
        return { ...piece, size, height: w.heightOf(piece.text, { ...piece.options, size, lineGap: 1 }) };
      }
    }
  }
  for (let size = piece.max; ; size -= 1) {
    const height = w.heightOf(piece.text, { ...piece.options, size, lineGap: 1 });
    if (height <= piece.maxHeight || size <= piece.min) return { ...piece, size, height: Math.min(height, Math.max(piece.maxHeight, 0)) };
  }
}

/**
 * Writes text in the largest size from `max` down to `min` that fits `maxHeight`; at `min` what
 * still does not fit is cut with an ellipsis. Returns the y below the text.
 */
function fit(w: PdfWriter, text: string, options: BlockOptions & { x: number; y: number; width: number }, max: number, min: number, maxHeight: number): number {
  const s = fitSize(w, { text, options, max, min, maxHeight });
  w.block(text, { ...options, size: s.size, lineGap: 1, height: maxHeight, ellipsis: true });
  return options.y + s.height;
}

function drawBottomBand(w: PdfWriter, c: AwardCertificate, width: number): void {
  const columnWidth = 250;
  const leftX = CONTENT_X;
  const rightX = width - CONTENT_X - columnWidth;

  // Bottom left: the decision and the golden-book number.
  let y = fit(w, `Quyết định số ${c.decisionNumber}`, { x: leftX, y: BAND_TOP + 24, width: columnWidth, size: 12 }, 12, 9, 32);
  y = fit(w, `ngày ${shortDate(c.decisionDate)}`, { x: leftX, y, width: columnWidth }, 12, 12, 16);
  if (c.goldenBookNumber) fit(w, `Số sổ vàng: ${c.goldenBookNumber}`, { x: leftX, y: y + 4, width: columnWidth }, 12, 9, 30);

  // Centre: the verification QR and its code.
  const qrX = (width - QR_SIZE) / 2;
  drawQrCode(w.doc, c.verification.url, qrX, BAND_TOP + 12, QR_SIZE);
  fit(w, `Mã xác thực: ${c.verification.code}`, { x: qrX - 60, y: BAND_TOP + 14 + QR_SIZE, width: QR_SIZE + 120, align: 'center' }, 8.5, 8.5, 12);

  // Bottom right: place and date, the signer's title, room for the signature and seal, the name.
  y = fit(w, placeAndDate(c.place, c.decisionDate), { x: rightX, y: BAND_TOP, width: columnWidth, font: 'italic', align: 'center' }, 13, 9, 18);
  y = fit(w, upper(c.signerTitle), { x: rightX, y: y + 2, width: columnWidth, font: 'bold', align: 'center' }, 13, 9, 34);
  const nameY = Math.max(y + 42, BAND_TOP + 92);
  fit(w, c.signerName, { x: rightX, y: nameY, width: columnWidth, font: 'bold', align: 'center' }, 14, 10, 20);
}

/** Two frames with a band of diamonds between them and a rosette in each corner. */
function drawBorder(doc: PDFKit.PDFDocument, width: number, height: number): void {
  doc.save();
  doc.lineWidth(3).strokeColor(GOLD).rect(16, 16, width - 32, height - 32).stroke();
  doc.lineWidth(1).strokeColor(RED).rect(23, 23, width - 46, height - 46).stroke();
  doc.lineWidth(1).strokeColor(GOLD).rect(INNER - 8, INNER - 8, width - 2 * (INNER - 8), height - 2 * (INNER - 8)).stroke();

  // The band between the red frame and the inner gold frame: small diamonds, red and gold in turn,
  // gathered into one path per colour (two fill operations instead of hundreds).
  const band = (23 + INNER - 8) / 2;
  const r = 3.2;
  const centres: [number, number][] = [];
  const along = (from: number, to: number, at: (t: number) => [number, number]) => {
    const steps = Math.floor((to - from) / 12);
    // Rounded to a tenth of a point: invisible, and it keeps the page's drawing operators short.
    const round = (v: number) => Math.round(v * 10) / 10;
    for (let i = 0; i <= steps; i++) {
      const [cx, cy] = at(from + ((to - from) * i) / steps);
      centres.push([round(cx), round(cy)]);
    }
  };
  along(band + 22, width - band - 22, (t) => [t, band]);
  along(band + 22, width - band - 22, (t) => [t, height - band]);
  along(band + 22, height - band - 22, (t) => [band, t]);
  along(band + 22, height - band - 22, (t) => [width - band, t]);
  for (const [parity, color] of [
    [0, RED],
    [1, GOLD],
  ] as const) {
    centres.forEach(([cx, cy], i) => {
      if (i % 2 === parity) doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]);
    });
    doc.fill(color);
  }

  for (const [cx, cy] of [
    [band, band],
    [width - band, band],
    [band, height - band],
    [width - band, height - band],
  ]) {
    doc.circle(cx, cy, 11).fill(RED);
    doc.circle(cx, cy, 7).fill(GOLD);
    doc.polygon([cx, cy - 4.5], [cx + 4.5, cy], [cx, cy + 4.5], [cx - 4.5, cy]).fill(RED);
  }
  doc.restore();
}
