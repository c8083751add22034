import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startEmbeddedPostgres } from '#app/core';
import { createApp } from './app.factory.js';
import { ApiClient } from './samples/api-client.js';
import { yearEndDemo } from './samples/year-end-demo.js';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD_DEFAULT, DEMO_STAFF } from './seed/demo-data.js';
import { seedDemo } from './seed/demo-seed.js';

/**
 * `npm run docs:samples`: renders the three documents from the demo data into docs/samples/, with a
 * PNG of each first page (pdftoppm, from poppler-utils, when installed). Works on a throw-away
 * embedded PostgreSQL, so that it never touches a real database.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const out = path.join(root, 'docs', 'samples');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'thi-dua-samples-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'samples' });
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'samples-admin-password' });
    const app = await createApp(config as typeof config & { DATABASE_URL: string });
    try {
      const seed = await seedDemo(app, { password: DEMO_PASSWORD_DEFAULT });
      const api = new ApiClient(app);
      const staff = await api.login(DEMO_STAFF.username, DEMO_PASSWORD_DEFAULT);
      const units: Record<string, string> = {};
      for (const o of DEMO_ORGANIZATIONS) units[seed.organizations[o.key]] = await api.login(o.username, DEMO_PASSWORD_DEFAULT);
      const { awardIds } = await yearEndDemo(api, seed, { staff, units });

      const documents: [string, string, string][] = [
        ['giao-uoc-2023', `/api/covenants/${seed.covenant.id}/document.pdf`, 'the 2023 covenant of Khối các Hội đặc thù, in force'],
        ['bang-khen-2023', `/api/awards/${awardIds[0]}/certificate.pdf`, 'the certificate of the provincial emulation flag granted for 2023'],
        ['bao-cao-2023', `/api/blocs/${seed.blocId}/years/2023/report.pdf`, 'the bloc’s annual report for 2023'],
      ];
      for (const [name, url, what] of documents) {
        const file = path.join(out, `${name}.pdf`);
        await writeFile(file, await api.bytes(url, staff));
        process.stdout.write(`wrote docs/samples/${name}.pdf (${what})\n`);
        try {
          execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', '1', '-l', '1', file, path.join(out, name)]);
          process.stdout.write(`wrote docs/samples/${name}.png\n`);
        } catch {
          process.stdout.write(`  (no PNG: pdftoppm is not installed; apt-get install poppler-utils)\n`);
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`samples failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
