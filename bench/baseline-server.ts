// The baseline of the HTTP benchmark: a bare node:http server answering the covenant read
// (GET /covenants/:id, same JSON as GET /api/covenants/:id) with pg and hand-written SQL,
// and nothing else: no framework, no validation, no authentication, no logging.
//   DATABASE_URL=postgres://… PORT=… node dist/bench/baseline-server.js
import http from 'node:http';
import pg from 'pg';

// Dates as the text PostgreSQL sends ('2024-03-03'), as the API answers them.
pg.types.setTypeParser(1082, (value) => value);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const UUID = /^\/covenants\/([0-9a-f-]{36})$/;
const num = (v: string | null) => (v === null ? null : Number(v));

async function covenant(id: string): Promise<object | null> {
  const head = await pool.query(
    `SELECT c.*, y.bloc_id, y.year, y.bloc_name FROM covenant c JOIN bloc_year y ON y.id = c.bloc_year_id WHERE c.id = $1`,
    [id],
  );
  const c = head.rows[0];
  if (!c) return null;
  const [targets, signatures, members] = await Promise.all([
    pool.query(`SELECT * FROM covenant_target WHERE covenant_id = $1 ORDER BY number`, [id]),
    pool.query(`SELECT * FROM covenant_signature WHERE covenant_id = $1`, [id]),
    pool.query(
      `SELECT organization_id, organization_name, role FROM roster_member WHERE bloc_year_id = $1
        ORDER BY CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, position`,
      [c.bloc_year_id],
    ),
  ]);
  const position = new Map(members.rows.map((m, i) => [m.organization_id, i]));
  const roleOf = new Map(members.rows.map((m) => [m.organization_id, m.role]));
  const signed = new Set(signatures.rows.map((s) => s.organization_id));
  return {
    id: c.id,
    blocId: c.bloc_id,
    blocName: c.bloc_name,
    year: c.year,
    title: c.title,
    theme: c.theme,
    preamble: c.preamble,
    place: c.place,
    signingDate: c.signing_date,
    status: c.status,
    version: c.version,
    contentHash: c.content_hash,
    verificationCode: c.verification_code,
    openedAt: c.opened_at,
    inForceAt: c.in_force_at,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    targets: targets.rows.map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      description: t.description,
      movement: t.movement,
      indicator: t.indicator_unit === null ? null : { unit: t.indicator_unit, targetValue: num(t.target_value), baseline: num(t.baseline) },
    })),
    signatures: signatures.rows
      .sort((a, b) => (position.get(a.organization_id) ?? 1e9) - (position.get(b.organization_id) ?? 1e9))
      .map((s) => ({
        organizationId: s.organization_id,
        organizationName: s.organization_name,
        signerName: s.signer_name,
        signerTitle: s.signer_title,
        role: s.role,
        rosterRole: roleOf.get(s.organization_id) ?? null,
        contentHash: s.content_hash,
        signedAt: s.signed_at,
      })),
    awaiting: members.rows.filter((m) => !signed.has(m.organization_id)).map((m) => ({ organizationId: m.organization_id, name: m.organization_name, role: m.role })),
  };
}

http
  .createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/health') return send(200, { status: 'ok' });
    const match = UUID.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) return send(404, { statusCode: 404 });
    covenant(match[1]).then(
      (body) => (body ? send(200, body) : send(404, { statusCode: 404 })),
      () => send(500, { statusCode: 500 }),
    );
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => void pool.end().then(() => process.exit(0)));
