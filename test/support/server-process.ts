import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, JWT_SECRET } from './test-app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Built by the jest global setup (scripts/build.mjs), like `npm start` builds before it runs. */
export const MAIN_JS = path.join(ROOT, 'dist/apps/api/src/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Every process spawned by this test file, so that a failed test leaves none behind. */
const running = new Set<ServerProcess>();

/** Kills (SIGKILL) whatever a test left running; for `afterAll`. */
export async function killLeftovers(): Promise<void> {
  await Promise.all([...running].map((server) => (server.kill('SIGKILL'), server.exited)));
}

const tail = (text: string) => (text.length > 4000 ? `…${text.slice(-4000)}` : text);

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The real API as a separate process (`node dist/apps/api/src/main.js`), as production runs it:
 * for tests that kill it, stop it or read everything it prints.
 */
export class ServerProcess {
  private output = '';
  readonly exited: Promise<Exit>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly startedAt: number,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    running.add(this);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(this);
        resolve({ code, signal });
      }),
    );
  }

  /** Starts the server and waits until `GET /api/health` answers 200. */
  static async start(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
    const server = await ServerProcess.spawn(env);
    await server.waitHealthy(options.timeoutMs ?? 60_000);
    return server;
  }

  /** Starts the server without waiting for it. */
  static async spawn(env: Record<string, string>): Promise<ServerProcess> {
    const port = Number(env.PORT ?? (await freePort()));
    const child = spawn(process.execPath, [MAIN_JS], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        JWT_SECRET,
        ADMIN_USERNAME: 'admin',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(child, port, Date.now());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get log(): string {
    return this.output;
  }

  async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: Exit | undefined;
    void this.exited.then((e) => (exited = e));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`the server exited (${JSON.stringify(exited)}) before it was healthy:\n${tail(this.output)}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    this.child.kill('SIGKILL');
    throw new Error(`the server was not healthy within ${timeoutMs} ms:\n${tail(this.output)}`);
  }

  /** Waits until the output matches `pattern` (a RegExp, or a test of the whole output). */
  async waitForLog(pattern: RegExp | ((output: string) => boolean), timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const matches = typeof pattern === 'function' ? pattern : (output: string) => pattern.test(output);
    while (!matches(this.output)) {
      if (Date.now() > deadline) throw new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${tail(this.output)}`);
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the server exited before printing ${pattern}:\n${tail(this.output)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it does not exit in time. */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Pids of the PostgreSQL server processes running on a cluster directory (Linux /proc). */
export function postgresPids(clusterDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => /postgres$/.test(a)) && args.includes(clusterDir)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** A small JSON client for a server process. */
export async function api(
  server: ServerProcess,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
