import { loadavg } from 'node:os';
import pg from 'pg';
import { loadConfig } from '#app/core';
import { createApp } from '../apps/api/src/app.factory.js';
import { covenantInForce } from './bench-fixtures.js';
import { ADMIN_PASSWORD, benchDatabase, call } from './bench-support.js';
import { type BenchSection, median, ms, percentile } from './report.js';

const SIZES = [
  { members: 5, targets: 5 },
  { members: 50, targets: 30 },
];
const WARMUP = 20;
const RUNS = 200;

/** Every statement sent to PostgreSQL by this process (TypeORM goes through pg's Client). */
let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

interface Measure {
  statements: number;
  median: number;
  p95: number;
  bytes: number;
}

async function measure(url: string, token: string): Promise<Measure> {
  const get = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < WARMUP; i++) await get();
  const before = statements;
  const bytes = await get();
  const perRequest = statements - before;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  return { statements: perRequest, median: median(times), p95: percentile(times, 95), bytes };
}

/**
 * How the covenant read and the progress view grow with the data: the same number of SQL
 * statements whatever the size (no query per target or per member), and time that grows far
 * slower than the data. The API runs in this process, so that its statements can be counted.
 */
export async function growthBenchmark(): Promise<BenchSection[]> {
  const db = await benchDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: 'bench-only-jwt-secret-0123456789', ADMIN_PASSWORD, LOG_LEVEL: 'silent' }) as ReturnType<typeof loadConfig> & {
    DATABASE_URL: string;
  };
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const { accessToken } = await call<{ accessToken: string }>(url, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const results: { size: (typeof SIZES)[number]; read: Measure; progress: Measure }[] = [];
    for (const size of SIZES) {
      const fx = await covenantInForce(url, accessToken, size.members, size.targets);
      results.push({
        size,
        read: await measure(`${url}/api/covenants/${fx.covenantId}`, accessToken),
        progress: await measure(`${url}/api/covenants/${fx.covenantId}/progress`, accessToken),
      });
    }
    const [small, large] = results;
    const data = (s: (typeof SIZES)[number]) => s.members * s.targets;
    const rows = (['read', 'progress'] as const).flatMap((route) =>
      results.map((r) => [
        route === 'read' ? '`GET /api/covenants/:id`' : '`GET /api/covenants/:id/progress`',
        `${r.size.members} × ${r.size.targets}`,
        r[route].statements,
        `${(r[route].bytes / 1024).toFixed(1)} KiB`,
        ms(r[route].median),
        ms(r[route].p95),
        r === small ? '1×' : `${(r[route].median / small[route].median).toFixed(1)}× (data ${(data(large.size) / data(small.size)).toFixed(0)}×)`,
      ]),
    );
    return [
      {
        title: 'Cost growth: covenant read and progress view',
        intro: [
          `The same two reads on a small covenant (${small.size.members} members × ${small.size.targets} targets) and a large one (${large.size.members} members × ${large.size.targets} targets, 60 times the signatures × targets), each member having reported on every target. ` +
            `SQL statements are counted at the pg driver for one request (the account lookup of the token included); times are of ${RUNS} sequential requests after ${WARMUP} warm-up ones, client and API in one process on an embedded PostgreSQL. Load average when the run started: ${loadavg()[0].toFixed(1)}.`,
        ],
        columns: ['route', 'members × targets', 'SQL statements', 'body', 'median', 'p95', 'time vs small'],
        rows,
        notes: [
          small.read.statements === large.read.statements && small.progress.statements === large.progress.statements
            ? 'The number of statements does not change with the size: no query per target, per member or per report.'
            : '**The number of statements changes with the size: a query runs per row somewhere.**',
        ],
      },
    ];
  } finally {
    await app.close();
    await db.stop();
  }
}
