import { nfc, type PdfWriter, upper } from './pdf-writer.js';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface AdministrativeHeader {
  /** The body above the issuer, when there is one (regular capitals), e.g. "UBND TỈNH HÀ TĨNH". */
  parentIssuer?: string | null;
  /** The issuing body, e.g. the bloc: printed in bold capitals. */
  issuer: string;
  /** "…, ngày 03 tháng 3 năm 2023" (see placeAndDate). */
  placeDate: string;
}

const TITLE_SIZE = 12;
const MOTTO_SIZE = 13;
const ISSUER_SIZE = 12.5;

/**
 * The two-column head of a Decree 30 document: the issuer in capitals top left, the national
 * title and motto (underlined by a rule) top right, the italic place-and-date line below the motto.
 * Leaves the writer below the taller column.
 */
export function drawAdministrativeHeader(w: PdfWriter, header: AdministrativeHeader): void {
  const top = w.y;
  const rightWidth = Math.max(w.widthOf(NATIONAL_TITLE, { font: 'bold', size: TITLE_SIZE }) + 8, w.contentWidth * 0.56);
  const gutter = 10;
  const leftWidth = w.contentWidth - rightWidth - gutter;
  const rightX = w.left + leftWidth + gutter;

  // Left column: issuer.
  w.y = top;
  if (header.parentIssuer) w.block(upper(header.parentIssuer), { x: w.left, width: leftWidth, size: ISSUER_SIZE, align: 'center', lineGap: 0.5 });
  // One line when a slightly smaller size allows it; otherwise wrapped at the usual size.
  const issuer = upper(header.issuer);
  let issuerSize = ISSUER_SIZE;
  while (issuerSize > 11 && w.widthOf(issuer, { font: 'bold', size: issuerSize }) > leftWidth) issuerSize -= 0.5;
  if (w.widthOf(issuer, { font: 'bold', size: issuerSize }) > leftWidth) issuerSize = ISSUER_SIZE;
  w.block(issuer, { x: w.left, width: leftWidth, font: 'bold', size: issuerSize, align: 'center', lineGap: 0.5 });
  const issuerRuleY = w.y + 5;
  const centreLeft = w.left + leftWidth / 2;
  w.line(centreLeft - leftWidth * 0.2, centreLeft + leftWidth * 0.2, issuerRuleY);
  const leftBottom = issuerRuleY + 4;

  // Right column: national title, motto with its rule, place and date.
  w.y = top;
  w.block(NATIONAL_TITLE, { x: rightX, width: rightWidth, font: 'bold', size: TITLE_SIZE, align: 'center', lineGap: 0.5 });
  w.block(NATIONAL_MOTTO, { x: rightX, width: rightWidth, font: 'bold', size: MOTTO_SIZE, align: 'center', lineGap: 0.5 });
  const mottoWidth = w.widthOf(NATIONAL_MOTTO, { font: 'bold', size: MOTTO_SIZE });
  const centreRight = rightX + rightWidth / 2;
  w.line(centreRight - mottoWidth / 2, centreRight + mottoWidth / 2, w.y + 1);
  w.space(12);
  w.block(nfc(header.placeDate), { x: rightX, width: rightWidth, font: 'italic', size: MOTTO_SIZE, align: 'center' });

  w.y = Math.max(leftBottom, w.y) + 14;
}

/** The national title and motto centred over a given width, as on a certificate. */
export function drawNationalHeaderCentred(w: PdfWriter, x: number, width: number, y: number, scale = 1): number {
  w.y = y;
  w.block(NATIONAL_TITLE, { x, width, font: 'bold', size: 13 * scale, align: 'center', lineGap: 0.5 });
  w.block(NATIONAL_MOTTO, { x, width, font: 'bold', size: 14 * scale, align: 'center', lineGap: 0.5 });
  const mottoWidth = w.widthOf(NATIONAL_MOTTO, { font: 'bold', size: 14 * scale });
  const centre = x + width / 2;
  w.line(centre - mottoWidth / 2, centre + mottoWidth / 2, w.y + 1);
  return w.y + 4;
}
