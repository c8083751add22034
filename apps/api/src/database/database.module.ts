import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from '#app/core';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';

@Module({})
export class DatabaseModule {
  /** Connects to `url` and brings its schema up to date before the app serves anything. */
  static forRoot(url: string, logging = false): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, logging }),
          migrationsRun: true,
        }),
      ],
    };
  }
}
