/**
 * A busy participant's `item.add` skips the separate authorization query: the runner plans it on what their
 * previous command found and re-checks everything inside the write itself. These tests change the database
 * behind the node's back (as a REST call, another node or an operator would, without any event) between two
 * commands of the same socket, and expect the second to be refused, or applied to the new state, exactly as
 * if it had been authorized from scratch — and nothing written when refused.
 */
import { ErrorCode } from '@tillit/protocol';
import { join, signUp } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { LiveClient, meetingWorld, relaxRateLimit } from './live-harness.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof meetingWorld>>;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await meetingWorld(t.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

const joined = async (p: Parameters<typeof LiveClient.connect>[1]) => {
  const c = await LiveClient.connect(t.url, p);
  clients.push(c);
  expect(await c.join(w.meeting.id)).toMatchObject({ ok: true });
  return c;
};
const itemCount = async () =>
  Number((await t.db.query(`SELECT count(*) AS n FROM items WHERE team_id = $1`, [w.team.id]))[0].n);
const add = (c: LiveClient, text: string) => c.cmd('item.add', { kind: 'plan', text });

test('removed from the team between two commands: the second is refused and writes nothing', async () => {
  const person = await signUp(t.url, 'Rebecka');
  await join(w.admin, w.team.id, person, 'member');
  const c = await joined(person);
  expect(await add(c, 'Första')).toMatchObject({ ok: true });

  await t.db.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [w.team.id, person.user.id]);
  const before = await itemCount();
  expect(await add(c, 'Andra')).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
  expect(await itemCount()).toBe(before);
});

test('session deleted between two commands: the second is refused as signed out', async () => {
  const person = await signUp(t.url, 'Sixten');
  await join(w.admin, w.team.id, person, 'member');
  const c = await joined(person);
  expect(await add(c, 'Första')).toMatchObject({ ok: true });

  await t.db.query(`DELETE FROM sessions WHERE user_id = $1`, [person.user.id]);
  const before = await itemCount();
  expect(await add(c, 'Andra')).toMatchObject({ ok: false, error: { code: ErrorCode.Unauthenticated } });
  expect(await itemCount()).toBe(before);
});

test("a manager demoted while input is locked loses the facilitator's right to add", async () => {
  const manager = await signUp(t.url, 'Margit');
  await join(w.admin, w.team.id, manager, 'manager');
  const fac = await joined(w.facilitator);
  const c = await joined(manager);
  await fac.ok('input.lock', { locked: true });
  expect(await add(c, 'Chefen får')).toMatchObject({ ok: true });

  await t.db.query(`UPDATE team_members SET role = 'member' WHERE team_id = $1 AND user_id = $2`, [
    w.team.id,
    manager.user.id,
  ]);
  expect(await add(c, 'Inte längre')).toMatchObject({ ok: false, error: { code: ErrorCode.InputLocked } });
  await fac.ok('input.lock', { locked: false });
  expect(await add(c, 'Nu igen')).toMatchObject({ ok: true });
});

test('the phase moved on elsewhere: the next item belongs to the phase the meeting is in now', async () => {
  const c = await joined(w.member);
  const first = await c.ok('item.add', { kind: 'plan', text: 'I första fasen' });
  const [{ current_phase_index: index }] = await t.db.query(`SELECT current_phase_index FROM meetings WHERE id = $1`, [
    w.meeting.id,
  ]);
  // As another node's phase.next would, but without an event reaching this node.
  await t.db.query(`UPDATE meetings SET current_phase_index = current_phase_index + 1 WHERE id = $1`, [w.meeting.id]);
  const second = await c.ok('item.add', { kind: 'plan', text: 'I nästa fas' });

  const phaseOf = async (itemId: string) =>
    (
      await t.db.query(
        `SELECT p.position FROM items i JOIN meeting_phases p ON p.id = i.origin_phase_id WHERE i.id = $1`,
        [itemId],
      )
    )[0]?.position;
  expect(await phaseOf(first.result.itemId)).toBe(index);
  expect(await phaseOf(second.result.itemId)).toBe(index + 1);
  await t.db.query(`UPDATE meetings SET current_phase_index = $2 WHERE id = $1`, [w.meeting.id, index]);
});

test('the meeting ended elsewhere: the next command is refused with MEETING_ENDED and writes nothing', async () => {
  const c = await joined(w.member);
  expect(await add(c, 'Medan mötet pågår')).toMatchObject({ ok: true });
  await t.db.query(`UPDATE meetings SET state = 'ended', ended_at = now() WHERE id = $1`, [w.meeting.id]);
  const before = await itemCount();
  expect(await add(c, 'Efter slutet')).toMatchObject({ ok: false, error: { code: ErrorCode.MeetingEnded } });
  expect(await itemCount()).toBe(before);
});
