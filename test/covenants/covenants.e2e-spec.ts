import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CovenantContent, covenantContentHash, CovenantsService } from '#app/covenants';
import { type Account, type BlocYearFixture, TestApp, type UnitAccount } from '../support/test-app.js';

const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';
const THEME = 'Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất';

describe('covenants: drafting, editing, opening', () => {
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
    fx = await t.newBlocYear({ year: 2023 });
    other = await t.newBlocYear({ year: 2023 });
    outsider = await t.newUnit();
  });
  afterAll(() => t.close());

  const draftUrl = (f: { blocId: string; year: number }) => `/api/blocs/${f.blocId}/years/${f.year}/covenant`;
  const draft = (who: Account, f: { blocId: string; year: number }, body: object) => t.http.post(draftUrl(f)).set(who.auth).send(body);
  const patch = (who: Account, id: string, body: object) => t.http.patch(`/api/covenants/${id}`).set(who.auth).send(body);
  const open = (who: Account, id: string) => t.http.post(`/api/covenants/${id}/open-for-signing`).set(who.auth);
  const body = {
    title: 'Giao ước thi đua năm 2023'.normalize('NFD'),
    theme: THEME,
    preamble: 'Căn cứ Luật Thi đua, khen thưởng năm 2022…',
    place: 'Thái Bình',
    signingDate: '2023-03-03',
    targets: [
      { title: 'Tuyên truyền chủ trương, chính sách về thi đua, khen thưởng' },
      { title: 'Cả nước chung sức xây dựng nông thôn mới', movement: 'Cả nước chung sức xây dựng nông thôn mới', indicator: { unit: '%', targetValue: 100, baseline: 80.5 } },
      { title: 'Phát triển hội viên', description: 'Kết nạp hội viên mới', indicator: { unit: 'người', targetValue: 150 } },
    ],
  };

  it("lets the bloc year's leader draft the covenant: numbered targets, NFC text, status draft", async () => {
    const res = await draft(fx.leader, fx, body).expect(201);
    expect(res.body).toMatchObject({
      blocId: fx.blocId,
      year: 2023,
      title: 'Giao ước thi đua năm 2023',
      theme: THEME,
      place: 'Thái Bình',
      signingDate: '2023-03-03',
      status: 'draft',
      version: 1,
      contentHash: null,
      verificationCode: null,
      signatures: [],
    });
    expect(res.body.targets).toEqual([
      { id: expect.any(String), number: 1, title: body.targets[0].title, description: null, movement: null, indicator: null },
      { id: expect.any(String), number: 2, title: body.targets[1].title, description: null, movement: 'Cả nước chung sức xây dựng nông thôn mới', indicator: { unit: '%', targetValue: 100, baseline: 80.5 } },
      { id: expect.any(String), number: 3, title: 'Phát triển hội viên', description: 'Kết nạp hội viên mới', movement: null, indicator: { unit: 'người', targetValue: 150, baseline: null } },
    ]);
    expect(res.body.awaiting.map((a: { organizationId: string }) => a.organizationId)).toEqual(fx.all.map((a) => a.organizationId));
  });

  it('lets staff and admin draft too, and refuses a second covenant for the bloc year with 409', async () => {
    const a = await t.newBlocYear();
    await draft(staff, a, body).expect(201);
    await draft(admin, a, body).expect(409);
    await draft(a.leader, a, body).expect(409);
    const b = await t.newBlocYear();
    await draft(admin, b, body).expect(201);
  });

  it('refuses drafting to the deputy, members, other blocs, outsiders, last year’s leader and anonymous callers', async () => {
    const f = await t.newBlocYear({ year: 2022 });
    await t.http.post(`/api/blocs/${f.blocId}/years/2023/copy-from/2022`).set(staff.auth).expect(201);
    // last year's leader hands over: 2023 is led by a former member
    await t.putRoster(f.blocId, 2023, [
      { organizationId: f.members[0].organizationId, role: 'leader' },
      { organizationId: f.leader.organizationId, role: 'member' },
    ]);
    const y2023 = { blocId: f.blocId, year: 2023 };
    for (const who of [f.deputy, f.members[1], f.leader, other.leader, outsider]) {
      const res = await draft(who, y2023, body);
      expect(res.status).toBe(403);
    }
    await t.http.post(draftUrl(y2023)).send(body).expect(401);
    await draft(f.members[0], y2023, body).expect(201);
    await draft(f.leader, { blocId: f.blocId, year: 2022 }, body).expect(201);
  });

  it('answers 400 without a roster, without targets or with bad fields, and 404 for an unknown bloc', async () => {
    const bloc = await t.newBloc();
    const res = await draft(staff, { blocId: bloc.id, year: 2023 }, body).expect(400);
    expect(res.body.message).toContain('no roster');
    await draft(staff, { blocId: UNKNOWN, year: 2023 }, body).expect(404);
    const f = await t.newBlocYear();
    const bad: [object, string][] = [
      [{ ...body, targets: [] }, 'targets'],
      [{ ...body, targets: undefined }, 'targets'],
      [{ ...body, title: undefined }, 'title'],
      [{ ...body, title: 'x'.repeat(1001) }, 'title'],
      [{ ...body, preamble: 'x'.repeat(20001) }, 'preamble'],
      [{ ...body, signingDate: '2023-02-30' }, 'signingDate'],
      [{ ...body, signingDate: '03/03/2023' }, 'signingDate'],
      [{ ...body, status: 'in_force' }, 'status'],
      [{ ...body, targets: [{ title: '' }] }, 'targets.0.title'],
      [{ ...body, targets: [{ title: 'x', indicator: { targetValue: 5 } }] }, 'targets.0.indicator.unit'],
      [{ ...body, targets: [{ title: 'x', indicator: { unit: '%', targetValue: '5' } }] }, 'targets.0.indicator.targetValue'],
      [{ ...body, targets: [{ title: 'x', indicator: { unit: '%', targetValue: 1.234 } }] }, 'targets.0.indicator.targetValue'],
      [{ ...body, targets: [{ title: 'x', indicator: { unit: '%', targetValue: 1e13 } }] }, 'targets.0.indicator.targetValue'],
      [{ ...body, targets: Array.from({ length: 201 }, () => ({ title: 'x' })) }, 'targets'],
    ];
    for (const [payload, field] of bad) {
      const r = await draft(staff, f, payload);
      expect([field, r.status]).toEqual([field, 400]);
      expect(JSON.stringify(r.body.message)).toContain(field);
    }
    await t.http.post(`/api/blocs/${f.blocId}/years/1999/covenant`).set(staff.auth).send(body).expect(400);
    await t.http.post(`/api/blocs/nope/years/2023/covenant`).set(staff.auth).send(body).expect(400);
    await t.http.get(draftUrl(f)).set(staff.auth).expect(404);
  });

  it('is readable by any account, by id and by bloc year', async () => {
    const f = await t.newBlocYear();
    const created = await t.newCovenant(f.blocId, f.year);
    for (const who of [admin, staff, f.leader, f.members[0], other.leader, outsider]) {
      const byId = await t.http.get(`/api/covenants/${created.id}`).set(who.auth).expect(200);
      expect(byId.body.id).toBe(created.id);
      const byYear = await t.http.get(draftUrl(f)).set(who.auth).expect(200);
      expect(byYear.body).toEqual(byId.body);
    }
    await t.http.get(`/api/covenants/${created.id}`).expect(401);
    await t.http.get(`/api/covenants/${UNKNOWN}`).set(staff.auth).expect(404);
    await t.http.get('/api/covenants/123').set(staff.auth).expect(400);
    await t.http.get(`/api/blocs/${f.blocId}/years/2024/covenant`).set(staff.auth).expect(404);
    await t.http.get(`/api/blocs/${UNKNOWN}/years/2024/covenant`).set(staff.auth).expect(404);
  });

  it('edits a draft from its current version: fields, cleared fields, replaced and renumbered targets', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year, { theme: THEME, place: 'Thái Bình' });
    const res = await patch(f.leader, c.id, { version: 1, title: 'Bản giao ước thi đua năm 2023', theme: null, targets: [{ title: 'Một' }, { title: 'Hai' }, { title: 'Ba' }] }).expect(200);
    expect(res.body).toMatchObject({ version: 2, title: 'Bản giao ước thi đua năm 2023', theme: null, place: 'Thái Bình', status: 'draft' });
    expect(res.body.targets.map((x: { number: number; title: string }) => [x.number, x.title])).toEqual([[1, 'Một'], [2, 'Hai'], [3, 'Ba']]);
    const again = await patch(staff, c.id, { version: 2, place: 'Hưng Yên' }).expect(200);
    expect(again.body).toMatchObject({ version: 3, place: 'Hưng Yên', title: 'Bản giao ước thi đua năm 2023' });
    expect(again.body.targets).toHaveLength(3);
    await patch(admin, c.id, { version: 3, preamble: 'Lời nói đầu' }).expect(200);
  });

  it('answers 409 for a stale version, 400 without a version or with bad fields, 404 for an unknown covenant', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year);
    await patch(staff, c.id, { version: 1, title: 'Lần một' }).expect(200);
    const stale = await patch(staff, c.id, { version: 1, title: 'Lần hai' }).expect(409);
    expect(stale.body.message).toContain('stale');
    await patch(staff, c.id, { title: 'Không có version' }).expect(400);
    await patch(staff, c.id, { version: 0 }).expect(400);
    await patch(staff, c.id, { version: '2' }).expect(400);
    await patch(staff, c.id, { version: 2, title: null }).expect(400);
    await patch(staff, c.id, { version: 2, targets: [] }).expect(400);
    await patch(staff, c.id, { version: 2, status: 'signing' }).expect(400);
    await patch(staff, UNKNOWN, { version: 1 }).expect(404);
    const current = await t.http.get(`/api/covenants/${c.id}`).set(staff.auth).expect(200);
    expect(current.body).toMatchObject({ version: 2, title: 'Lần một' });
  });

  it('lets only staff and the leader edit and open: not the deputy, members, other blocs or outsiders', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year);
    for (const who of [f.deputy, f.members[0], other.leader, outsider]) {
      await patch(who, c.id, { version: 1, title: 'Không được' }).expect(403);
      await open(who, c.id).expect(403);
    }
    await t.http.patch(`/api/covenants/${c.id}`).send({ version: 1 }).expect(401);
    await patch(f.leader, c.id, { version: 1, title: 'Được' }).expect(200);
    await open(f.leader, c.id).expect(200);
  });

  it('lets one of two simultaneous edits from the same version win; the other gets 409', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year);
    for (let round = 1; round <= 5; round++) {
      const [a, b] = await Promise.all([
        patch(staff, c.id, { version: round, title: `A${round}`, targets: [{ title: `A${round}` }] }),
        patch(f.leader, c.id, { version: round, title: `B${round}`, targets: [{ title: `B${round}` }, { title: 'B' }] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      const now = (await t.http.get(`/api/covenants/${c.id}`).set(staff.auth).expect(200)).body;
      expect(now).toMatchObject({ version: round + 1, title: winner.title });
      // the targets belong to the same edit as the title
      expect(now.targets[0].title).toBe(winner.title);
    }
    const updates = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'covenant.update'`, [c.id]);
    expect(updates[0].n).toBe(5);
  });

  it('opens for signing: status signing, SHA-256 of the canonical content, a verification code; then nothing can change', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year, body);
    const res = await open(f.leader, c.id).expect(200);
    expect(res.body).toMatchObject({ status: 'signing', version: 2 });
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const expected = covenantContentHash(res.body as CovenantContent);
    expect(res.body.contentHash).toBe(expected);
    await open(f.leader, c.id).expect(409);
    await open(staff, c.id).expect(409);
    const frozen = await patch(staff, c.id, { version: 2, title: 'Sửa sau khi mở' }).expect(409);
    expect(frozen.body.message).toContain('signing');
    await open(staff, UNKNOWN).expect(404);
    await open(staff, 'x').expect(400);
  });

  it('verifies by code (as typed by a person) whether the stored content still matches its hash', async () => {
    const f = await t.newBlocYear();
    const draftOnly = await t.newCovenant(f.blocId, f.year);
    const service = t.app.get(CovenantsService);
    const other = await t.newBlocYear();
    const c = await t.openCovenant((await t.newCovenant(other.blocId, other.year, body)).id);
    const found = await service.verifyByCode(c.verificationCode!.toLowerCase().replace(/-/g, ' '));
    expect(found).toMatchObject({ contentMatches: true, covenant: { id: c.id, status: 'signing' } });
    await t.dataSource.query(`UPDATE covenant_target SET title = title || '.' WHERE covenant_id = $1 AND number = 2`, [c.id]);
    expect(await service.verifyByCode(c.verificationCode!)).toMatchObject({ contentMatches: false });
    expect(await service.verifyByCode('0000-0000-00000')).toBeNull();
    expect(await service.verifyByCode('not a code')).toBeNull();
    expect(draftOnly.verificationCode).toBeNull();
  });

  it('gives covenants with different content different hashes and codes', async () => {
    const [a, b] = [await t.newBlocYear(), await t.newBlocYear()];
    const ca = await t.openCovenant((await t.newCovenant(a.blocId, a.year, body)).id);
    const cb = await t.openCovenant((await t.newCovenant(b.blocId, b.year, body)).id);
    expect(ca.contentHash).not.toBe(cb.contentHash);
    expect(ca.verificationCode).not.toBe(cb.verificationCode);
  });

  it('loads a covenant in the same number of queries with 2 or 20 targets and members', async () => {
    const small = await t.newBlocYear({ members: 0 });
    const big = await t.newBlocYear({ members: 18 });
    const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Nội dung ${i + 1}`, indicator: { unit: '%', targetValue: 100 } }));
    const cs = await t.openCovenant((await t.newCovenant(small.blocId, small.year, { targets: targets(2) })).id);
    const cb = await t.openCovenant((await t.newCovenant(big.blocId, big.year, { targets: targets(20) })).id);
    for (const [f, c] of [[small, cs], [big, cb]] as const) {
      for (const m of f.all) {
        await t.http.post(`/api/covenants/${c.id}/signatures`).set(m.auth).send({ organizationId: m.organizationId, signerName: 'Nguyễn Văn A', signerTitle: 'Chủ tịch', contentHash: c.contentHash }).expect(201);
      }
    }
    const count = async (id: string) => {
      const logger = t.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      let n = 0;
      logger.logQuery = (...args) => {
        n += 1;
        return original(...args);
      };
      try {
        const res = await t.http.get(`/api/covenants/${id}`).set(staff.auth).expect(200);
        return { n, body: res.body };
      } finally {
        logger.logQuery = original;
      }
    };
    const s = await count(cs.id);
    const b = await count(cb.id);
    expect(s.body.targets).toHaveLength(2);
    expect(s.body.signatures).toHaveLength(2);
    expect(b.body.targets).toHaveLength(20);
    expect(b.body.signatures).toHaveLength(20);
    expect(b.n).toBe(s.n);
    expect(s.n).toBeLessThanOrEqual(6); // the account behind the token, then covenant, targets, signatures, bloc year, members
  });

  it('writes an audit row for creation, each edit and the opening', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year);
    await patch(f.leader, c.id, { version: 1, title: 'Sửa' }).expect(200);
    await open(f.leader, c.id).expect(200);
    const rows: { action: string; actor_id: string }[] = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'covenant' AND entity_id = $1 ORDER BY id`, [c.id]);
    expect(rows.map((r) => r.action)).toEqual(['covenant.create', 'covenant.update', 'covenant.open']);
    expect(rows[1].actor_id).toBe(f.leader.user.id);
  });
});
