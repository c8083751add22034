import { USER_PASSWORD } from '../../support/test-app.js';
import type { ApiDocument, Operation, Schema } from './openapi.js';
import { fillPath } from './openapi.js';
import type { Persona, World } from './world.js';

/** One request, before it is sent. */
export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * A call to a route that its rightful caller would make, so that the answer depends on who calls
 * (not on a bad body or a missing record). Called once per persona: a scenario whose call changes
 * a state (opens, closes, signs, votes) prepares a record of its own each time.
 * Routes without a scenario get their path ids from the world and a body made from the schema.
 */
export type Scenario = (w: World, persona: Persona) => Call | Promise<Call>;

export const SCENARIOS: Record<string, Scenario> = {
  'POST /api/auth/login': (w) => ({ body: { username: w.accounts.staff.user.username, password: USER_PASSWORD } }),
  'POST /api/users': (w) => ({ body: { username: w.unique('u-'), password: 'mat-khau-du-dai', fullName: 'Cán bộ mới', role: 'staff' } }),
  'PATCH /api/users/{id}': () => ({ body: { fullName: 'Cán bộ đã đổi tên' } }),
  'POST /api/organizations': (w) => ({ body: { name: w.unique('Hội mới ') } }),
  'PATCH /api/organizations/{id}': () => ({ body: { headName: 'Nguyễn Văn Bình' } }),
  'POST /api/blocs': (w) => ({ body: { name: w.unique('Khối mới ') } }),
  'PATCH /api/blocs/{blocId}': () => ({ body: { description: 'Các hội có tính chất đặc thù' } }),
  'PUT /api/blocs/{blocId}/years/{year}': async (w) => {
    const { blocId, year } = await w.freshBlocYear();
    return {
      params: { blocId, year: String(year) },
      body: {
        members: [
          { organizationId: w.orgs.leader.id, role: 'leader' },
          { organizationId: w.orgs.member.id, role: 'member' },
          { organizationId: w.orgs.member2.id, role: 'member' },
        ],
      },
    };
  },
  'POST /api/blocs/{blocId}/years/{year}/copy-from/{fromYear}': async (w) => {
    const { blocId, year } = await w.freshBlocYear();
    return { params: { blocId, year: String(year + 1), fromYear: String(year) } };
  },
  'POST /api/blocs/{blocId}/years/{year}/covenant': async (w) => {
    const { blocId, year } = await w.freshBlocYear();
    return { params: { blocId, year: String(year) }, body: { title: 'Giao ước thi đua', targets: [{ title: 'Nội dung thi đua' }] } };
  },
  'PATCH /api/covenants/{id}': async (w) => {
    const c = await w.draftCovenant();
    return { params: { id: c.id }, body: { version: c.version, theme: 'Đoàn kết, sáng tạo' } };
  },
  'POST /api/covenants/{id}/open-for-signing': async (w) => ({ params: { id: (await w.draftCovenant()).id } }),
  'POST /api/covenants/{id}/signatures': async (w, persona) => {
    const c = await w.signingCovenant();
    return {
      params: { id: c.id },
      body: { organizationId: w.actingOrganization(persona), signerName: 'Trần Thị Bình', signerTitle: 'Chủ tịch', contentHash: c.contentHash },
    };
  },
  // Progress: the world's covenant is in force; a later report of the same period is a new revision.
  'POST /api/covenants/{id}/progress-reports': (w) => ({
    body: { organizationId: w.orgs.member.id, period: 'Q1', entries: [{ targetId: w.ids.target, actualValue: 250, status: 'on_track', note: 'Đạt một nửa' }] },
  }),
  // Evaluation: the member's sheet, in a bloc year of its own where the call changes its state.
  'PUT /api/blocs/{blocId}/years/{year}/criteria': async (w) => {
    const { blocId, year } = await w.freshBlocYear();
    return { params: { blocId, year: String(year) }, body: { items: [{ code: 'TC1', title: 'Phát triển hội viên', maxPoints: 40, kind: 'quantitative' }] } };
  },
  'PUT /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}': async (w) => {
    const blocYear = await w.freshBlocYear();
    await w.scoreSheet(blocYear, 'criteria');
    return { params: { blocId: blocYear.blocId, year: String(blocYear.year) }, body: { entries: [{ code: 'TC1', selfScore: 30, evidence: 'Báo cáo' }] } };
  },
  'POST /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}/review': async (w) => {
    const blocYear = await w.freshBlocYear();
    await w.scoreSheet(blocYear, 'draft');
    return { params: { blocId: blocYear.blocId, year: String(blocYear.year) }, body: { entries: [{ code: 'TC2', reviewedScore: 45, comment: 'Đạt' }] } };
  },
  'POST /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}/explanation': async (w) => {
    const blocYear = await w.freshBlocYear();
    await w.scoreSheet(blocYear, 'reviewed');
    return { params: { blocId: blocYear.blocId, year: String(blocYear.year) }, body: { explanation: 'Minh chứng bổ sung: báo cáo số 15' } };
  },
  'POST /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}/finalise': async (w) => {
    const blocYear = await w.freshBlocYear();
    await w.scoreSheet(blocYear, 'reviewed');
    return { params: { blocId: blocYear.blocId, year: String(blocYear.year) } };
  },
  'POST /api/blocs/{blocId}/years/{year}/ballots': async (w) => {
    const { blocId, year } = await w.freshBlocYear();
    return {
      params: { blocId, year: String(year) },
      body: { awardTypeCode: 'CO_THI_DUA_TINH', candidates: [w.orgs.member.id, w.orgs.member2.id], maxChoices: 1, seats: 1 },
    };
  },
  'POST /api/ballots/{id}/votes': async (w) => ({ params: { id: await w.openBallot({ blocId: w.ids.bloc, year: w.year }) }, body: { choices: [w.orgs.member2.id] } }),
  'POST /api/ballots/{id}/close': async (w) => ({ params: { id: await w.openBallot({ blocId: w.ids.bloc, year: w.year }) } }),
  'POST /api/awards': (w) => ({ body: w.awardBody(w.nextAwardYear()) }),
  'GET /api/awards/certificates.pdf': (w) => ({ query: { year: String(w.year) } }),
};

export interface PreparedRequest {
  method: string;
  url: string;
  body?: unknown;
}

/** The scenario's call for `op`, completed from the world: every `{param}` and required query filled. */
export async function prepare(op: Operation, doc: ApiDocument, w: World, persona: Persona): Promise<PreparedRequest> {
  const call = (await SCENARIOS[op.key]?.(w, persona)) ?? {};
  const params: Record<string, string> = { ...call.params };
  const query: Record<string, string> = { ...call.query };
  for (const p of op.parameters) {
    const target = p.in === 'path' ? params : p.in === 'query' && p.required ? query : undefined;
    if (!target || target[p.name] !== undefined) continue;
    const value = w.param(p.name, op.path);
    if (value === undefined) {
      throw new Error(`no fixture for {${p.name}} of ${op.key}: add it to World (test/reliability/support/world.ts) or a scenario (scenarios.ts)`);
    }
    target[p.name] = value;
  }
  const qs = new URLSearchParams(query).toString();
  const body = call.body !== undefined ? call.body : op.body ? exampleOf(op.body, doc, w, op.path) : undefined;
  return { method: op.method, url: fillPath(op.path, params) + (qs ? `?${qs}` : ''), body };
}

/** A value that satisfies the schema, as far as the schema tells: used for routes without a scenario. */
export function exampleOf(schema: Schema, doc: ApiDocument, w: World, path: string, name = ''): unknown {
  const s = doc.resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = exampleOf(s.properties![key], doc, w, path, key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => exampleOf(s.items ?? {}, doc, w, path, name));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (s.format === 'uuid') return w.param(name, path) ?? w.orgs.member.id;
      if (s.format === 'date') return `${w.year}-03-03`;
      if (s.format === 'date-time') return `${w.year}-03-03T08:00:00+07:00`;
      return 'x'.repeat(Math.max(1, s.minLength ?? 1)) + w.unique('-');
  }
}
