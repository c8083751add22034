import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { binary, readPdf } from '../support/pdf-text.js';
import { type Account, type BlocYearFixture, type CovenantJson, TestApp, type UnitAccount } from '../support/test-app.js';

const THEME = 'Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất';
const TARGETS = [
  { title: 'Tiếp tục đẩy mạnh công tác quán triệt, tuyên truyền về thi đua, khen thưởng', indicator: { unit: 'buổi', targetValue: 12, baseline: 4 } },
  { title: 'Tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước', movement: 'Cả nước chung sức xây dựng nông thôn mới' },
  { title: 'Xây dựng tổ chức Hội vững mạnh' },
];
const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';
const upper = (s: string) => s.toLocaleUpperCase('vi');

describe('printed documents', () => {
  let t: TestApp;
  let staff: Account;
  let outsider: UnitAccount;
  let year: BlocYearFixture;
  let names: Map<string, string>;
  let blocName: string;
  let covenant: CovenantJson;

  const pdf = (path: string, who: Account) => t.http.get(path).set(who.auth).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.newAccount('staff');
    outsider = await t.newUnit();
    year = await t.newBlocYear({ year: 2023, members: 2 });
    const roster = await t.http.get(`/api/blocs/${year.blocId}/years/2023`).set(staff.auth).expect(200);
    names = new Map((roster.body.members as { organizationId: string; name: string }[]).map((m) => [m.organizationId, m.name]));
    blocName = (await t.http.get(`/api/blocs/${year.blocId}`).set(staff.auth).expect(200)).body.name;

    const draft = await t.newCovenant(year.blocId, 2023, {
      title: 'Bản giao ước thi đua năm 2023',
      theme: THEME,
      preamble: 'Các đơn vị trong Khối thống nhất ký kết giao ước thi đua năm 2023 với các nội dung sau.',
      place: 'Hà Tĩnh',
      signingDate: '2023-03-03',
      targets: TARGETS,
    });
    covenant = await t.openCovenant(draft.id);
    // The leader and the deputy sign; the two plain members have not yet.
    for (const [who, signer] of [
      [year.leader, 'Nguyễn Văn Ấn'],
      [year.deputy, 'Trần Thị Bình'],
    ] as const) {
      await t.http
        .post(`/api/covenants/${covenant.id}/signatures`)
        .set(who.auth)
        .send({ organizationId: who.organizationId, signerName: signer, signerTitle: 'Chủ tịch', contentHash: covenant.contentHash })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  describe('GET /api/covenants/:id/document.pdf', () => {
    it('prints the covenant for any account: header, title, theme, every target, every party with its state, hash and code', async () => {
      for (const who of [staff, year.members[0], outsider]) {
        const res = await pdf(`/api/covenants/${covenant.id}/document.pdf`, who).expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
      }
      const doc = await readPdf((await pdf(`/api/covenants/${covenant.id}/document.pdf`, year.leader).expect(200)).body as Buffer);
      expect(doc.pages[0].height).toBeGreaterThan(doc.pages[0].width);
      const text = doc.flatText;
      expect(text).toBe(text.normalize('NFC'));
      for (const expected of [
        upper(blocName),
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Hà Tĩnh, ngày 03 tháng 3 năm 2023',
        'BẢN GIAO ƯỚC THI ĐUA NĂM 2023',
        `“${THEME}”`,
        'Chỉ tiêu: 12 buổi; xuất phát điểm: 4 buổi',
        'Phong trào thi đua: “Cả nước chung sức xây dựng nông thôn mới”',
        'Nguyễn Văn Ấn',
        'Trần Thị Bình',
        covenant.contentHash!,
        `Mã xác thực: ${covenant.verificationCode}`,
      ]) {
        expect(text).toContain(expected);
      }
      TARGETS.forEach((target, i) => expect(text).toContain(`${i + 1}. ${target.title}`));
      for (const name of names.values()) expect(text).toContain(upper(name));
      expect(text.match(/\(chưa ký\)/g)).toHaveLength(2);
      // The leader's block comes first.
      expect(text.indexOf(upper(names.get(year.leader.organizationId)!))).toBeLessThan(text.indexOf(upper(names.get(year.members[0].organizationId)!)));
    });

    it('prints a draft as a draft, without hash or code', async () => {
      const other = await t.newBlocYear({ year: 2024, members: 1 });
      const draft = await t.newCovenant(other.blocId, 2024, { title: 'Dự thảo giao ước năm 2024' });
      const doc = await readPdf((await pdf(`/api/covenants/${draft.id}/document.pdf`, other.members[0]).expect(200)).body as Buffer);
      expect(doc.flatText).toContain('BẢN DỰ THẢO');
      expect(doc.flatText).toContain('DỰ THẢO GIAO ƯỚC NĂM 2024');
      expect(doc.flatText).not.toContain('Mã xác thực:');
    });

    it('answers 404 for an unknown covenant, 400 for a malformed id, 401 without a token', async () => {
      await t.http.get(`/api/covenants/${UNKNOWN}/document.pdf`).set(staff.auth).expect(404);
      await t.http.get('/api/covenants/xyz/document.pdf').set(staff.auth).expect(400);
      await t.http.get(`/api/covenants/${covenant.id}/document.pdf`).expect(401);
    });
  });

  describe('GET /api/blocs/:blocId/years/:year/report.pdf', () => {
    it('prints the roster, the covenant and its signatures, progress per target, the ranking, the ballots and the awards', async () => {
      // Everyone signs: the covenant is in force and members can report progress.
      for (const who of year.members) {
        await t.http
          .post(`/api/covenants/${covenant.id}/signatures`)
          .set(who.auth)
          .send({ organizationId: who.organizationId, signerName: 'Lê Thị Dung', signerTitle: 'Phó Chủ tịch', contentHash: covenant.contentHash })
          .expect(201);
      }
      const full = (await t.http.get(`/api/covenants/${covenant.id}`).set(staff.auth).expect(200)).body as CovenantJson;
      expect(full.status).toBe('in_force');
      const member = year.members[0];
      await t.http
        .post(`/api/covenants/${covenant.id}/progress-reports`)
        .set(member.auth)
        .send({ organizationId: member.organizationId, period: 'Q4', entries: [{ targetId: full.targets[0].id, actualValue: 10, status: 'on_track' }] })
        .expect(201);

      await t.http
        .put(`/api/blocs/${year.blocId}/years/2023/criteria`)
        .set(staff.auth)
        .send({ items: [{ code: 'TC1', title: 'Công tác tuyên truyền', maxPoints: 60, kind: 'quantitative' }, { code: 'TC2', title: 'Phát triển hội viên', maxPoints: 40, kind: 'quantitative' }] })
        .expect(200);
      for (const [who, a, b] of [
        [year.leader, 58, 37.5],
        [member, 55, 30],
      ] as const) {
        await t.http
          .put(`/api/blocs/${year.blocId}/years/2023/score-sheets/${who.organizationId}`)
          .set(who.auth)
          .send({ entries: [{ code: 'TC1', selfScore: a }, { code: 'TC2', selfScore: b }] })
          .expect(200);
      }

      const ballot = await t.http
        .post(`/api/blocs/${year.blocId}/years/2023/ballots`)
        .set(staff.auth)
        .send({ awardTypeCode: 'CO_THI_DUA_TINH', candidates: [year.leader.organizationId, member.organizationId], maxChoices: 1, seats: 1 })
        .expect(201);
      for (const who of year.all) {
        await t.http.post(`/api/ballots/${ballot.body.id}/votes`).set(who.auth).send({ choices: [year.leader.organizationId] }).expect(201);
      }
      await t.http.post(`/api/ballots/${ballot.body.id}/close`).set(staff.auth).expect(200);

      const award = await t.newAward(year.leader.organizationId, { awardTypeCode: 'CO_THI_DUA_TINH', blocId: year.blocId, decisionNumber: '125/QĐ-UBND' });

      const res = await pdf(`/api/blocs/${year.blocId}/years/2023/report.pdf`, outsider).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const doc = await readPdf(res.body as Buffer);
      const text = doc.flatText;
      expect(text).toBe(text.normalize('NFC'));
      for (const expected of [
        upper(blocName),
        'BÁO CÁO KẾT QUẢ THI ĐUA NĂM 2023',
        'I. DANH SÁCH ĐƠN VỊ THÀNH VIÊN',
        'II. GIAO ƯỚC THI ĐUA VÀ CHỮ KÝ',
        `Chủ đề: “${THEME}”`,
        'Có hiệu lực',
        covenant.verificationCode!,
        'III. TIẾN ĐỘ THỰC HIỆN CÁC NỘI DUNG GIAO ƯỚC',
        'Quý IV',
        '75%', // 10 buổi from 4 towards 12
        'chưa báo cáo',
        'IV. KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG',
        '95,5',
        'V. KẾT QUẢ BỎ PHIẾU BÌNH XÉT',
        'Bỏ phiếu đề nghị Cờ thi đua của Ủy ban nhân dân tỉnh (1 suất)',
        'Số đơn vị đã bỏ phiếu: 4',
        'Đạt',
        'VI. KHEN THƯỞNG',
        '125/QĐ-UBND ngày 15/01/2024',
        award.verificationCode,
        'Nguyễn Văn Ấn',
        'Lê Thị Dung',
      ]) {
        expect(text).toContain(expected);
      }
      for (const name of names.values()) expect(text).toContain(name);
      TARGETS.forEach((target, i) => expect(text).toContain(`${i + 1}. ${target.title}`));
    });

    it('prints a bloc year that has nothing yet but its roster', async () => {
      const bare = await t.newBlocYear({ year: 2025, members: 1 });
      const doc = await readPdf((await pdf(`/api/blocs/${bare.blocId}/years/2025/report.pdf`, bare.members[0]).expect(200)).body as Buffer);
      expect(doc.flatText).toContain('Khối chưa lập giao ước thi đua cho năm này.');
      expect(doc.flatText).toContain('VI. KHEN THƯỞNG Chưa có dữ liệu.');
    });

    it('answers 404 for an unknown bloc or a year without roster, 400 for malformed ones, 401 without a token', async () => {
      await t.http.get(`/api/blocs/${UNKNOWN}/years/2023/report.pdf`).set(staff.auth).expect(404);
      await t.http.get(`/api/blocs/${year.blocId}/years/2030/report.pdf`).set(staff.auth).expect(404);
      await t.http.get('/api/blocs/nope/years/2023/report.pdf').set(staff.auth).expect(400);
      await t.http.get(`/api/blocs/${year.blocId}/years/1999/report.pdf`).set(staff.auth).expect(400);
      await t.http.get(`/api/blocs/${year.blocId}/years/20x3/report.pdf`).set(staff.auth).expect(400);
      await t.http.get(`/api/blocs/${year.blocId}/years/2023/report.pdf`).expect(401);
    });
  });
});
