import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { binary, readPdf } from '../support/pdf-text.js';
import { type Account, type BlocYearFixture, TestApp, type UnitAccount } from '../support/test-app.js';

const TYPES = {
  CO_THI_DUA_CHINH_PHU: 'Cờ thi đua của Chính phủ',
  CO_THI_DUA_TINH: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
  BANG_KHEN_THU_TUONG: 'Bằng khen của Thủ tướng Chính phủ',
  BANG_KHEN_TINH: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  TAP_THE_LAO_DONG_XUAT_SAC: 'Tập thể lao động xuất sắc',
  GIAY_KHEN: 'Giấy khen',
};

describe('awards', () => {
  let t: TestApp;
  let admin: Account;
  let staff: Account;
  let unit: UnitAccount;
  let bloc: BlocYearFixture;
  let recipient: { id: string; name: string };

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
    staff = await t.newAccount('staff');
    bloc = await t.newBlocYear({ year: 2023 });
    // The leader of a bloc year is still a unit account: awards are the province's business.
    unit = bloc.leader;
    recipient = await t.newOrganization({ name: `Hội Người mù tỉnh ${t.unique()}` });
  });
  afterAll(() => t.close());

  const body = (fields: Record<string, unknown> = {}) => ({
    year: 2023,
    awardTypeCode: 'BANG_KHEN_TINH',
    organizationId: recipient.id,
    citation: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023',
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '2024-01-15',
    issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh',
    signerTitle: 'Chủ tịch',
    signerName: 'Võ Trọng Hải',
    place: 'Hà Tĩnh',
    goldenBookNumber: '0123',
    ...fields,
  });
  const pdf = (path: string, auth: Record<string, string>) => t.http.get(path).set(auth).buffer(true).parse(binary);

  describe('GET /api/award-types', () => {
    it('lists at least the six codes of the contract with their Vietnamese names and level, to any account', async () => {
      const res = await t.http.get('/api/award-types').set(unit.auth).expect(200);
      const byCode = Object.fromEntries((res.body.items as { code: string; name: string; level: string }[]).map((i) => [i.code, i]));
      for (const [code, name] of Object.entries(TYPES)) {
        expect(byCode[code].name).toBe(name);
        expect(byCode[code].name).toBe(name.normalize('NFC'));
      }
      expect(byCode.CO_THI_DUA_CHINH_PHU.level).toBe('national');
      expect(byCode.CO_THI_DUA_TINH.level).toBe('provincial');
      expect(byCode.GIAY_KHEN.level).toBe('local');
      expect(res.body.total).toBe(res.body.items.length);
      await t.http.get('/api/award-types').set(staff.auth).expect(200);
    });

    it('needs a token', async () => {
      await t.http.get('/api/award-types').expect(401);
    });
  });

  describe('POST /api/awards', () => {
    it('records an award with its decision and gives it a verification code and content hash (staff)', async () => {
      const res = await t.http.post('/api/awards').set(staff.auth).send(body({ citation: '  Đã có thành tích xuất sắc  '.normalize('NFD') })).expect(201);
      expect(res.body).toMatchObject({
        year: 2023,
        awardTypeCode: 'BANG_KHEN_TINH',
        awardTypeName: TYPES.BANG_KHEN_TINH,
        organizationId: recipient.id,
        recipientName: recipient.name,
        blocId: null,
        citation: 'Đã có thành tích xuất sắc',
        decisionNumber: '125/QĐ-UBND',
        decisionDate: '2024-01-15',
        goldenBookNumber: '0123',
      });
      expect(res.body.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(res.body.verificationUrl).toBe(`https://thidua.example.gov.vn/api/verify/${res.body.verificationCode}`);
      expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const [audit] = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'award' AND entity_id = $1`, [res.body.id]);
      expect(audit).toEqual({ action: 'award.create', actor_id: staff.user.id });
    });

    it('lets admin record awards too, and ties an award to the bloc the recipient is a member of', async () => {
      const res = await t.http
        .post('/api/awards')
        .set(admin.auth)
        .send(body({ awardTypeCode: 'CO_THI_DUA_TINH', organizationId: bloc.leader.organizationId, blocId: bloc.blocId }))
        .expect(201);
      expect(res.body.blocId).toBe(bloc.blocId);
    });

    it('refuses the same award type for the same organisation and year with 409, and allows another year', async () => {
      const org = await t.newOrganization();
      await t.http.post('/api/awards').set(staff.auth).send(body({ organizationId: org.id })).expect(201);
      const again = await t.http.post('/api/awards').set(staff.auth).send(body({ organizationId: org.id, decisionNumber: '200/QĐ-UBND' })).expect(409);
      expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      await t.http.post('/api/awards').set(staff.auth).send(body({ organizationId: org.id, year: 2024 })).expect(201);
      await t.http.post('/api/awards').set(staff.auth).send(body({ organizationId: org.id, awardTypeCode: 'GIAY_KHEN' })).expect(201);
    });

    it('is for staff and admin only: a unit account, even the leader of a bloc year, gets 403; no token 401', async () => {
      const member = bloc.members[0];
      await t.http.post('/api/awards').set(unit.auth).send(body()).expect(403);
      await t.http.post('/api/awards').set(member.auth).send(body({ organizationId: member.organizationId })).expect(403);
      await t.http.post('/api/awards').send(body()).expect(401);
    });

    it.each([
      ['an unknown field', { extra: 1 }, 'property extra should not exist'],
      ['a year out of range', { year: 1999 }, 'year'],
      ['a year that is not an integer', { year: '2023' }, 'year'],
      ['a malformed organisation id', { organizationId: 'abc' }, 'organizationId'],
      ['a malformed bloc id', { blocId: 'abc' }, 'blocId'],
      ['an impossible date', { decisionDate: '2024-02-30' }, 'decisionDate'],
      ['a date in another format', { decisionDate: '15/01/2024' }, 'decisionDate'],
      ['an empty citation', { citation: '' }, 'citation'],
      ['a citation over 20,000 characters', { citation: 'x'.repeat(20001) }, 'citation'],
      ['a signer name over 1,000 characters', { signerName: 'x'.repeat(1001) }, 'signerName'],
      ['a decision number over 100 characters', { decisionNumber: '1'.repeat(101) }, 'decisionNumber'],
      ['no issuer title', { issuerTitle: undefined }, 'issuerTitle'],
      ['an unknown award type', { awardTypeCode: 'HUAN_CHUONG_VANG' }, 'awardTypeCode'],
      ['an unknown organisation', { organizationId: '7d2f0c8e-1b1a-4c3e-9f4d-2a6b8c0e1f23' }, 'organizationId'],
      ['a bloc the organisation is not a member of that year', { blocId: '$bloc' }, 'roster'],
    ])('answers 400 for %s, naming the problem', async (_, fields, mention) => {
      const sent = body(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === '$bloc' ? bloc.blocId : v])));
      const res = await t.http.post('/api/awards').set(staff.auth).send(sent).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(res.body.message)).toContain(mention);
    });
  });

  describe('GET /api/awards and GET /api/awards/:id', () => {
    it('lists by year, bloc and organisation to any account, with a total', async () => {
      const org = await t.newOrganization();
      const a2022 = await t.newAward(org.id, { year: 2022 });
      const a2023 = await t.newAward(org.id, { year: 2023 });
      const mine = await t.http.get('/api/awards').query({ organizationId: org.id }).set(unit.auth).expect(200);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([a2023.id, a2022.id]);
      const year = await t.http.get('/api/awards').query({ organizationId: org.id, year: 2022 }).set(unit.auth).expect(200);
      expect(year.body.items.map((a: { id: string }) => a.id)).toEqual([a2022.id]);
      const inBloc = await t.http.get('/api/awards').query({ blocId: bloc.blocId }).set(unit.auth).expect(200);
      expect(inBloc.body.items.every((a: { blocId: string }) => a.blocId === bloc.blocId)).toBe(true);
      expect(inBloc.body.total).toBeGreaterThanOrEqual(1);
      const paged = await t.http.get('/api/awards').query({ limit: 1, offset: 1 }).set(staff.auth).expect(200);
      expect(paged.body.items).toHaveLength(1);
    });

    it('answers 400 for malformed filters and 401 without a token', async () => {
      await t.http.get('/api/awards').query({ year: 'abc' }).set(unit.auth).expect(400);
      await t.http.get('/api/awards').query({ blocId: 'abc' }).set(unit.auth).expect(400);
      await t.http.get('/api/awards').query({ limit: 501 }).set(unit.auth).expect(400);
      await t.http.get('/api/awards').expect(401);
    });

    it('shows one award, 404 for an unknown id, 400 for a malformed one', async () => {
      const award = await t.newAward((await t.newOrganization()).id);
      const res = await t.http.get(`/api/awards/${award.id}`).set(unit.auth).expect(200);
      expect(res.body.verificationCode).toBe(award.verificationCode);
      await t.http.get('/api/awards/7d2f0c8e-1b1a-4c3e-9f4d-2a6b8c0e1f23').set(unit.auth).expect(404);
      await t.http.get('/api/awards/not-a-uuid').set(unit.auth).expect(400);
    });
  });

  describe('GET /api/awards/:id/certificate.pdf', () => {
    it('is a one-page landscape PDF with the recipient, award, decision, golden book and code, for any account', async () => {
      const org = await t.newOrganization({ name: `Hội Nạn nhân chất độc da cam/Dioxin tỉnh ${t.unique()}` });
      const award = await t.newAward(org.id, { awardTypeCode: 'CO_THI_DUA_TINH', decisionNumber: '125/QĐ-UBND', goldenBookNumber: '0456', place: 'Hà Tĩnh' });
      const res = await pdf(`/api/awards/${award.id}/certificate.pdf`, unit.auth).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const doc = await readPdf(res.body as Buffer);
      expect(doc.pages).toHaveLength(1);
      expect(doc.pages[0].width).toBeGreaterThan(doc.pages[0].height);
      for (const expected of [
        org.name,
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH',
        'TẶNG',
        TYPES.CO_THI_DUA_TINH.toLocaleUpperCase('vi'),
        'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023',
        'Quyết định số 125/QĐ-UBND',
        'ngày 15/01/2024',
        'Số sổ vàng: 0456',
        'Hà Tĩnh, ngày 15 tháng 01 năm 2024',
        'Võ Trọng Hải',
        `Mã xác thực: ${award.verificationCode}`,
      ]) {
        expect(doc.flatText).toContain(expected);
      }
      const again = await pdf(`/api/awards/${award.id}/certificate.pdf`, staff.auth).expect(200);
      expect(Buffer.compare(again.body as Buffer, res.body as Buffer)).toBe(0);
    });

    it('answers 404 for an unknown award, 400 for a malformed id, 401 without a token', async () => {
      await t.http.get('/api/awards/7d2f0c8e-1b1a-4c3e-9f4d-2a6b8c0e1f23/certificate.pdf').set(unit.auth).expect(404);
      await t.http.get('/api/awards/nope/certificate.pdf').set(unit.auth).expect(400);
      await t.http.get('/api/awards/7d2f0c8e-1b1a-4c3e-9f4d-2a6b8c0e1f23/certificate.pdf').expect(401);
    });
  });

  describe('GET /api/awards/certificates.pdf', () => {
    it('streams every certificate of a year (or a bloc) as one PDF, one page per award (staff)', async () => {
      const year = 2031;
      const orgs = await Promise.all(Array.from({ length: 5 }, (_, i) => t.newOrganization({ name: `Hội Khuyến học xã số ${i + 1} ${t.unique()}` })));
      for (const org of orgs) await t.newAward(org.id, { year });
      const res = await pdf(`/api/awards/certificates.pdf?year=${year}`, staff.auth).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBeUndefined(); // streamed, not buffered
      const doc = await readPdf(res.body as Buffer);
      expect(doc.pages).toHaveLength(orgs.length);
      const names = [...orgs.map((o) => o.name)].sort();
      doc.pages.forEach((page, i) => expect(page.text.replace(/\s+/g, ' ')).toContain(names[i]));

      const byBloc = await pdf(`/api/awards/certificates.pdf?blocId=${bloc.blocId}`, admin.auth).expect(200);
      expect((await readPdf(byBloc.body as Buffer)).pages.length).toBe((await t.http.get('/api/awards').query({ blocId: bloc.blocId }).set(staff.auth)).body.total);
    });

    it('is for staff: 403 for a unit account, 401 without a token', async () => {
      await t.http.get('/api/awards/certificates.pdf?year=2023').set(unit.auth).expect(403);
      await t.http.get('/api/awards/certificates.pdf?year=2023').expect(401);
    });

    it('answers 400 without year or bloc or with malformed ones, 404 when no award matches', async () => {
      await t.http.get('/api/awards/certificates.pdf').set(staff.auth).expect(400);
      await t.http.get('/api/awards/certificates.pdf?year=20x3').set(staff.auth).expect(400);
      await t.http.get('/api/awards/certificates.pdf?blocId=xyz').set(staff.auth).expect(400);
      await t.http.get('/api/awards/certificates.pdf?year=2099').set(staff.auth).expect(404);
    });
  });
});
