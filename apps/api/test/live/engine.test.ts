/**
 * The command engine's fast path (authorize before the lock, `item.add` as one statement) against the
 * state changes it races: input lock, phase change, meeting end. Whatever interleaving happens, what was
 * accepted is exactly what the event log and the database say, with the phase and lock of its seq.
 */
import { ErrorCode, type LiveEvent } from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { LiveClient, meetingWorld, relaxRateLimit, shared } from './live-harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
});
afterAll(() => t.close());

test('item.add racing input.lock, phase.goto and meeting.end: every answer agrees with the seq it got', async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const mem = await LiveClient.connect(t.url, w.member);
  await fac.join(w.meeting.id);
  await mem.join(w.meeting.id);

  const adds: Promise<Awaited<ReturnType<LiveClient['cmd']>>>[] = [];
  const burst = (n: number, tag: string) => {
    for (let i = 0; i < n; i++) adds.push(mem.cmd('item.add', { kind: 'plan', text: `${tag}-${i}` }));
  };
  burst(20, 'a');
  const lock = fac.ok('input.lock', { locked: true });
  burst(20, 'b');
  await lock;
  burst(10, 'c');
  const unlock = fac.ok('input.lock', { locked: false });
  burst(20, 'd');
  const goto = fac.ok('phase.goto', { index: 1 });
  burst(20, 'e');
  await Promise.all([unlock, goto]);
  const end = fac.ok('meeting.end', {});
  burst(20, 'f');
  const acks = await Promise.all(adds);
  await end;

  // Every refusal is one of the typed answers the races allow; every acceptance has its own seq.
  const codes = new Set(acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code)));
  for (const c of codes) expect([ErrorCode.InputLocked, ErrorCode.MeetingEnded]).toContain(c);
  const accepted = acks.filter((a) => a.ok);
  expect(accepted.length).toBeGreaterThan(0);

  const last = (await end).seq;
  await fac.waitForSeq(last);
  const log: LiveEvent[] = fac.applied;
  expect(log.map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));

  // Replaying the log: no member's item while locked or after the end, and each has the phase of its moment.
  let locked = false;
  let phaseIndex = 0;
  const phases = fac.state!.phases;
  for (const e of log) {
    if (e.type === 'input.locked') locked = (e.payload as { locked: boolean }).locked;
    if (e.type === 'phase.changed') phaseIndex = (e.payload as { index: number }).index;
    if (e.type === 'meeting.ended') break;
    if (e.type === 'item.added') {
      const item = (e.payload as { item: { originPhaseId: string | null; authorId: string } }).item;
      expect(locked).toBe(false);
      expect(item.originPhaseId).toBe(phases[phaseIndex]!.id);
    }
  }
  expect(log.at(-1)!.type).toBe('meeting.ended');
  const added = log.filter((e) => e.type === 'item.added').map((e) => e.seq);
  expect(accepted.map((a) => (a.ok ? a.seq : 0)).sort((x, y) => x - y)).toEqual(added);

  // The clients' state is the database's.
  const probe = await LiveClient.connect(t.url, w.member);
  const ack = await probe.join(w.meeting.id);
  if (!ack.ok || ack.mode !== 'snapshot') throw new Error('no snapshot');
  expect(shared(fac.state!)).toEqual(shared(ack.snapshot));
  for (const c of [fac, mem, probe]) c.close();
});

test('a retried opId of the fast path answers the first result even after the meeting ended', async () => {
  const w = await meetingWorld(t.url);
  const mem = await LiveClient.connect(t.url, w.member);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await mem.join(w.meeting.id);
  await fac.join(w.meeting.id);
  const opId = '0b8f3c9e-6a43-4c55-9a0e-3d0c0c1b2a11';
  const [a, b] = await Promise.all([
    mem.ok('item.add', { kind: 'plan', text: 'once' }, opId),
    mem.ok('item.add', { kind: 'plan', text: 'once' }, opId),
  ]);
  expect(b).toEqual(a);
  await fac.ok('meeting.end', {});
  expect(await mem.ok('item.add', { kind: 'plan', text: 'once' }, opId)).toEqual(a);
  // Another person reusing it is refused, not answered with someone else's result.
  const other = await fac.cmd('item.add', { kind: 'plan', text: 'once' }, opId);
  expect(other.ok ? null : other.error.code).toBe(ErrorCode.Conflict);
  mem.close();
  fac.close();
});
