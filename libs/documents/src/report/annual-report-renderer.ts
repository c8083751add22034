import type { FontSet } from '../fonts/document-fonts.js';
import { bySignatoryRole, COVENANT_STATUS_LABEL, periodLabel, PROGRESS_STATUS_LABEL, ROLE_LABEL } from '../labels.js';
import { drawAdministrativeHeader } from '../layout/administrative-header.js';
import { DECREE30_MARGINS, PdfWriter, upper } from '../layout/pdf-writer.js';
import { drawTable } from '../layout/table.js';
import { instant, number, percent, placeAndDate, quantity, roman, shortDate, vietnamDate } from '../layout/vietnamese-format.js';
import type { AnnualReport, BallotSummary, ReportCovenant, TargetProgress } from '../view-models.js';

const BODY = 13;
const NONE = 'Chưa có dữ liệu.';

/** The bloc's annual report: roster, covenant and signatures, progress, ranking, ballots, awards. */
export function renderAnnualReport(fonts: FontSet, report: AnnualReport): Promise<Buffer> {
  const title = `Báo cáo kết quả thi đua năm ${report.year}`;
  const w = new PdfWriter(
    fonts,
    { key: `report:${report.key}`, date: report.issuedAt, title: `${title} — ${report.blocName}`, subject: report.blocName },
    { layout: 'portrait', margins: DECREE30_MARGINS, pageNumbers: true },
  );
  w.addPage();
  drawAdministrativeHeader(w, {
    parentIssuer: report.parentIssuer,
    issuer: report.blocName,
    placeDate: placeAndDate(report.place, vietnamDate(report.issuedAt)),
  });
  w.block(upper(title), { font: 'bold', size: 14, align: 'center' });
  w.block(report.blocName, { font: 'bold', size: BODY, align: 'center' }).space(14);

  const sections: [string, () => void][] = [['DANH SÁCH ĐƠN VỊ THÀNH VIÊN', () => roster(w, report)]];
  if (report.covenant !== undefined) sections.push(['GIAO ƯỚC THI ĐUA VÀ CHỮ KÝ', () => covenant(w, report.covenant ?? null)]);
  if (report.progress !== undefined) sections.push(['TIẾN ĐỘ THỰC HIỆN CÁC NỘI DUNG GIAO ƯỚC', () => progress(w, report.progress ?? [])]);
  if (report.ranking !== undefined) sections.push(['KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG', () => ranking(w, report)]);
  if (report.ballots !== undefined) sections.push(['KẾT QUẢ BỎ PHIẾU BÌNH XÉT', () => ballots(w, report.ballots ?? [])]);
  if (report.awards !== undefined) sections.push(['KHEN THƯỞNG', () => awards(w, report)]);

  sections.forEach(([heading, draw], i) => {
    w.ensureSpace(80);
    w.block(`${roman(i + 1)}. ${heading}`, { font: 'bold', size: BODY }).space(6);
    draw();
    w.space(6);
  });
  return w.toBuffer();
}

function note(w: PdfWriter, text: string): void {
  w.block(text, { font: 'italic', size: 12 }).space(6);
}

function roster(w: PdfWriter, report: AnnualReport): void {
  if (report.roster.length === 0) return note(w, NONE);
  const members = bySignatoryRole(report.roster);
  drawTable(
    w,
    [
      { header: 'STT', share: 1, align: 'center' },
      { header: 'Đơn vị', share: 8 },
      { header: 'Vai trò', share: 2.4, align: 'center' },
    ],
    members.map((m, i) => [String(i + 1), m.organizationName, ROLE_LABEL[m.role]]),
  );
}

function covenant(w: PdfWriter, c: ReportCovenant | null): void {
  if (!c) return note(w, 'Khối chưa lập giao ước thi đua cho năm này.');
  w.block(`Giao ước: ${c.title}`, { size: 12 });
  if (c.theme) w.block(`Chủ đề: “${c.theme}”`, { size: 12 });
  w.block(`Số nội dung giao ước: ${c.targetCount}. Trạng thái: ${COVENANT_STATUS_LABEL[c.status]}.`, { size: 12 });
  if (c.contentHash) w.block(`Mã nội dung (SHA-256): ${c.contentHash}`, { size: 9.5 });
  if (c.verificationCode) w.block(`Mã xác thực: ${c.verificationCode}`, { size: 12 });
  w.space(6);
  drawTable(
    w,
    [
      { header: 'STT', share: 1, align: 'center' },
      { header: 'Đơn vị', share: 5 },
      { header: 'Người ký', share: 3.6 },
      { header: 'Thời điểm ký', share: 2.8, align: 'center' },
    ],
    bySignatoryRole(c.signatories).map((s, i) => [
      String(i + 1),
      `${s.organizationName} (${ROLE_LABEL[s.role]})`,
      [s.signerName, s.signerTitle].filter(Boolean).join(', ') || '—',
      s.signedAt ? instant(s.signedAt) : 'chưa ký',
    ]),
  );
}

function progress(w: PdfWriter, targets: TargetProgress[]): void {
  if (targets.length === 0) return note(w, NONE);
  for (const t of targets) {
    const goal = t.targetValue !== null && t.targetValue !== undefined ? ` (chỉ tiêu: ${quantity(t.targetValue, t.unit ?? '').trim()})` : '';
    const heading = `${t.number}. ${t.title}${goal}`;
    w.ensureSpace(w.heightOf(heading, { font: 'bold', size: 12 }) + 60);
    w.block(heading, { font: 'bold', size: 12 }).space(3);
    if (t.lines.length === 0) {
      note(w, NONE);
      continue;
    }
    drawTable(
      w,
      [
        { header: 'Đơn vị', share: 5 },
        { header: 'Kỳ báo cáo', share: 2.2, align: 'center' },
        { header: 'Kết quả', share: 1.8, align: 'right' },
        { header: 'Tỷ lệ', share: 1.4, align: 'right' },
        { header: 'Đánh giá', share: 2.2, align: 'center' },
      ],
      t.lines.map((l) => [
        l.organizationName,
        l.period ? periodLabel(l.period) : 'chưa báo cáo',
        l.actualValue === null ? '—' : number(l.actualValue),
        l.percent === null ? '—' : percent(l.percent),
        l.status ? PROGRESS_STATUS_LABEL[l.status] : '—',
      ]),
      { size: 10.5 },
    );
  }
}

function ranking(w: PdfWriter, report: AnnualReport): void {
  const lines = report.ranking ?? [];
  if (lines.length === 0) return note(w, NONE);
  drawTable(
    w,
    [
      { header: 'Hạng', share: 1, align: 'center' },
      { header: 'Đơn vị', share: 7 },
      { header: 'Tự chấm', share: 1.8, align: 'right' },
      { header: 'Điểm cuối cùng', share: 2.2, align: 'right' },
    ],
    lines.map((l) => [
      String(l.rank),
      l.organizationName,
      l.selfTotal === null ? '—' : number(l.selfTotal),
      l.finalTotal === null ? '—' : `${number(l.finalTotal)}${l.provisional ? '*' : ''}`,
    ]),
  );
  if (lines.some((l) => l.provisional)) note(w, '(*) Chưa thẩm định: điểm cuối cùng tạm lấy theo điểm tự chấm.');
}

function ballots(w: PdfWriter, list: BallotSummary[]): void {
  if (list.length === 0) return note(w, NONE);
  list.forEach((b, i) => {
    const heading = `${i + 1}. Bỏ phiếu đề nghị ${b.awardName} (${b.seats} suất)`;
    w.ensureSpace(w.heightOf(heading, { font: 'bold', size: 12 }) + 60);
    w.block(heading, { font: 'bold', size: 12 });
    if (b.status === 'open') return note(w, 'Đang bỏ phiếu: kết quả chỉ được công bố khi kết thúc bỏ phiếu.');
    w.block(`Số đơn vị đã bỏ phiếu: ${b.turnout ?? 0}. ${b.quorumMet ? 'Đủ' : 'Không đủ'} số lượng đơn vị tham gia theo quy định.`, { size: 12 }).space(3);
    drawTable(
      w,
      [
        { header: 'Đơn vị', share: 6 },
        { header: 'Số phiếu', share: 1.6, align: 'right' },
        { header: 'Tỷ lệ', share: 1.6, align: 'right' },
        { header: 'Kết quả', share: 2.2, align: 'center' },
      ],
      b.results.map((r) => [
        r.organizationName,
        r.votes === null ? '—' : String(r.votes),
        r.percent === null ? '—' : percent(r.percent),
        r.elected ? 'Đạt' : 'Không đạt',
      ]),
      { size: 10.5 },
    );
  });
}

function awards(w: PdfWriter, report: AnnualReport): void {
  const lines = report.awards ?? [];
  if (lines.length === 0) return note(w, NONE);
  drawTable(
    w,
    [
      { header: 'STT', share: 1.1, align: 'center' },
      { header: 'Đơn vị', share: 4.2 },
      { header: 'Hình thức khen thưởng', share: 4.2 },
      { header: 'Quyết định', share: 3.2 },
      { header: 'Mã xác thực', share: 4.3, align: 'center' },
    ],
    lines.map((a, i) => [String(i + 1), a.organizationName, a.awardName, `${a.decisionNumber} ngày ${shortDate(a.decisionDate)}`, a.verificationCode]),
    { size: 10.5 },
  );
}
