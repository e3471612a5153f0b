import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrg, PASSWORD, signUp } from '../factories.js';
import { Client } from '../harness.js';
import { runTillit, waitHealthy, type Tillit } from './process.js';
import { scaled } from '../time.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-embedded-'));
const cleanDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-clean-stop-'));
const running: Tillit[] = [];

/** Pids of postgres processes serving this data directory, found as `ps` would. */
function postgresFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (path.basename(cmdline[0] ?? '') === 'postgres' && cmdline.includes(path.join(dataDir, 'postgres')))
        pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

async function until(check: () => boolean, timeoutMs = scaled(10_000)): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (check()) return true;
  }
  return check();
}

afterAll(async () => {
  // Whatever happened above, leave no process and no directory behind.
  for (const app of running) app.child.kill('SIGKILL');
  for (const d of [dir, cleanDir]) {
    for (const pid of postgresFor(d)) process.kill(pid, 'SIGKILL');
    await until(() => postgresFor(d).length === 0);
    rmSync(d, { recursive: true, force: true });
  }
});

async function start(dataDir = dir): Promise<Tillit> {
  const app = await runTillit({ TILLIT_DATA_DIR: dataDir });
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
  expect((await client.get('/api/organizations')).body).toEqual([
    expect.objectContaining({ name: 'Kvarvarande kommun', myRole: 'admin' }),
  ]);

  // A clean stop (what systemd, docker and Ctrl-C send) stops the embedded PostgreSQL too.
  expect(postgresFor(dir)).toHaveLength(1);
  second.child.kill('SIGTERM');
  const code = await second.exited;
  expect(code).toBe(0);
  expect(await until(() => postgresFor(dir).length === 0)).toBe(true);
  expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
});

test('a clean stop (SIGTERM or SIGINT) exits 0 with PostgreSQL stopped last and no postmaster.pid left; the next start needs no recovery', async () => {
  const first = await start(cleanDir);
  const person = await signUp(first.url, 'Kvar');

  first.child.kill('SIGTERM');
  // A second signal while it shuts down starts no second shutdown.
  expect(await until(() => first.output().includes('SIGTERM: shutting down'))).toBe(true);
  first.child.kill('SIGINT');
  expect(await first.exited).toBe(0);
  expect(postgresFor(cleanDir)).toEqual([]);
  expect(existsSync(path.join(cleanDir, 'postgres', 'postmaster.pid'))).toBe(false);
  expect(first.output().match(/: shutting down/g)).toHaveLength(1);
  // The embedded PostgreSQL stops only after the app has closed its database connections.
  const steps = [
    'Closing the live server',
    'Closing the database connections',
    'Stopping the embedded PostgreSQL',
    'Shut down cleanly',
  ];
  const at = steps.map((step) => first.output().indexOf(step));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));

  const second = await start(cleanDir);
  expect(second.output()).not.toMatch(/stale embedded PostgreSQL/);
  const client = new Client(second.url);
  expect((await client.post('/api/auth/sign-in', { email: person.email, password: PASSWORD })).status).toBe(200);
  // Ctrl-C in a terminal signals the whole process group, PostgreSQL too, which may be gone first: still a clean 0.
  process.kill(postgresFor(cleanDir)[0]!, 'SIGINT');
  expect(await until(() => postgresFor(cleanDir).length === 0)).toBe(true);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
  expect(postgresFor(cleanDir)).toEqual([]);
  expect(existsSync(path.join(cleanDir, 'postgres', 'postmaster.pid'))).toBe(false);
});

test('a shutdown that hangs (here on a frozen PostgreSQL) ends after the grace period and a margin, non-zero, naming the step', async () => {
  const app = await runTillit({ TILLIT_DATA_DIR: cleanDir, TILLIT_SHUTDOWN_GRACE_SECONDS: '0' });
  running.push(app);
  await waitHealthy(app);
  const [postmaster] = postgresFor(cleanDir);
  process.kill(postmaster!, 'SIGSTOP');
  try {
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Shutdown did not finish within 10 s; it hung at: Stopping the embedded PostgreSQL/);
  } finally {
    // Thawed, it takes the stop request Tillit sent on its way out.
    process.kill(postmaster!, 'SIGCONT');
  }
  expect(await until(() => postgresFor(cleanDir).length === 0)).toBe(true);
});
