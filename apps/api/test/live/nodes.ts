/** Tillit API processes for the restart and two-node tests: `node dist/main.js` on a scratch database. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/database/embedded.js';
import { scaled } from '../time.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export interface ApiNode {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startNode(env: Record<string, string>, port?: number): Promise<ApiNode> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(p),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const node: ApiNode = {
    url: `http://127.0.0.1:${p}`,
    port: p,
    child,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + scaled(30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited early:\n${out}`);
    try {
      if ((await fetch(`${node.url}/api/health`)).status === 200) return node;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await node.kill();
  throw new Error(`API did not become healthy:\n${out}`);
}
