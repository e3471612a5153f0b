/**
 * The handshake (session cookie, Origin, protocol version), revocation, the rate limit, facilitator
 * handover, presence and typing hints.
 */
import { ErrorCode, PROTOCOL_VERSION, LIVE_LIMITS } from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { connectSocket, LiveClient, meetingWorld, sleep } from './live-harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const refusedWith = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { data?: { code?: string } }) => e.data?.code,
  );

describe('handshake', () => {
  test('the session cookie, an allowed or missing Origin and the protocol version are required', async () => {
    const w = await meetingWorld(t.url);
    const allowed = `http://localhost:5173`;
    const ok = await connectSocket(t.url, w.member, { origin: allowed });
    ok.close();
    (await connectSocket(t.url, w.member)).close(); // no Origin: a non-browser client
    expect(await refusedWith(connectSocket(t.url, w.member, { origin: 'https://evil.example' }))).toBe(
      ErrorCode.Forbidden,
    );
    expect(await refusedWith(connectSocket(t.url, w.member, { protocolVersion: PROTOCOL_VERSION + 1 }))).toBe(
      ErrorCode.ProtocolMismatch,
    );
    expect(await refusedWith(connectSocket(t.url, null))).toBe(ErrorCode.Unauthenticated);
    // HTTP long-polling is not offered (WebSocket only: no sticky sessions needed).
    const polling = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
  });
});

describe('revocation', () => {
  test('signing out elsewhere disconnects that session’s sockets within 5 s', async () => {
    const w = await meetingWorld(t.url);
    const c = await LiveClient.connect(t.url, w.member);
    await c.join(w.meeting.id);
    const revoked = new Promise((r) => c.socket.on('live:revoked', r));
    const gone = new Promise((r) => c.socket.on('disconnect', r));
    const started = Date.now();
    const res = await w.member.client.post('/api/auth/sign-out');
    expect(res.status).toBe(204);
    await Promise.all([revoked, gone]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('removing a member drops their sockets from the team within 5 s; others stay', async () => {
    const w = await meetingWorld(t.url);
    const mem = await LiveClient.connect(t.url, w.member);
    const fac = await LiveClient.connect(t.url, w.facilitator);
    await mem.join(w.meeting.id);
    await fac.join(w.meeting.id);
    const gone = new Promise<string>((r) => mem.socket.on('disconnect', r));
    const started = Date.now();
    const res = await w.admin.client.delete(`/api/teams/${w.team.id}/members/${w.member.user.id}`);
    expect(res.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fac.socket.connected).toBe(true);
    // Reconnecting works (the session is fine) but the meeting is closed to them.
    const back = await LiveClient.connect(t.url, w.member);
    expect(await back.join(w.meeting.id)).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    back.close();
    fac.close();
  });
});

test(`the rate limit (${LIVE_LIMITS.commandsPerSecond}/s, burst ${LIVE_LIMITS.commandBurst}) refuses a flooder without slowing others`, async () => {
  const w = await meetingWorld(t.url);
  const flooder = await LiveClient.connect(t.url, w.member);
  const other = await LiveClient.connect(t.url, w.facilitator);
  await flooder.join(w.meeting.id);
  await other.join(w.meeting.id);
  const acks = await Promise.all(Array.from({ length: 120 }, () => flooder.cmd('hand.raise', {})));
  const limited = acks.filter((a) => !a.ok && a.error.code === ErrorCode.RateLimited);
  expect(limited.length).toBeGreaterThanOrEqual(120 - LIVE_LIMITS.commandBurst - 10);
  expect(limited[0]).toMatchObject({ ok: false, error: { retryAfterSeconds: expect.any(Number) } });
  const started = Date.now();
  expect(await other.cmd('hand.raise', {})).toMatchObject({ ok: true });
  expect(Date.now() - started).toBeLessThan(1000);
  flooder.close();
  other.close();
});

describe('facilitator handover', () => {
  test('the facilitator passes the role; the new one has the controls, the old one not', async () => {
    const w = await meetingWorld(t.url);
    const fac = await LiveClient.connect(t.url, w.facilitator);
    const mem = await LiveClient.connect(t.url, w.member);
    await fac.join(w.meeting.id);
    await mem.join(w.meeting.id);
    expect(await mem.cmd('phase.goto', { index: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    const pass = await fac.ok('facilitator.pass', { userId: w.member.user.id });
    await mem.waitForSeq(pass.seq);
    expect(mem.state!.meeting.facilitatorId).toBe(w.member.user.id);
    expect(await mem.cmd('phase.goto', { index: 1 })).toMatchObject({ ok: true });
    expect(await fac.cmd('phase.goto', { index: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    // Passing to someone outside the team is refused.
    expect(await mem.cmd('facilitator.pass', { userId: w.outsider.user.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });
    fac.close();
    mem.close();
  });

  test('anyone may take the role once the facilitator has been gone 30 s, not before, not while present', async () => {
    const w = await meetingWorld(t.url);
    const fac = await LiveClient.connect(t.url, w.facilitator);
    const mem = await LiveClient.connect(t.url, w.member);
    await fac.join(w.meeting.id);
    await mem.join(w.meeting.id);
    // Present (even idle, even with an old timestamp): refused.
    await t.db.query(`UPDATE meetings SET facilitator_seen_at = now() - interval '1 hour' WHERE id = $1`, [
      w.meeting.id,
    ]);
    expect(await mem.cmd('facilitator.take', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.FacilitatorPresent },
    });
    // Gone a moment ago: refused, with the seconds left.
    fac.close();
    await sleep(150);
    const early = await mem.cmd('facilitator.take', {});
    expect(early).toMatchObject({ ok: false, error: { code: ErrorCode.FacilitatorPresent } });
    expect(!early.ok && early.error.retryAfterSeconds).toBeGreaterThan(LIVE_LIMITS.facilitatorGraceSeconds - 5);
    // 30 s later (moved back in the database rather than waited for): taken.
    await t.db.query(`UPDATE meetings SET facilitator_seen_at = now() - interval '31 seconds' WHERE id = $1`, [
      w.meeting.id,
    ]);
    const take = await mem.ok('facilitator.take', {});
    await mem.waitForSeq(take.seq);
    expect(mem.state!.meeting.facilitatorId).toBe(w.member.user.id);
    expect(mem.applied.at(-1)).toMatchObject({
      type: 'facilitator.changed',
      payload: { userId: w.member.user.id, reason: 'taken' },
    });
    mem.close();
  });
});

test('presence (device, idle, leaving) and typing hints reach the others as volatile events, never logged', async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(w.meeting.id);
  const seen: unknown[] = [];
  fac.socket.on('meeting:presence', (p) => seen.push(p));
  let typed: unknown = null;
  fac.socket.on('meeting:typing', (e) => (typed = e));
  const mem = await LiveClient.connect(t.url, w.member);
  await mem.join(w.meeting.id, { device: 'phone' });
  await sleep(100);
  mem.socket.emit('meeting:presence', { meetingId: w.meeting.id, idle: true });
  await sleep(100);
  // Volatile means "may be dropped" (e.g. while the receiver's connection is busy): clients repeat hints.
  for (let i = 0; i < 20 && !typed; i++) {
    mem.socket.emit('meeting:typing', { meetingId: w.meeting.id, target: 'item:new' });
    await sleep(100);
  }
  expect(typed).toEqual({ meetingId: w.meeting.id, userId: w.member.user.id, target: 'item:new' });
  const who = await fac.socket.emitWithAck('meeting:who', { meetingId: w.meeting.id });
  expect(who).toMatchObject({ ok: true });
  expect(who.ok && who.presence.find((p) => p.userId === w.member.user.id)).toMatchObject({
    device: 'phone',
    idle: true,
  });
  mem.close();
  await sleep(200);
  expect(seen).toEqual([
    expect.objectContaining({
      kind: 'joined',
      entry: expect.objectContaining({ userId: w.member.user.id, device: 'phone', idle: false }),
    }),
    expect.objectContaining({ kind: 'updated', entry: expect.objectContaining({ idle: true }) }),
    expect.objectContaining({ kind: 'left', userId: w.member.user.id }),
  ]);
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM meeting_events WHERE meeting_id = $1`, [
    w.meeting.id,
  ])) as [{ n: number }];
  expect(n).toBe(0);
  // A socket that has not joined the meeting cannot send hints into it.
  const outsider = await LiveClient.connect(t.url, w.outsider);
  outsider.socket.emit('meeting:typing', { meetingId: w.meeting.id, target: 'x' });
  expect(await outsider.socket.emitWithAck('meeting:who', { meetingId: w.meeting.id })).toMatchObject({
    ok: false,
    error: { code: ErrorCode.NotJoined },
  });
  outsider.close();
  fac.close();
});
