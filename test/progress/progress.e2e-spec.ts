import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { type Account, type BlocYearFixture, type CovenantJson, TestApp } from '../support/test-app.js';
import { type Actors, actors, UNKNOWN } from '../evaluation/actors.js';

const TARGETS = [
  { title: 'Phát triển hội viên mới', indicator: { unit: 'hội viên', targetValue: 150, baseline: 100 } },
  { title: 'Giảm số hộ nghèo trong hội viên', indicator: { unit: 'hộ', targetValue: 80, baseline: 120 } },
  { title: 'Tổ chức hội nghị sơ kết, tổng kết đúng hạn' },
];

/** A covenant of the bloc year signed by every member: in force. */
async function inForceCovenant(t: TestApp, year: BlocYearFixture, targets: object[] = TARGETS): Promise<CovenantJson> {
  const draft = await t.newCovenant(year.blocId, year.year, { targets });
  const open = await t.openCovenant(draft.id);
  for (const member of year.all) {
    await t.http
      .post(`/api/covenants/${open.id}/signatures`)
      .set(member.auth)
      .send({ organizationId: member.organizationId, signerName: 'Nguyễn Văn A', signerTitle: 'Chủ tịch', contentHash: open.contentHash })
      .expect(201);
  }
  const res = await t.http.get(`/api/covenants/${open.id}`).set(year.leader.auth).expect(200);
  expect(res.body.status).toBe('in_force');
  return res.body as CovenantJson;
}

describe('progress reports', () => {
  let t: TestApp;
  let a: Actors;
  let covenant: CovenantJson;
  let target: (n: number) => string;

  beforeAll(async () => {
    t = await TestApp.start();
    a = await actors(t, { members: 2 });
    covenant = await inForceCovenant(t, a.year);
    target = (n) => covenant.targets.find((x) => x.number === n)!.id;
  });
  afterAll(() => t.close());

  const report = (who: Account, body: object, id = covenant.id) => t.http.post(`/api/covenants/${id}/progress-reports`).set(who.auth).send(body);
  const progress = (who: Account, query = '') => t.http.get(`/api/covenants/${covenant.id}/progress${query}`).set(who.auth);

  it('takes a member’s report for its own organisation and computes percent from baseline and target value', async () => {
    const res = await report(a.member, {
      organizationId: a.member.organizationId,
      period: 'Q1',
      entries: [
        { targetId: target(1), actualValue: 125, status: 'on_track', note: 'Kết nạp 25 hội viên mới'.normalize('NFD') },
        { targetId: target(2), actualValue: 130, status: 'off_track' },
        { targetId: target(3), status: 'done' },
      ],
    }).expect(201);
    expect(res.body).toMatchObject({ covenantId: covenant.id, organizationId: a.member.organizationId, period: 'Q1', revision: 1, current: true });
    expect(res.body.entries).toEqual([
      { targetId: target(1), number: 1, actualValue: 125, percent: 50, rawPercent: 50, status: 'on_track', note: 'Kết nạp 25 hội viên mới' },
      { targetId: target(2), number: 2, actualValue: 130, percent: 0, rawPercent: -25, status: 'off_track', note: null },
      { targetId: target(3), number: 3, actualValue: null, percent: null, rawPercent: null, status: 'done', note: null },
    ]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'progress_report.submit' }]);
  });

  it('replaces the current report of the same organisation and period, keeping the earlier one in history', async () => {
    const res = await report(a.member, { organizationId: a.member.organizationId, period: 'Q1', entries: [{ targetId: target(1), actualValue: 160 }] }).expect(201);
    expect(res.body).toMatchObject({ revision: 2, current: true });
    expect(res.body.entries[0]).toMatchObject({ percent: 100, rawPercent: 120 });
    const history = await t.http.get(`/api/covenants/${covenant.id}/progress-reports?organizationId=${a.member.organizationId}&period=Q1`).set(a.outsider.auth).expect(200);
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((r: { revision: number; current: boolean }) => [r.revision, r.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(history.body.items[1].entries).toHaveLength(3);
    const audit = await t.dataSource.query(`SELECT action, before FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'progress_report.replace', before: { reportId: history.body.items[1].id, revision: 1 } }]);
  });

  it('lets staff and admin report for a member; refuses other units, even the leader', async () => {
    await report(a.staff, { organizationId: a.deputy.organizationId, period: 'Q1', entries: [{ targetId: target(1), actualValue: 110 }] }).expect(201);
    await report(a.admin, { organizationId: a.deputy.organizationId, period: 'H1', entries: [{ targetId: target(2), actualValue: 100 }] }).expect(201);
    for (const who of [a.leader, a.member, a.otherLeader, a.outsider]) {
      await report(who, { organizationId: a.deputy.organizationId, period: 'Q2', entries: [{ targetId: target(1) }] }).expect(403);
    }
    await t.http.post(`/api/covenants/${covenant.id}/progress-reports`).send({}).expect(401);
  });

  it('refuses an organisation outside the roster: 403 for its own account, 400 for staff', async () => {
    await report(a.outsider, { organizationId: a.outsider.organizationId, period: 'Q1', entries: [{ targetId: target(1) }] }).expect(403);
    await report(a.staff, { organizationId: a.outsider.organizationId, period: 'Q1', entries: [{ targetId: target(1) }] }).expect(400);
  });

  it.each([
    ['a target of another covenant', () => ({ entries: [{ targetId: UNKNOWN }] }), 'not a target'],
    ['a target twice', () => ({ entries: [{ targetId: target(1) }, { targetId: target(1) }] }), 'twice'],
    ['no entry', () => ({ entries: [] }), 'entries'],
    ['an unknown period', () => ({ period: 'Q5' }), 'period'],
    ['an unknown status', () => ({ entries: [{ targetId: target(1), status: 'late' }] }), 'status'],
    ['a value as text', () => ({ entries: [{ targetId: target(1), actualValue: '12' }] }), 'actualValue'],
    ['three decimals', () => ({ entries: [{ targetId: target(1), actualValue: 1.234 }] }), 'actualValue'],
    ['a note over 20,000 characters', () => ({ entries: [{ targetId: target(1), note: 'x'.repeat(20001) }] }), 'note'],
    ['a malformed organisation', () => ({ organizationId: 'nope' }), 'organizationId'],
    ['an unknown field', () => ({ comment: 'x' }), 'comment'],
  ])('answers 400 for %s', async (_name, change, text) => {
    const res = await report(a.staff, { organizationId: a.member.organizationId, period: 'Q2', entries: [{ targetId: target(1), actualValue: 1 }], ...change() }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(text);
  });

  it('answers 404 for an unknown covenant and 400 for a malformed id', async () => {
    await report(a.staff, { organizationId: a.member.organizationId, period: 'Q1', entries: [{ targetId: target(1) }] }, UNKNOWN).expect(404);
    await report(a.staff, { organizationId: a.member.organizationId, period: 'Q1', entries: [{ targetId: target(1) }] }, 'nope').expect(400);
    await t.http.get(`/api/covenants/${UNKNOWN}/progress`).set(a.member.auth).expect(404);
  });

  it('refuses reports on a covenant that is not in force (409)', async () => {
    const other = await t.newBlocYear({ year: 2024 });
    const draft = await t.newCovenant(other.blocId, 2024);
    const body = { organizationId: other.leader.organizationId, period: 'Q1', entries: [{ targetId: draft.targets[0].id }] };
    await report(other.leader, body, draft.id).expect(409);
    await t.openCovenant(draft.id);
    const res = await report(other.leader, body, draft.id).expect(409);
    expect(res.body.message).toContain('signing');
  });

  it('shows every target × member at a glance with who has not reported, to any account', async () => {
    await report(a.member, { organizationId: a.member.organizationId, period: 'H1', entries: [{ targetId: target(1), actualValue: 140 }] }).expect(201);
    for (const who of [a.admin, a.staff, a.leader, a.member, a.otherLeader, a.outsider]) await progress(who).expect(200);
    await t.http.get(`/api/covenants/${covenant.id}/progress`).expect(401);
    const res = await progress(a.outsider).expect(200);
    expect(res.body).toMatchObject({ covenantId: covenant.id, blocId: a.year.blocId, year: a.year.year, status: 'in_force', period: null });
    const [first, second, third] = res.body.targets;
    expect(first).toMatchObject({ targetId: target(1), number: 1, title: TARGETS[0].title, indicator: { unit: 'hội viên', targetValue: 150, baseline: 100 } });
    expect(first.byOrganization.map((r: Record<string, unknown>) => [r.organizationId, r.period, r.actualValue, r.percent, r.rawPercent])).toEqual([
      [a.deputy.organizationId, 'Q1', 110, 20, 20],
      [a.member.organizationId, 'Q1', 160, 100, 120],
      [a.member.organizationId, 'H1', 140, 80, 80],
    ]);
    expect(first.missing.map((m: { organizationId: string }) => m.organizationId)).toEqual([a.leader.organizationId, a.year.members[1].organizationId]);
    expect(second.byOrganization.map((r: Record<string, unknown>) => [r.organizationId, r.period, r.percent])).toEqual([[a.deputy.organizationId, 'H1', 50]]);
    // The replaced Q1 report of the member said something on targets 2 and 3; the current one does not.
    expect(second.missing.map((m: { organizationId: string }) => m.organizationId)).toContain(a.member.organizationId);
    expect(third.byOrganization).toEqual([]);
    expect(third.missing).toHaveLength(4);
  });

  it('filters by period', async () => {
    const res = await progress(a.member, '?period=H1').expect(200);
    expect(res.body.period).toBe('H1');
    expect(res.body.targets[0].byOrganization.map((r: { organizationId: string }) => r.organizationId)).toEqual([a.member.organizationId]);
    expect(res.body.targets[0].missing).toHaveLength(3);
    await progress(a.member, '?period=Q9').expect(400);
  });

  it('reads progress in the same number of queries however many targets, members and reports', async () => {
    const countQueries = async (work: () => Promise<unknown>) => {
      const original = pg.Client.prototype.query;
      let n = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        n += 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await work();
      } finally {
        pg.Client.prototype.query = original;
      }
      return n;
    };
    const big = await t.newBlocYear({ year: 2025, members: 8 });
    const bigCovenant = await inForceCovenant(t, big, Array.from({ length: 12 }, (_, i) => ({ title: `Nội dung ${i + 1}`, indicator: { unit: '%', targetValue: 100 } })));
    for (const member of big.all) {
      for (const period of ['Q1', 'Q2']) {
        await report(member, { organizationId: member.organizationId, period, entries: bigCovenant.targets.map((x) => ({ targetId: x.id, actualValue: 50 })) }, bigCovenant.id).expect(201);
      }
    }
    const small = await countQueries(() => progress(a.member).expect(200));
    const large = await countQueries(() => t.http.get(`/api/covenants/${bigCovenant.id}/progress`).set(a.member.auth).expect(200));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
