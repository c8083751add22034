import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { killLeftovers, ServerProcess } from '../support/server-process.js';
import { ADMIN_PASSWORD, createDatabase, databaseUrl, dropDatabase } from '../support/test-app.js';

/**
 * The real server at the most verbose log level (Fastify's pino request logs and the Nest
 * logger, on stdout and stderr): whatever happens to accounts, no password and no hash may
 * show in an answer, a header or a log line.
 */
describe('passwords and hashes never leak', () => {
  let database: string;
  let server: ServerProcess;
  const answers: string[] = [];
  const secrets = new Set<string>([ADMIN_PASSWORD]);

  beforeAll(async () => {
    database = await createDatabase();
    server = await ServerProcess.start({ DATABASE_URL: databaseUrl(database), LOG_LEVEL: 'trace', LOGIN_FAILURES_PER_ACCOUNT: '2' });
  });
  afterAll(async () => {
    await server.stop();
    await killLeftovers();
    await dropDatabase(database);
  });

  async function call(method: string, path: string, body?: unknown, token?: string, raw?: string): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body !== undefined || raw ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    answers.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
    return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }

  it('in answers, headers, log lines and the audit log', async () => {
    const login = await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const admin = (login.json as { accessToken: string }).accessToken;

    const org = await call('POST', '/api/organizations', { name: 'Hội Cựu chiến binh tỉnh' }, admin);
    const orgId = (org.json as { id: string }).id;
    const people = [
      { username: 'canbo1', password: 'Mật-khẩu-một-111', role: 'staff' },
      { username: 'donvi1', password: 'mat-khau-hai-222', role: 'unit', organizationId: orgId },
    ];
    const ids: string[] = [];
    for (const p of people) {
      secrets.add(p.password);
      const created = await call('POST', '/api/users', { ...p, fullName: `Người ${p.username}` }, admin);
      expect(created.status).toBe(201);
      ids.push((created.json as { id: string }).id);
      expect((await call('POST', '/api/auth/login', { username: p.username, password: p.password })).status).toBe(200);
    }
    // A duplicate, a too-short password, a wrong password, a password typed into the username field, a locked account.
    expect((await call('POST', '/api/users', { ...people[0], fullName: 'Trùng' }, admin)).status).toBe(409);
    secrets.add('short7!');
    expect((await call('POST', '/api/users', { username: 'ngan', password: 'short7!', fullName: 'Ngắn', role: 'staff' }, admin)).status).toBe(400);
    secrets.add('wrong-guess-333');
    expect((await call('POST', '/api/auth/login', { username: 'canbo1', password: 'wrong-guess-333' })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { username: 'Mật-khẩu-một-111', password: 'x' })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { username: 'canbo1', password: 'wrong-guess-333' })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { username: 'canbo1', password: 'Mật-khẩu-một-111' })).status).toBe(429);
    // Malformed JSON: the parser's message must not echo the body.
    secrets.add('in-broken-json-444');
    expect((await call('POST', '/api/auth/login', undefined, undefined, '{"username":"admin","password":"in-broken-json-444" x}')).status).toBe(400);
    // A password change, and every way of reading accounts back.
    secrets.add('mat-khau-moi-555');
    expect((await call('PATCH', `/api/users/${ids[1]}`, { password: 'mat-khau-moi-555', disabled: false }, admin)).status).toBe(200);
    expect((await call('POST', '/api/auth/login', { username: 'donvi1', password: 'mat-khau-moi-555' })).status).toBe(200);
    expect((await call('GET', '/api/users?limit=500', undefined, admin)).status).toBe(200);
    for (const id of ids) expect((await call('GET', `/api/users/${id}`, undefined, admin)).status).toBe(200);
    expect((await call('GET', '/api/auth/me', undefined, admin)).status).toBe(200);

    const db = new pg.Client({ connectionString: databaseUrl(database) });
    await db.connect();
    try {
      const hashes = (await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user')).rows.map((r) => r.password_hash);
      expect(hashes).toHaveLength(3);
      const audit = (await db.query<{ text: string }>('SELECT coalesce(jsonb_agg(a)::text, \'\') AS text FROM audit_log a')).rows[0].text;
      await server.stop();
      const log = server.log;
      // The log really holds the requests: otherwise this test could not fail.
      expect(log.match(/"url":"\/api\/auth\/login"/g)?.length ?? 0).toBeGreaterThanOrEqual(9);
      expect(log).toContain('first admin account');
      expect(audit).toContain('user.update');

      const places = { answers: answers.join('\n'), log, audit };
      for (const [place, text] of Object.entries(places)) {
        for (const secret of [...secrets, ...hashes]) expect({ place, leaked: text.includes(secret) ? secret : null }).toEqual({ place, leaked: null });
        expect({ place, argon2: /\$argon2/.test(text), field: /password_?hash/i.test(text) }).toEqual({ place, argon2: false, field: false });
      }
    } finally {
      await db.end();
    }
  });
});
