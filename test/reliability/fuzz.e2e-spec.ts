import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TestApp } from '../support/test-app.js';
import { fuzzCases } from './support/fuzz-requests.js';
import { type ApiDocument, loadDocument } from './support/openapi.js';
import { prepare } from './support/scenarios.js';
import { hasErrorShape, KeepAliveClient } from './support/send.js';
import { PERSONAS, World } from './support/world.js';

/**
 * Requests per operation; FUZZ_RUNS and FUZZ_SEED (printed on failure) replay or widen a run,
 * FUZZ_ONLY (a regular expression on `METHOD /api/path`) narrows it while debugging.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ONLY = new RegExp(process.env.FUZZ_ONLY ?? '');
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Written by failed logins on purpose (that is how they are limited). */
const TABLES_WRITTEN_BY_REJECTIONS = new Set(['rate_limit_counter', 'migrations']);

/**
 * Counts the rows inserted into every table from now on, by statement triggers on the test's
 * own database: one cheap read after each request tells whether it created anything, and where.
 */
async function countInserts(t: TestApp): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    (await t.dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)) as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !TABLES_WRITTEN_BY_REJECTIONS.has(name));
  await t.dataSource.query(`CREATE TABLE fuzz_inserts (table_name text PRIMARY KEY, n bigint NOT NULL)`);
  await t.dataSource.query(`CREATE FUNCTION fuzz_count_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_inserts AS f VALUES (TG_TABLE_NAME, (SELECT count(*) FROM new_rows))
        ON CONFLICT (table_name) DO UPDATE SET n = f.n + excluded.n;
      RETURN NULL;
    END $$`);
  for (const name of tables) {
    await t.dataSource.query(`CREATE TRIGGER fuzz_count AFTER INSERT ON "${name}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_inserts()`);
  }
  return async () => Object.fromEntries(((await t.dataSource.query(`SELECT table_name, n::int AS n FROM fuzz_inserts`)) as { table_name: string; n: number }[]).map((r) => [r.table_name, r.n]));
}

const REFUSED_AT_THE_DOOR = new Set([401, 413, 414, 415, 431]);

/** Valid calls that the fuzzer starts from instead of the scenario's (here: no argon2 check per login). */
const FUZZ_BASES: Record<string, (w: World) => { body: unknown }> = {
  'POST /api/auth/login': (w) => ({ body: { username: w.accounts.staff.user.username, password: 'not-the-password' } }),
};

/**
 * Bad input, for every operation of the OpenAPI document, as every persona: never a 5xx, every
 * 4xx in the error shape, and no row left behind by a request that was refused.
 */
describe(`fuzzing every operation (${RUNS} requests each, seed ${SEED})`, () => {
  let t: TestApp;
  let doc: ApiDocument;
  let w: World;
  let insertedRows: () => Promise<Record<string, number>>;
  let client: KeepAliveClient;

  beforeAll(async () => {
    // Small login limits: generated logins soon get a cheap 429 instead of an argon2 check each.
    t = await TestApp.start({ LOGIN_FAILURES_PER_ACCOUNT: '1', LOGIN_FAILURES_PER_ADDRESS: '2', LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    client = new KeepAliveClient((t.app.getHttpServer().address() as { port: number }).port);
    doc = await loadDocument(t);
    w = await World.build(t, doc);
    insertedRows = await countInserts(t);
  });
  afterAll(async () => {
    client.close();
    await t.close();
  });

  it('never answers 5xx, always the error shape, and leaves no row behind a refusal', async () => {
    const problems: string[] = [];
    const tally: Record<string, Record<string, number>> = {};
    for (const op of doc.operations.filter((o) => ONLY.test(o.key))) {
      const base = { ...(await prepare(op, doc, w, 'admin')), ...FUZZ_BASES[op.key]?.(w) };
      // Counted after the valid call's fixtures were made.
      let before = await insertedRows();
      // Persona picked at random, but each of them at least once.
      const cases = fc.sample(fuzzCases(op, base), { numRuns: RUNS, seed: SEED }).map((c, i) => (i < PERSONAS.length ? { ...c, persona: PERSONAS[i] } : c));
      const statuses: Record<string, number> = (tally[op.key] = {});
      const started = Date.now();
      for (const c of cases) {
        const where = `${op.key} as ${c.persona} [${c.mutation}] ${c.url.slice(0, 120)}`;
        let res;
        try {
          res = await client.request(c, w.headers(c.persona));
        } catch (error) {
          problems.push(`${where}: no answer (${String(error)})`);
          continue;
        }
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) problems.push(`${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (res.status >= 400 && !hasErrorShape(res.body)) problems.push(`${where}: ${res.status} without the error shape: ${JSON.stringify(res.body).slice(0, 200)}`);
        // Refused before any handler ran (no or bad token, too large): nothing can have been written.
        if (REFUSED_AT_THE_DOOR.has(res.status)) continue;
        const after = await insertedRows();
        const grown = Object.keys(after).filter((table) => after[table] !== (before[table] ?? 0));
        if (res.status >= 400 && grown.length > 0) problems.push(`${where}: ${res.status} but rows were inserted into ${grown.join(', ')}`);
        before = after;
      }
      statuses.ms = Date.now() - started;
      if (problems.length > 50) break;
    }
    process.stdout.write(`fuzz seed ${SEED}: statuses per operation\n${Object.entries(tally).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`);
    expect({ seed: SEED, problems }).toEqual({ seed: SEED, problems: [] });
    // Every operation's input validation was reached.
    for (const op of doc.operations.filter((o) => ONLY.test(o.key))) {
      if (op.body || op.parameters.length > 0) expect({ op: op.key, refusedAsInvalid: (tally[op.key][400] ?? 0) > 0 }).toEqual({ op: op.key, refusedAsInvalid: true });
    }
  }, 600_000);
});
