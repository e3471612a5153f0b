/** Tillit as people run it: `node dist/main.js` in a child process (the build `pnpm test` makes first). */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/database/embedded.js';
import { scaled } from '../time.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export interface Tillit {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it has ended. */
  exited: Promise<number | string>;
}

/** Starts it with `env` on top of a clean environment (no DATABASE_URL unless given). */
export async function runTillit(env: Record<string, string>): Promise<Tillit> {
  const port = env.PORT ?? String(await freePort());
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...base, NODE_ENV: 'production', WEB_DIST: '/nonexistent', LOG_LEVEL: 'info', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Waits until /api/health answers ok; fails early with its output if it exits first. */
export async function waitHealthy(app: Tillit, timeoutMs = scaled(45_000)): Promise<void> {
  let ended = false;
  void app.exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !ended) {
    try {
      const res = await fetch(`${app.url}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Tillit did not become healthy${ended ? ' (it exited)' : ''}:\n${app.output()}`);
}
