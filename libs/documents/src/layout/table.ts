import type { PdfWriter } from './pdf-writer.js';

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table are scaled to fill it. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  size?: number;
  /** Rows drawn in bold (e.g. a total). */
  boldRows?: ReadonlySet<number>;
}

const PADDING = 4;
const BORDER = '#555555';
const HEADER_FILL = '#E8E8E8';

/**
 * A bordered table whose cells wrap. A row that does not fit on the page starts the next one,
 * where the header row is drawn again; a row is never split. A single row taller than a whole page
 * (only with absurdly long cell text) is cut with an ellipsis rather than run off the page.
 */
export function drawTable(w: PdfWriter, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const size = options.size ?? 11;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * w.contentWidth);
  const lefts = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const cellHeight = (text: string, i: number, bold: boolean) =>
    w.heightOf(text, { font: bold ? 'bold' : 'regular', size, width: widths[i] - 2 * PADDING, lineGap: 0.5 });
  const rowHeight = (cells: string[], bold: boolean) => Math.max(...cells.map((text, i) => cellHeight(text, i, bold))) + 2 * PADDING;

  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, true);
  const pageRoom = () => w.bottom - w.top - headerHeight;

  const drawRow = (cells: string[], height: number, header: boolean, bold: boolean) => {
    const y = w.y;
    const doc = w.doc;
    doc.save();
    if (header) doc.rect(w.left, y, w.contentWidth, height).fill(HEADER_FILL);
    doc.lineWidth(0.5).strokeColor(BORDER);
    cells.forEach((_, i) => doc.rect(lefts[i], y, widths[i], height).stroke());
    doc.restore();
    cells.forEach((text, i) => {
      w.block(text, {
        x: lefts[i] + PADDING,
        y: y + PADDING,
        width: widths[i] - 2 * PADDING,
        height: height - 2 * PADDING + 1,
        ellipsis: true,
        font: header || bold ? 'bold' : 'regular',
        size,
        lineGap: 0.5,
        align: header ? 'center' : (columns[i].align ?? 'left'),
      });
    });
    w.y = y + height;
  };

  const first = rows.length > 0 ? Math.min(rowHeight(rows[0], options.boldRows?.has(0) ?? false), pageRoom()) : 0;
  w.ensureSpace(headerHeight + first);
  drawRow(headers, headerHeight, true, true);
  rows.forEach((cells, index) => {
    const bold = options.boldRows?.has(index) ?? false;
    const height = Math.min(rowHeight(cells, bold), pageRoom());
    if (w.y + height > w.bottom) {
      w.addPage();
      drawRow(headers, headerHeight, true, true);
    }
    drawRow(cells, height, false, bold);
  });
  w.space(8);
}
