import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, TestApp, type UnitAccount } from '../support/test-app.js';
import { type Actors, actors, UNKNOWN } from './actors.js';

const ITEMS = [
  { code: 'A1', title: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60, kind: 'quantitative' },
  { code: 'A2', title: 'Báo cáo đúng hạn', maxPoints: 20, kind: 'qualitative' },
  { code: 'A3', title: 'Mô hình mới', maxPoints: 20, kind: 'count' },
  { code: 'B', title: 'Điểm thưởng', maxPoints: 5, kind: 'bonus' },
  { code: 'C', title: 'Điểm trừ', maxPoints: 10, kind: 'penalty' },
];

describe('score sheets and ranking', () => {
  let t: TestApp;
  let a: Actors;
  let base: string;
  let second: UnitAccount;

  beforeAll(async () => {
    t = await TestApp.start();
    a = await actors(t, { members: 3 });
    second = a.year.members[1];
    base = `/api/blocs/${a.year.blocId}/years/${a.year.year}`;
  });
  afterAll(() => t.close());

  const sheetUrl = (org: string) => `${base}/score-sheets/${org}`;
  const selfScore = (who: Account, org: string, entries: object[]) => t.http.put(sheetUrl(org)).set(who.auth).send({ entries });
  const review = (who: Account, org: string, entries: object[]) => t.http.post(`${sheetUrl(org)}/review`).set(who.auth).send({ entries });
  const explain = (who: Account, org: string, explanation: string) => t.http.post(`${sheetUrl(org)}/explanation`).set(who.auth).send({ explanation });
  const finalise = (who: Account, org: string) => t.http.post(`${sheetUrl(org)}/finalise`).set(who.auth).send();

  it('refuses self scores before the bloc year has criteria (409)', async () => {
    const res = await selfScore(a.member, a.member.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(409);
    expect(res.body.message).toContain('no criteria');
  });

  describe('with criteria', () => {
    beforeAll(async () => {
      await t.http.put(`${base}/criteria`).set(a.staff.auth).send({ items: ITEMS }).expect(200);
    });

    it('lets a member self-score its own sheet with evidence, as often as it likes while a draft', async () => {
      await selfScore(a.member, a.member.organizationId, [{ code: 'A1', selfScore: 50 }]).expect(200);
      const res = await selfScore(a.member, a.member.organizationId, [
        { code: 'A1', selfScore: 55.5, evidence: 'Báo cáo số 12/BC-HNN'.normalize('NFD') },
        { code: 'A2', selfScore: 20 },
        { code: 'B', selfScore: 3 },
        { code: 'C', selfScore: 1 },
      ]).expect(200);
      expect(res.body).toMatchObject({
        blocId: a.year.blocId,
        year: a.year.year,
        organizationId: a.member.organizationId,
        status: 'draft',
        selfTotal: 77.5,
        finalTotal: 77.5,
        penaltyPoints: 1,
        bonusPoints: 3,
        fullyReviewed: false,
      });
      expect(res.body.entries[0]).toEqual({
        code: 'A1',
        title: ITEMS[0].title,
        kind: 'quantitative',
        maxPoints: 60,
        selfScore: 55.5,
        evidence: 'Báo cáo số 12/BC-HNN',
        reviewedScore: null,
        comment: null,
        finalScore: 55.5,
      });
      const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'score_sheet.self_score' AND entity_id = $1`, [res.body.id]);
      expect(audit[0].n).toBe(2);
    });

    it('replaces the whole set of self scores on each PUT', async () => {
      await selfScore(second, second.organizationId, [{ code: 'A1', selfScore: 40 }, { code: 'A3', selfScore: 10 }]).expect(200);
      const res = await selfScore(second, second.organizationId, [{ code: 'A1', selfScore: 45 }]).expect(200);
      expect(res.body.entries.map((e: { code: string }) => e.code)).toEqual(['A1']);
      expect(res.body.selfTotal).toBe(45);
    });

    it('lets staff and admin score for a member; refuses other units, even the leader, with 403', async () => {
      const third = a.year.members[2];
      await selfScore(a.staff, third.organizationId, [{ code: 'A1', selfScore: 30 }]).expect(200);
      await selfScore(a.admin, third.organizationId, [{ code: 'A1', selfScore: 31 }]).expect(200);
      for (const who of [a.leader, a.deputy, a.member, a.otherLeader, a.outsider]) {
        await selfScore(who, third.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(403);
      }
      await t.http.put(sheetUrl(third.organizationId)).send({ entries: [] }).expect(401);
    });

    it('refuses an organisation outside the roster: 403 for its own account, 400 for staff', async () => {
      await selfScore(a.outsider, a.outsider.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(403);
      await selfScore(a.otherLeader, a.otherLeader.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(403);
      const res = await selfScore(a.staff, a.outsider.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(400);
      expect(res.body.message).toContain('not a member');
    });

    it.each([
      ['a score above maxPoints', [{ code: 'A1', selfScore: 60.01 }], 'between 0 and 60'],
      ['a negative score', [{ code: 'A1', selfScore: -1 }], 'selfScore'],
      ['a penalty above its maximum', [{ code: 'C', selfScore: 11 }], 'between 0 and 10'],
      ['half marks on a pass/fail item', [{ code: 'A2', selfScore: 10 }], 'pass/fail'],
      ['an unknown code', [{ code: 'Z9', selfScore: 1 }], 'Z9 is not a criterion'],
      ['a code twice', [{ code: 'A1', selfScore: 1 }, { code: 'A1', selfScore: 2 }], 'appears twice'],
      ['three decimals', [{ code: 'A1', selfScore: 1.005 }], 'selfScore'],
      ['a score as text', [{ code: 'A1', selfScore: '5' }], 'selfScore'],
      ['evidence over 20,000 characters', [{ code: 'A1', selfScore: 1, evidence: 'x'.repeat(20001) }], 'evidence'],
      ['an unknown field', [{ code: 'A1', selfScore: 1, weight: 1 }], 'weight'],
    ])('answers 400 for %s', async (_name, entries, text) => {
      const res = await selfScore(a.member, a.member.organizationId, entries).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(text);
    });

    it('answers 400 for malformed ids and 404 for an unknown bloc, year or sheet', async () => {
      await t.http.put(`${base}/score-sheets/nope`).set(a.staff.auth).send({ entries: [] }).expect(400);
      await t.http.put(`/api/blocs/${UNKNOWN}/years/${a.year.year}/score-sheets/${a.member.organizationId}`).set(a.staff.auth).send({ entries: [] }).expect(404);
      await t.http.put(`/api/blocs/${a.year.blocId}/years/2031/score-sheets/${a.member.organizationId}`).set(a.staff.auth).send({ entries: [] }).expect(404);
      await t.http.get(sheetUrl(a.deputy.organizationId)).set(a.member.auth).expect(404);
      await review(a.leader, a.deputy.organizationId, []).expect(404);
      await explain(a.deputy, a.deputy.organizationId, 'x').expect(404);
      await finalise(a.staff, a.deputy.organizationId).expect(404);
    });

    it('lets the leader or staff review; refuses the deputy, members, other leaders and outsiders', async () => {
      for (const who of [a.deputy, a.member, second, a.otherLeader, a.outsider]) await review(who, a.member.organizationId, []).expect(403);
      const res = await review(a.leader, a.member.organizationId, [
        { code: 'A1', reviewedScore: 50, comment: 'Chưa đủ minh chứng cho 2 chỉ tiêu' },
        { code: 'C', reviewedScore: 2, comment: 'Nộp báo cáo quý III chậm' },
      ]).expect(200);
      expect(res.body).toMatchObject({ status: 'reviewed', selfTotal: 77.5, finalTotal: 71, penaltyPoints: 2, reviewedCount: 2, entryCount: 4, fullyReviewed: false });
      expect(res.body.entries.find((e: { code: string }) => e.code === 'A1')).toMatchObject({ selfScore: 55.5, reviewedScore: 50, finalScore: 50, comment: 'Chưa đủ minh chứng cho 2 chỉ tiêu' });
      await review(a.staff, second.organizationId, [{ code: 'C', reviewedScore: 3 }]).expect(200);
    });

    it('adds an item the member did not score when the reviewer scores it (e.g. a penalty)', async () => {
      const sheet = await t.http.get(sheetUrl(second.organizationId)).set(a.member.auth).expect(200);
      expect(sheet.body.entries.find((e: { code: string }) => e.code === 'C')).toMatchObject({ selfScore: null, reviewedScore: 3, finalScore: 3 });
      expect(sheet.body).toMatchObject({ selfTotal: 45, finalTotal: 42 });
    });

    it('checks reviewed scores like self scores (400)', async () => {
      await review(a.leader, a.member.organizationId, [{ code: 'A1', reviewedScore: 61 }]).expect(400);
      await review(a.leader, a.member.organizationId, [{ code: 'A2', reviewedScore: 5 }]).expect(400);
      await review(a.leader, a.member.organizationId, [{ code: 'nope', reviewedScore: 1 }]).expect(400);
      await review(a.leader, a.member.organizationId, [{ code: 'A1', reviewedScore: -2 }]).expect(400);
      await review(a.leader, a.member.organizationId, [{ code: 'A1', reviewedScore: 1, comment: 'x'.repeat(20001) }]).expect(400);
    });

    it('freezes self scores once reviewed (409)', async () => {
      const res = await selfScore(a.member, a.member.organizationId, [{ code: 'A1', selfScore: 60 }]).expect(409);
      expect(res.body.message).toContain('reviewed');
    });

    it('never lets an organisation review or finalise its own sheet', async () => {
      await selfScore(a.leader, a.leader.organizationId, [{ code: 'A1', selfScore: 58 }, { code: 'A2', selfScore: 20 }]).expect(200);
      await review(a.leader, a.leader.organizationId, []).expect(403);
      await review(a.staff, a.leader.organizationId, [{ code: 'A1', reviewedScore: 56 }]).expect(200);
      await finalise(a.leader, a.leader.organizationId).expect(403);
    });

    it('lets the member explain a reviewed sheet; nobody else but staff', async () => {
      await explain(a.member, second.organizationId, 'Không phải của mình').expect(403);
      await explain(a.leader, a.member.organizationId, 'Thay mặt').expect(403);
      await explain(a.member, a.member.organizationId, '').expect(400);
      await explain(a.member, a.member.organizationId, 'x'.repeat(20001)).expect(400);
      const res = await explain(a.member, a.member.organizationId, 'Đơn vị đã bổ sung biên bản của 2 chỉ tiêu còn thiếu.').expect(200);
      expect(res.body).toMatchObject({ status: 'explained', explanation: 'Đơn vị đã bổ sung biên bản của 2 chỉ tiêu còn thiếu.' });
      await explain(a.staff, second.organizationId, 'Giải trình do cán bộ nhập').expect(200);
    });

    it('refuses an explanation on a draft sheet (409)', async () => {
      const third = a.year.members[2];
      await explain(third, third.organizationId, 'Chưa có gì để giải trình').expect(409);
      await finalise(a.leader, third.organizationId).expect(409);
    });

    it('lets the reviewer review again after an explanation, then finalise; a final sheet is frozen', async () => {
      await review(a.leader, a.member.organizationId, [{ code: 'A1', reviewedScore: 54 }]).expect(200);
      for (const who of [a.deputy, a.member, a.otherLeader, a.outsider]) await finalise(who, a.member.organizationId).expect(403);
      const res = await finalise(a.leader, a.member.organizationId).expect(200);
      expect(res.body).toMatchObject({ status: 'final', finalTotal: 75, finalisedAt: expect.any(String) });
      await finalise(a.leader, a.member.organizationId).expect(409);
      await review(a.staff, a.member.organizationId, []).expect(409);
      await explain(a.member, a.member.organizationId, 'Thêm').expect(409);
      await selfScore(a.member, a.member.organizationId, [{ code: 'A1', selfScore: 1 }]).expect(409);
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [res.body.id]);
      expect(actions.map((r: { action: string }) => r.action)).toEqual([
        'score_sheet.self_score',
        'score_sheet.self_score',
        'score_sheet.review',
        'score_sheet.explain',
        'score_sheet.review',
        'score_sheet.finalise',
      ]);
    });

    it('ranks by final total, flags sheets not fully reviewed, lists members without a sheet', async () => {
      for (const who of [a.admin, a.staff, a.leader, a.member, a.otherLeader, a.outsider]) await t.http.get(`${base}/ranking`).set(who.auth).expect(200);
      const res = await t.http.get(`${base}/ranking`).set(a.outsider.auth).expect(200);
      expect(res.body.items.map((i: Record<string, unknown>) => [i.rank, i.organizationId, i.selfTotal, i.finalTotal, i.status, i.fullyReviewed])).toEqual([
        [1, a.leader.organizationId, 78, 76, 'reviewed', false],
        [2, a.member.organizationId, 77.5, 75, 'final', false],
        [3, second.organizationId, 45, 42, 'explained', false],
        [4, a.year.members[2].organizationId, 31, 31, 'draft', false],
      ]);
      expect(res.body.items[0].name).toBeTruthy();
      expect(res.body.missing).toEqual([{ organizationId: a.deputy.organizationId, name: expect.any(String) }]);
      await t.http.get(`/api/blocs/${a.year.blocId}/years/2031/ranking`).set(a.member.auth).expect(404);
      await t.http.get(`${base}/ranking`).expect(401);
    });

    it('gives equal sheets one rank, and lists every sheet with its totals', async () => {
      await selfScore(a.deputy, a.deputy.organizationId, [{ code: 'A1', selfScore: 31 }]).expect(200);
      const res = await t.http.get(`${base}/ranking`).set(a.member.auth).expect(200);
      const tail = res.body.items.slice(3).map((i: Record<string, unknown>) => [i.rank, i.finalTotal]);
      expect(tail).toEqual([
        [4, 31],
        [4, 31],
      ]);
      const list = await t.http.get(`${base}/score-sheets`).set(a.outsider.auth).expect(200);
      expect(list.body.total).toBe(5);
      expect(list.body.items[0]).toEqual(expect.objectContaining({ organizationId: expect.any(String), status: expect.any(String), finalTotal: expect.any(Number) }));
    });
  });
});
