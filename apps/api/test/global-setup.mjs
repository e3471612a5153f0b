// Plain ESM (Jest does not map `.js` imports for global setup): uses the build, which `pnpm test` makes first.
import { startScratchServer } from '../dist/database/scratch.js';

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, else an embedded one.
 * Each test file then makes its own database on it (see harness.ts), so files never share state.
 */
export default async function globalSetup() {
  const server = await startScratchServer(process.env.DATABASE_URL);
  process.env.TILLIT_TEST_SERVER_URL = server.url;
  globalThis.__tillitPg = server;
}
