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
  // Nest closes the app on SIGTERM/SIGINT; the embedded database stops after it.
  app.enableShutdownHooks();
  process.once('beforeExit', () => void db.stop());
  await app.listen(config.port, config.host);
  log(`Tillit is running at http://localhost:${config.port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
