import type { FontSet } from '../fonts/document-fonts.js';
import { bySignatoryRole, ROLE_LABEL } from '../labels.js';
import { drawAdministrativeHeader } from '../layout/administrative-header.js';
import { DECREE30_MARGINS, PdfWriter, upper } from '../layout/pdf-writer.js';
import { drawQrCode } from '../layout/qr-code.js';
import { instant, placeAndDate, quantity } from '../layout/vietnamese-format.js';
import type { BlockOptions } from '../layout/pdf-writer.js';
import type { CovenantDocument, CovenantTargetLine, Signatory } from '../view-models.js';

const BODY = 13;
const INDENT = 10 * 2.835; // 1 cm first-line indent
const QR_SIZE = 70;

/** The covenant (Bản giao ước thi đua) as the members sign it, on A4 in Decree 30 layout. */
export function renderCovenant(fonts: FontSet, covenant: CovenantDocument): Promise<Buffer> {
  const w = new PdfWriter(
    fonts,
    { key: `covenant:${covenant.id}:${covenant.version}:${covenant.status}:${covenant.issuedAt.toISOString()}`, date: covenant.issuedAt, title: covenant.title, subject: covenant.issuer },
    { layout: 'portrait', margins: DECREE30_MARGINS, pageNumbers: true },
  );
  w.addPage();
  drawAdministrativeHeader(w, {
    parentIssuer: covenant.parentIssuer,
    issuer: covenant.issuer,
    placeDate: placeAndDate(covenant.place, covenant.signingDate, covenant.year),
  });

  if (covenant.status === 'draft') {
    w.block('BẢN DỰ THẢO — chưa mở để ký', { font: 'italic', size: 11, align: 'center', color: '#B00000' }).space(4);
  }
  w.block(upper(covenant.title), { font: 'bold', size: 14, align: 'center' });
  if (covenant.theme) {
    w.space(4).block(`Chủ đề năm ${covenant.year}: “${covenant.theme}”`, { font: 'boldItalic', size: BODY, align: 'center' });
  }
  w.space(12);

  for (const paragraph of paragraphs(covenant.preamble)) {
    w.block(paragraph, { size: BODY, align: 'justify', indent: INDENT, paragraphGap: 4 });
  }
  w.space(6);

  keepWithNext(w, 'NỘI DUNG GIAO ƯỚC', { font: 'bold', size: BODY });
  w.block('NỘI DUNG GIAO ƯỚC', { font: 'bold', size: BODY }).space(4);
  for (const target of covenant.targets) drawTarget(w, target);

  w.space(6).block(
    `Các đơn vị thành viên ${covenant.issuer} thống nhất ký kết bản giao ước này; cam kết tổ chức thực hiện nghiêm túc, hiệu quả các nội dung giao ước thi đua năm ${covenant.year} nêu trên, định kỳ báo cáo tiến độ và tham gia chấm điểm, bình xét thi đua cuối năm theo quy định.`,
    { size: BODY, align: 'justify', indent: INDENT },
  );
  w.space(14);

  keepWithNext(w, 'ĐẠI DIỆN CÁC ĐƠN VỊ KÝ KẾT', { font: 'bold', size: BODY }, 90);
  w.block('ĐẠI DIỆN CÁC ĐƠN VỊ KÝ KẾT', { font: 'bold', size: BODY, align: 'center' }).space(10);
  drawSignatureGrid(w, bySignatoryRole(covenant.signatories));

  drawVerificationFooter(w, covenant);
  return w.toBuffer();
}

function paragraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A heading is never left alone at the foot of a page: it moves on with what follows. */
function keepWithNext(w: PdfWriter, text: string, style: BlockOptions, following = 2 * BODY * 1.2): void {
  w.ensureSpace(w.heightOf(text, style) + following);
}

function drawTarget(w: PdfWriter, target: CovenantTargetLine): void {
  const heading = `${target.number}. ${target.title}`;
  keepWithNext(w, heading, { font: 'bold', size: BODY, align: 'justify' });
  w.block(heading, { font: 'bold', size: BODY, align: 'justify' });
  for (const paragraph of paragraphs(target.description ?? null)) {
    w.block(paragraph, { size: BODY, align: 'justify', indent: INDENT });
  }
  if (target.movement) w.block(`Phong trào thi đua: “${target.movement}”`, { font: 'italic', size: 12.5, indent: INDENT });
  if (target.indicator) {
    const { unit, targetValue, baseline } = target.indicator;
    const from = baseline === null || baseline === undefined ? '' : `; xuất phát điểm: ${quantity(baseline, unit)}`;
    w.block(`Chỉ tiêu: ${quantity(targetValue, unit)}${from}`, { font: 'italic', size: 12.5, indent: INDENT });
  }
  w.space(5);
}

interface Line {
  text: string;
  style: BlockOptions;
  gapBefore?: number;
}

/** A signature block in two parts: who (role, organisation, title), then the signature itself. */
function signatureLines(s: Signatory): { head: Line[]; signature: Line[] } {
  const head: Line[] = [
    { text: ROLE_LABEL[s.role], style: { font: 'italic', size: 10.5 } },
    { text: upper(s.organizationName), style: { font: 'bold', size: 11.5 } },
  ];
  if (s.signerTitle) head.push({ text: upper(s.signerTitle), style: { size: 11 } });
  const signature: Line[] = s.signedAt
    ? [
        { text: `Đã ký lúc ${instant(s.signedAt)}`, style: { font: 'italic', size: 10.5 }, gapBefore: 4 },
        ...(s.signerName ? [{ text: s.signerName, style: { font: 'bold' as const, size: 12 }, gapBefore: 6 }] : []),
      ]
    : [{ text: '(chưa ký)', style: { font: 'italic', size: 11 }, gapBefore: 10 }];
  return { head, signature };
}

/**
 * Signature blocks two or three to a row (three when there are many), the leader first. In a row
 * the signatures line up under the tallest heading, as on a signed paper.
 */
function drawSignatureGrid(w: PdfWriter, signatories: Signatory[]): void {
  const perRow = signatories.length > 4 ? 3 : 2;
  const gutter = 10;
  const cellWidth = (w.contentWidth - gutter * (perRow - 1)) / perRow;
  const height = (lines: Line[]) => lines.reduce((h, line) => h + (line.gapBefore ?? 0) + w.heightOf(line.text, { ...line.style, width: cellWidth, lineGap: 0.5 }), 0);
  const draw = (lines: Line[], x: number, y: number) => {
    w.y = y;
    for (const line of lines) w.space(line.gapBefore ?? 0).block(line.text, { ...line.style, x, width: cellWidth, align: 'center', lineGap: 0.5 });
  };

  for (let start = 0; start < signatories.length; start += perRow) {
    const row = signatories.slice(start, start + perRow).map(signatureLines);
    const headHeight = Math.max(...row.map((b) => height(b.head)));
    const rowHeight = headHeight + Math.max(...row.map((b) => height(b.signature)));
    w.ensureSpace(rowHeight + 6);
    const top = w.y;
    // A lone last block (or two of three) is centred under the row above.
    const offset = ((perRow - row.length) * (cellWidth + gutter)) / 2;
    row.forEach((block, i) => {
      const x = w.left + offset + i * (cellWidth + gutter);
      draw(block.head, x, top);
      draw(block.signature, x, top + headHeight);
    });
    w.y = top + rowHeight + 16;
  }
}

function drawVerificationFooter(w: PdfWriter, covenant: CovenantDocument): void {
  w.ensureSpace(QR_SIZE + 16);
  w.line(w.left, w.right, w.y, 0.5, '#777777');
  w.space(8);
  const top = w.y;
  if (!covenant.contentHash || !covenant.verification) {
    w.block('Bản dự thảo: nội dung chưa được niêm phong nên chưa có mã nội dung và mã xác thực.', { font: 'italic', size: 10 });
    return;
  }
  const textWidth = w.contentWidth - QR_SIZE - 14;
  w.block('Mã nội dung (SHA-256):', { size: 9.5, width: textWidth });
  w.block(covenant.contentHash, { size: 9.5, width: textWidth });
  w.space(3).block(`Mã xác thực: ${covenant.verification.code}`, { font: 'bold', size: 11, width: textWidth });
  w.block(`Tra cứu: ${covenant.verification.url}`, { size: 9.5, width: textWidth });
  drawQrCode(w.doc, covenant.verification.url, w.right - QR_SIZE, top, QR_SIZE);
  w.y = Math.max(w.y, top + QR_SIZE);
}
