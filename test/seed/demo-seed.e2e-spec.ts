import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemo } from '../../apps/api/src/seed/demo-seed.js';
import { DEMO_MOVEMENTS, DEMO_PASSWORD_DEFAULT, DEMO_THEME } from '../../apps/api/src/seed/demo-data.js';
import { TestApp } from '../support/test-app.js';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(`SELECT
        (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM app_user)::int AS users,
        (SELECT count(*) FROM bloc)::int AS blocs, (SELECT count(*) FROM roster_member)::int AS roster,
        (SELECT count(*) FROM covenant)::int AS covenants, (SELECT count(*) FROM covenant_signature)::int AS signatures,
        (SELECT count(*) FROM audit_log)::int AS audit`)
    )[0];

  it('loads the bloc of the article with an in-force 2023 covenant, and changes nothing when run again', async () => {
    const first = await seedDemo(t.app);
    const after = await counts();
    const second = await seedDemo(t.app);
    expect(second.changes).toEqual([]);
    expect(await counts()).toEqual(after);
    expect(second.covenant.id).toBe(first.covenant.id);
    expect(after).toMatchObject({ organizations: 7, users: 9, blocs: 1, roster: 12, covenants: 1, signatures: 7 });

    const c = second.covenant;
    expect(c).toMatchObject({ blocName: 'Khối các Hội đặc thù', year: 2023, theme: DEMO_THEME, status: 'in_force', signingDate: '2023-03-03' });
    expect(c.targets.map((x) => x.number)).toEqual([1, 2, 3, 4]);
    for (const movement of DEMO_MOVEMENTS) expect(c.targets[2].description).toContain(movement);
    expect(c.signatures).toHaveLength(7);
    expect(c.signatures[0]).toMatchObject({ rosterRole: 'leader', organizationName: 'Hội Cựu thanh niên xung phong tỉnh' });
    expect(c.signatures.at(-1)).toMatchObject({ role: 'witness', signerName: 'Vũ Văn Cung', signerTitle: 'Phó Chủ tịch thường trực', organizationName: 'Liên minh Hợp tác xã tỉnh' });
    expect(c.signatures.every((s) => s.signedAt.toISOString() === '2023-03-03T02:00:00.000Z')).toBe(true);
    expect(c.inForceAt?.toISOString()).toBe('2023-03-03T02:00:00.000Z');
  });

  it('keeps 2022 with the Dioxin association as leader, and gives working demo accounts', async () => {
    const staff = await t.login('demo.staff', DEMO_PASSWORD_DEFAULT);
    const blocs = await t.http.get('/api/blocs').set('Authorization', `Bearer ${staff}`).expect(200);
    const bloc = blocs.body.items.find((b: { name: string }) => b.name === 'Khối các Hội đặc thù');
    const y2022 = await t.http.get(`/api/blocs/${bloc.id}/years/2022`).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(y2022.body.members[0]).toMatchObject({ name: 'Hội Nạn nhân chất độc da cam/Dioxin tỉnh', role: 'leader' });
    expect(y2022.body.members).toHaveLength(6);
    const unit = await t.login('demo.nguoimu', DEMO_PASSWORD_DEFAULT);
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${unit}`).expect(200);
    expect(me.body).toMatchObject({ role: 'unit', organizationId: y2022.body.members.find((m: { name: string }) => m.name === 'Hội Người mù tỉnh').organizationId });
    const inForce = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'covenant.in_force'`);
    expect(inForce[0].n).toBe(1);
  });
});
