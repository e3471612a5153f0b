import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';

/** A server to make throwaway databases on: the one at `serverUrl`, or a fresh embedded one. */
export interface ScratchServer {
  url: string;
  stop(): Promise<void>;
}

export async function startScratchServer(serverUrl?: string): Promise<ScratchServer> {
  if (serverUrl) return { url: serverUrl, stop: async () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-pg-'));
  const db = await startEmbeddedPostgres(dir);
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database beside the one `serverUrl` names; returns its URL and a drop function. */
export async function createScratchDatabase(serverUrl: string, prefix = 'tillit_scratch') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
