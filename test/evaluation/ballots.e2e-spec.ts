import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, TestApp, type UnitAccount } from '../support/test-app.js';
import { type Actors, actors, UNKNOWN } from './actors.js';

describe('ballots', () => {
  let t: TestApp;
  let a: Actors;
  let base: string;
  /** Leader, deputy, then 6 members: 8 voters. */
  let all: UnitAccount[];

  beforeAll(async () => {
    t = await TestApp.start();
    a = await actors(t, { members: 6 });
    all = a.year.all;
    base = `/api/blocs/${a.year.blocId}/years/${a.year.year}`;
  });
  afterAll(() => t.close());

  const open = (who: Account, body: object) => t.http.post(`${base}/ballots`).set(who.auth).send(body);
  const vote = (who: Account, id: string, choices: string[]) => t.http.post(`/api/ballots/${id}/votes`).set(who.auth).send({ choices });
  const close = (who: Account, id: string) => t.http.post(`/api/ballots/${id}/close`).set(who.auth).send();
  const flag = () => ({ awardTypeCode: 'CO_THI_DUA_TINH', candidates: [all[0].organizationId, all[2].organizationId, all[3].organizationId], maxChoices: 1, seats: 1 });

  describe('opening', () => {
    it('lets the leader open a ballot with candidates from the roster', async () => {
      const res = await open(a.leader, flag()).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        status: 'open',
        blocId: a.year.blocId,
        year: a.year.year,
        awardTypeCode: 'CO_THI_DUA_TINH',
        maxChoices: 1,
        seats: 1,
        memberCount: 8,
        turnout: 0,
        rules: { quorumPercent: 50, passPercent: 50, passBase: 'members' },
        voters: [],
      });
      expect(res.body.candidates.map((c: { organizationId: string }) => c.organizationId)).toEqual(flag().candidates);
      const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'ballot.open' }]);
    });

    it('lets staff and admin open one; refuses the deputy, a member, another bloc’s leader and an outsider', async () => {
      await open(a.staff, flag()).expect(201);
      await open(a.admin, flag()).expect(201);
      for (const who of [a.deputy, a.member, a.otherLeader, a.outsider]) await open(who, flag()).expect(403);
      await t.http.post(`${base}/ballots`).send(flag()).expect(401);
    });

    it.each([
      ['an unknown award type', { awardTypeCode: 'HUY_CHUONG_VANG' }, 'awardTypeCode'],
      ['a malformed award type', { awardTypeCode: 'co thi dua' }, 'awardTypeCode'],
      ['no candidate', { candidates: [] }, 'candidates'],
      ['a candidate twice', { candidates: [UNKNOWN, UNKNOWN] }, 'candidates'],
      ['a malformed candidate', { candidates: ['nope'] }, 'candidates'],
      ['a candidate outside the roster', { candidates: [UNKNOWN] }, UNKNOWN],
      ['more choices than candidates', { maxChoices: 4 }, 'maxChoices'],
      ['more seats than candidates', { seats: 4 }, 'seats'],
      ['no seat', { seats: 0 }, 'seats'],
      ['fractional choices', { maxChoices: 1.5 }, 'maxChoices'],
      ['an unknown field', { secret: false }, 'secret'],
    ])('answers 400 for %s', async (_name, change, text) => {
      const res = await open(a.staff, { ...flag(), ...change }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(text);
    });

    it('answers 404 for an unknown bloc or a year without a roster', async () => {
      await t.http.post(`/api/blocs/${UNKNOWN}/years/${a.year.year}/ballots`).set(a.staff.auth).send(flag()).expect(404);
      await t.http.post(`/api/blocs/${a.year.blocId}/years/2040/ballots`).set(a.staff.auth).send(flag()).expect(404);
    });
  });

  describe('voting and closing', () => {
    let id: string;
    beforeAll(async () => {
      id = (await open(a.leader, { ...flag(), maxChoices: 2, seats: 1 }).expect(201)).body.id;
    });

    it('takes one vote per member organisation (201), a second is 409', async () => {
      const res = await vote(a.member, id, [all[0].organizationId]).expect(201);
      expect(res.body).toEqual({ ballotId: id, voted: true });
      const again = await vote(a.member, id, [all[2].organizationId]).expect(409);
      expect(again.body.message).toContain('already voted');
      // A second account of the same organisation is the same voter.
      const colleague = await t.newUnit(a.member.organizationId);
      await vote(colleague, id, []).expect(409);
    });

    it('refuses those who are not member organisations of this bloc year', async () => {
      await vote(a.outsider, id, []).expect(403);
      await vote(a.otherLeader, id, []).expect(403);
      await vote(a.staff, id, []).expect(403);
      await vote(a.admin, id, []).expect(403);
      await t.http.post(`/api/ballots/${id}/votes`).send({ choices: [] }).expect(401);
    });

    it.each([
      ['too many choices', () => [all[0].organizationId, all[2].organizationId, all[3].organizationId], 'at most 2'],
      ['a choice that is not a candidate', () => [all[1].organizationId], 'not candidates'],
      ['a choice twice', () => [all[0].organizationId, all[0].organizationId], 'repeat'],
      ['a malformed choice', () => ['nope'], 'choices'],
    ])('answers 400 for %s', async (_name, choices, text) => {
      const res = await vote(a.deputy, id, choices()).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(text);
    });

    it('answers 400 for a malformed ballot id and 404 for an unknown one', async () => {
      await vote(a.deputy, 'nope', []).expect(400);
      await vote(a.deputy, UNKNOWN, []).expect(404);
      await t.http.get(`/api/ballots/${UNKNOWN}`).set(a.member.auth).expect(404);
      await close(a.staff, UNKNOWN).expect(404);
    });

    it('shows the turnout and who voted while open, never a count per candidate', async () => {
      await vote(a.deputy, id, [all[0].organizationId, all[2].organizationId]).expect(201);
      await vote(a.leader, id, []).expect(201);
      for (const who of [a.outsider, a.member, a.staff]) {
        const res = await t.http.get(`/api/ballots/${id}`).set(who.auth).expect(200);
        expect(res.body).toMatchObject({ status: 'open', turnout: 3 });
        expect(res.body.voters.map((v: { organizationId: string }) => v.organizationId).sort()).toEqual([a.leader, a.deputy, a.member].map((u) => u.organizationId).sort());
        for (const hidden of ['results', 'quorumMet', 'base', 'tieAtLastSeat']) expect(res.body).not.toHaveProperty(hidden);
        expect(JSON.stringify(res.body)).not.toMatch(/"votes"|"percent"|"elected"/);
      }
      const list = await t.http.get(`${base}/ballots`).set(a.outsider.auth).expect(200);
      expect(list.body.items.find((b: { id: string }) => b.id === id)).not.toHaveProperty('results');
    });

    it('lets only staff or the leader close', async () => {
      for (const who of [a.deputy, a.member, a.otherLeader, a.outsider]) await close(who, id).expect(403);
      await t.http.post(`/api/ballots/${id}/close`).expect(401);
    });

    it('counts on close: turnout, quorum, percent of the members, elected', async () => {
      await vote(all[4], id, [all[0].organizationId]).expect(201);
      await vote(all[5], id, [all[0].organizationId, all[3].organizationId]).expect(201);
      await vote(all[6], id, [all[0].organizationId]).expect(201);
      const res = await close(a.leader, id).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', turnout: 6, quorumMet: true, base: 8, tieAtLastSeat: [], closedAt: expect.any(String) });
      expect(res.body.results.map((r: Record<string, unknown>) => [r.organizationId, r.votes, r.percent, r.elected])).toEqual([
        [all[0].organizationId, 5, 62.5, true],
        [all[2].organizationId, 1, 12.5, false],
        [all[3].organizationId, 1, 12.5, false],
      ]);
      const again = await t.http.get(`/api/ballots/${id}`).set(a.outsider.auth).expect(200);
      expect(again.body.results).toEqual(res.body.results);
      const audit = await t.dataSource.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
      expect(audit.map((r: { action: string }) => r.action)).toEqual(['ballot.open', ...Array(6).fill('ballot.vote'), 'ballot.close']);
    });

    it('refuses votes and a second close once closed (409)', async () => {
      await vote(all[7], id, []).expect(409);
      await close(a.staff, id).expect(409);
    });
  });

  describe('rules of the bloc year', () => {
    it('misses the quorum: nobody elected though the counts show', async () => {
      const id = (await open(a.staff, flag()).expect(201)).body.id;
      for (const who of all.slice(4, 7)) await vote(who, id, [all[0].organizationId]).expect(201);
      const res = await close(a.staff, id).expect(200);
      expect(res.body).toMatchObject({ turnout: 3, quorumMet: false });
      expect(res.body.results[0]).toMatchObject({ votes: 3, percent: 37.5, elected: false });
    });

    it('takes the rules as they were when the ballot opened, with the threshold on votes cast', async () => {
      const roster = await t.http.get(base).set(a.staff.auth).expect(200);
      const members = roster.body.members.map((m: { organizationId: string; role: string }) => ({ organizationId: m.organizationId, role: m.role }));
      await t.putRoster(a.year.blocId, a.year.year, members, { quorumPercent: 50, passPercent: 50, passBase: 'votes_cast' });
      const id = (await open(a.staff, flag()).expect(201)).body.id;
      await t.putRoster(a.year.blocId, a.year.year, members, { quorumPercent: 90, passPercent: 50, passBase: 'members' });
      for (const who of all.slice(0, 3)) await vote(who, id, [all[2].organizationId]).expect(201);
      await vote(all[3], id, [all[3].organizationId]).expect(201);
      await vote(all[4], id, []).expect(201);
      const res = await close(a.leader, id).expect(200);
      expect(res.body).toMatchObject({ rules: { quorumPercent: 50, passPercent: 50, passBase: 'votes_cast' }, turnout: 5, quorumMet: true, base: 5 });
      expect(res.body.results.map((r: Record<string, unknown>) => [r.votes, r.percent, r.elected])).toEqual([
        [3, 60, true],
        [1, 20, false],
        [0, 0, false],
      ]);
      await t.putRoster(a.year.blocId, a.year.year, members, { quorumPercent: 50, passPercent: 50, passBase: 'members' });
    });

    it('reports a tie at the last seat instead of deciding it', async () => {
      const id = (await open(a.staff, { ...flag(), candidates: [all[0].organizationId, all[2].organizationId], maxChoices: 2 }).expect(201)).body.id;
      for (const who of all.slice(0, 6)) await vote(who, id, [all[0].organizationId, all[2].organizationId]).expect(201);
      const res = await close(a.staff, id).expect(200);
      expect(res.body.results.every((r: { elected: boolean; passed: boolean }) => r.passed && !r.elected)).toBe(true);
      expect(res.body.tieAtLastSeat.sort()).toEqual([all[0].organizationId, all[2].organizationId].sort());
    });
  });
});
