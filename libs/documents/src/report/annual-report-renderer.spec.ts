import { beforeAll, describe, expect, it } from '@jest/globals';
import { annualReport, manyOrganizations, MEMBERS, SIGNERS, TARGETS, THEME } from '../../../../test/support/document-fixtures.js';
import { outsideBox, readPdf } from '../../../../test/support/pdf-text.js';
import { type FontSet, loadTinosFonts } from '../fonts/document-fonts.js';
import { DECREE30_MARGINS } from '../layout/pdf-writer.js';
import { renderAnnualReport } from './annual-report-renderer.js';

const PRINTABLE = { ...DECREE30_MARGINS, top: 20 };

describe('annual bloc report', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = loadTinosFonts();
  });

  it('prints every section: roster, covenant and signatures, progress per target, ranking, ballots, awards', async () => {
    const pdf = await readPdf(await renderAnnualReport(fonts, annualReport()));
    const text = pdf.flatText;
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'KHỐI THI ĐUA CÁC HỘI ĐẶC THÙ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hà Tĩnh, ngày 20 tháng 12 năm 2023',
      'BÁO CÁO KẾT QUẢ THI ĐUA NĂM 2023',
      'I. DANH SÁCH ĐƠN VỊ THÀNH VIÊN',
      'II. GIAO ƯỚC THI ĐUA VÀ CHỮ KÝ',
      `Chủ đề: “${THEME}”`,
      'III. TIẾN ĐỘ THỰC HIỆN CÁC NỘI DUNG GIAO ƯỚC',
      'IV. KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG',
      'V. KẾT QUẢ BỎ PHIẾU BÌNH XÉT',
      'Bỏ phiếu đề nghị Cờ thi đua của Ủy ban nhân dân tỉnh (1 suất)',
      'VI. KHEN THƯỞNG',
      '125/QĐ-UBND ngày 15/01/2024',
      'P3NV-8WQZ-47MKD',
      '97,25',
      '80%',
      'chưa báo cáo',
      'chưa ký',
    ]) {
      expect(text).toContain(expected);
    }
    MEMBERS.forEach((name) => expect(text).toContain(name));
    SIGNERS.forEach((name) => expect(text).toContain(name));
    TARGETS.forEach((title, i) => expect(text).toContain(`${i + 1}. ${title}`));
  });

  it('leaves out the sections it was not given, and says when a given one is empty', async () => {
    const pdf = await readPdf(await renderAnnualReport(fonts, annualReport({ progress: undefined, ranking: undefined, ballots: [], awards: undefined })));
    const text = pdf.flatText;
    expect(text).not.toContain('TIẾN ĐỘ THỰC HIỆN');
    expect(text).not.toContain('XẾP HẠNG');
    expect(text).not.toContain('KHEN THƯỞNG');
    expect(text).toContain('III. KẾT QUẢ BỎ PHIẾU BÌNH XÉT Chưa có dữ liệu.');
  });

  it('breaks long tables across pages with the header row repeated, page numbers from page 2, all inside the margins', async () => {
    const names = manyOrganizations(90);
    const roster = names.map((organizationName, i) => ({ organizationName, role: i === 0 ? ('leader' as const) : ('member' as const) }));
    const pdf = await readPdf(await renderAnnualReport(fonts, annualReport({ roster, covenant: undefined, progress: undefined, ballots: undefined, awards: undefined, ranking: undefined })));

    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    pdf.pages.forEach((page, i) => {
      expect(outsideBox(page, PRINTABLE)).toEqual([]);
      if (i === 0) return;
      const byHeight = [...page.items].sort((a, b) => b.y - a.y);
      expect(byHeight[0].str).toBe(String(i + 1));
      // The first row under the page number is the table's header again.
      expect(byHeight.slice(1, 4).map((item) => item.str).sort()).toEqual(['STT', 'Vai trò', 'Đơn vị']);
    });
    names.forEach((name) => expect(pdf.flatText).toContain(name));
    // No row is split: each name sits whole on one page.
    names.forEach((name) => expect(pdf.pages.filter((p) => p.text.replace(/\s+/g, ' ').includes(name))).toHaveLength(1));
  });
});
