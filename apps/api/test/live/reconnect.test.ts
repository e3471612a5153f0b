/**
 * Nothing lost: a client cut off while others work catches up to exactly the database state (by missed
 * events, or a snapshot when far behind), and a command retried with the same opId applies once.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, LIVE_LIMITS, type MeetingSnapshot } from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { LiveClient, meetingWorld, relaxRateLimit, shared } from './live-harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
});
afterAll(() => t.close());

async function truth(c: LiveClient): Promise<MeetingSnapshot> {
  const probe = await LiveClient.connect(t.url, c.person);
  try {
    const ack = await probe.join(c.meetingId!);
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error('no snapshot');
    return ack.snapshot;
  } finally {
    probe.close();
  }
}

test('a client cut off while others add items catches up with the missed events to exactly the DB state', async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  let mem = await LiveClient.connect(t.url, w.member);
  await fac.join(w.meeting.id);
  await mem.join(w.meeting.id);
  await fac.ok('phase.goto', { index: 1 });
  await mem.ok('item.add', { kind: 'plan', text: 'Före avbrottet' });
  await mem.waitForSeq(2);

  // Cut off: the socket dies; its state stays in memory, as in a browser tab.
  const kept = mem.state!;
  mem.close();
  for (let i = 0; i < 15; i++)
    await fac.ok('item.add', { kind: i % 2 ? 'plan' : 'risk', text: `Under avbrottet ${i}` });
  await fac.ok('timer.start', { seconds: 90 });

  // Back: a new connection, re-join with lastSeq → only the missed events.
  mem = await LiveClient.connect(t.url, w.member);
  mem.state = kept;
  mem.meetingId = w.meeting.id;
  const ack = await mem.rejoin();
  expect(ack).toMatchObject({ ok: true, mode: 'events' });
  if (ack.ok && ack.mode === 'events')
    expect(ack.events.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 3));
  expect(shared(mem.state!)).toEqual(shared(await truth(mem)));
  fac.close();
  mem.close();
});

test(`a client more than ${LIVE_LIMITS.catchUpEvents} events behind (or ahead) gets a snapshot`, async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(w.meeting.id);
  const mem = await LiveClient.connect(t.url, w.member);
  await mem.join(w.meeting.id);
  const kept = mem.state!;
  mem.close();
  for (let i = 0; i < LIVE_LIMITS.catchUpEvents + 5; i += 15) {
    await Promise.all(
      Array.from({ length: Math.min(15, LIVE_LIMITS.catchUpEvents + 5 - i) }, (_, j) =>
        fac.ok('ready.set', { ready: (i + j) % 2 === 0 }),
      ),
    );
  }
  const again = await LiveClient.connect(t.url, w.member);
  again.state = kept;
  again.meetingId = w.meeting.id;
  const ack = await again.rejoin();
  expect(ack).toMatchObject({ ok: true, mode: 'snapshot' });
  expect(again.lastSeq).toBe(LIVE_LIMITS.catchUpEvents + 5);
  // A lastSeq ahead of the server (e.g. the database was restored) also gets a snapshot.
  expect(await again.join(w.meeting.id, { lastSeq: 10_000 })).toMatchObject({ ok: true, mode: 'snapshot' });
  fac.close();
  again.close();
});

test('a command retried with the same opId after a reconnect applies once and gets the first answer', async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(w.meeting.id);
  let mem = await LiveClient.connect(t.url, w.member);
  await mem.join(w.meeting.id);

  const opId = randomUUID();
  // Sent, applied by the server, but the connection drops before the ack is read.
  (mem.socket as unknown as { emit(...a: unknown[]): void }).emit('meeting:command', {
    opId,
    meetingId: w.meeting.id,
    type: 'item.add',
    payload: { kind: 'plan', text: 'Skickat en gång' },
  });
  await fac.waitForSeq(1);
  const kept = mem.state!;
  mem.close();

  mem = await LiveClient.connect(t.url, w.member);
  mem.state = kept;
  mem.meetingId = w.meeting.id;
  await mem.rejoin();
  const [first, second] = await Promise.all([
    mem.cmd('item.add', { kind: 'plan', text: 'Skickat en gång' }, opId),
    mem.cmd('item.add', { kind: 'plan', text: 'Skickat en gång' }, opId),
  ]);
  expect(first).toMatchObject({ ok: true, seq: 1 });
  expect(second).toEqual(first);
  const items = await t.db.query(`SELECT id FROM items WHERE text = 'Skickat en gång'`);
  expect(items).toHaveLength(1);
  expect(first.ok && first.result).toEqual({ itemId: (items[0] as { id: string }).id });
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM meeting_events WHERE meeting_id = $1`, [
    w.meeting.id,
  ])) as [{ n: number }];
  expect(n).toBe(1);

  // The same opId for another command is a conflict, not a silent replay.
  expect(await mem.cmd('hand.raise', {}, opId)).toMatchObject({ ok: false, error: { code: ErrorCode.Conflict } });
  expect(shared(mem.state!)).toEqual(shared(await truth(mem)));
  fac.close();
  mem.close();
});

test('concurrent commands from many clients get gap-free seqs, and every client ends in the same state', async () => {
  const w = await meetingWorld(t.url);
  const people = [w.facilitator, w.member, w.admin];
  const clients = await Promise.all(people.map((p) => LiveClient.connect(t.url, p)));
  for (const c of clients) await c.join(w.meeting.id);
  await clients[0]!.ok('phase.goto', { index: 1 });
  const acks = await Promise.all(
    clients.flatMap((c, i) =>
      Array.from({ length: 30 }, (_, j) => c.ok('item.add', { kind: 'plan', text: `p${i}-${j}` })),
    ),
  );
  const seqs = acks.map((a) => a.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: 90 }, (_, i) => i + 2));
  for (const c of clients) await c.waitForSeq(91);
  const db = await truth(clients[0]!);
  for (const c of clients) {
    expect(shared(c.state!)).toEqual(shared(db));
    expect(c.applied.map((e) => e.seq)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
  }
  for (const c of clients) c.close();
});
