import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlocYearAccess } from '#app/auth';
import type { AuthUser } from '#app/core';
import { type Account, type BlocYearFixture, type RosterLine, TestApp, type UnitAccount } from '../support/test-app.js';

const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';

describe('yearly rosters', () => {
  let t: TestApp;
  let admin: Account;
  let staff: Account;
  let fx: BlocYearFixture;
  let other: BlocYearFixture;
  let outsider: UnitAccount;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
    staff = await t.newAccount('staff');
    fx = await t.newBlocYear({ year: 2022 });
    other = await t.newBlocYear({ year: 2022 });
    outsider = await t.newUnit();
  });
  afterAll(() => t.close());

  const url = (blocId: string, year: number | string) => `/api/blocs/${blocId}/years/${year}`;
  const lines = (f: BlocYearFixture): RosterLine[] => [
    { organizationId: f.leader.organizationId, role: 'leader' },
    { organizationId: f.deputy.organizationId, role: 'deputy' },
    ...f.members.map((m) => ({ organizationId: m.organizationId, role: 'member' as const })),
  ];
  const put = (who: Account, blocId: string, year: number | string, body: object) => t.http.put(url(blocId, year)).set(who.auth).send(body);

  it('sets a roster and reads it back, leader first, with the default rules', async () => {
    const bloc = await t.newBloc({ name: 'Khối các Hội đặc thù' });
    const [a, b, c] = [await t.newUnit(), await t.newUnit(), await t.newUnit()];
    const members = [
      { organizationId: c.organizationId, role: 'member' },
      { organizationId: b.organizationId, role: 'deputy' },
      { organizationId: a.organizationId, role: 'leader' },
    ];
    const res = await put(staff, bloc.id, 2023, { members }).expect(200);
    expect(res.body).toMatchObject({
      blocId: bloc.id,
      blocName: 'Khối các Hội đặc thù',
      year: 2023,
      rules: { quorumPercent: 50, passPercent: 50, passBase: 'members' },
    });
    expect(res.body.members.map((m: { organizationId: string; role: string }) => [m.organizationId, m.role])).toEqual([
      [a.organizationId, 'leader'],
      [b.organizationId, 'deputy'],
      [c.organizationId, 'member'],
    ]);
    expect(res.body.members[0]).toEqual({ organizationId: a.organizationId, name: expect.any(String), currentName: expect.any(String), role: 'leader' });
    const read = await t.http.get(url(bloc.id, 2023)).set(outsider.auth).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it('replaces the whole roster and changes only the rules given', async () => {
    const f = await t.newBlocYear({ year: 2024 });
    await put(admin, f.blocId, 2024, { members: lines(f), rules: { quorumPercent: 66.67, passBase: 'votes_cast' } }).expect(200);
    const replaced = [
      { organizationId: f.members[0].organizationId, role: 'leader' },
      { organizationId: f.leader.organizationId, role: 'member' },
    ];
    const res = await put(staff, f.blocId, 2024, { members: replaced, rules: { passPercent: 70 } }).expect(200);
    expect(res.body.members.map((m: { organizationId: string; role: string }) => [m.organizationId, m.role])).toEqual(replaced.map((m) => [m.organizationId, m.role]));
    expect(res.body.rules).toEqual({ quorumPercent: 66.67, passPercent: 70, passBase: 'votes_cast' });
  });

  it('answers 400 unless exactly one leader, at most one deputy and each organisation once', async () => {
    const [a, b, c] = [fx.leader.organizationId, fx.deputy.organizationId, fx.members[0].organizationId];
    const cases: [object[], string][] = [
      [[{ organizationId: a, role: 'member' }], 'exactly one leader'],
      [[{ organizationId: a, role: 'leader' }, { organizationId: b, role: 'leader' }], 'exactly one leader'],
      [[{ organizationId: a, role: 'leader' }, { organizationId: b, role: 'deputy' }, { organizationId: c, role: 'deputy' }], 'at most one deputy'],
      [[{ organizationId: a, role: 'leader' }, { organizationId: a, role: 'member' }], 'more than once'],
      [[{ organizationId: a, role: 'leader' }, { organizationId: UNKNOWN, role: 'member' }], UNKNOWN],
    ];
    for (const [members, message] of cases) {
      const res = await put(staff, fx.blocId, 2022, { members }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(message);
    }
    const roster = await t.http.get(url(fx.blocId, 2022)).set(staff.auth).expect(200);
    expect(roster.body.members).toHaveLength(4);
  });

  it('answers 400 for malformed members, rules and years', async () => {
    const leaderLine = { organizationId: fx.leader.organizationId, role: 'leader' };
    const bad: [number | string, object][] = [
      [2022, { members: [] }],
      [2022, {}],
      [2022, { members: [{ organizationId: 'x', role: 'leader' }] }],
      [2022, { members: [{ organizationId: fx.leader.organizationId, role: 'chief' }] }],
      [2022, { members: [leaderLine], rules: { quorumPercent: 101 } }],
      [2022, { members: [leaderLine], rules: { passPercent: -1 } }],
      [2022, { members: [leaderLine], rules: { passPercent: '50' } }],
      [2022, { members: [leaderLine], rules: { passBase: 'present' } }],
      [2022, { members: [leaderLine], rules: { quorum: 50 } }],
      [2022, { members: [leaderLine], extra: true }],
      [1999, { members: [leaderLine] }],
      [2101, { members: [leaderLine] }],
      ['20x2', { members: [leaderLine] }],
      ['2022.5', { members: [leaderLine] }],
    ];
    for (const [year, body] of bad) {
      const res = await put(staff, fx.blocId, year, body);
      expect([year, res.status]).toEqual([year, 400]);
    }
    const many = Array.from({ length: 501 }, () => leaderLine);
    await put(staff, fx.blocId, 2022, { members: many }).expect(400);
    await t.http.get(url(fx.blocId, 1999)).set(staff.auth).expect(400);
    await put(staff, 'nope', 2022, { members: [leaderLine] }).expect(400);
  });

  it('answers 404 for an unknown bloc and for a year without a roster', async () => {
    await put(staff, UNKNOWN, 2022, { members: [{ organizationId: fx.leader.organizationId, role: 'leader' }] }).expect(404);
    await t.http.get(url(UNKNOWN, 2022)).set(staff.auth).expect(404);
    const res = await t.http.get(url(fx.blocId, 2030)).set(fx.members[0].auth).expect(404);
    expect(res.body.message).toContain('no roster for 2030');
  });

  it('lets only staff and admin set rosters: not the leader of this bloc year, nor any other unit', async () => {
    const body = { members: lines(fx) };
    await put(admin, fx.blocId, 2022, body).expect(200);
    await put(staff, fx.blocId, 2022, body).expect(200);
    for (const who of [fx.leader, fx.deputy, fx.members[0], other.leader, outsider]) await put(who, fx.blocId, 2022, body).expect(403);
    await t.http.put(url(fx.blocId, 2022)).send(body).expect(401);
    for (const who of [admin, staff, fx.leader, fx.members[0], other.leader, outsider]) await t.http.get(url(fx.blocId, 2022)).set(who.auth).expect(200);
    await t.http.get(url(fx.blocId, 2022)).expect(401);
  });

  it('keeps past years as they were when an organisation or the bloc is renamed', async () => {
    const f = await t.newBlocYear({ year: 2022 });
    const before = (await t.http.get(url(f.blocId, 2022)).set(staff.auth).expect(200)).body;
    const org = f.members[0].organizationId;
    const oldName = before.members.find((m: { organizationId: string }) => m.organizationId === org).name;
    await t.http.patch(`/api/organizations/${org}`).set(staff.auth).send({ name: `Hội đổi tên ${t.unique()}` }).expect(200);
    await t.http.patch(`/api/blocs/${f.blocId}`).set(staff.auth).send({ name: `Khối đổi tên ${t.unique()}` }).expect(200);
    // rewriting the old year (e.g. a role change) keeps the names it was set up with
    await put(staff, f.blocId, 2022, { members: lines(f).map((l) => (l.role === 'deputy' ? { ...l, role: 'member' } : l)) }).expect(200);
    const after = (await t.http.get(url(f.blocId, 2022)).set(staff.auth).expect(200)).body;
    const entry = after.members.find((m: { organizationId: string }) => m.organizationId === org);
    expect(entry.name).toBe(oldName);
    expect(entry.currentName).toMatch(/^Hội đổi tên/);
    expect(after.blocName).toBe(before.blocName);
    // a new year starts with today's names
    const next = await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(staff.auth).expect(201);
    expect(next.body.members.find((m: { organizationId: string }) => m.organizationId === org).name).toMatch(/^Hội đổi tên/);
    expect(next.body.blocName).toMatch(/^Khối đổi tên/);
  });

  it('starts a year from the previous one: members, roles and rules', async () => {
    const f = await t.newBlocYear({ year: 2022 });
    await put(staff, f.blocId, 2022, { members: lines(f), rules: { passPercent: 60 } }).expect(200);
    const source = (await t.http.get(url(f.blocId, 2022)).set(staff.auth).expect(200)).body;
    const res = await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(staff.auth).expect(201);
    expect(res.body).toMatchObject({ blocId: f.blocId, year: 2023, rules: source.rules });
    expect(res.body.members).toEqual(source.members);
    expect(res.body.blocYearId).not.toBe(source.blocYearId);
    const bloc = await t.http.get(`/api/blocs/${f.blocId}`).set(f.leader.auth).expect(200);
    expect(bloc.body.years).toEqual([2022, 2023]);
  });

  it('refuses a copy onto a year that has a roster (409), from a year without one (404), onto itself (400), to units (403)', async () => {
    const f = await t.newBlocYear({ year: 2022 });
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(f.leader.auth).expect(403);
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(outsider.auth).expect(403);
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/2021`).set(staff.auth).expect(404);
    await t.http.post(`${url(UNKNOWN, 2023)}/copy-from/2022`).set(staff.auth).expect(404);
    await t.http.post(`${url(f.blocId, 2022)}/copy-from/2022`).set(staff.auth).expect(400);
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/1800`).set(staff.auth).expect(400);
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(admin.auth).expect(201);
    await t.http.post(`${url(f.blocId, 2023)}/copy-from/2022`).set(staff.auth).expect(409);
  });

  it('gives leader rights for that bloc year only: leader, deputy unless excluded, never members or other blocs', async () => {
    const access = t.app.get(BlocYearAccess);
    const as = (a: Account): AuthUser => ({ id: a.user.id, username: a.user.username, role: a.user.role, organizationId: a.user.organizationId });
    const check = (a: Account, blocId = fx.blocId, year = 2022, allowDeputy?: boolean) => access.isLeader(as(a), blocId, year, { allowDeputy });
    expect(await check(admin)).toBe(true);
    expect(await check(staff)).toBe(true);
    expect(await check(fx.leader)).toBe(true);
    expect(await check(fx.deputy)).toBe(true);
    expect(await check(fx.deputy, fx.blocId, 2022, false)).toBe(false);
    expect(await check(fx.leader, fx.blocId, 2022, false)).toBe(true);
    expect(await check(fx.members[0])).toBe(false);
    expect(await check(outsider)).toBe(false);
    expect(await check(other.leader)).toBe(false);
    expect(await check(fx.leader, other.blocId)).toBe(false);
    expect(await check(fx.leader, fx.blocId, 2021)).toBe(false);
    await expect(access.assertLeader(as(other.leader), fx.blocId, 2022)).rejects.toMatchObject({ status: 403 });
    await expect(access.assertLeader(as(fx.leader), fx.blocId, 2022)).resolves.toBeUndefined();
  });

  it('enforces one leader, one deputy and one row per organisation in the database itself', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM bloc_year WHERE bloc_id = $1 AND year = 2022', [other.blocId]);
    const insert = (orgId: string, role: string) =>
      t.dataSource.query(`INSERT INTO roster_member (bloc_year_id, organization_id, role, organization_name, position) VALUES ($1, $2, $3, 'x', 9)`, [id, orgId, role]);
    const fresh = (await t.newOrganization()).id;
    await expect(insert(fresh, 'leader')).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'UQ_roster_member_one_leader' } });
    await expect(insert(fresh, 'deputy')).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'UQ_roster_member_one_deputy' } });
    await expect(insert(other.members[0].organizationId, 'member')).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'UQ_roster_member_organization' } });
    await expect(insert(fresh, 'chief')).rejects.toMatchObject({ driverError: { code: '23514' } });
  });

  it('survives concurrent first writes of the same year and records each write in the audit log', async () => {
    const f = await t.newBlocYear({ year: 2022 });
    const results = await Promise.all([2, 3, 4].map(() => put(staff, f.blocId, 2025, { members: lines(f) })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM bloc_year WHERE bloc_id = $1 AND year = 2025', [f.blocId]);
    expect(n).toBe(1);
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'bloc_year' AND entity_id = (SELECT id::text FROM bloc_year WHERE bloc_id = $1 AND year = 2025)`,
      [f.blocId],
    );
    expect(audit.map((a) => a.action)).toEqual(['roster.replace', 'roster.replace', 'roster.replace']);
  });
});
