import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize },
    // TypeORM's error log prints each failed query with its parameters (password hashes, tokens, text people
    // wrote), even for failures we handle, like a taken email address. Unhandled ones reach the ErrorFilter.
    logging: false,
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
}
