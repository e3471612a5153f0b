/**
 * One system under test for one scenario: a fresh scratch database, one or two server processes (Tillit's
 * production build or the baseline), the participants seeded for it, and what the database holds at the end.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PgServer, query, scratchDatabase } from './infra/database.js';
import { freePort, ServerProcess } from './infra/processes.js';
import { parseOpText } from './loadgen/clients.js';
import type { ParticipantSpec, TargetKind } from './loadgen/messages.js';
import { seedTillit } from './tillit/seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
export const TILLIT_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const BASELINE_MAIN = path.join(here, 'baseline/server.js');

export interface RunContext {
  pg: PgServer;
  redisUrl: string | null;
  logDir: string;
}

export interface Layout {
  rooms: number;
  perRoom: number;
  nodes: 1 | 2;
  /** Open items already on each team's board (so a snapshot is not empty). */
  itemsPerTeam?: number;
}

export class Deployment {
  private constructor(
    readonly target: TargetKind,
    readonly nodes: ServerProcess[],
    readonly databaseUrl: string,
    readonly participants: ParticipantSpec[],
    readonly meetingIds: string[],
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(ctx: RunContext, target: TargetKind, label: string, layout: Layout): Promise<Deployment> {
    const db = await scratchDatabase(ctx.pg);
    const nodes: ServerProcess[] = [];
    try {
      const prefix = `bench-${randomBytes(4).toString('hex')}`;
      const redis: Record<string, string> =
        layout.nodes > 1 ? { REDIS_URL: ctx.redisUrl ?? '', REDIS_PREFIX: prefix } : {};
      // One after the other: the first node runs the migrations.
      for (let n = 0; n < layout.nodes; n++) {
        const port = await freePort();
        const logFile = path.join(ctx.logDir, `${label}-${target}-node${n + 1}.log`);
        nodes.push(
          target === 'tillit'
            ? await ServerProcess.start({
                name: `Tillit node ${n + 1}`,
                script: TILLIT_MAIN,
                port,
                logFile,
                ready: /Tillit is running/,
                env: { NODE_ENV: 'production', HOST: '127.0.0.1', DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...redis },
              })
            : await ServerProcess.start({
                name: `baseline node ${n + 1}`,
                script: BASELINE_MAIN,
                port,
                logFile,
                ready: /baseline listening/,
                env: { DATABASE_URL: db.url, ...redis },
              }),
        );
      }
      const urlsFor = (idx: number) => nodes.map((_, k) => nodes[(idx + k) % nodes.length]!.url);
      let participants: ParticipantSpec[];
      let meetingIds: string[];
      if (target === 'tillit') {
        const seeded = await seedTillit(nodes[0]!.url, db.url, layout.rooms, layout.perRoom);
        if (layout.itemsPerTeam) await seedItems(db.url, layout.itemsPerTeam);
        participants = seeded.seats.map((s) => ({
          idx: s.idx,
          meetingId: s.meetingId,
          cookie: s.cookie,
          urls: urlsFor(s.idx),
        }));
        meetingIds = seeded.rooms.map((r) => r.meetingId);
      } else {
        meetingIds = Array.from({ length: layout.rooms }, (_, r) => `room-${r + 1}`);
        participants = Array.from({ length: layout.rooms * layout.perRoom }, (_, i) => ({
          idx: i,
          meetingId: meetingIds[Math.floor(i / layout.perRoom)]!,
          urls: urlsFor(i),
        }));
      }
      return new Deployment(target, nodes, db.url, participants, meetingIds, db.drop);
    } catch (err) {
      await Promise.all(nodes.map((n) => n.stop()));
      await db.drop().catch(() => undefined);
      throw err;
    }
  }

  /** The op numbers of every bench item the database holds. */
  async storedOps(): Promise<Set<number>> {
    const rows = await query<{ text: string }>(
      this.databaseUrl,
      this.target === 'tillit' ? `SELECT text FROM items WHERE text LIKE 'bench %'` : `SELECT text FROM bench_items`,
    );
    return new Set(rows.flatMap((r) => parseOpText(r.text)?.opNum ?? []));
  }

  /**
   * Waits (up to `maxMs`) until the database stops receiving bench items: commands a saturated server still
   * has queued from an earlier step must not be measured as part of the next one.
   */
  async settle(maxMs = 60_000): Promise<void> {
    const table = this.target === 'tillit' ? 'items' : 'bench_items';
    const deadline = Date.now() + maxMs;
    let last = -1;
    while (Date.now() < deadline) {
      const [row] = await query<{ n: string }>(this.databaseUrl, `SELECT count(*) AS n FROM ${table}`);
      const n = Number(row?.n ?? 0);
      if (n === last) return;
      last = n;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** Tillit: each meeting's last seq in the database. */
  async lastSeqs(): Promise<Record<string, number>> {
    if (this.target !== 'tillit') return {};
    const rows = await query<{ id: string; last_seq: number }>(
      this.databaseUrl,
      'SELECT id, last_seq FROM meetings WHERE id = ANY($1::uuid[])',
      [this.meetingIds],
    );
    return Object.fromEntries(rows.map((r) => [r.id, Number(r.last_seq)]));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.dropDatabase().catch(() => undefined);
  }
}

/** Open items on every team's board, as a team that has met before would have. */
async function seedItems(databaseUrl: string, perTeam: number): Promise<void> {
  await query(
    databaseUrl,
    `INSERT INTO items (team_id, kind, text, status, notes)
     SELECT t.id, 'plan', 'Tidigare punkt ' || i, 'open', '' FROM teams t, generate_series(1, $1::int) AS i`,
    [perTeam],
  );
}
