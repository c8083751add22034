import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { api, freePort, killLeftovers, postgresPids, ServerProcess } from '../support/server-process.js';
import { ADMIN_PASSWORD, createDatabase, databaseUrl, dropDatabase } from '../support/test-app.js';

const IN_FLIGHT = 4;

/** A connection refused, or a 503 in the error shape: both tell a client to go elsewhere. */
async function refused(server: ServerProcess): Promise<boolean> {
  try {
    const res = await api(server, 'GET', '/api/health');
    return res.status === 503;
  } catch {
    return true;
  }
}

describe('graceful shutdown', () => {
  const dirs: string[] = [];
  const newDataDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thi-dua-shutdown-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await killLeftovers();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('with the embedded default: finishes the requests in flight, refuses new ones, stops PostgreSQL', async () => {
    const dataDir = await newDataDir();
    const server = await ServerProcess.start({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' }, { timeoutMs: 120_000 });
    const clusterDir = path.join(dataDir, 'postgres');
    expect(postgresPids(clusterDir)).toHaveLength(1);

    // Logins take an argon2 check each: slow enough to be in flight when the signal comes.
    const logins = Array.from({ length: IN_FLIGHT }, () => api(server, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }));
    await server.waitForLog((log) => (log.match(/"url":"\/api\/auth\/login"/g) ?? []).length >= IN_FLIGHT, 20_000);
    server.kill('SIGTERM');
    await server.waitForLog(/SIGTERM: finishing requests in flight/, 10_000);
    expect(await refused(server)).toBe(true);

    const answers = await Promise.all(logins);
    expect(answers.map((a) => a.status)).toEqual(Array(IN_FLIGHT).fill(200));
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(postgresPids(clusterDir)).toEqual([]);
    expect(existsSync(path.join(clusterDir, 'postmaster.pid'))).toBe(false);
  });

  it('with DATABASE_URL: closes its connection pool and exits 0', async () => {
    const database = await createDatabase();
    const admin = new pg.Client({ connectionString: databaseUrl(database) });
    await admin.connect();
    const connections = async () =>
      (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'thi-dua-api'`, [database])).rows[0].n;
    try {
      const server = await ServerProcess.start({ DATABASE_URL: databaseUrl(database) });
      await Promise.all(Array.from({ length: 3 }, () => api(server, 'GET', '/api/health')));
      expect(await connections()).toBeGreaterThan(0);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      expect(await connections()).toBe(0);
    } finally {
      await admin.end();
      await dropDatabase(database);
    }
  });

  it('stops the embedded PostgreSQL when the signal comes during start-up', async () => {
    const dataDir = await newDataDir();
    const server = await ServerProcess.spawn({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
    await server.waitForLog(/embedded PostgreSQL (created and started|started)/, 120_000);
    server.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(postgresPids(path.join(dataDir, 'postgres'))).toEqual([]);
  });
});
