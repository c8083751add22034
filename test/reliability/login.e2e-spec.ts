import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { killLeftovers, ServerProcess } from '../support/server-process.js';
import { type Account, ADMIN_PASSWORD, createDatabase, databaseUrl, dropDatabase, JWT_SECRET, TestApp, USER_PASSWORD } from '../support/test-app.js';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 8;

/** Each test logs in "from" its own documentation address (the app trusts the loopback proxy). */
let addressCounter = 0;
const newAddress = () => `203.0.113.${++addressCounter}`;

describe('login rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      LOGIN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
      LOGIN_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, address: string, app = t) =>
    app.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('refuses an account with 429 once its failures are used up, even with the right password, until the window ends', async () => {
    const staff = await t.newAccount('staff');
    const address = newAddress();
    for (let i = 0; i < PER_ACCOUNT; i++) await login(staff.user.username, 'wrong-password', address).expect(401);
    const refused = await login(staff.user.username, 'wrong-password', address).expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(typeof refused.body.message).toBe('string');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Blocked means blocked: otherwise the limit would still tell a guesser when it guessed right.
    await login(staff.user.username, USER_PASSWORD, address).expect(429);
    await login(staff.user.username, USER_PASSWORD, newAddress()).expect(429);
    // Case and spaces do not make another account.
    await login(` ${staff.user.username.toUpperCase()} `, USER_PASSWORD, newAddress()).expect(429);
    // Another account from the same address is not affected.
    const other = await t.newAccount('staff');
    await login(other.user.username, USER_PASSWORD, address).expect(200);

    await t.dataSource.query(`UPDATE rate_limit_counter SET expires_at = now() - interval '1 second' WHERE key = $1`, [
      `login:account:${staff.user.username}`,
    ]);
    await login(staff.user.username, USER_PASSWORD, address).expect(200);
  });

  it('refuses an address with 429 once its failures across accounts are used up; other addresses go on', async () => {
    const staff = await t.newAccount('staff');
    const address = newAddress();
    for (let i = 0; i < PER_ADDRESS; i++) await login(`nobody-${i}-${t.unique()}`, 'wrong-password', address).expect(401);
    await login(`nobody-else-${t.unique()}`, 'wrong-password', address).expect(429);
    await login(staff.user.username, USER_PASSWORD, address).expect(429);
    await login(staff.user.username, USER_PASSWORD, newAddress()).expect(200);
  });

  it('never limits successful logins, and still counts the failures between them', async () => {
    const staff = await t.newAccount('staff');
    const address = newAddress();
    for (let i = 0; i < PER_ACCOUNT - 1; i++) await login(staff.user.username, 'wrong-password', address).expect(401);
    for (let i = 0; i < PER_ADDRESS + 2; i++) await login(staff.user.username, USER_PASSWORD, address).expect(200);
    await login(staff.user.username, 'wrong-password', address).expect(401);
    await login(staff.user.username, 'wrong-password', address).expect(429);
  });

  it('lets more people of one address log in at the same moment than its failure allowance', async () => {
    const address = newAddress();
    const people = await Promise.all(Array.from({ length: PER_ADDRESS + 4 }, () => t.newAccount('staff')));
    const answers = await Promise.all(people.map((p) => login(p.user.username, USER_PASSWORD, address)));
    expect(answers.map((r) => r.status)).toEqual(people.map(() => 200));
  });

  it('lets exactly the allowed number of failures through a parallel burst', async () => {
    const staff = await t.newAccount('staff');
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(staff.user.username, 'wrong-password', address)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - PER_ACCOUNT);
  });

  it('answers a malformed login body with 400 naming the field, without counting it', async () => {
    const staff = await t.newAccount('staff');
    const address = newAddress();
    const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username: 5, password: ['x'] }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/username/);
    expect(JSON.stringify(res.body.message)).toMatch(/password/);
    await t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({}).expect(400);
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username: staff.user.username, password: 'x', extra: 1 })
      .expect(400);
    for (let i = 0; i < PER_ACCOUNT * 2; i++) {
      await t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username: staff.user.username, password: 'x'.repeat(201) }).expect(400);
    }
    await login(staff.user.username, USER_PASSWORD, address).expect(200);
  });
});

// Two API processes on one database, as two replicas behind a load balancer. (Two Nest apps in
// one jest process would share passport's strategy registry and prove nothing.)
describe('login limits across replicas', () => {
  let database: string;
  let replicas: ServerProcess[];

  beforeAll(async () => {
    database = await createDatabase();
    const env = { DATABASE_URL: databaseUrl(database), LOGIN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT), LOGIN_FAILURES_PER_ADDRESS: '1000' };
    // One after the other: both would otherwise race to migrate the empty database.
    replicas = [await ServerProcess.start(env)];
    replicas.push(await ServerProcess.start(env));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await killLeftovers();
    await dropDatabase(database);
  });

  const post = (replica: ServerProcess, path: string, body: object, token?: string) =>
    fetch(`${replica.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('share one set of counters: a burst split over both replicas gets exactly the allowed failures', async () => {
    const admin = (await (await post(replicas[0], '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).json()) as { accessToken: string };
    const created = await post(replicas[0], '/api/users', { username: 'replicated', password: USER_PASSWORD, fullName: 'Cán bộ', role: 'staff' }, admin.accessToken);
    expect(created.status).toBe(201);

    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => post(replicas[i % 2], '/api/auth/login', { username: 'replicated', password: 'wrong-password' })));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - PER_ACCOUNT);
    for (const replica of replicas) expect((await post(replica, '/api/auth/login', { username: 'replicated', password: USER_PASSWORD })).status).toBe(429);
  });
});

describe('login limits without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_FAILURES_PER_ADDRESS: '4' });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so that a client cannot pick a fresh address for each guess', async () => {
    for (let i = 0; i < 4; i++) {
      await t.http.post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ username: `x${i}`, password: 'wrong-password' }).expect(401);
    }
    await t.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.99').send({ username: 'admin', password: 'wrong-password' }).expect(429);
  });
});

describe('token lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ JWT_TTL: '2s' });
  });
  afterAll(() => t.close());

  it('ends after JWT_TTL', async () => {
    const { token } = await t.newAccount('staff');
    const payload = new JwtService().decode<{ iat: number; exp: number }>(token);
    expect(payload.exp - payload.iat).toBe(2);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await new Promise((r) => setTimeout(r, payload.exp * 1000 - Date.now() + 50));
    const expired = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(expired.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});

describe('tokens', () => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
  });
  afterAll(() => t.close());

  it('last JWT_TTL, 8 hours by default', () => {
    const payload = new JwtService().decode<{ iat: number; exp: number }>(admin.token);
    expect(payload.exp - payload.iat).toBe(8 * 3600);
  });

  it('refuse a wrong secret, an expired token, a forged role, an unsigned token and a token for an unknown account', async () => {
    const sign = (payload: object, secret = JWT_SECRET) => new JwtService({ secret }).sign(payload);
    const now = Math.floor(Date.now() / 1000);
    const staff = await t.newAccount('staff');
    const [header, , signature] = staff.token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ sub: admin.user.id, role: 'admin', iat: now, exp: now + 3600 })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${forgedBody}.`;
    const bad = [
      sign({ sub: admin.user.id }, `${JWT_SECRET}-other`),
      sign({ sub: admin.user.id, iat: now - 100, exp: now - 10 }),
      `${header}.${forgedBody}.${signature}`,
      unsigned,
      sign({ sub: '5b0f7d1e-0000-4000-8000-000000000000' }),
      sign({ sub: 42 }),
      'Bearer',
      '',
    ];
    for (const token of bad) {
      const res = await t.http.get('/api/users').set('Authorization', `Bearer ${token}`);
      expect({ token, status: res.status }).toEqual({ token, status: 401 });
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });

  it('stop working when the account is disabled, and follow a role change at once', async () => {
    const staff = await t.newAccount('staff');
    const org = await t.newOrganization();
    await t.http.get('/api/auth/me').set(staff.auth).expect(200);
    await t.http.patch(`/api/organizations/${org.id}`).set(staff.auth).send({ headName: 'Nguyễn Văn A' }).expect(200);

    await t.http.patch(`/api/users/${staff.user.id}`).set(admin.auth).send({ role: 'unit', organizationId: org.id }).expect(200);
    await t.http.patch(`/api/organizations/${org.id}`).set(staff.auth).send({ headName: 'Nguyễn Văn B' }).expect(403);

    await t.http.patch(`/api/users/${staff.user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    for (const path of ['/api/auth/me', '/api/organizations', `/api/organizations/${org.id}`]) {
      await t.http.get(path).set(staff.auth).expect(401);
    }
    await t.http.post('/api/auth/login').send({ username: staff.user.username, password: USER_PASSWORD }).expect(401);
  });
});
