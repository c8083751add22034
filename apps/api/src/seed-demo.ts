import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, startEmbeddedPostgres } from '#app/core';
import { AppModule } from './app.module.js';
import { seedDemo } from './seed/demo-seed.js';

/** `npm run seed:demo`: loads the demo bloc into DATABASE_URL's database, or the embedded one under DATA_DIR. */
async function main(): Promise<void> {
  const config = loadConfig();
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!config.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'thidua' });
    config.DATABASE_URL = embedded.url;
    stopDatabase = embedded.stop;
  }
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config as typeof config & { DATABASE_URL: string }), {
      logger: new ConsoleLogger({ logLevels: ['fatal', 'error', 'warn'], prefix: 'thi-dua' }),
    });
    try {
      const result = await seedDemo(app, { password: process.env.DEMO_PASSWORD });
      const c = result.covenant;
      const out = [
        result.changes.length ? `created: ${result.changes.length} records\n${result.changes.map((x) => `  + ${x}`).join('\n')}` : 'nothing to do: the demo data is already there',
        `bloc ${result.blocId}  "Khối các Hội đặc thù"`,
        `covenant ${c.year}: ${c.id}  status ${c.status}, ${c.signatures.length} signatures, in force since ${c.inForceAt?.toISOString() ?? '-'}`,
        `  content hash ${c.contentHash}`,
        `  verification code ${c.verificationCode}`,
        `accounts (password "${result.password}" for the accounts created by a seed run):`,
        ...result.accounts.map((a) => `  ${a.username.padEnd(18)} ${a.role.padEnd(5)} ${a.organization ?? ''}${a.created ? '' : '  (already there)'}`),
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await stopDatabase?.();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
