import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig, type Role } from '#app/core';
import { PasswordHasher, User } from '#app/auth';
import { Organization } from '#app/organizations';
import { createApp } from '../../apps/api/src/app.factory.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const USER_PASSWORD = 'password-for-tests';
export const JWT_SECRET = 'jwt-secret-for-tests-only-0123456789';

let cachedHash: string | undefined;

export interface Account {
  user: User;
  token: string;
  auth: { Authorization: string };
}

export type UnitAccount = Account & { organizationId: string };

export interface RosterLine {
  organizationId: string;
  role: 'leader' | 'deputy' | 'member';
}

/** A covenant as the API answers it (the fields tests read most). */
export interface CovenantJson {
  id: string;
  status: 'draft' | 'signing' | 'in_force';
  version: number;
  contentHash: string | null;
  verificationCode: string | null;
  targets: { id: string; number: number; title: string }[];
  signatures: { organizationId: string; role: string; rosterRole: string | null; signedAt: string }[];
  [field: string]: unknown;
}

/** A bloc year made by `newBlocYear`: every member has a unit account. */
export interface BlocYearFixture {
  blocId: string;
  year: number;
  leader: UnitAccount;
  deputy: UnitAccount;
  members: UnitAccount[];
  /** Leader, deputy, then the plain members. */
  all: UnitAccount[];
}

/**
 * A running app on a database of its own, created for one test file on the server that the
 * jest global setup provides (embedded, or DATABASE_URL), migrated like production.
 */
export class TestApp {
  private counter = 0;
  private factoryAdmin?: Promise<Account>;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig & { DATABASE_URL: string },
    readonly databaseName: string,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<TestApp> {
    const databaseName = await createDatabase();
    const config = loadConfig({
      DATABASE_URL: databaseUrl(databaseName),
      JWT_SECRET,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      PUBLIC_BASE_URL: 'https://thidua.example.gov.vn',
      ...overrides,
    }) as AppConfig & { DATABASE_URL: string };
    const app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, databaseName);
  }

  get http(): TestAgent {
    return request(this.app.getHttpServer());
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
    await dropDatabase(this.databaseName);
  }

  /** A unique suffix for names in this file. */
  unique(prefix = ''): string {
    this.counter += 1;
    return `${prefix}${this.counter}-${randomBytes(3).toString('hex')}`;
  }

  /**
   * A token as the login route issues it, signed directly: an argon2 verification per test
   * account made the suites slow. The login route itself is tested in test/foundation/auth.
   */
  signedIn(user: User): Account {
    const token = this.app.get(JwtService).sign({ sub: user.id, role: user.role });
    return { user, token, auth: { Authorization: `Bearer ${token}` } };
  }

  async login(username: string, password: string): Promise<string> {
    const res = await this.http.post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  async admin(): Promise<Account> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ username: 'admin' });
    return this.signedIn(user);
  }

  async newOrganization(fields: Partial<Organization> = {}): Promise<Organization> {
    const res = await this.http
      .post('/api/organizations')
      .set(await this.factoryAuth())
      .send({ name: `Hội thử nghiệm ${this.unique()}`, ...fields });
    if (res.status !== 201) throw new Error(`newOrganization: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Organization;
  }

  /** An account with a known password, written straight to the table (hashing once per file keeps tests fast). */
  async newAccount(role: Role, organizationId: string | null = null): Promise<Account> {
    cachedHash ??= await new PasswordHasher().hash(USER_PASSWORD);
    const username = `u-${this.unique()}`;
    const repo = this.dataSource.getRepository(User);
    const { id } = await repo.save(repo.create({ username, passwordHash: cachedHash, fullName: `Người dùng ${username}`, role, organizationId }));
    const user = await repo.findOneByOrFail({ id });
    return this.signedIn(user);
  }

  /** A `unit` account for a new organisation (or the given one). */
  async newUnit(organizationId?: string): Promise<UnitAccount> {
    const orgId = organizationId ?? (await this.newOrganization()).id;
    return { ...(await this.newAccount('unit', orgId)), organizationId: orgId };
  }

  /** The admin's token, logged in once per file for the factories below. */
  private async factoryAuth(): Promise<{ Authorization: string }> {
    this.factoryAdmin ??= this.admin();
    return (await this.factoryAdmin).auth;
  }

  async newBloc(fields: { name?: string; description?: string } = {}): Promise<{ id: string; name: string }> {
    const res = await this.http
      .post('/api/blocs')
      .set(await this.factoryAuth())
      .send({ name: `Khối thử nghiệm ${this.unique()}`, ...fields });
    if (res.status !== 201) throw new Error(`newBloc: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; name: string };
  }

  async putRoster(blocId: string, year: number, members: RosterLine[], rules?: object): Promise<void> {
    const res = await this.http
      .put(`/api/blocs/${blocId}/years/${year}`)
      .set(await this.factoryAuth())
      .send({ members, ...(rules ? { rules } : {}) });
    if (res.status !== 200) throw new Error(`putRoster: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** An award recorded by staff; `fields` override the defaults of the request body. */
  async newAward(organizationId: string, fields: Record<string, unknown> = {}): Promise<{ id: string; verificationCode: string } & Record<string, unknown>> {
    const res = await this.http
      .post('/api/awards')
      .set(await this.factoryAuth())
      .send({
        year: 2023,
        awardTypeCode: 'BANG_KHEN_TINH',
        organizationId,
        citation: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023',
        decisionNumber: `${100 + this.counter}/QĐ-UBND`,
        decisionDate: '2024-01-15',
        issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh',
        signerTitle: 'Chủ tịch',
        signerName: 'Võ Trọng Hải',
        ...fields,
      });
    if (res.status !== 201) throw new Error(`newAward: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A new bloc with a roster for `year`: a leader, a deputy and `members` plain members (default 2). */
  async newBlocYear(options: { year?: number; members?: number } = {}): Promise<BlocYearFixture> {
    const year = options.year ?? 2023;
    const bloc = await this.newBloc();
    const leader = await this.newUnit();
    const deputy = await this.newUnit();
    const members: UnitAccount[] = [];
    for (let i = 0; i < (options.members ?? 2); i++) members.push(await this.newUnit());
    await this.putRoster(bloc.id, year, [
      { organizationId: leader.organizationId, role: 'leader' },
      { organizationId: deputy.organizationId, role: 'deputy' },
      ...members.map((m) => ({ organizationId: m.organizationId, role: 'member' as const })),
    ]);
    return { blocId: bloc.id, year, leader, deputy, members, all: [leader, deputy, ...members] };
  }

  /** A draft covenant for a bloc year (two targets unless given), made by admin; answers the covenant as the API returns it. */
  async newCovenant(blocId: string, year: number, fields: object = {}): Promise<CovenantJson> {
    const res = await this.http
      .post(`/api/blocs/${blocId}/years/${year}/covenant`)
      .set(await this.factoryAuth())
      .send({ title: `Giao ước thi đua năm ${year}`, targets: [{ title: 'Nội dung 1' }, { title: 'Nội dung 2' }], ...fields });
    if (res.status !== 201) throw new Error(`newCovenant: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CovenantJson;
  }

  /** Opens a covenant for signing; answers it (with its contentHash). */
  async openCovenant(id: string): Promise<CovenantJson> {
    const res = await this.http.post(`/api/covenants/${id}/open-for-signing`).set(await this.factoryAuth());
    if (res.status !== 200) throw new Error(`openCovenant: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CovenantJson;
  }
}

function serverUrl(): URL {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (global setup)');
  return new URL(url);
}

function databaseUrl(name: string): string {
  const url = serverUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(): Promise<string> {
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withServer((c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export { databaseUrl };
