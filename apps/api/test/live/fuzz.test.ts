/**
 * Fuzzing every registered command with ≥ 1,000 malformed payloads each (plus broken envelopes, join and
 * volatile events): each one is answered with a typed VALIDATION_FAILED, the process stays up, and the
 * database is exactly as before.
 */
import { randomUUID } from 'node:crypto';
import {
  CommandEnvelope,
  ErrorCode,
  isLiveCommandType,
  JoinRequestSchema,
  LIVE_COMMAND_TYPES,
  LIVE_COMMANDS,
  LIVE_LIMITS,
  MeetingRefSchema,
} from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { connectSocket, LiveClient, meetingWorld, relaxRateLimit, type ClientSocket } from './live-harness.js';
import { malformed, malformedEnvelopes, wireForms, wireSize } from './fuzz-gen.js';
import { fingerprint, SAMPLES, type SampleContext } from './samples.js';
import { scaled } from '../time.js';

const PER_COMMAND = 1000;
let t: TestApp;
let w: Awaited<ReturnType<typeof meetingWorld>>;
let fac: LiveClient;
let ctx: SampleContext;

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await meetingWorld(t.url);
  fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(w.meeting.id);
  const item = await fac.ok('item.add', { kind: 'plan', text: 'Fuzzmål' });
  ctx = { itemId: item.result.itemId, deletableItemId: item.result.itemId, userId: w.member.user.id };
});
afterAll(async () => {
  fac.close();
  await t.close();
});

/** Sends in windows of `width`, collecting every ack. */
async function sendAll(socket: ClientSocket, event: string, messages: unknown[], width = 200): Promise<unknown[]> {
  const acks: unknown[] = [];
  for (let i = 0; i < messages.length; i += width) {
    const batch = messages.slice(i, i + width);
    acks.push(
      ...(await Promise.all(
        batch.map((m) =>
          (
            socket.timeout(scaled(15_000)) as unknown as { emitWithAck(e: string, m: unknown): Promise<unknown> }
          ).emitWithAck(event, m),
        ),
      )),
    );
  }
  return acks;
}

const isValidationRefusal = (ack: unknown) => {
  const a = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return a?.ok === false && a.error?.code === ErrorCode.ValidationFailed && typeof a.error.message === 'string';
};

test(
  `${PER_COMMAND} malformed payloads per command, each refused with a typed error; nothing changes`,
  async () => {
    const before = await fingerprint(t.db, w.team.id);
    let total = 0;
    for (const [i, type] of LIVE_COMMAND_TYPES.entries()) {
      const valid = SAMPLES[type](ctx) as Record<string, unknown>;
      const payloads = malformed(LIVE_COMMANDS[type].payload, valid, PER_COMMAND, 1000 + i);
      const messages = payloads.map((payload) => ({ opId: randomUUID(), meetingId: w.meeting.id, type, payload }));
      const acks = await sendAll(fac.socket, 'meeting:command', messages);
      const bad = acks.map((a, j) => [a, payloads[j]] as const).filter(([a]) => !isValidationRefusal(a));
      expect({ type, bad: bad.slice(0, 3).map(([a]) => a) }).toEqual({ type, bad: [] });
      total += acks.length;
    }
    expect(total).toBeGreaterThanOrEqual(PER_COMMAND * LIVE_COMMAND_TYPES.length);
    expect(fac.socket.connected).toBe(true);
    expect(await fingerprint(t.db, w.team.id)).toBe(before);
    // The registry grows with every forum kind: about a second per command on a loaded 2-core machine.
  },
  scaled(30_000 + LIVE_COMMAND_TYPES.length * 2_000),
);

test('broken envelopes, joins, leaves and who-requests are refused with typed errors', async () => {
  const before = await fingerprint(t.db, w.team.id);
  const envelope = {
    opId: randomUUID(),
    meetingId: w.meeting.id,
    type: 'item.add',
    payload: { kind: 'plan', text: 'x' },
  };
  // Invalid as an envelope, or as the payload of the command it names, in every form it may arrive in.
  const isInvalid = (m: unknown) =>
    wireForms(m).every((form) => {
      const e = CommandEnvelope.safeParse(form);
      return (
        !e.success ||
        !isLiveCommandType(e.data.type) ||
        !LIVE_COMMANDS[e.data.type].payload.safeParse(e.data.payload).success
      );
    });
  const envelopes = malformedEnvelopes(envelope, 1000, 7, isInvalid);
  const acks = await sendAll(fac.socket, 'meeting:command', envelopes);
  const badEnvelopes = acks.filter((a) => !isValidationRefusal(a));
  expect(badEnvelopes).toEqual([]);

  const joins = malformed(JoinRequestSchema, { meetingId: w.meeting.id, lastSeq: 0, device: 'phone' }, 500, 11);
  expect((await sendAll(fac.socket, 'meeting:join', joins)).filter((a) => !isValidationRefusal(a))).toEqual([]);
  const refs = malformed(MeetingRefSchema, { meetingId: w.meeting.id }, 300, 12);
  expect((await sendAll(fac.socket, 'meeting:who', refs)).filter((a) => !isValidationRefusal(a))).toEqual([]);
  expect((await sendAll(fac.socket, 'meeting:leave', refs)).filter((a) => !isValidationRefusal(a))).toEqual([]);
  expect(await fingerprint(t.db, w.team.id)).toBe(before);
});

test('events without an ack, volatile junk, unknown events and extra arguments do not hurt', async () => {
  const before = await fingerprint(t.db, w.team.id);
  const sock = await connectSocket(t.url, w.member);
  const ack = await sock.emitWithAck('meeting:join', { meetingId: w.meeting.id });
  expect(ack.ok).toBe(true);
  const s = sock as unknown as { emit(...a: unknown[]): void };
  // Below the message cap (a bigger message drops the connection: see the next test).
  const junk = malformed(LIVE_COMMANDS['item.add'].payload, { kind: 'plan', text: 'x' }, 1000, 99).filter(
    (p) => wireSize(p) < 25_000,
  );
  for (const payload of junk.slice(0, 300)) {
    s.emit('meeting:command', { opId: randomUUID(), meetingId: w.meeting.id, type: 'item.add', payload }); // no ack
    s.emit('meeting:presence', payload);
    s.emit('meeting:typing', payload);
    s.emit('no-such-event', payload, () => undefined);
    s.emit('meeting:command', payload, payload, Buffer.from('x'), () => undefined);
  }
  // Still connected and working: a valid command goes through on the same socket and on another.
  const probe = await sock.timeout(scaled(10_000)).emitWithAck('meeting:command', {
    opId: randomUUID(),
    meetingId: w.meeting.id,
    type: 'hand.raise',
    payload: {},
  });
  expect(probe).toMatchObject({ ok: true });
  expect(sock.connected).toBe(true);
  sock.close();
  expect((await fac.ok('hand.lower', {})).seq).toBeGreaterThan(0);
  expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  const after = JSON.parse(await fingerprint(t.db, w.team.id));
  expect(after[2]).toEqual(JSON.parse(before)[2]); // items unchanged
});

test(`a message over ${LIVE_LIMITS.maxMessageBytes / 1024} KB drops only that connection`, async () => {
  const victim = await connectSocket(t.url, w.member);
  const disconnected = new Promise<string>((resolve) => victim.on('disconnect', resolve));
  (victim as unknown as { emit(...a: unknown[]): void }).emit('meeting:command', {
    opId: randomUUID(),
    meetingId: w.meeting.id,
    type: 'item.add',
    payload: { kind: 'plan', text: 'x'.repeat(LIVE_LIMITS.maxMessageBytes + 10) },
  });
  expect(await disconnected).toBe('transport close');
  expect(fac.socket.connected).toBe(true);
  expect((await fac.ok('hand.lower', {})).seq).toBeGreaterThan(0);
});
