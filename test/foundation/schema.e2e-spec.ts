import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from '../support/test-app.js';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('is exactly what the entities describe once the migrations ran (nothing left to generate)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores text as UTF-8 with Unicode case rules', async () => {
    const [row] = await t.dataSource.query(`SELECT upper('độc lập') AS up, pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()`);
    expect(row).toEqual({ up: 'ĐỘC LẬP', enc: 'UTF8' });
  });

  it('can revert every migration and run them again', async () => {
    const count = t.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await t.dataSource.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
    expect(tables[0].n).toBe(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await t.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
