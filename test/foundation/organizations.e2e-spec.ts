import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, TestApp } from '../support/test-app.js';

describe('organizations', () => {
  let t: TestApp;
  let staff: Account;
  let unit: Account;

  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.newAccount('staff');
    unit = await t.newUnit();
  });
  afterAll(() => t.close());

  const create = (name: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/api/organizations').set(staff.auth).send({ name, ...extra });

  it('creates an organization with NFC, trimmed text', async () => {
    const res = await create(`  ${'Hội Người mù tỉnh'.normalize('NFD')}  `, { headTitle: 'Chủ tịch' }).expect(201);
    expect(res.body.name).toBe('Hội Người mù tỉnh');
    expect(res.body.name).toBe(res.body.name.normalize('NFC'));
    expect(res.body).not.toHaveProperty('nameKey');
    const stored = await t.dataSource.query('SELECT name FROM organization WHERE id = $1', [res.body.id]);
    expect(stored[0].name).toBe('Hội Người mù tỉnh');
  });

  it('refuses a decomposed (NFD) or differently cased twin with 409', async () => {
    const res = await create('Hội Người mù tỉnh'.normalize('NFD')).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    await create('HỘI NGƯỜI MÙ TỈNH').expect(409);
  });

  it('finds by part of the name ignoring accents and case, đ matching d', async () => {
    await create('Hội Nạn nhân chất độc da cam/Dioxin tỉnh').expect(201);
    await create('Liên minh Hợp tác xã tỉnh', { shortName: 'Liên minh HTX' }).expect(201);
    const names = async (q: string) =>
      ((await t.http.get('/api/organizations').query({ q }).set(unit.auth).expect(200)).body.items as { name: string }[]).map((o) => o.name);
    expect(await names('hoi nguoi mu')).toEqual(['Hội Người mù tỉnh']);
    expect(await names('DOC DA CAM')).toEqual(['Hội Nạn nhân chất độc da cam/Dioxin tỉnh']);
    expect(await names('độc')).toEqual(['Hội Nạn nhân chất độc da cam/Dioxin tỉnh']);
    expect(await names('htx')).toEqual(['Liên minh Hợp tác xã tỉnh']);
    expect(await names('100%')).toEqual([]);
  });

  it('lists with limit and offset and a total', async () => {
    const page = await t.http.get('/api/organizations?limit=1&offset=1').set(unit.auth).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    await t.http.get('/api/organizations?limit=501').set(unit.auth).expect(400);
    await t.http.get('/api/organizations?limit=abc').set(unit.auth).expect(400);
    await t.http.get('/api/organizations?offset=-1').set(unit.auth).expect(400);
  });

  it('reads and updates, staff only', async () => {
    const { body: org } = await create('Hội Cựu thanh niên xung phong tỉnh').expect(201);
    await t.http.get(`/api/organizations/${org.id}`).set(unit.auth).expect(200);
    await t.http.patch(`/api/organizations/${org.id}`).set(unit.auth).send({ headName: 'X' }).expect(403);
    await create('Hội Chữ thập đỏ').set(unit.auth).expect(403);
    const res = await t.http.patch(`/api/organizations/${org.id}`).set(staff.auth).send({ headName: 'Nguyễn Văn Bình' }).expect(200);
    expect(res.body).toMatchObject({ name: 'Hội Cựu thanh niên xung phong tỉnh', headName: 'Nguyễn Văn Bình' });
    await t.http.patch(`/api/organizations/${org.id}`).set(staff.auth).send({ name: 'Hội Người Mù Tỉnh' }).expect(409);
    const found = await t.http.get('/api/organizations').query({ q: 'xung phong' }).set(unit.auth).expect(200);
    expect(found.body.total).toBe(1);
  });

  it('answers 400 for bad input and 404 for an unknown id', async () => {
    await create('').expect(400);
    const blank = await create('   ').expect(400);
    expect(JSON.stringify(blank.body.message)).toContain('name must not be blank');
    await create('x'.repeat(1001)).expect(400);
    await t.http.post('/api/organizations').set(staff.auth).send({ name: 42 }).expect(400);
    await t.http.get('/api/organizations/123').set(unit.auth).expect(400);
    await t.http.get('/api/organizations/5b0f7d1e-0000-4000-8000-000000000000').set(unit.auth).expect(404);
  });
});
