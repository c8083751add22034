import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '#app/core';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** A DataSource over the application's entities and migrations, for the CLI, the seed and the tests. */
export function createDataSource(url: string, options: { logging?: boolean; poolSize?: number } = {}): DataSource {
  return new DataSource(buildDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, ...options }));
}
