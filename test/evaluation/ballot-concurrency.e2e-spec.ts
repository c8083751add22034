import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, type UnitAccount } from '../support/test-app.js';

describe('ballot concurrency', () => {
  let t: TestApp;
  let blocId: string;
  let year: number;
  let voters: UnitAccount[];
  let candidate: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const fixture = await t.newBlocYear({ members: 18 });
    blocId = fixture.blocId;
    year = fixture.year;
    voters = fixture.all; // 20 organisations
    candidate = fixture.leader.organizationId;
  });
  afterAll(() => t.close());

  const openBallot = async () =>
    (
      await t.http
        .post(`/api/blocs/${blocId}/years/${year}/ballots`)
        .set((await t.admin()).auth)
        .send({ awardTypeCode: 'CO_THI_DUA_TINH', candidates: [candidate], maxChoices: 1, seats: 1 })
        .expect(201)
    ).body.id as string;
  const vote = (voter: UnitAccount, id: string) => t.http.post(`/api/ballots/${id}/votes`).set(voter.auth).send({ choices: [candidate] });

  it('keeps one vote per organisation under 30 simultaneous votes with duplicates', async () => {
    const id = await openBallot();
    // 20 organisations, 10 of them twice (from two accounts of the same organisation).
    const twins = await Promise.all(voters.slice(0, 10).map((v) => t.newUnit(v.organizationId)));
    const attempts = [...voters, ...twins];
    const answers = await Promise.all(attempts.map((v) => vote(v, id)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ballot_voter WHERE ballot_id = $1`, [id]);
    const [{ m }] = await t.dataSource.query(`SELECT count(*)::int AS m FROM ballot_choice WHERE ballot_id = $1`, [id]);
    expect([n, m]).toEqual([20, 20]);
    const closed = await t.http.post(`/api/ballots/${id}/close`).set((await t.admin()).auth).expect(200);
    expect(closed.body).toMatchObject({ turnout: 20, results: [{ votes: 20, percent: 100, elected: true }] });
  });

  it('counts every vote answered 201 exactly once when the ballot closes while votes arrive', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await openBallot();
      const admin = await t.admin();
      const votes = voters.map((v) => vote(v, id));
      const closing = new Promise((resolve) => setTimeout(resolve, 5 * round)).then(() => t.http.post(`/api/ballots/${id}/close`).set(admin.auth));
      const [closed, ...answers] = await Promise.all([closing, ...votes]);
      expect(closed.status).toBe(200);
      const accepted = answers.filter((r) => r.status === 201).length;
      expect(answers.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      expect(closed.body.turnout).toBe(accepted);
      expect(closed.body.results[0].votes).toBe(accepted);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ballot_voter WHERE ballot_id = $1`, [id]);
      expect(n).toBe(accepted);
    }
  });
});
