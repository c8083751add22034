import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { awardCertificate, manyOrganizations } from '../../../../test/support/document-fixtures.js';
import { outsideBox, readPdf } from '../../../../test/support/pdf-text.js';
import { type FontSet, loadTinosFonts } from '../fonts/document-fonts.js';
import { renderCertificate, streamCertificates } from './certificate-renderer.js';

const LANDSCAPE_A4 = { width: 841.89, height: 595.28 };
const INSIDE_FRAME = { top: 40, bottom: 40, left: 40, right: 40 };

/** A slow consumer with a small buffer: the renderer must wait for it. */
class SlowSink extends Writable {
  readonly chunks: Buffer[] = [];
  maxBuffered = 0;
  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }
  override _write(chunk: Buffer, _: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    void sleep(1).then(() => done());
  }
}

describe('award certificate', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = loadTinosFonts();
  });

  it('is one landscape A4 page with the header, issuer, award, recipient, citation, decision, golden book, signer and code', async () => {
    const pdf = await readPdf(await renderCertificate(fonts, awardCertificate()));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0].width).toBeCloseTo(LANDSCAPE_A4.width, 1);
    expect(pdf.pages[0].height).toBeCloseTo(LANDSCAPE_A4.height, 1);
    const text = pdf.flatText;
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH',
      'TẶNG',
      'BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
      'Hội Nạn nhân chất độc da cam/Dioxin tỉnh',
      'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023, dẫn đầu Khối thi đua các Hội đặc thù',
      'Quyết định số 125/QĐ-UBND',
      'ngày 15/01/2024',
      'Số sổ vàng: 0123',
      'Hà Tĩnh, ngày 15 tháng 01 năm 2024',
      'CHỦ TỊCH',
      'Võ Trọng Hải',
      'Mã xác thực: P3NV-8WQZ-47MKD',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps absurdly long texts on its one page, inside the frame', async () => {
    const pdf = await readPdf(
      await renderCertificate(
        fonts,
        awardCertificate({
          recipient: `Hội ${'Khuyếnhọcđặcbiệtkhôngkhoảngtrắng'.repeat(8)} ${'tên rất dài '.repeat(60)}`,
          citation: 'Đã có thành tích xuất sắc trong phong trào thi đua. '.repeat(400),
          issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh '.repeat(10),
          signerTitle: 'Phó Chủ tịch thường trực '.repeat(10),
          decisionNumber: '125/QĐ-UBND-'.repeat(8),
        }),
      ),
    );
    expect(pdf.pages).toHaveLength(1);
    expect(outsideBox(pdf.pages[0], INSIDE_FRAME)).toEqual([]);
  });

  it('streams many certificates as one PDF, one page each, waiting for a slow reader, fonts embedded once', async () => {
    const names = manyOrganizations(60);
    const sink = new SlowSink();
    async function* certificates() {
      for (const [i, recipient] of names.entries()) yield awardCertificate({ id: `id-${i}`, recipient });
    }
    const pages = await streamCertificates(fonts, { key: 'batch', date: new Date('2024-01-15T00:00:00Z'), title: 'Bằng khen năm 2023' }, certificates(), sink);
    await new Promise<void>((resolve) => sink.end(resolve));

    expect(pages).toBe(names.length);
    const bytes = Buffer.concat(sink.chunks);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(names.length);
    pdf.pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(LANDSCAPE_A4.width, 1);
      expect(page.text.replace(/\s+/g, ' ')).toContain(names[i]);
    });
    // Each face used is embedded once for the whole batch, not once per page.
    expect(bytes.toString('latin1').match(/\/FontFile2/g)?.length).toBeLessThanOrEqual(4);
    // The renderer waited for the reader: it never queued much more than one page ahead.
    expect(sink.maxBuffered).toBeLessThan(128 * 1024); // the whole batch is ~450 KiB
  });

  it('gives the same bytes for the same award', async () => {
    const a = await renderCertificate(fonts, awardCertificate());
    const b = await renderCertificate(fonts, awardCertificate());
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, await renderCertificate(fonts, awardCertificate({ id: 'another' })))).not.toBe(0);
  });
});
