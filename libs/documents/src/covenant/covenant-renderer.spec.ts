import { beforeAll, describe, expect, it } from '@jest/globals';
import { covenantDocument, manyOrganizations, MEMBERS, SIGNERS, signatories, TARGETS, THEME } from '../../../../test/support/document-fixtures.js';
import { outsideBox, readPdf } from '../../../../test/support/pdf-text.js';
import { type FontSet, loadTinosFonts } from '../fonts/document-fonts.js';
import { DECREE30_MARGINS, upper } from '../layout/pdf-writer.js';
import { renderCovenant } from './covenant-renderer.js';

const A4 = { width: 595.28, height: 841.89 };
// The page number sits in the top margin: the box checked is the page less the side and bottom margins.
const PRINTABLE = { ...DECREE30_MARGINS, top: 20 };

describe('covenant document', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = loadTinosFonts();
  });

  it('prints the Decree 30 header, the title, the theme, every target and every signature block, in NFC', async () => {
    const pdf = await readPdf(await renderCovenant(fonts, covenantDocument()));
    const text = pdf.flatText;
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'ỦY BAN NHÂN DÂN TỈNH',
      'KHỐI THI ĐUA CÁC HỘI ĐẶC THÙ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Tĩnh, ngày 03 tháng 3 năm 2023',
      'BẢN GIAO ƯỚC THI ĐUA NĂM 2023',
      `Chủ đề năm 2023: “${THEME}”`,
      'Phong trào thi đua: “Cả nước chung sức xây dựng nông thôn mới”',
      'Chỉ tiêu: 12 buổi; xuất phát điểm: 4 buổi',
      'ĐẠI DIỆN CÁC ĐƠN VỊ KÝ KẾT',
      '9f2c4e1a7b3d5f60818293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
      'Mã xác thực: K7QM-2XR4-TD9HB',
    ]) {
      expect(text).toContain(expected);
    }
    TARGETS.forEach((title, i) => expect(text).toContain(`${i + 1}. ${title}`));
    MEMBERS.forEach((name) => expect(text).toContain(upper(name)));
    SIGNERS.forEach((name) => expect(text).toContain(name));
    expect(text).toContain('Đã ký lúc 09:30 ngày 03/03/2023'); // 02:30 UTC is 09:30 in Vietnam
    expect(text.match(/\(chưa ký\)/g)).toHaveLength(MEMBERS.length - SIGNERS.length);
  });

  it('puts the leader first whatever the order it is given in', async () => {
    const given = signatories().reverse();
    const pdf = await readPdf(await renderCovenant(fonts, covenantDocument({ signatories: given })));
    const text = pdf.flatText;
    const at = (name: string) => text.indexOf(upper(name));
    expect(at(MEMBERS[0])).toBeLessThan(at(MEMBERS[1]));
    expect(at(MEMBERS[1])).toBeLessThan(at(MEMBERS[2]));
  });

  it('is A4 portrait with page numbers centred at the top from page 2 only', async () => {
    const pdf = await readPdf(await renderCovenant(fonts, covenantDocument({ signatories: signatories(manyOrganizations(12), 12) })));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
    }
    const topmost = (n: number) => [...pdf.pages[n].items].sort((a, b) => b.y - a.y)[0];
    expect(topmost(0).str).not.toMatch(/^\d+$/);
    pdf.pages.slice(1).forEach((page, i) => {
      const number = topmost(i + 1);
      expect(number.str).toBe(String(i + 2));
      expect(number.x + number.width / 2).toBeCloseTo((DECREE30_MARGINS.left + page.width - DECREE30_MARGINS.right) / 2, 0);
      expect(number.y).toBeGreaterThan(page.height - DECREE30_MARGINS.top);
    });
  });

  it('lays out 30 targets and 40 members on clean pages, long words and names wrapped inside the margins', async () => {
    const longWord = 'Siêuđơnvịthửnghiệmcótênrấtdàikhôngcókhoảngtrắngnàođểngắtdòng'.repeat(3);
    const members = manyOrganizations(40);
    members[7] = `Hội ${longWord}`;
    const targets = Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      title: `Nội dung thi đua số ${i + 1}: ${TARGETS[i % TARGETS.length]}`,
      description: i === 5 ? `Mô tả có một từ rất dài ${longWord} giữa câu.` : null,
      movement: i % 3 === 0 ? 'Cán bộ, công chức, viên chức thi đua thực hiện nếp sống văn hóa công sở' : null,
      indicator: i % 4 === 0 ? { unit: 'hội viên mới', targetValue: 1500 + i, baseline: 1200 } : null,
    }));
    const document = covenantDocument({ targets, signatories: signatories(members, 25), preamble: `${THEME}. `.repeat(40) });
    const pdf = await readPdf(await renderCovenant(fonts, document));

    expect(pdf.pages.length).toBeGreaterThan(3);
    for (const page of pdf.pages) expect(outsideBox(page, PRINTABLE)).toEqual([]);
    targets.forEach((t) => expect(pdf.flatText).toContain(`${t.number}. ${t.title}`));
    members.filter((_, i) => i !== 7).forEach((name) => expect(pdf.flatText).toContain(upper(name)));
    expect(pdf.flatText.replace(/ /g, '')).toContain(upper(longWord));
    // The hash and the code close the document.
    expect(pdf.pages.at(-1)!.text).toContain('Mã xác thực: K7QM-2XR4-TD9HB');
  });

  it('says a draft is a draft and has neither hash nor code', async () => {
    const pdf = await readPdf(await renderCovenant(fonts, covenantDocument({ status: 'draft', contentHash: null, verification: null, signatories: signatories(MEMBERS, 0) })));
    expect(pdf.flatText).toContain('BẢN DỰ THẢO');
    expect(pdf.flatText).toContain('chưa có mã nội dung và mã xác thực');
    expect(pdf.flatText).not.toContain('Mã xác thực:');
  });

  it('gives the same bytes for the same record, and dates the file from the record', async () => {
    const document = covenantDocument();
    const first = await renderCovenant(fonts, document);
    const second = await renderCovenant(fonts, covenantDocument());
    expect(Buffer.compare(first, second)).toBe(0);
    const other = await renderCovenant(fonts, covenantDocument({ version: 2 }));
    expect(Buffer.compare(first, other)).not.toBe(0);
    const { info } = await readPdf(first);
    expect(info.CreationDate).toBe('D:20230302080000Z');
    expect(info.Title).toBe(document.title);
  });
});
