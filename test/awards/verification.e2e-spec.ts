import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Account, TestApp } from '../support/test-app.js';

const LIMIT = 8;

describe('GET /api/verify/:code', () => {
  let t: TestApp;
  let staff: Account;
  let award: { id: string; verificationCode: string; contentHash: string } & Record<string, unknown>;
  let recipient: { id: string; name: string };

  beforeAll(async () => {
    t = await TestApp.start({ VERIFY_REQUESTS_PER_MINUTE: String(LIMIT) });
    staff = await t.newAccount('staff');
    recipient = await t.newOrganization({ name: `Hội Người mù tỉnh ${t.unique()}` });
    award = (await t.newAward(recipient.id, { decisionNumber: '125/QĐ-UBND', goldenBookNumber: '0123' })) as typeof award;
  });
  afterAll(() => t.close());
  // Every request counts against the test client's address; each test starts with a fresh allowance.
  beforeEach(() => t.dataSource.query('DELETE FROM rate_limit_counter'));

  const verify = (code: string) => t.http.get(`/api/verify/${encodeURIComponent(code)}`);

  it('answers what an award code certifies, to anyone, without a token', async () => {
    const res = await verify(award.verificationCode).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      valid: true,
      kind: 'award',
      code: award.verificationCode,
      contentHash: award.contentHash,
      year: 2023,
      awardType: { code: 'BANG_KHEN_TINH', name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' },
      recipient: { organizationId: recipient.id, name: recipient.name },
      decision: { number: '125/QĐ-UBND', date: '2024-01-15', signerTitle: 'Chủ tịch', signerName: 'Võ Trọng Hải' },
      goldenBookNumber: '0123',
    });
  });

  it('reads a code as a person types it: lower case, without dashes, O for 0 and I or L for 1', async () => {
    const code = award.verificationCode;
    await verify(code.toLowerCase()).expect(200);
    await verify(code.replace(/-/g, '')).expect(200);
    await verify(code.replace(/-/g, ' ')).expect(200);
    const typo = code.replace(/0/g, 'O').replace(/1/g, 'l');
    await verify(typo).expect(200);
  });

  it('answers 404 with one and the same body for an unknown, a malformed or an absurd code', async () => {
    const unknown = award.verificationCode.startsWith('0') ? `1${award.verificationCode.slice(1)}` : `0${award.verificationCode.slice(1)}`;
    const answers = await Promise.all([unknown, 'abc', 'UUUU-UUUU-UUUUU', 'x'.repeat(90), '%27%20OR%201=1'].map((code) => verify(code).expect(404)));
    for (const res of answers) expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no valid document has this verification code' });
  });

  it('stops verifying an award whose stored recipient or text was changed behind the application’s back', async () => {
    const other = await t.newOrganization();
    await t.dataSource.query('UPDATE award SET organization_id = $1 WHERE id = $2', [other.id, award.id]);
    await verify(award.verificationCode).expect(404);
    await t.dataSource.query('UPDATE award SET organization_id = $1 WHERE id = $2', [recipient.id, award.id]);
    await verify(award.verificationCode).expect(200);

    await t.dataSource.query(`UPDATE award SET recipient_name = 'Hội khác' WHERE id = $1`, [award.id]);
    await verify(award.verificationCode).expect(404);
    await t.dataSource.query('UPDATE award SET recipient_name = $1 WHERE id = $2', [recipient.name, award.id]);

    await t.dataSource.query(`UPDATE award SET citation = citation || '.' WHERE id = $1`, [award.id]);
    await verify(award.verificationCode).expect(404);
    await t.dataSource.query('UPDATE award SET citation = left(citation, -1) WHERE id = $1', [award.id]);
    await verify(award.verificationCode).expect(200);
  });

  it('verifies a covenant opened for signing while its stored content still hashes to the hash it was opened with', async () => {
    const year = await t.newBlocYear({ year: 2023, members: 1 });
    const draft = await t.newCovenant(year.blocId, 2023, { title: 'Bản giao ước thi đua năm 2023', targets: [{ title: 'Nội dung một' }, { title: 'Nội dung hai' }] });
    await verify(award.verificationCode).expect(200);
    const open = await t.openCovenant(draft.id);
    const res = await verify(open.verificationCode!.toLowerCase()).expect(200);
    expect(res.body).toMatchObject({
      valid: true,
      kind: 'covenant',
      code: open.verificationCode,
      contentHash: open.contentHash,
      year: 2023,
      bloc: { id: year.blocId },
      covenant: { id: open.id, title: 'Bản giao ước thi đua năm 2023', status: 'signing', targets: 2 },
    });
    expect(res.body.awaiting).toHaveLength(3);

    await t.dataSource.query(`UPDATE covenant_target SET title = 'Nội dung đã sửa' WHERE covenant_id = $1 AND number = 2`, [open.id]);
    const tampered = await verify(open.verificationCode!).expect(404);
    expect(tampered.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no valid document has this verification code' });
  });

  it('limits requests per address: past the limit, 429 with Retry-After, whether the code is good or not', async () => {
    const good = (await t.newAward((await t.newOrganization()).id)).verificationCode;
    for (let i = 0; i < LIMIT; i++) await verify(i % 2 ? good : `GUES-S${i}00-00000`).expect(i % 2 ? 200 : 404);
    const blocked = await verify(good).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The counter lives in PostgreSQL (shared by every replica), not in this process.
    const [row] = await t.dataSource.query(`SELECT hits FROM rate_limit_counter WHERE key LIKE 'verify:%'`);
    expect(row.hits).toBe(LIMIT);
  });

  it('answers with or without a token, while the award routes need one', async () => {
    await t.http.get('/api/awards').expect(401);
    await verify(award.verificationCode).set({ Authorization: staff.auth.Authorization }).expect(200);
  });
});
