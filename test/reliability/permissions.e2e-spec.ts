import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from '../support/test-app.js';
import { type ApiDocument, loadDocument, serverRoutes } from './support/openapi.js';
import { prepare } from './support/scenarios.js';
import { hasErrorShape, send } from './support/send.js';
import { PERSONAS, World } from './support/world.js';

const SNAPSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'permissions.snapshot.json');
const UPDATE_HINT = 'review the change, then update the snapshot: UPDATE_SNAPSHOT=1 npm run test:jest -- permissions';
/** Served by Swagger outside the document; public. */
const DOC_PAGES = ['GET /api/docs', 'GET /api/docs-json'];
const NO_ACCOUNT = ['anonymous', 'expired', 'foreignSecret'];

const statusClass = (status: number) => (status >= 200 && status < 300 ? '2xx' : String(status));

/**
 * Who may call what: every route of the OpenAPI document, called as every persona with a call
 * its rightful caller would make, against a committed snapshot. A change of rights shows up as a
 * diff of permissions.snapshot.json.
 */
describe('permission snapshot', () => {
  let t: TestApp;
  let doc: ApiDocument;
  let w: World;

  beforeAll(async () => {
    t = await TestApp.start();
    doc = await loadDocument(t);
    w = await World.build(t, doc);
  });
  afterAll(() => t.close());

  it('has every route of the server in the OpenAPI document', () => {
    const documented = new Set(doc.operations.map((op) => op.key));
    expect(serverRoutes(t).filter((route) => !documented.has(route))).toEqual([]);
    expect(doc.operations.length).toBeGreaterThanOrEqual(11);
  });

  it('matches the committed snapshot, route by route and persona by persona', async () => {
    const actual: Record<string, string> = {};
    const problems: string[] = [];
    for (const key of DOC_PAGES) {
      for (const persona of PERSONAS) {
        const res = await t.http.get(key.split(' ')[1]).set(w.headers(persona)).redirects(1);
        actual[`${key} · ${persona}`] = statusClass(res.status);
      }
    }
    for (const op of doc.operations) {
      let reached = false;
      for (const persona of PERSONAS) {
        const req = await prepare(op, doc, w, persona);
        const res = await send(t, req, w.headers(persona));
        actual[`${op.key} · ${persona}`] = statusClass(res.status);
        if (res.status < 300) reached = true;
        if (res.status >= 500) problems.push(`${op.key} as ${persona}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status >= 400 && !hasErrorShape(res.body)) problems.push(`${op.key} as ${persona}: ${res.status} without the error shape`);
        if (op.secured && NO_ACCOUNT.includes(persona) && res.status !== 401) problems.push(`${op.key} as ${persona}: ${res.status}, expected 401`);
        if (!op.secured && persona === 'anonymous' && res.status === 401) problems.push(`${op.key} is public in the document but answers 401`);
      }
      if (!reached) problems.push(`${op.key}: no persona got a 2xx; give it a valid call in test/reliability/support/scenarios.ts`);
    }
    expect(problems).toEqual([]);

    if (process.env.UPDATE_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) {
      writeFileSync(SNAPSHOT, `{\n${Object.entries(actual).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
      if (process.env.UPDATE_SNAPSHOT !== '1') throw new Error(`wrote a new ${path.basename(SNAPSHOT)}: ${UPDATE_HINT}`);
      return;
    }
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    const diff: string[] = [];
    for (const [key, status] of Object.entries(actual)) {
      if (!(key in expected)) diff.push(`new route or persona, not in the snapshot: ${key} → ${status}`);
      else if (expected[key] !== status) diff.push(`changed: ${key}: snapshot ${expected[key]}, now ${status}`);
    }
    for (const key of Object.keys(expected)) if (!(key in actual)) diff.push(`gone: ${key} (snapshot ${expected[key]})`);
    if (diff.length > 0) throw new Error(`${diff.length} permission(s) differ from ${path.basename(SNAPSHOT)}:\n  ${diff.join('\n  ')}\n${UPDATE_HINT}`);
  });
});
