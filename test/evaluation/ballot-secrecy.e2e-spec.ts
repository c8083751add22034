import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, type UnitAccount } from '../support/test-app.js';
import { type Actors, actors } from './actors.js';

/**
 * After the votes, nothing — API answers, table columns, keys, row order, writing transactions,
 * audit rows — maps a voter organisation to its choices.
 */
describe('ballot secrecy', () => {
  let t: TestApp;
  let a: Actors;
  let voters: UnitAccount[];
  let candidates: string[];
  let ballotId: string;
  /** Voter organisation → the candidate it chose, in voting order. */
  const cast: [string, string][] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    a = await actors(t, { members: 10 });
    voters = a.year.all;
    // Every voter chooses a different candidate, so any link between a voter and a mark would show.
    candidates = voters.map((v) => v.organizationId);
    const res = await t.http
      .post(`/api/blocs/${a.year.blocId}/years/${a.year.year}/ballots`)
      .set(a.leader.auth)
      .send({ awardTypeCode: 'BANG_KHEN_TINH', candidates, maxChoices: 1, seats: 3 })
      .expect(201);
    ballotId = res.body.id;
    for (const [i, voter] of voters.entries()) {
      const choice = candidates[(i + 1) % candidates.length];
      await t.http.post(`/api/ballots/${ballotId}/votes`).set(voter.auth).send({ choices: [choice] }).expect(201);
      cast.push([voter.organizationId, choice]);
    }
  });
  afterAll(() => t.close());

  const columns = async (table: string) =>
    (await t.dataSource.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])) as {
      column_name: string;
      data_type: string;
    }[];

  it('keeps who voted and what was chosen in tables that share nothing but the ballot', async () => {
    expect(await columns('ballot_voter')).toEqual([
      { column_name: 'ballot_id', data_type: 'uuid' },
      { column_name: 'organization_id', data_type: 'uuid' },
    ]);
    expect(await columns('ballot_choice')).toEqual([
      { column_name: 'ballot_id', data_type: 'uuid' },
      { column_name: 'candidate_id', data_type: 'uuid' },
      { column_name: 'id', data_type: 'uuid' },
    ]);
    const defaults = await t.dataSource.query(`SELECT column_default FROM information_schema.columns WHERE table_name IN ('ballot_voter', 'ballot_choice') AND column_default IS NOT NULL`);
    expect(defaults).toEqual([]);
  });

  it('leaves every live mark written by one transaction, the last vote’s, so the writing transaction links nothing', async () => {
    const marks = await t.dataSource.query(`SELECT DISTINCT xmin::text AS x FROM ballot_choice WHERE ballot_id = $1`, [ballotId]);
    expect(marks).toHaveLength(1);
    const voterRows = await t.dataSource.query(`SELECT xmin::text AS x FROM ballot_voter WHERE ballot_id = $1`, [ballotId]);
    // Each voter row keeps its own vote's transaction; only the last one's equals the marks'.
    expect(new Set(voterRows.map((r: { x: string }) => r.x)).size).toBe(voters.length);
    expect(voterRows.filter((r: { x: string }) => r.x === marks[0].x)).toHaveLength(1);
  });

  it('stores the marks in an order and under keys unrelated to the voting order', async () => {
    const byPosition: { candidate_id: string }[] = await t.dataSource.query(`SELECT candidate_id FROM ballot_choice WHERE ballot_id = $1 ORDER BY ctid`, [ballotId]);
    expect(byPosition.map((r) => r.candidate_id).sort()).toEqual(cast.map(([, c]) => c).sort());
    // 11! orders: the shuffled box matches the voting order by chance once in 39.9 million runs.
    expect(byPosition.map((r) => r.candidate_id)).not.toEqual(cast.map(([, c]) => c));
    const keys: { id: string }[] = await t.dataSource.query(`SELECT id FROM ballot_choice WHERE ballot_id = $1`, [ballotId]);
    for (const { id } of keys) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes who voted into the audit log, never what was chosen', async () => {
    const rows: { after: object }[] = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'ballot.vote' AND entity_id = $1`, [ballotId]);
    expect(rows).toHaveLength(voters.length);
    for (const row of rows) {
      expect(Object.keys(row.after)).toEqual(['organizationId']);
    }
  });

  it('never pairs a voter with a choice in the API, open or closed', async () => {
    const open = await t.http.get(`/api/ballots/${ballotId}`).set(a.staff.auth).expect(200);
    expect(open.body.voters).toHaveLength(voters.length);
    expect(open.body).not.toHaveProperty('results');
    const closed = await t.http.post(`/api/ballots/${ballotId}/close`).set(a.leader.auth).expect(200);
    expect(closed.body.results.every((r: { votes: number }) => r.votes === 1)).toBe(true);
    for (const body of [open.body, closed.body]) {
      expect(JSON.stringify(body)).not.toMatch(/"choices"/);
      for (const voter of body.voters) expect(Object.keys(voter).sort()).toEqual(['name', 'organizationId']);
    }
  });
});
