import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from './embedded.js';

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in TILLIT_DATA_DIR, started here. */
export async function connectDatabase(
  config: AppConfig,
  log: (m: string) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const dataDir = config.dataDir;
  log(`Using the embedded PostgreSQL in ${dataDir} (set DATABASE_URL to use your own server)`);
  return startEmbeddedPostgres(dataDir, { log });
}
