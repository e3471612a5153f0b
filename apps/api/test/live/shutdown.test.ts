/**
 * A graceful stop of a real API process (SIGTERM: what systemd, docker and a deploy send) in the middle of a
 * meeting: what was acknowledged as saved is saved, the clients are let go so that they reconnect, and the
 * process ends with 0. The restart test in nodes.test.ts covers the crash (SIGKILL) instead.
 */
import type { CommandAck } from '@tillit/protocol';
import pg from 'pg';
import { createScratchDatabase } from '../../src/database/scratch.js';
import { LiveClient, meetingWorld } from './live-harness.js';
import { type ApiNode, startNode } from './nodes.js';
import { scaled } from '../time.js';

let node: ApiNode | undefined;
let drop: (() => Promise<void>) | undefined;
const clients: LiveClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await node?.kill();
  await drop?.();
});

/** Within one rate-limit burst (40) per person. */
const PER_PERSON = 15;

test(
  'SIGTERM while participants add items: every acknowledged item is saved, clients are disconnected to reconnect, exit 0',
  async () => {
    const db = await createScratchDatabase(process.env.TILLIT_TEST_SERVER_URL!, 'tillit_live_shutdown');
    drop = db.drop;
    // A long grace period: on a loaded machine the queue may take a while, and this test is not about cutting off.
    node = await startNode({
      DATABASE_URL: db.url,
      LOG_LEVEL: 'info',
      TILLIT_SHUTDOWN_GRACE_SECONDS: String(scaled(30)),
    });
    // 'close', not 'exit': by then everything it printed has been read too, so the steps below are all there.
    const exited = new Promise<number | null>((resolve) => node!.child.once('close', (code) => resolve(code)));
    const w = await meetingWorld(node.url);
    for (const p of [w.facilitator, w.member, w.admin]) {
      const c = await LiveClient.connect(node.url, p);
      clients.push(c);
      await c.join(w.meeting.id);
    }
    await clients[0]!.ok('phase.goto', { index: 1 });
    const disconnected = clients.map((c) => new Promise<string>((resolve) => c.socket.once('disconnect', resolve)));

    // Everyone sends a burst at once. With an owner, item.add runs as a transaction, one at a time per meeting:
    // when the first ack is back, the others are still queued on the server, and SIGTERM arrives among them.
    let signalled = false;
    let firstAck!: () => void;
    const first = new Promise<void>((resolve) => (firstAck = resolve));
    const saved: string[] = [];
    const savedAfterSignal: string[] = [];
    const refused: CommandAck[] = [];
    const sends = clients.flatMap((c) =>
      Array.from({ length: PER_PERSON }, async (_, i) => {
        const text = `${c.person.user.displayName} ${i}`;
        let ack: CommandAck<'item.add'>;
        try {
          ack = await c.cmd('item.add', { kind: 'plan', text, ownerId: c.person.user.id });
        } catch {
          return; // never answered (it arrived while the server was draining): the client would send it again
        }
        if (!ack.ok) return void refused.push(ack);
        saved.push(text);
        if (signalled) savedAfterSignal.push(text);
        firstAck();
      }),
    );
    await first;
    signalled = true;
    node.child.kill('SIGTERM');
    await Promise.all(sends);
    const reasons = await Promise.all(disconnected);

    expect(await exited).toBe(0);
    expect(refused).toEqual([]);
    // Commands already on the server when the signal came were finished and acknowledged, not cut off.
    expect(savedAfterSignal.length).toBeGreaterThan(0);
    const rows = await query(db.url, `SELECT text FROM items WHERE origin_meeting_id = $1`, [w.meeting.id]);
    const inDb = new Set(rows.map((r) => r.text as string));
    expect(saved.filter((t) => !inDb.has(t))).toEqual([]);
    // Closed without a disconnect packet ("transport close", not "io server disconnect"): a client reconnects by
    // itself, to another node or to this one when it is back, and catches up from its lastSeq.
    expect(reasons).toEqual(clients.map(() => 'transport close'));

    // One log line per step, in this order.
    const steps = [
      'SIGTERM: shutting down',
      'Stopped accepting new requests and live connections',
      'Waiting for ',
      'Work in flight finished',
      'Closing the live server (3 connection(s))',
      'Closing the database connections',
      'Shut down cleanly',
    ];
    const at = steps.map((step) => node!.output().indexOf(step));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  },
  scaled(60_000),
);

async function query(url: string, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}
