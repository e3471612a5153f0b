/**
 * PostgreSQL for a run: the server at DATABASE_URL (a fresh scratch database per deployment on it, dropped
 * afterwards), else one embedded server started for the run — both through the API's own scratch helpers.
 */
import { createScratchDatabase, startScratchServer, type ScratchServer } from '@tillit/api/dist/database/scratch.js';
import pg from 'pg';

export interface PgServer {
  kind: 'DATABASE_URL' | 'embedded';
  url: string;
  version: string;
  stop(): Promise<void>;
}

export async function startPg(): Promise<PgServer> {
  const given = process.env.DATABASE_URL;
  const server: ScratchServer = await startScratchServer(given || undefined);
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  const { rows } = await c.query<{ server_version: string }>('SHOW server_version');
  await c.end();
  return {
    kind: given ? 'DATABASE_URL' : 'embedded',
    url: server.url,
    version: rows[0]!.server_version,
    stop: () => server.stop(),
  };
}

export async function scratchDatabase(server: PgServer): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(server.url, 'tillit_bench');
}

/** One query on a database, with a fresh connection. */
export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
