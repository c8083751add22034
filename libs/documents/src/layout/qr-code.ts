import QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares (no image to encode or decode): crisp at any zoom and a few
 * hundred bytes. Dark modules of a row are merged into runs to keep the content stream small.
 * The code is at most `size` wide.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, left: number, top: number, size: number): void {
  const x = Math.round(left);
  const y = Math.round(top);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  // Whole quarter points per module: the same size to the eye, far shorter numbers in the page.
  const cell = Math.max(0.25, Math.floor((size / count) * 4) / 4);
  doc.save();
  doc.rect(x - 2 * cell, y - 2 * cell, size + 4 * cell, size + 4 * cell).fill('#FFFFFF');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col += 1;
      // A hair taller than the cell so that no seam shows between rows when rasterised.
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell + 0.05);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
