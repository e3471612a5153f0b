/**
 * Real API processes: a restart in the middle of a meeting loses nothing that was acknowledged, and two
 * nodes sharing Redis put everyone in one room with the same events in the same (seq) order.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { ErrorCode, type MeetingSnapshot } from '@tillit/protocol';
import { createScratchDatabase } from '../../src/database/scratch.js';
import { join, signUp, createOrg, createTeam, type Person } from '../factories.js';
import { Client } from '../harness.js';
import { createForum, LiveClient, sleep, shared, startMeeting } from './live-harness.js';
import { type ApiNode, startNode } from './nodes.js';
import { scaled } from '../time.js';

const REDIS_URL = process.env.TILLIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Is a Redis server listening? Asked once, before the tests are declared. */
async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: scaled(1000) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
// A laptop with only Node.js has no Redis: there the two-node test is skipped, loudly. CI always has Redis and
// never skips it (CI=true turns a missing Redis into a failure).
const hasRedis = process.env.CI === 'true' || (await redisReachable(REDIS_URL));
if (!hasRedis) console.warn(`SKIPPED the two-node test: no Redis at ${REDIS_URL} (set TILLIT_TEST_REDIS_URL)`);
const withRedis = hasRedis ? test : test.skip;
const nodes: ApiNode[] = [];
const drops: (() => Promise<void>)[] = [];
const clients: LiveClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const n of nodes.splice(0)) await n.kill();
  for (const d of drops.splice(0)) await d();
});

async function scratchDb(): Promise<string> {
  const db = await createScratchDatabase(process.env.TILLIT_TEST_SERVER_URL!, 'tillit_live_nodes');
  drops.push(db.drop);
  return db.url;
}

/** A team (admin = facilitator of the meeting, and two members) on `url`, with a live meeting. */
async function team(url: string) {
  const admin = await signUp(url, 'Anna');
  const org = await createOrg(admin);
  const t = await createTeam(admin, org.id);
  const a = await signUp(url, 'Maja');
  const b = await signUp(url, 'Bo');
  await join(admin, t.id, a);
  await join(admin, t.id, b);
  const forum = await createForum(admin, t.id, { facilitation: { mode: 'fixed', userId: admin.user.id } });
  const meeting = await startMeeting(admin, t.id, forum.id);
  return { admin, a, b, team: t, meeting };
}

/** The same person's cookie on another node (cookies are per browser, not per node). */
const on = (p: Person, url: string): Person => {
  const client = new Client(url);
  for (const [k, v] of p.client.cookies) client.cookies.set(k, v);
  return { ...p, client };
};

async function snapshot(url: string, p: Person, meetingId: string): Promise<MeetingSnapshot> {
  const probe = await LiveClient.connect(url, on(p, url));
  try {
    const ack = await probe.join(meetingId);
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error('no snapshot');
    return ack.snapshot;
  } finally {
    probe.close();
  }
}

test(
  'an API restart mid-meeting: clients reconnect, retry what was unacknowledged, and converge; nothing acknowledged is lost',
  async () => {
    const databaseUrl = await scratchDb();
    let node = await startNode({ DATABASE_URL: databaseUrl });
    nodes.push(node);
    const w = await team(node.url);
    const people = [w.admin, w.a, w.b];
    for (const p of people) {
      const c = (await LiveClient.connect(node.url, p, { reconnection: true })).resilient();
      c.ackTimeoutMs = scaled(2000);
      clients.push(c);
      await c.join(w.meeting.id);
    }
    await clients[0]!.send('phase.goto', { index: 1 });

    // Everyone keeps adding items while the server is killed (SIGKILL: no graceful shutdown) and restarted.
    const acked: string[] = [];
    const writers = clients.map(async (c, i) => {
      for (let j = 0; j < 25; j++) {
        const text = `${c.person.user.displayName} ${i}-${j}`;
        const ack = await c.send('item.add', { kind: 'plan', text });
        if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
        acked.push(text);
        await sleep(15);
      }
    });
    await sleep(250);
    await node.kill('SIGKILL');
    const port = node.port;
    await sleep(300);
    node = await startNode({ DATABASE_URL: databaseUrl }, port);
    nodes.push(node);
    await Promise.all(writers);

    const [{ last_seq }] = (await queryDb(databaseUrl, `SELECT last_seq FROM meetings WHERE id = $1`, [
      w.meeting.id,
    ])) as [{ last_seq: number }];
    for (const c of clients) await c.waitForSeq(last_seq!, scaled(15_000));
    const truth = await snapshot(node.url, w.admin, w.meeting.id);
    const texts = truth.items.map((i) => i.text);
    // Every acknowledged item is there, exactly once (retries with the same opId did not duplicate it).
    expect(texts.sort()).toEqual([...acked].sort());
    expect(texts).toHaveLength(75);
    for (const c of clients) {
      expect(shared(c.state!)).toEqual(shared(truth));
      expect(c.unacked.size).toBe(0);
    }
  },
  scaled(90_000),
);

withRedis(
  'two API nodes sharing Redis: clients on both are in one room and apply the same events in the same order',
  async () => {
    const databaseUrl = await scratchDb();
    const env = { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: `tillit-test-${randomBytes(6).toString('hex')}` };
    const n1 = await startNode(env);
    nodes.push(n1);
    const n2 = await startNode(env); // after n1: n1 has run the migrations
    nodes.push(n2);
    const w = await team(n1.url);
    const placement: [Person, ApiNode][] = [
      [w.admin, n1],
      [w.a, n2],
      [w.b, n1],
    ];
    for (const [p, n] of placement) {
      const c = await LiveClient.connect(n.url, on(p, n.url));
      clients.push(c);
      await c.join(w.meeting.id);
    }
    const [fac, a, b] = clients as [LiveClient, LiveClient, LiveClient];
    const received = new Map<LiveClient, number[]>(clients.map((c) => [c, []]));
    for (const c of clients) c.socket.on('meeting:event', (e) => received.get(c)!.push(e.seq));

    // Presence spans the nodes (fetchSockets through Redis).
    const who = await a.socket.emitWithAck('meeting:who', { meetingId: w.meeting.id });
    expect(who.ok && who.presence.map((p) => p.userId).sort()).toEqual(
      [w.admin.user.id, w.a.user.id, w.b.user.id].sort(),
    );
    // So does the facilitator check: the facilitator is on node 1, the taker on node 2.
    await queryDb(databaseUrl, `UPDATE meetings SET facilitator_seen_at = now() - interval '1 hour' WHERE id = $1`, [
      w.meeting.id,
    ]);
    expect(await a.cmd('facilitator.take', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.FacilitatorPresent },
    });

    await fac.ok('phase.goto', { index: 1 });
    await Promise.all(
      clients.flatMap((c, i) =>
        Array.from({ length: 20 }, (_, j) => c.ok('item.add', { kind: 'plan', text: `n${i}-${j}` })),
      ),
    );
    await fac.ok('timer.start', { seconds: 300 });
    const [{ last_seq }] = (await queryDb(databaseUrl, `SELECT last_seq FROM meetings WHERE id = $1`, [
      w.meeting.id,
    ])) as [{ last_seq: number }];
    for (const c of clients) await c.waitForSeq(last_seq!);
    const order = (c: LiveClient) => c.applied.map((e) => `${e.seq}:${e.type}:${JSON.stringify(e.payload)}`);
    expect(order(a)).toEqual(order(fac));
    expect(order(b)).toEqual(order(fac));
    expect(fac.applied.map((e) => e.seq)).toEqual(Array.from({ length: last_seq! }, (_, i) => i + 1));
    // Every client received every event over the wire (none needed a catch-up).
    for (const c of clients)
      expect([...new Set(received.get(c))].sort((x, y) => x - y)).toEqual(
        fac.applied.map((e) => e.seq).filter((s) => s > 2 || received.get(c)!.includes(s)),
      );
    const truth = await snapshot(n2.url, w.a, w.meeting.id);
    for (const c of clients) expect(shared(c.state!)).toEqual(shared(truth));

    // Revocation crosses nodes too: signing out on node 1 drops the socket on node 2 within 5 s.
    const gone = new Promise((r) => a.socket.on('disconnect', r));
    const started = Date.now();
    expect((await on(w.a, n1.url).client.post('/api/auth/sign-out')).status).toBe(204);
    await gone;
    expect(Date.now() - started).toBeLessThan(5000);
  },
  scaled(90_000),
);

async function queryDb(url: string, sql: string, params: unknown[]): Promise<unknown[]> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}
