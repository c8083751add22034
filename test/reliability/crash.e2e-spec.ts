import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { api, freePort, killLeftovers, postgresPids, ServerProcess } from '../support/server-process.js';
import { ADMIN_PASSWORD, createDatabase, databaseUrl, dropDatabase, JWT_SECRET } from '../support/test-app.js';

/** One write of the burst; `key` names the record it creates (the same key twice races for it). */
interface Write {
  stream: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
  /** The caller's token; the admin's when absent. */
  token?: string;
}

interface Outcome {
  write: Write;
  /** The HTTP status, or null when the process died before it answered. */
  status: number | null;
}

interface Context {
  server: ServerProcess;
  token: string;
  db: pg.Client;
  unique: (prefix: string) => string;
  /** Member organisations, each with a unit account's token. */
  members: { id: string; token: string }[];
}

/**
 * A kind of write the burst sends, in the order it wants them sent: it builds what its writes need (through the API) and, after
 * the restart, reports what the database holds against what the clients were told. New write
 * kinds (votes, progress reports) are one more entry in STREAMS.
 */
interface WriteStream {
  name: string;
  prepare(ctx: Context): Promise<Write[]>;
  check(ctx: Context, outcomes: Outcome[]): Promise<string[]>;
}

const MEMBERS = 8;
const COVENANTS = 6;
const BALLOTS = 3;
const PERIODS = ['Q1', 'Q2'];
const NEW_ORGANIZATIONS = 30;
const told = (outcomes: Outcome[], stream: string) => outcomes.filter((o) => o.write.stream === stream);
/** Answered 2xx (created) or 409 (someone else created it): either way the record must exist. */
const mustExist = (o: Outcome) => o.status !== null && ((o.status >= 200 && o.status < 300) || o.status === 409);

async function call(ctx: Context, method: string, path: string, body: unknown, expected: number): Promise<Record<string, unknown>> {
  const res = await api(ctx.server, method, path, body, ctx.token);
  if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const post = (ctx: Context, path: string, body: unknown, expected: number) => call(ctx, 'POST', path, body, expected);

/** A bloc whose 2024 roster is every member (the first leads). */
async function blocYear(ctx: Context): Promise<string> {
  const blocId = (await post(ctx, '/api/blocs', { name: ctx.unique('Khối ') }, 201)).id as string;
  const members = ctx.members.map((m, i) => ({ organizationId: m.id, role: i === 0 ? 'leader' : 'member' }));
  await call(ctx, 'PUT', `/api/blocs/${blocId}/years/2024`, { members }, 200);
  return blocId;
}

/** The same write twice: the two race for one record. */
const twice = (write: Write): Write[] => [write, { ...write }];

const signatures: WriteStream & { covenants: string[] } = {
  name: 'signatures',
  covenants: [],
  async prepare(ctx) {
    const orgs = ctx.members.map((m) => m.id);
    const writes: Write[] = [];
    for (let c = 0; c < COVENANTS; c++) {
      const blocId = await blocYear(ctx);
      const draft = await post(ctx, `/api/blocs/${blocId}/years/2024/covenant`, { title: 'Giao ước thi đua năm 2024', targets: [{ title: 'Nội dung 1' }] }, 201);
      const opened = await post(ctx, `/api/covenants/${draft.id}/open-for-signing`, undefined, 200);
      this.covenants.push(draft.id as string);
      const group: Write[] = [];
      for (const organizationId of orgs) {
        const body = { organizationId, signerName: 'Nguyễn Văn An', signerTitle: 'Chủ tịch', contentHash: opened.contentHash };
        group.push(...twice({ stream: this.name, key: `${draft.id}:${organizationId}`, method: 'POST', path: `/api/covenants/${draft.id}/signatures`, body }));
      }
      writes.push(...shuffle(group));
    }
    return writes;
  },
  async check(ctx, outcomes) {
    const problems: string[] = [];
    const rows = await ctx.db.query<{ key: string; n: number }>(
      `SELECT covenant_id || ':' || organization_id AS key, count(*)::int AS n FROM covenant_signature WHERE covenant_id = ANY($1) GROUP BY 1`,
      [this.covenants],
    );
    const stored = new Map(rows.rows.map((r) => [r.key, r.n]));
    for (const o of told(outcomes, this.name)) if (mustExist(o) && !stored.has(o.write.key)) problems.push(`signature ${o.write.key} answered ${o.status} but not stored`);
    for (const [key, n] of stored) if (n !== 1) problems.push(`signature ${key} stored ${n} times`);
    const audited = await ctx.db.query<{ key: string; n: number }>(
      `SELECT entity_id || ':' || (after->>'organizationId') AS key, count(*)::int AS n FROM audit_log WHERE action = 'covenant.sign' AND entity_id = ANY($1) GROUP BY 1`,
      [this.covenants],
    );
    const auditedKeys = new Map(audited.rows.map((r) => [r.key, r.n]));
    for (const key of stored.keys()) if (auditedKeys.get(key) !== 1) problems.push(`signature ${key} has ${auditedKeys.get(key) ?? 0} audit rows`);
    for (const key of auditedKeys.keys()) if (!stored.has(key)) problems.push(`audit row for signature ${key} that is not stored`);
    const covenants = await ctx.db.query<{ id: string; status: string; roster: number; signed: number; in_force_events: number }>(
      `SELECT c.id, c.status,
              (SELECT count(*)::int FROM roster_member r WHERE r.bloc_year_id = c.bloc_year_id) AS roster,
              (SELECT count(*)::int FROM covenant_signature s WHERE s.covenant_id = c.id AND s.role = 'member') AS signed,
              (SELECT count(*)::int FROM audit_log a WHERE a.action = 'covenant.in_force' AND a.entity_id = c.id::text) AS in_force_events
         FROM covenant c WHERE c.id = ANY($1)`,
      [this.covenants],
    );
    for (const c of covenants.rows) {
      const complete = c.signed === c.roster;
      if ((c.status === 'in_force') !== complete) problems.push(`covenant ${c.id} is ${c.status} with ${c.signed} of ${c.roster} members signed`);
      if (c.status !== 'in_force' && c.status !== 'signing') problems.push(`covenant ${c.id} is ${c.status}`);
      if (c.in_force_events !== (c.status === 'in_force' ? 1 : 0)) problems.push(`covenant ${c.id} (${c.status}) has ${c.in_force_events} in-force audit rows`);
    }
    return problems;
  },
};

const organizations: WriteStream = {
  name: 'organizations',
  async prepare(ctx) {
    const writes: Write[] = [];
    for (let i = 0; i < NEW_ORGANIZATIONS; i++) {
      const name = ctx.unique('Hội Cựu thanh niên xung phong ');
      writes.push(...twice({ stream: this.name, key: name, method: 'POST', path: '/api/organizations', body: { name } }));
    }
    return shuffle(writes);
  },
  async check(ctx, outcomes) {
    const problems: string[] = [];
    const names = [...new Set(told(outcomes, this.name).map((o) => o.write.key))];
    const rows = await ctx.db.query<{ name: string; n: number; audits: number }>(
      `SELECT o.name, count(*)::int AS n, (SELECT count(*)::int FROM audit_log a WHERE a.action = 'organization.create' AND a.entity_id = min(o.id::text)) AS audits
         FROM organization o WHERE o.name = ANY($1) GROUP BY o.name`,
      [names],
    );
    const stored = new Map(rows.rows.map((r) => [r.name, r]));
    for (const o of told(outcomes, this.name)) if (mustExist(o) && !stored.has(o.write.key)) problems.push(`organisation ${o.write.key} answered ${o.status} but not stored`);
    for (const r of rows.rows) {
      if (r.n !== 1) problems.push(`organisation ${r.name} stored ${r.n} times`);
      if (r.audits !== 1) problems.push(`organisation ${r.name} has ${r.audits} audit rows`);
    }
    return problems;
  },
};

/** Each member votes once in each ballot, as its own unit account; the ballot keeps no link from voter to choice. */
const votes: WriteStream & { ballots: string[] } = {
  name: 'votes',
  ballots: [],
  async prepare(ctx) {
    const writes: Write[] = [];
    const candidates = ctx.members.slice(0, 3).map((m) => m.id);
    for (let b = 0; b < BALLOTS; b++) {
      const blocId = await blocYear(ctx);
      const ballot = await post(ctx, `/api/blocs/${blocId}/years/2024/ballots`, { awardTypeCode: 'CO_THI_DUA_TINH', candidates, maxChoices: 1, seats: 1 }, 201);
      this.ballots.push(ballot.id as string);
      ctx.members.forEach((m, i) =>
        writes.push(
          ...twice({ stream: this.name, key: `${ballot.id}:${m.id}`, method: 'POST', path: `/api/ballots/${ballot.id}/votes`, body: { choices: [candidates[i % 3]] }, token: m.token }),
        ),
      );
    }
    return shuffle(writes);
  },
  async check(ctx, outcomes) {
    const problems: string[] = [];
    const voters = await ctx.db.query<{ key: string; n: number }>(
      `SELECT ballot_id || ':' || organization_id AS key, count(*)::int AS n FROM ballot_voter WHERE ballot_id = ANY($1) GROUP BY 1`,
      [this.ballots],
    );
    const stored = new Map(voters.rows.map((r) => [r.key, r.n]));
    for (const o of told(outcomes, this.name)) if (mustExist(o) && !stored.has(o.write.key)) problems.push(`vote ${o.write.key} answered ${o.status} but not stored`);
    for (const [key, n] of stored) if (n !== 1) problems.push(`voter ${key} stored ${n} times`);
    const boxes = await ctx.db.query<{ id: string; status: string; voters: number; choices: number }>(
      `SELECT b.id, b.status, (SELECT count(*)::int FROM ballot_voter v WHERE v.ballot_id = b.id) AS voters,
              (SELECT count(*)::int FROM ballot_choice c WHERE c.ballot_id = b.id) AS choices
         FROM ballot b WHERE b.id = ANY($1)`,
      [this.ballots],
    );
    // One choice per vote: a vote is its voter row and its choice, committed together or not at all.
    for (const b of boxes.rows) if (b.choices !== b.voters || b.status !== 'open') problems.push(`ballot ${b.id} (${b.status}) has ${b.voters} voters and ${b.choices} choices`);
    return problems;
  },
};

/** Each member reports twice per period on a covenant in force: every report is a new revision, none lost, none doubled. */
const progressReports: WriteStream & { covenant?: string } = {
  name: 'progress reports',
  async prepare(ctx) {
    const blocId = await blocYear(ctx);
    const draft = await post(ctx, `/api/blocs/${blocId}/years/2024/covenant`, { title: 'Giao ước', targets: [{ title: 'Hội viên mới', indicator: { unit: 'người', targetValue: 100 } }] }, 201);
    const opened = await post(ctx, `/api/covenants/${draft.id}/open-for-signing`, undefined, 200);
    for (const m of ctx.members) {
      await post(ctx, `/api/covenants/${draft.id}/signatures`, { organizationId: m.id, signerName: 'Lê Văn Cường', signerTitle: 'Chủ tịch', contentHash: opened.contentHash }, 201);
    }
    this.covenant = draft.id as string;
    const targetId = ((await call(ctx, 'GET', `/api/covenants/${draft.id}`, undefined, 200)).targets as { id: string }[])[0].id;
    const writes: Write[] = [];
    ctx.members.forEach((m, i) => {
      for (const period of PERIODS) {
        const body = { organizationId: m.id, period, entries: [{ targetId, actualValue: 10 * (i + 1), status: 'on_track' }] };
        writes.push(...twice({ stream: this.name, key: `${m.id}:${period}`, method: 'POST', path: `/api/covenants/${draft.id}/progress-reports`, body, token: m.token }));
      }
    });
    return shuffle(writes);
  },
  async check(ctx, outcomes) {
    const problems: string[] = [];
    const rows = await ctx.db.query<{ key: string; revisions: number[]; entries: number }>(
      `SELECT r.organization_id || ':' || r.period AS key, array_agg(r.revision ORDER BY r.revision) AS revisions,
              (SELECT count(*)::int FROM progress_entry e JOIN progress_report r2 ON r2.id = e.report_id
                WHERE r2.covenant_id = r.covenant_id AND r2.organization_id = r.organization_id AND r2.period = r.period) AS entries
         FROM progress_report r WHERE r.covenant_id = $1 GROUP BY r.covenant_id, r.organization_id, r.period`,
      [this.covenant],
    );
    const stored = new Map(rows.rows.map((r) => [r.key, r]));
    const keys = new Set(told(outcomes, this.name).map((o) => o.write.key));
    for (const key of keys) {
      const mine = told(outcomes, this.name).filter((o) => o.write.key === key);
      const created = mine.filter((o) => o.status === 201).length;
      const unknown = mine.filter((o) => o.status === null).length;
      const revisions = stored.get(key)?.revisions ?? [];
      if (revisions.length < created || revisions.length > created + unknown) {
        problems.push(`progress ${key}: ${created} answered 201 and ${unknown} unanswered, but ${revisions.length} stored`);
      }
      if (revisions.some((r, i) => r !== i + 1)) problems.push(`progress ${key}: revisions ${revisions.join(', ')} are not 1..n`);
      if ((stored.get(key)?.entries ?? 0) !== revisions.length) problems.push(`progress ${key}: ${revisions.length} reports but ${stored.get(key)?.entries} entries`);
    }
    return problems;
  },
};

const STREAMS: WriteStream[] = [signatures, votes, progressReports, organizations];

/** Interleaves the lists at random, keeping the order within each. */
function interleave<T>(lists: T[][]): T[] {
  const queues = lists.map((l) => [...l]);
  const out: T[] = [];
  for (let left = queues.reduce((n, q) => n + q.length, 0); left > 0; left--) {
    let pick = Math.floor(Math.random() * left);
    const queue = queues.find((q) => (pick -= q.length) < 0)!;
    out.push(queue.shift()!);
  }
  return out;
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Sends the writes `concurrency` at a time; `onAnswer` sees the running count of answers. */
async function burst(ctx: Context, writes: Write[], concurrency: number, onAnswer: (answered: number) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < writes.length && ctx.server.child.exitCode === null && ctx.server.child.signalCode === null) {
      const write = writes[next++];
      let status: number | null = null;
      try {
        status = (await api(ctx.server, write.method, write.path, write.body, write.token ?? ctx.token)).status;
      } catch {
        // the process died with this request in flight
      }
      outcomes.push({ write, status });
      onAnswer(outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

describe('crash safety', () => {
  let database: string;
  let ctx: Context;
  let counter = 0;
  const start = () => ServerProcess.start({ DATABASE_URL: databaseUrl(database) });

  beforeAll(async () => {
    database = await createDatabase();
    const server = await start();
    const db = new pg.Client({ connectionString: databaseUrl(database) });
    await db.connect();
    const login = await api(server, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    ctx = { server, db, token: login.body.accessToken as string, unique: (prefix) => `${prefix}${++counter}-${process.pid}`, members: [] };
    // Unit accounts written straight to the table, their tokens signed as the login route signs them.
    const jwt = new JwtService({ secret: JWT_SECRET });
    for (let i = 0; i < MEMBERS; i++) {
      const id = (await post(ctx, '/api/organizations', { name: ctx.unique('Hội thành viên ') }, 201)).id as string;
      const user = await db.query<{ id: string }>(
        `INSERT INTO app_user (username, password_hash, full_name, role, organization_id) VALUES ($1, 'not-a-hash', 'Cán bộ', 'unit', $2) RETURNING id`,
        [ctx.unique('unit-'), id],
      );
      ctx.members.push({ id, token: jwt.sign({ sub: user.rows[0].id, role: 'unit' }) });
    }
  });
  afterAll(async () => {
    await ctx?.server.stop();
    await ctx?.db.end();
    await killLeftovers();
    await dropDatabase(database);
  });

  it('keeps every signature, vote and progress report it answered, none twice, every covenant and ballot consistent, after a SIGKILL mid-burst', async () => {
    // Covenant after covenant, so that at the kill some are in force, one is half signed, some untouched.
    const writes = interleave(await Promise.all(STREAMS.map((s) => s.prepare(ctx))));
    const killAt = Math.floor(writes.length * 0.55);
    const outcomes = await burst(ctx, writes, 12, (answered) => {
      if (answered === killAt) ctx.server.kill('SIGKILL');
    });
    expect(await ctx.server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The kill landed mid-burst: some writes were answered, some were cut off in flight.
    expect(outcomes.filter((o) => o.status !== null && o.status < 300).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === null).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status !== null && o.status >= 500)).toEqual([]);

    ctx.server = await start();
    const afterCrash = (await Promise.all(STREAMS.map((s) => s.check(ctx, outcomes)))).flat();
    expect(afterCrash).toEqual([]);

    // Clients retry what they were not told: every retry lands once, and everything completes.
    const retried = await burst(ctx, writes.filter((w) => w.stream !== progressReports.name), 12, () => undefined);
    expect(retried.filter((o) => !(o.status === 201 || o.status === 409))).toEqual([]);
    expect((await Promise.all(STREAMS.map((s) => s.check(ctx, [...outcomes, ...retried])))).flat()).toEqual([]);
    const statuses = await ctx.db.query<{ status: string }>(`SELECT status FROM covenant WHERE id = ANY($1)`, [signatures.covenants]);
    expect(statuses.rows.map((r) => r.status)).toEqual(Array(COVENANTS).fill('in_force'));
  });
});

describe('crash safety of the embedded default', () => {
  let dataDir: string;
  afterAll(async () => {
    await killLeftovers();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts on its data after a SIGKILL left PostgreSQL running, and stops it on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'thi-dua-crash-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const clusterDir = path.join(dataDir, 'postgres');
    let server = await ServerProcess.start(env, { timeoutMs: 120_000 });
    const token = (await api(server, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).body.accessToken as string;
    const created = await api(server, 'POST', '/api/organizations', { name: 'Hội Chữ thập đỏ tỉnh' }, token);
    expect(created.status).toBe(201);

    server.kill('SIGKILL');
    await server.exited;
    server = await ServerProcess.start(env, { timeoutMs: 120_000 });
    expect((await api(server, 'GET', `/api/organizations/${created.body.id as string}`, undefined, token)).status).toBe(200);
    expect(postgresPids(clusterDir)).toHaveLength(1);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(postgresPids(clusterDir)).toEqual([]);
  });
});
