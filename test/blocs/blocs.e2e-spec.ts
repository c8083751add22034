import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, type BlocYearFixture, TestApp, type UnitAccount } from '../support/test-app.js';

const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';

describe('blocs', () => {
  let t: TestApp;
  let admin: Account;
  let staff: Account;
  let leader: UnitAccount;
  let member: UnitAccount;
  let outsider: UnitAccount;
  let year: BlocYearFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
    staff = await t.newAccount('staff');
    year = await t.newBlocYear();
    leader = year.leader;
    member = year.members[0];
    outsider = await t.newUnit();
  });
  afterAll(() => t.close());

  const create = (who: Account, body: object) => t.http.post('/api/blocs').set(who.auth).send(body);

  it('lets staff and admin create a bloc, with NFC trimmed text', async () => {
    const res = await create(staff, { name: `  ${'Khối các Hội đặc thù'.normalize('NFD')} `, description: 'Các Hội có tính chất đặc thù' }).expect(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: 'Khối các Hội đặc thù', description: 'Các Hội có tính chất đặc thù' });
    expect(res.body).not.toHaveProperty('nameKey');
    await create(admin, { name: 'Khối các cơ quan Đảng' }).expect(201);
  });

  it('refuses a bloc to unit accounts, even the leader of a bloc, and without a token', async () => {
    await create(leader, { name: 'Khối của trưởng khối' }).expect(403);
    await create(outsider, { name: 'Khối của đơn vị' }).expect(403);
    await t.http.post('/api/blocs').send({ name: 'Khối ẩn danh' }).expect(401);
  });

  it('refuses the same name after NFC, spacing and case with 409', async () => {
    const res = await create(staff, { name: 'KHỐI CÁC  HỘI ĐẶC THÙ' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('answers 400 for a missing, empty, too long or unknown field', async () => {
    await create(staff, {}).expect(400);
    await create(staff, { name: '' }).expect(400);
    await create(staff, { name: 'x'.repeat(1001) }).expect(400);
    await create(staff, { name: 'Khối X', description: 'x'.repeat(20001) }).expect(400);
    const res = await create(staff, { name: 'Khối Y', leader: 'me' }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('leader');
  });

  it('lists and reads blocs for any account, with the years that have a roster', async () => {
    for (const who of [admin, staff, leader, member, outsider]) {
      const list = await t.http.get('/api/blocs?limit=500').set(who.auth).expect(200);
      expect(list.body.total).toBeGreaterThanOrEqual(3);
      expect(list.body.items.map((b: { id: string }) => b.id)).toContain(year.blocId);
    }
    const one = await t.http.get(`/api/blocs/${year.blocId}`).set(member.auth).expect(200);
    expect(one.body).toMatchObject({ id: year.blocId, years: [2023] });
    const page = await t.http.get('/api/blocs?limit=1&offset=1').set(member.auth).expect(200);
    expect(page.body.items).toHaveLength(1);
    await t.http.get('/api/blocs?limit=0').set(member.auth).expect(400);
    await t.http.get('/api/blocs').expect(401);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    await t.http.get('/api/blocs/not-a-uuid').set(member.auth).expect(400);
    await t.http.get(`/api/blocs/${UNKNOWN}`).set(member.auth).expect(404);
    await t.http.patch(`/api/blocs/${UNKNOWN}`).set(staff.auth).send({ name: 'Khối Z' }).expect(404);
  });

  it('lets staff rename a bloc; units may not; a taken name is 409', async () => {
    const bloc = await t.newBloc();
    await t.http.patch(`/api/blocs/${bloc.id}`).set(leader.auth).send({ name: 'Khối mới' }).expect(403);
    const res = await t.http.patch(`/api/blocs/${bloc.id}`).set(staff.auth).send({ name: 'Khối các Hội quần chúng', description: 'Đổi tên năm 2025' }).expect(200);
    expect(res.body).toMatchObject({ name: 'Khối các Hội quần chúng', description: 'Đổi tên năm 2025' });
    await t.http.patch(`/api/blocs/${bloc.id}`).set(staff.auth).send({ name: 'khối các hội đặc thù' }).expect(409);
    await t.http.patch(`/api/blocs/${bloc.id}`).set(staff.auth).send({ version: 1 }).expect(400);
  });

  it('records creations and changes in the audit log', async () => {
    const rows: { action: string }[] = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'bloc'`);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['bloc.create', 'bloc.update']));
  });
});
