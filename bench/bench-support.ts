import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from '#app/core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN_JS = path.join(ROOT, 'dist/apps/api/src/main.js');
export const ADMIN_PASSWORD = 'bench-admin-password';
const JWT_SECRET = 'bench-only-jwt-secret-0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throw-away embedded PostgreSQL (the default database of the API), with its data in a temporary folder. */
export async function benchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thi-dua-bench-'));
  const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: 'bench' });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Served {
  url: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first 200 of `healthPath`. */
  startedInMs: number;
  stop(): Promise<void>;
}

/** Spawns `node <script>` and waits until `healthPath` answers 200. */
export async function serve(script: string, env: Record<string, string>, healthPath = '/api/health', timeoutMs = 120_000): Promise<Served> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', JWT_SECRET, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode} before it answered`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer within ${timeoutMs} ms`);
    }
    try {
      if ((await fetch(url + healthPath)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startedInMs = performance.now() - started;
  return {
    url,
    process: child,
    startedInMs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A JSON call that must succeed. */
export async function call<T = Record<string, unknown>>(url: string, method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(url + route, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 2xx. */
  non2xx: number;
  /** Those answers by status, e.g. `429×3`. */
  statuses: string[];
  /** Connection errors and time-outs (autocannon gives up after 10 s). */
  errors: number;
}

/** autocannon on loopback: a short warm-up, then the measured run. Every answer must be 2xx. */
export async function load(options: { url: string; connections: number; seconds: number; method?: string; headers?: Record<string, string>; bodies?: string[] }): Promise<Load> {
  const bodies = options.bodies;
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: options.url,
      connections: options.connections,
      duration,
      requests: [
        {
          method: options.method ?? 'GET',
          headers: { ...(bodies ? { 'content-type': 'application/json' } : {}), ...options.headers },
          ...(bodies ? { setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) } : {}),
        },
      ],
    });
  await run(2);
  const result = await run(options.seconds);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${code}×${count}`),
    errors: result.errors + result.timeouts,
  };
}
