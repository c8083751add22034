import { JwtService } from '@nestjs/jwt';
import type { Organization } from '#app/organizations';
import { type Account, JWT_SECRET, type TestApp } from '../../support/test-app.js';
import type { ApiDocument } from './openapi.js';

/**
 * Who calls. `leader` is a unit account of the organisation that leads the world's bloc year,
 * `otherLeader` one that leads another bloc's year, `member` a unit of an ordinary member of
 * the world's bloc year, `outsider` a unit of an organisation outside it.
 */
export const PERSONAS = ['admin', 'staff', 'leader', 'otherLeader', 'member', 'outsider', 'anonymous', 'expired', 'foreignSecret'] as const;
export type Persona = (typeof PERSONAS)[number];
type AccountPersona = Exclude<Persona, 'anonymous' | 'expired' | 'foreignSecret'>;

/** The organisations of the world, by the part they play. */
export interface WorldOrganizations {
  leader: Organization;
  member: Organization;
  member2: Organization;
  otherLeader: Organization;
  outsider: Organization;
  /** Changed by PATCH calls and the fuzzer: nobody's rights depend on it. */
  target: Organization;
}

/**
 * One step of the world: builds the records of one area through the API, when the routes it
 * needs exist. A new area (a library that adds routes) adds one step here, the ids its routes
 * take in `ID_BY_SEGMENT` / `World.param`, and valid calls in `scenarios.ts`.
 */
interface FixtureStep {
  name: string;
  needs: string[];
  build(w: World): Promise<void>;
}

const STEPS: FixtureStep[] = [
  {
    name: 'blocs and rosters',
    needs: ['POST /api/blocs', 'PUT /api/blocs/{blocId}/years/{year}'],
    async build(w) {
      w.ids.bloc = (await w.call('admin', 'POST', '/api/blocs', { name: w.unique('Khối thi đua ') }, 201)).id as string;
      w.ids.otherBloc = (await w.call('admin', 'POST', '/api/blocs', { name: w.unique('Khối thi đua khác ') }, 201)).id as string;
      await w.putRoster(w.ids.bloc, w.year);
      await w.call(
        'admin',
        'PUT',
        `/api/blocs/${w.ids.otherBloc}/years/${w.year}`,
        {
          members: [
            { organizationId: w.orgs.otherLeader.id, role: 'leader' },
            { organizationId: w.orgs.outsider.id, role: 'member' },
          ],
        },
        200,
      );
    },
  },
  {
    name: 'covenant in force',
    needs: ['POST /api/blocs/{blocId}/years/{year}/covenant', 'POST /api/covenants/{id}/open-for-signing', 'POST /api/covenants/{id}/signatures'],
    async build(w) {
      const covenant = await w.signingCovenant({ blocId: w.ids.bloc, year: w.year });
      for (const org of [w.orgs.leader, w.orgs.member, w.orgs.member2]) await w.sign(covenant.id, org.id, covenant.contentHash);
      w.ids.covenant = covenant.id;
      const view = await w.call('admin', 'GET', `/api/covenants/${covenant.id}`, undefined, 200);
      w.ids.verificationCode = view.verificationCode as string;
      w.ids.target = (view.targets as { id: string }[])[0].id;
      w.ids.covenantHash = view.contentHash as string;
    },
  },
  {
    name: 'criteria and a reviewed score sheet',
    needs: ['PUT /api/blocs/{blocId}/years/{year}/criteria', 'PUT /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}', 'POST /api/blocs/{blocId}/years/{year}/score-sheets/{organizationId}/review'],
    async build(w) {
      await w.scoreSheet({ blocId: w.ids.bloc, year: w.year }, 'reviewed');
    },
  },
  {
    name: 'open ballot',
    needs: ['POST /api/blocs/{blocId}/years/{year}/ballots'],
    async build(w) {
      w.ids.ballot = await w.openBallot({ blocId: w.ids.bloc, year: w.year });
    },
  },
  {
    name: 'award',
    needs: ['POST /api/awards'],
    async build(w) {
      const award = await w.call('admin', 'POST', '/api/awards', w.awardBody(w.year), 201);
      w.ids.award = award.id as string;
      w.ids.awardCode = award.verificationCode as string;
    },
  },
];

export interface CovenantRef {
  id: string;
  version: number;
  contentHash: string;
  blocId: string;
  year: number;
}

/** Which fixture an `{id}` stands for, by the path segment before it. */
const ID_BY_SEGMENT: Record<string, (w: World) => string | undefined> = {
  users: (w) => w.ids.targetUser,
  organizations: (w) => w.orgs.target.id,
  blocs: (w) => w.ids.bloc,
  covenants: (w) => w.ids.covenant,
  ballots: (w) => w.ids.ballot,
  awards: (w) => w.ids.award,
};

/**
 * The records every route of the API can be called on, built through the API itself, and the
 * accounts of every persona. Shared by the permission snapshot and the fuzzer.
 */
export class World {
  readonly year = 2025;
  /** Ids of fixtures by name (`bloc`, `covenant`, `ballot`, ...), filled by the steps. */
  readonly ids: Record<string, string> = {};
  readonly orgs: WorldOrganizations;
  private readonly tokens: Record<Persona, string | null>;
  private awardYear = 2000;
  /** Names of the fixture steps that were built (the routes they need exist). */
  readonly built: string[] = [];

  private constructor(
    readonly t: TestApp,
    readonly doc: ApiDocument,
    orgs: WorldOrganizations,
    readonly accounts: Record<AccountPersona, Account>,
  ) {
    this.orgs = orgs;
    const sign = (payload: object, secret = JWT_SECRET) => new JwtService({ secret }).sign(payload);
    const now = Math.floor(Date.now() / 1000);
    const adminId = accounts.admin.user.id;
    this.tokens = {
      ...(Object.fromEntries(Object.entries(accounts).map(([k, a]) => [k, a.token])) as Record<AccountPersona, string>),
      anonymous: null,
      expired: sign({ sub: adminId, role: 'admin', iat: now - 7200, exp: now - 3600 }),
      foreignSecret: sign({ sub: adminId, role: 'admin' }, `${JWT_SECRET}-of-another-deployment`),
    };
  }

  static async build(t: TestApp, doc: ApiDocument): Promise<World> {
    const org = () => t.newOrganization();
    const orgs: WorldOrganizations = {
      leader: await org(),
      member: await org(),
      member2: await org(),
      otherLeader: await org(),
      outsider: await org(),
      target: await org(),
    };
    const accounts: Record<AccountPersona, Account> = {
      admin: await t.admin(),
      staff: await t.newAccount('staff'),
      leader: await t.newUnit(orgs.leader.id),
      otherLeader: await t.newUnit(orgs.otherLeader.id),
      member: await t.newUnit(orgs.member.id),
      outsider: await t.newUnit(orgs.outsider.id),
    };
    const w = new World(t, doc, orgs, accounts);
    w.ids.targetUser = (await t.newAccount('staff')).user.id;
    for (const step of STEPS) {
      if (!step.needs.every((key) => w.has(key))) continue;
      await step.build(w);
      w.built.push(step.name);
    }
    return w;
  }

  has(operationKey: string): boolean {
    return this.doc.operations.some((op) => op.key === operationKey);
  }

  unique(prefix = ''): string {
    return this.t.unique(prefix);
  }

  headers(persona: Persona): Record<string, string> {
    const token = this.tokens[persona];
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** The value a path or query parameter takes by default, or undefined when no fixture fits. */
  param(name: string, path: string): string | undefined {
    switch (name) {
      case 'blocId':
        return this.ids.bloc;
      case 'year':
      case 'fromYear':
        return String(this.year);
      case 'organizationId':
        return this.orgs.member.id;
      case 'code':
        return this.ids.awardCode ?? this.ids.verificationCode;
      case 'id': {
        const segments = path.split('/');
        const before = segments[segments.indexOf('{id}') - 1];
        return ID_BY_SEGMENT[before]?.(this);
      }
      default:
        return undefined;
    }
  }

  /** A call that must succeed, for building fixtures: returns the JSON answer. */
  async call(persona: Persona, method: string, path: string, body: unknown, expected: number): Promise<Record<string, unknown>> {
    const req = this.t.http[method.toLowerCase() as 'post' | 'put' | 'patch' | 'get'](path).set(this.headers(persona));
    const res = body === undefined ? await req : await req.send(body as object);
    if (res.status !== expected) throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  }

  /** The world's roster: leader, two members; used for the world's year and for fresh years. */
  async putRoster(blocId: string, year: number): Promise<void> {
    await this.call(
      'admin',
      'PUT',
      `/api/blocs/${blocId}/years/${year}`,
      {
        members: [
          { organizationId: this.orgs.leader.id, role: 'leader' },
          { organizationId: this.orgs.member.id, role: 'member' },
          { organizationId: this.orgs.member2.id, role: 'member' },
        ],
      },
      200,
    );
  }

  /** A new bloc whose year has the world's roster (same leader and members): for calls that need a state of their own. */
  async freshBlocYear(): Promise<{ blocId: string; year: number }> {
    const blocId = (await this.call('admin', 'POST', '/api/blocs', { name: this.unique('Khối riêng ') }, 201)).id as string;
    await this.putRoster(blocId, this.year);
    return { blocId, year: this.year };
  }

  /** A draft covenant with two targets (one measured) in a fresh bloc year, or the one given. */
  async draftCovenant(blocYear?: { blocId: string; year: number }): Promise<CovenantRef> {
    const { blocId, year } = blocYear ?? (await this.freshBlocYear());
    const body = {
      title: `Giao ước thi đua năm ${year}`,
      targets: [{ title: 'Hoàn thành chỉ tiêu phát triển hội viên', indicator: { unit: 'hội viên', targetValue: 500, baseline: 100 } }, { title: 'Tổ chức phong trào thi đua' }],
    };
    const c = await this.call('admin', 'POST', `/api/blocs/${blocId}/years/${year}/covenant`, body, 201);
    return { id: c.id as string, version: c.version as number, contentHash: c.contentHash as string, blocId, year };
  }

  /** A covenant open for signing (fresh bloc year unless given). */
  async signingCovenant(blocYear?: { blocId: string; year: number }): Promise<CovenantRef> {
    const draft = await this.draftCovenant(blocYear);
    const opened = await this.call('admin', 'POST', `/api/covenants/${draft.id}/open-for-signing`, undefined, 200);
    return { ...draft, version: opened.version as number, contentHash: opened.contentHash as string };
  }

  async sign(covenantId: string, organizationId: string, contentHash: string): Promise<void> {
    await this.call('admin', 'POST', `/api/covenants/${covenantId}/signatures`, { organizationId, signerName: 'Nguyễn Văn An', signerTitle: 'Chủ tịch', contentHash }, 201);
  }

  /** Criteria in a bloc year and the member's score sheet up to `state` (self-scored, reviewed). */
  async scoreSheet(blocYear: { blocId: string; year: number }, state: 'criteria' | 'draft' | 'reviewed'): Promise<void> {
    const base = `/api/blocs/${blocYear.blocId}/years/${blocYear.year}`;
    const items = [
      { code: 'TC1', title: 'Phát triển hội viên', maxPoints: 40, kind: 'quantitative' },
      { code: 'TC2', title: 'Công tác tuyên truyền', maxPoints: 60, kind: 'count' },
    ];
    await this.call('admin', 'PUT', `${base}/criteria`, { items }, 200);
    if (state === 'criteria') return;
    const sheet = `${base}/score-sheets/${this.orgs.member.id}`;
    await this.call('admin', 'PUT', sheet, { entries: [{ code: 'TC1', selfScore: 35 }, { code: 'TC2', selfScore: 50, evidence: 'Báo cáo số 12' }] }, 200);
    if (state === 'draft') return;
    await this.call('admin', 'POST', `${sheet}/review`, { entries: [{ code: 'TC1', reviewedScore: 30, comment: 'Thiếu minh chứng' }] }, 200);
  }

  /** An open ballot for the award of the provincial flag among two members. */
  async openBallot(blocYear: { blocId: string; year: number }): Promise<string> {
    const body = { awardTypeCode: 'CO_THI_DUA_TINH', candidates: [this.orgs.member.id, this.orgs.member2.id], maxChoices: 1, seats: 1 };
    return (await this.call('admin', 'POST', `/api/blocs/${blocYear.blocId}/years/${blocYear.year}/ballots`, body, 201)).id as string;
  }

  /** An award of the provincial commendation to the member for `year` (one per type, organisation and year), in the bloc when it is the world's year. */
  awardBody(year: number): Record<string, unknown> {
    return {
      year,
      awardTypeCode: 'BANG_KHEN_TINH',
      organizationId: this.orgs.member.id,
      ...(year === this.year ? { blocId: this.ids.bloc } : {}),
      citation: 'Đã có thành tích xuất sắc trong phong trào thi đua',
      decisionNumber: `${year}/QĐ-UBND`,
      decisionDate: `${year}-12-20`,
      issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
      signerTitle: 'Chủ tịch',
      signerName: 'Nguyễn Văn Bình',
    };
  }

  /** Another year for an award, so that each call creates a new one. */
  nextAwardYear(): number {
    this.awardYear += 1;
    if (this.awardYear > 2100) throw new Error('World.nextAwardYear: out of years');
    return this.awardYear;
  }

  /** The organisation a persona acts for: its own for a unit account, an ordinary member's for staff and admin. */
  actingOrganization(persona: Persona): string {
    const own: Partial<Record<Persona, Organization>> = { leader: this.orgs.leader, otherLeader: this.orgs.otherLeader, member: this.orgs.member, outsider: this.orgs.outsider };
    return (own[persona] ?? this.orgs.member).id;
  }
}
