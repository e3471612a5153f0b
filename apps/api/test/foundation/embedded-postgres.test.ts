import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrg, PASSWORD, signUp } from '../factories.js';
import { Client } from '../harness.js';
import { runTillit, waitHealthy, type Tillit } from './process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-embedded-'));
const running: Tillit[] = [];

/** Pids of postgres processes serving this data directory, found as `ps` would. */
function postgresFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (path.basename(cmdline[0] ?? '') === 'postgres' && cmdline.includes(path.join(dataDir, 'postgres'))) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (check()) return true;
  }
  return check();
}

afterAll(async () => {
  // Whatever happened above, leave no process and no directory behind.
  for (const app of running) app.child.kill('SIGKILL');
  for (const pid of postgresFor(dir)) process.kill(pid, 'SIGKILL');
  await until(() => postgresFor(dir).length === 0);
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Tillit> {
  const app = await runTillit({ TILLIT_DATA_DIR: dir });
  running.push(app);
  await waitHealthy(app);
  return app;
}

test('after a crash the next start recovers the stale server and the data is still there; a clean stop stops PostgreSQL', async () => {
  const first = await start();
  expect(first.output()).toContain(dir);
  const person = await signUp(first.url, 'Bestående');
  await createOrg(person, 'Kvarvarande kommun');

  // A crash: node dies at once, its PostgreSQL stays behind holding the data directory.
  first.child.kill('SIGKILL');
  await first.exited;
  const [stale] = postgresFor(dir);
  expect(stale).toBeDefined();

  const second = await start();
  expect(second.output()).toMatch(/stale embedded PostgreSQL/);
  expect(postgresFor(dir)).not.toContain(stale);
  const client = new Client(second.url);
  expect((await client.post('/api/auth/sign-in', { email: person.email, password: PASSWORD })).status).toBe(200);
  expect((await client.get('/api/organizations')).body).toEqual([expect.objectContaining({ name: 'Kvarvarande kommun', myRole: 'admin' })]);

  // A clean stop (what systemd, docker and Ctrl-C send) stops the embedded PostgreSQL too.
  expect(postgresFor(dir)).toHaveLength(1);
  second.child.kill('SIGTERM');
  const code = await second.exited;
  expect([0, 143, 'SIGTERM']).toContain(code);
  expect(await until(() => postgresFor(dir).length === 0)).toBe(true);
  expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
});
