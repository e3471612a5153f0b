import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

/**
 * Everything but the entities: each domain module registers its own (`TypeOrmModule.forFeature`), and the app
 * root loads them all (`autoLoadEntities`), so this folder imports no domain.
 */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
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
