import 'reflect-metadata';
import { ConfigError, loadConfig, startEmbeddedPostgres } from '#app/core';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  const config = loadConfig();
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!config.DATABASE_URL) {
    const started = Date.now();
    const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'thidua' });
    process.stdout.write(
      `embedded PostgreSQL ${embedded.created ? 'created and started' : 'started'} in ${Date.now() - started} ms (data in ${config.DATA_DIR})\n`,
    );
    config.DATABASE_URL = embedded.url;
    stopDatabase = embedded.stop;
  }

  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config as typeof config & { DATABASE_URL: string });
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
  } catch (error) {
    await stopDatabase?.();
    throw error;
  }
  process.stdout.write(`API listening on http://localhost:${config.PORT}/api (docs: /api/docs)\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing requests in flight, then stopping\n`);
    try {
      await app.close(); // stops accepting, waits for requests in flight, closes the pool
    } finally {
      await stopDatabase?.();
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
