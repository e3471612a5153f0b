/**
 * `pnpm migration:check` and `pnpm --filter @tillit/api migration:generate <Name>` (database/migration-tool.ts) over
 * the model the app itself registers: the app's modules are built against the scratch database — no HTTP server,
 * no lifecycle hooks — and their DataSource holds every entity some module registered (`autoLoadEntities`).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/config.js';
import { runMigrationTool } from './database/migration-tool.js';

await runMigrationTool(process.argv.slice(2), async (databaseUrl) => {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl), {
    logger: false,
    abortOnError: false,
  });
  return app.get(DataSource);
});
