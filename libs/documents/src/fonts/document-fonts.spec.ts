import { describe, expect, it } from '@jest/globals';
import { readPdf } from '../../../../test/support/pdf-text.js';
import { PdfWriter } from '../layout/pdf-writer.js';
import { loadTinosFonts } from './document-fonts.js';

async function render(fonts: ReturnType<typeof loadTinosFonts>, text: string): Promise<Buffer> {
  const w = new PdfWriter(fonts, { key: text, date: new Date(0), title: text }, { layout: 'portrait', margins: { top: 50, bottom: 50, left: 50, right: 50 }, pageNumbers: false });
  w.addPage().block(text, { font: 'bold', size: 14 });
  return w.toBuffer();
}

describe('fonts parsed once and shared between documents', () => {
  it('keep the text layer right after another document embedded a composite glyph built on the same letter', async () => {
    const fonts = loadTinosFonts();
    await render(fonts, 'ĐƠN VỊ KÝ KẾT Ỷ Ỹ Ỳ Ỵ');
    const pdf = await readPdf(await render(fonts, 'HỘI KHUYẾN HỌC HUYỆN SỐ 1 — Ộ Ẵ Ữ ỷ Đ'));
    expect(pdf.flatText).toBe('HỘI KHUYẾN HỌC HUYỆN SỐ 1 — Ộ Ẵ Ữ ỷ Đ');
  });

  it('render every Vietnamese letter so that it extracts back as the same NFC text', async () => {
    const base = 'aăâeêioôơuưy';
    const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', ''];
    const letters = [...base, ...base.toUpperCase()].flatMap((l) => tones.map((t) => (l + t).normalize('NFC'))).join('') + 'đĐ';
    const pdf = await readPdf(await render(loadTinosFonts(), letters));
    expect(pdf.flatText.replace(/ /g, '')).toBe(letters); // a line break reads as a space
  });
});
