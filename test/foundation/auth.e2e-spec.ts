import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, type Account, JWT_SECRET, TestApp } from '../support/test-app.js';

describe('accounts and roles', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
  });
  afterAll(() => t.close());

  it('logs the bootstrapped admin in and answers who it is', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', organizationId: null });
    expect(typeof res.body.accessToken).toBe('string');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('admin');
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'not-the-password' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'not-the-password' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('refuses a route without a token, with a malformed token and with a token signed by another secret', async () => {
    await t.http.get('/api/users').expect(401);
    await t.http.get('/api/users').set('Authorization', 'Bearer not.a.token').expect(401);
    const { JwtService } = await import('@nestjs/jwt');
    const forged = new JwtService({ secret: `${JWT_SECRET}-other` }).sign({ sub: admin.user.id });
    await t.http.get('/api/users').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses an expired token', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const expired = new JwtService({ secret: JWT_SECRET }).sign({ sub: admin.user.id, exp: Math.floor(Date.now() / 1000) - 10 });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
  });

  it('lets only admin manage users', async () => {
    const unit = await t.newUnit();
    const staff = await t.newAccount('staff');
    const body = { username: 'someone', password: 'long-enough', fullName: 'Ai đó', role: 'staff' };
    await t.http.post('/api/users').set(unit.auth).send(body).expect(403);
    await t.http.post('/api/users').set(staff.auth).send(body).expect(403);
    await t.http.get('/api/users').set(staff.auth).expect(403);
  });

  it('creates a user without ever returning the password or its hash, and refuses a duplicate', async () => {
    const org = await t.newOrganization();
    const res = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'HoiNguoiMu', password: 'mat-khau-dai', fullName: 'Cán bộ Hội Người mù', role: 'unit', organizationId: org.id })
      .expect(201);
    expect(res.body).toMatchObject({ username: 'hoinguoimu', role: 'unit', organizationId: org.id, disabled: false });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2|mat-khau-dai/i);
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'hoinguoimu', password: 'mat-khau-dai', fullName: 'X', role: 'staff' })
      .expect(409);
    const list = await t.http.get('/api/users?limit=500').set(admin.auth).expect(200);
    expect(list.body.total).toBe(list.body.items.length);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    const token = await t.login('hoinguoimu', 'mat-khau-dai');
    expect(token).toBeTruthy();
  });

  it('requires an organization for a unit account', async () => {
    const res = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'lonely', password: 'long-enough', fullName: 'X', role: 'unit' })
      .expect(400);
    expect(JSON.stringify(res.body.message)).toContain('organizationId');
    await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'lonely2', password: 'long-enough', fullName: 'X', role: 'unit', organizationId: '5b0f7d1e-0000-4000-8000-000000000000' })
      .expect(400);
  });

  it('answers 400 naming an unknown field, a short password and a bad role', async () => {
    const res = await t.http
      .post('/api/users')
      .set(admin.auth)
      .send({ username: 'abc', password: 'short', fullName: 'X', role: 'king', isRoot: true })
      .expect(400);
    const text = JSON.stringify(res.body.message);
    expect(text).toContain('isRoot');
    expect(text).toContain('password');
    expect(text).toContain('role');
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const res = await t.http.get('/api/users/not-a-uuid').set(admin.auth).expect(400);
    expect(res.body.message).toContain('id');
    await t.http.get('/api/users/5b0f7d1e-0000-4000-8000-000000000000').set(admin.auth).expect(404);
  });

  it('stops a disabled user from logging in and its tokens from working', async () => {
    const staff = await t.newAccount('staff');
    await t.http.get('/api/auth/me').set(staff.auth).expect(200);
    await t.http.patch(`/api/users/${staff.user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    await t.http.get('/api/auth/me').set(staff.auth).expect(401);
    await t.http.post('/api/auth/login').send({ username: staff.user.username, password: 'password-for-tests' }).expect(401);
  });

  it('records every account change in the audit log', async () => {
    const rows = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'user'`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['user.create', 'user.update']));
  });
});
