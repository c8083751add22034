import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, type BlocYearFixture, type CovenantJson, TestApp, type UnitAccount } from '../support/test-app.js';

const UNKNOWN = '5b0f7d1e-0000-4000-8000-000000000000';

describe('covenants: signing and entry into force', () => {
  let t: TestApp;
  let admin: Account;
  let staff: Account;
  let outsider: UnitAccount;
  let other: BlocYearFixture;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
    staff = await t.newAccount('staff');
    outsider = await t.newUnit();
    other = await t.newBlocYear();
  });
  afterAll(() => t.close());

  const sign = (who: Account, id: string, body: object) => t.http.post(`/api/covenants/${id}/signatures`).set(who.auth).send(body);
  const as = (org: UnitAccount, c: CovenantJson, extra: object = {}) => ({
    organizationId: org.organizationId,
    signerName: 'Nguyễn Thị Hoa',
    signerTitle: 'Chủ tịch Hội',
    contentHash: c.contentHash,
    ...extra,
  });
  const read = async (id: string) => (await t.http.get(`/api/covenants/${id}`).set(staff.auth).expect(200)).body;
  const opened = async (members = 2) => {
    const f = await t.newBlocYear({ members });
    const c = await t.openCovenant((await t.newCovenant(f.blocId, f.year)).id);
    return { f, c };
  };

  it('refuses signatures before the covenant is open for signing (409)', async () => {
    const f = await t.newBlocYear();
    const c = await t.newCovenant(f.blocId, f.year);
    const res = await sign(f.leader, c.id, { ...as(f.leader, c), contentHash: 'a'.repeat(64) }).expect(409);
    expect(res.body.message).toContain('draft');
  });

  it('records a member signature with the hash it saw, the signer and the time', async () => {
    const { f, c } = await opened();
    const before = Date.now();
    const res = await sign(f.members[0], c.id, as(f.members[0], c, { signerName: 'Trần Văn Bình'.normalize('NFD') })).expect(201);
    expect(res.body).toMatchObject({
      covenantId: c.id,
      covenantStatus: 'signing',
      organizationId: f.members[0].organizationId,
      organizationName: expect.any(String),
      signerName: 'Trần Văn Bình',
      signerTitle: 'Chủ tịch Hội',
      role: 'member',
      rosterRole: 'member',
      contentHash: c.contentHash,
    });
    expect(new Date(res.body.signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const view = await read(c.id);
    expect(view.signatures).toHaveLength(1);
    expect(view.awaiting.map((a: { organizationId: string }) => a.organizationId)).toEqual([f.leader, f.deputy, f.members[1]].map((a) => a.organizationId));
  });

  it('answers 409 for a different hash, a second signature of one organisation, and after entry into force', async () => {
    const { f, c } = await opened(1);
    const stale = await sign(f.leader, c.id, as(f.leader, c, { contentHash: 'b'.repeat(64) })).expect(409);
    expect(stale.body.message).toContain('contentHash');
    await sign(f.leader, c.id, as(f.leader, c, { contentHash: c.contentHash!.toUpperCase() })).expect(201);
    const twice = await sign(f.leader, c.id, as(f.leader, c, { signerName: 'Người khác' })).expect(409);
    expect(twice.body.message).toContain('already signed');
    await sign(staff, c.id, as(f.leader, c)).expect(409);
    await sign(f.deputy, c.id, as(f.deputy, c)).expect(201);
    const last = await sign(f.members[0], c.id, as(f.members[0], c)).expect(201);
    expect(last.body.covenantStatus).toBe('in_force');
    const late = await sign(outsider, c.id, as(outsider, c, { role: 'witness' })).expect(409);
    expect(late.body.message).toContain('in_force');
  });

  it('lets a unit sign only for its own organisation; staff and admin for any; backdating is for staff only', async () => {
    const { f, c } = await opened(2);
    for (const who of [f.leader, f.deputy, f.members[1], other.leader, outsider]) await sign(who, c.id, as(f.members[0], c)).expect(403);
    await sign(f.leader, c.id, as(f.leader, c, { signedAt: '2023-03-03T09:00:00+07:00' })).expect(403);
    await t.http.post(`/api/covenants/${c.id}/signatures`).send(as(f.leader, c)).expect(401);
    await sign(staff, c.id, as(f.members[0], c, { signedAt: '2023-03-03T09:00:00+07:00' })).expect(201);
    await sign(admin, c.id, as(f.members[1], c)).expect(201);
    await sign(staff, c.id, as(f.deputy, c, { signedAt: new Date(Date.now() + 3_600_000).toISOString() })).expect(400);
    const view = await read(c.id);
    const paper = view.signatures.find((s: { organizationId: string }) => s.organizationId === f.members[0].organizationId);
    expect(new Date(paper.signedAt).toISOString()).toBe('2023-03-03T02:00:00.000Z');
  });

  it('answers 400 for an organisation outside the roster signing as a member, and for malformed input; 404 for an unknown covenant', async () => {
    const { f, c } = await opened(1);
    const res = await sign(outsider, c.id, as(outsider, c)).expect(400);
    expect(res.body.message).toContain('not in the');
    await sign(staff, c.id, as(other.leader, c)).expect(400);
    await sign(staff, c.id, as(f.leader, c, { role: 'witness' })).expect(400);
    await sign(staff, c.id, { ...as(f.leader, c), organizationId: UNKNOWN, role: 'witness' }).expect(400);
    const bad: object[] = [
      { ...as(f.leader, c), contentHash: 'xyz' },
      { ...as(f.leader, c), contentHash: undefined },
      { ...as(f.leader, c), signerName: '' },
      { ...as(f.leader, c), signerTitle: 'x'.repeat(1001) },
      { ...as(f.leader, c), role: 'leader' },
      { ...as(f.leader, c), organizationId: 'abc' },
      { ...as(f.leader, c), signedAt: 'yesterday' },
      { ...as(f.leader, c), stamp: true },
    ];
    for (const b of bad) await sign(staff, c.id, b).expect(400);
    await sign(staff, UNKNOWN, as(f.leader, c)).expect(404);
    await sign(staff, 'nope', as(f.leader, c)).expect(400);
    expect((await read(c.id)).signatures).toEqual([]);
  });

  it('takes witnesses from outside the roster; they do not count towards entry into force and are listed last', async () => {
    const { f, c } = await opened(1);
    const witness = await sign(outsider, c.id, as(outsider, c, { role: 'witness', signerName: 'Vũ Văn Cung', signerTitle: 'Phó Chủ tịch thường trực' })).expect(201);
    expect(witness.body).toMatchObject({ role: 'witness', rosterRole: null, covenantStatus: 'signing' });
    await sign(f.members[0], c.id, as(f.members[0], c)).expect(201);
    await sign(f.deputy, c.id, as(f.deputy, c)).expect(201);
    expect((await read(c.id)).status).toBe('signing');
    const last = await sign(f.leader, c.id, as(f.leader, c)).expect(201);
    expect(last.body.covenantStatus).toBe('in_force');
    const view = await read(c.id);
    expect(view.status).toBe('in_force');
    expect(view.awaiting).toEqual([]);
    expect(view.signatures.map((s: { organizationId: string; rosterRole: string | null }) => [s.organizationId, s.rosterRole])).toEqual([
      [f.leader.organizationId, 'leader'],
      [f.deputy.organizationId, 'deputy'],
      [f.members[0].organizationId, 'member'],
      [outsider.organizationId, null],
    ]);
    expect(view.inForceAt).toBe(view.signatures[0].signedAt);
    await t.http.patch(`/api/covenants/${c.id}`).set(staff.auth).send({ version: view.version, title: 'Sửa' }).expect(409);
  });

  it('writes an audit row for each signature and one for the entry into force, in the same transaction', async () => {
    const { f, c } = await opened(0);
    await sign(f.leader, c.id, as(f.leader, c)).expect(201);
    await sign(f.deputy, c.id, as(f.deputy, c)).expect(201);
    const rows: { action: string; actor_id: string }[] = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'covenant' AND entity_id = $1 ORDER BY id`, [c.id]);
    expect(rows.map((r) => r.action)).toEqual(['covenant.create', 'covenant.open', 'covenant.sign', 'covenant.sign', 'covenant.in_force']);
    expect(rows[4].actor_id).toBe(f.deputy.user.id);
  });

  it('keeps the members fixed while signing (409) but lets roles and rules change', async () => {
    const { f, c } = await opened(1);
    const lines = f.all.map((a, i) => ({ organizationId: a.organizationId, role: (['leader', 'deputy', 'member'] as const)[Math.min(i, 2)] }));
    const grown = await t.http
      .put(`/api/blocs/${f.blocId}/years/${f.year}`)
      .set(staff.auth)
      .send({ members: [...lines, { organizationId: outsider.organizationId, role: 'member' }] })
      .expect(409);
    expect(grown.body.message).toContain('open for signing');
    await t.http.put(`/api/blocs/${f.blocId}/years/${f.year}`).set(staff.auth).send({ members: lines.slice(0, 2) }).expect(409);
    const swapped = lines.map((l) => (l.role === 'deputy' ? { ...l, role: 'member' } : l.role === 'member' ? { ...l, role: 'deputy' } : l));
    await t.http.put(`/api/blocs/${f.blocId}/years/${f.year}`).set(staff.auth).send({ members: swapped, rules: { passPercent: 60 } }).expect(200);
    for (const m of f.all) await sign(m, c.id, as(m, c)).expect(201);
    await t.http
      .put(`/api/blocs/${f.blocId}/years/${f.year}`)
      .set(staff.auth)
      .send({ members: [...swapped, { organizationId: outsider.organizationId, role: 'member' }] })
      .expect(409);
  });

  it('under 20 simultaneous signatures plus duplicates keeps one signature per organisation and enters into force once', async () => {
    const { f, c } = await opened(18);
    expect(f.all).toHaveLength(20);
    const requests = [...f.all, ...f.all.slice(0, 10)].map((m, i) => sign(m, c.id, as(m, c, { signerName: `Người ký ${i}` })));
    const results = await Promise.all(requests);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(results.filter((r) => r.status === 201 && r.body.covenantStatus === 'in_force')).toHaveLength(1);
    const [{ n, orgs }] = await t.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT organization_id)::int AS orgs FROM covenant_signature WHERE covenant_id = $1`, [c.id]);
    expect([n, orgs]).toEqual([20, 20]);
    const inForce = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'covenant.in_force'`, [c.id]);
    expect(inForce[0].n).toBe(1);
    const signs = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'covenant.sign'`, [c.id]);
    expect(signs[0].n).toBe(20);
    const view = await read(c.id);
    expect(view).toMatchObject({ status: 'in_force', version: 3 });
  });

  it('enters into force exactly once when the last signatures arrive together, round after round', async () => {
    for (let round = 0; round < 8; round++) {
      const { f, c } = await opened(1);
      await sign(f.leader, c.id, as(f.leader, c)).expect(201);
      const last = await Promise.all([f.deputy, f.members[0]].map((m) => sign(m, c.id, as(m, c))));
      expect(last.map((r) => r.status)).toEqual([201, 201]);
      expect(last.filter((r) => r.body.covenantStatus === 'in_force')).toHaveLength(1);
      expect((await read(c.id)).status).toBe('in_force');
    }
  });

  it('keeps one signature per organisation in the database itself', async () => {
    const { f, c } = await opened(0);
    await sign(f.leader, c.id, as(f.leader, c)).expect(201);
    const insert = t.dataSource.query(
      `INSERT INTO covenant_signature (covenant_id, organization_id, organization_name, role, signer_name, signer_title, content_hash, signed_at, recorded_by_id)
       VALUES ($1, $2, 'x', 'member', 'x', 'x', $3, now(), $4)`,
      [c.id, f.leader.organizationId, c.contentHash, staff.user.id],
    );
    await expect(insert).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'UQ_covenant_signature_organization' } });
  });
});
