import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { scaled } from './tests/support/time.ts';

/**
 * Runs the production build (`pnpm build` first): the API serves apps/web/dist on one free port,
 * with an embedded PostgreSQL in a fresh temporary directory, so every run starts empty.
 *
 * Playwright loads this file in the runner and again in every worker; the port and the data
 * directory are chosen once and handed to the workers through the environment.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Playwright cannot download a browser on our machines; we drive the system's Chromium. Say how to get it
// rather than failing every test with a launch error.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}. On Debian or Ubuntu: sudo apt-get install chromium ` +
      '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
  );
}

// The server under test always uses its own fresh embedded database, whatever this shell points at.
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;

process.env.TILLIT_E2E_PORT ??= String(await freePort());
if (!process.env.TILLIT_E2E_DATA_DIR) {
  // Only the runner gets here (workers inherit the variable); it removes the directory when it exits,
  // after Playwright has stopped the server. TILLIT_E2E_KEEP_DATA=1 keeps it for a look afterwards.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tillit-e2e-'));
  process.env.TILLIT_E2E_DATA_DIR = dataDir;
  if (!process.env.TILLIT_E2E_KEEP_DATA) {
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));
  }
}

const port = Number(process.env.TILLIT_E2E_PORT);
const baseURL = `http://localhost:${port}`;
const here = path.dirname(fileURLToPath(import.meta.url));
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  // Every limit under the one time factor (tests/support/time.ts): a busy machine makes the run slower, not red.
  timeout: scaled(60_000),
  expect: { timeout: scaled(10_000) },
  reporter: [['list'], ['./results-reporter.ts'], ...(ci ? [['html', { open: 'never' }] as const] : [])],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'sv-SE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --enable-source-maps ../api/dist/main.js',
    cwd: here,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: scaled(120_000),
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      TILLIT_DATA_DIR: process.env.TILLIT_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
    },
  },
});
