/**
 * The authorization matrix, generated from the command registry: every registered command × every kind of
 * caller who must be refused. Each refusal is typed, carries no data, and changes nothing in the database.
 * The same registry drives a positive run (the allowed caller gets through), so a command without a
 * handler, or with a handler that fails, breaks this file.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  LIVE_COMMAND_TYPES,
  LIVE_COMMANDS,
  type LiveCommandType,
  type LiveEvent,
  PHASE_KINDS,
  STEERING_COMMANDS,
  IMPROVEMENT_COMMANDS,
} from '@tillit/protocol';
import { COMMANDS, PHASE_KIND_DEFS } from '../../src/rituals.js';
import { join, signUp, type Person } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { connectSocket, LiveClient, relaxRateLimit, meetingWorld, startMeeting, createForum } from './live-harness.js';
import { fingerprint, SAMPLES, type SampleContext } from './samples.js';
import { steeringSampleIds } from '../steering/steering-fixtures.js';
import { improvementSampleIds } from '../improvement/improvement-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof meetingWorld>>;
let ctx: SampleContext;
let removed: Person;
const clients: LiveClient[] = [];
/** Events any attacker's socket saw (must stay empty for the victim's meeting). */
const leaked: LiveEvent[] = [];

const client = async (p: Person) => {
  const c = await LiveClient.connect(t.url, p);
  c.socket.on('meeting:event', (e) => {
    if (e.meetingId === w.meeting.id && p !== w.member && p !== w.facilitator) leaked.push(e);
  });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await meetingWorld(t.url);
  removed = await signUp(t.url, 'Rut');
  await join(w.admin, w.team.id, removed, 'member');
  const fac = await client(w.facilitator);
  await fac.join(w.meeting.id);
  const item = await fac.ok('item.add', { kind: 'plan', text: 'Facilitatorns punkt' });
  const other = await fac.ok('item.add', { kind: 'plan', text: 'Ska inte raderas' });
  ctx = { itemId: item.result.itemId, deletableItemId: other.result.itemId, userId: w.member.user.id };
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

test('every registered command has exactly one server handler and a valid sample', () => {
  expect(Object.keys(COMMANDS).sort()).toEqual([...LIVE_COMMAND_TYPES].sort());
  expect(Object.keys(SAMPLES).sort()).toEqual([...LIVE_COMMAND_TYPES].sort());
  for (const type of LIVE_COMMAND_TYPES) {
    expect(['member', 'facilitator']).toContain(LIVE_COMMANDS[type].rule);
    expect(typeof COMMANDS[type].handle).toBe('function');
    expect(LIVE_COMMANDS[type].payload.safeParse(SAMPLES[type](ctx)).success).toBe(true);
  }
});

test('every phase kind has exactly one server definition', () => {
  expect(Object.keys(PHASE_KIND_DEFS).sort()).toEqual([...PHASE_KINDS].sort());
  for (const kind of PHASE_KINDS) {
    expect(typeof PHASE_KIND_DEFS[kind].initialState).toBe('function');
    expect(typeof PHASE_KIND_DEFS[kind].view).toBe('function');
  }
});

/** A refusal: ok false, a code, a message, and nothing else. */
function expectRefusal(ack: unknown, code: string) {
  expect(ack).toEqual({ ok: false, error: { code, message: expect.any(String) } });
}

type Attacker = 'no session' | 'revoked session' | 'other team' | 'other org' | 'removed member' | 'plain member';
const ATTACKERS: Attacker[] = [
  'no session',
  'revoked session',
  'other team',
  'other org',
  'removed member',
  'plain member',
];

const cases = LIVE_COMMAND_TYPES.flatMap((type) =>
  ATTACKERS.filter((a) => a !== 'plain member' || LIVE_COMMANDS[type].rule === 'facilitator').map(
    (attacker) => [type, attacker] as [LiveCommandType, Attacker],
  ),
);

describe('refusals', () => {
  let before: string;
  let revokedClient: LiveClient;
  let removedClient: LiveClient;
  let memberClient: LiveClient;
  let otherTeam: LiveClient;
  let otherOrg: LiveClient;

  beforeAll(async () => {
    memberClient = await client(w.member);
    await memberClient.join(w.meeting.id);

    // A second session of the member, joined, then revoked in the database behind the socket's back
    // (no revocation event): the per-command session check must catch it.
    const second = await signInAgain(w.member);
    revokedClient = await client(second);
    await revokedClient.join(w.meeting.id);

    removedClient = await client(removed);
    expect(await removedClient.join(w.meeting.id)).toMatchObject({ ok: true });

    otherTeam = await client(w.sameOrgOther);
    otherOrg = await client(w.outsider);
    for (const c of [otherTeam, otherOrg]) {
      // They may not join the victim's meeting…
      expectRefusal(await c.join(w.meeting.id), ErrorCode.NotFound);
    }
    // …but they are in meetings of their own, so they are real, joined, live participants elsewhere.
    const outsiderForum = await createForum(w.outsider, w.outsiderTeam.id);
    const outsiderMeeting = await startMeeting(w.outsider, w.outsiderTeam.id, outsiderForum.id);
    expect(await otherOrg.join(outsiderMeeting.id)).toMatchObject({ ok: true });

    await t.db.query(
      `DELETE FROM sessions WHERE id = (SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [w.member.user.id],
    );
    await t.db.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [w.team.id, removed.user.id]);
    before = await fingerprint(t.db, w.team.id);
  });

  afterAll(async () => {
    expect(leaked).toEqual([]);
    expect(await fingerprint(t.db, w.team.id)).toBe(before);
  });

  test.each(cases)('%s: %s is refused', async (type, attacker) => {
    const cmd = { opId: randomUUID(), meetingId: w.meeting.id, type, payload: SAMPLES[type](ctx) } as never;
    switch (attacker) {
      case 'no session': {
        for (const cookie of [null, 'tillit_session=forged-token']) {
          const err = await connectSocket(t.url, null, { cookie }).then(
            (s) => (s.close(), null),
            (e: { data?: unknown }) => e,
          );
          expect(err?.data).toEqual({ code: ErrorCode.Unauthenticated, message: expect.any(String) });
        }
        break;
      }
      case 'revoked session':
        expectRefusal(await revokedClient.socket.emitWithAck('meeting:command', cmd), ErrorCode.Unauthenticated);
        break;
      case 'other team':
        expectRefusal(await otherTeam.socket.emitWithAck('meeting:command', cmd), ErrorCode.NotJoined);
        break;
      case 'other org':
        expectRefusal(await otherOrg.socket.emitWithAck('meeting:command', cmd), ErrorCode.NotJoined);
        break;
      case 'removed member':
        expectRefusal(await removedClient.socket.emitWithAck('meeting:command', cmd), ErrorCode.NotFound);
        break;
      case 'plain member':
        expectRefusal(await memberClient.socket.emitWithAck('meeting:command', cmd), ErrorCode.Forbidden);
        break;
    }
    expect(await fingerprint(t.db, w.team.id)).toBe(before);
  });

  const DUMMY: SampleContext = { itemId: randomUUID(), deletableItemId: randomUUID(), userId: randomUUID() };
  test.each(LIVE_COMMAND_TYPES.filter((type) => 'itemId' in (SAMPLES[type](DUMMY) as object)))(
    '%s: an item id from another team is only looked up, never trusted',
    async (type) => {
      // The outsider, in their own live meeting (in the phase the command needs), names the victim's item.
      const kind = COMMANDS[type].phase;
      if (kind) await otherOrg.ok('phase.goto', { index: otherOrg.state!.phases.findIndex((p) => p.kind === kind) });
      const payload = { ...(SAMPLES[type](ctx) as object), itemId: ctx.itemId };
      const ack = await otherOrg.socket.emitWithAck('meeting:command', {
        opId: randomUUID(),
        meetingId: otherOrg.meetingId!,
        type,
        payload,
      } as never);
      expectRefusal(ack, ErrorCode.NotFound);
      const [item] = (await t.db.query(`SELECT text, status FROM items WHERE id = $1`, [ctx.itemId])) as object[];
      expect(item).toEqual({ text: 'Facilitatorns punkt', status: 'open' });
    },
  );
});

async function signInAgain(p: Person): Promise<Person> {
  const c = new Client(t.url);
  const res = await c.post('/api/auth/sign-in', { email: p.email, password: 'correct horse battery' });
  if (res.status !== 200) throw new Error(`sign-in failed ${res.status}`);
  return { ...p, client: c };
}

describe('the allowed caller gets through', () => {
  /** Expected answers where "ok" would be wrong: the handler ran and refused for a domain reason. */
  const EXPECTED: Partial<Record<LiveCommandType, string>> = {
    'meeting.start': ErrorCode.Conflict, // the meeting is already live
    'facilitator.take': ErrorCode.FacilitatorPresent, // the role was passed a moment ago
    'breakout.notes': ErrorCode.Forbidden, // confidential: the admin is not in the group (managers never are let in)
    'kasam.reveal': ErrorCode.Conflict, // one answer is fewer than k: nothing may be shown
    'kasam.factor.group': ErrorCode.ValidationFailed, // the sample item is a plan item, not a success factor
    'kasam.followup': ErrorCode.ValidationFailed, // the sample item is not an action from an earlier KASAM dialogue
  };

  test('every command, in the phase it needs, sent by someone its rule allows', async () => {
    const forum = await createForum(w.facilitator, w.team.id);
    const meeting = await startMeeting(w.admin, w.team.id, forum.id);
    const admin = await client(w.admin); // organisation admin and manager: passes both rules
    await admin.join(meeting.id);
    const order = [...LIVE_COMMAND_TYPES.filter((c) => c !== 'meeting.end'), 'meeting.end' as const];
    for (const type of order) {
      const phaseKind = COMMANDS[type].phase;
      if (phaseKind) {
        const index = admin.state!.phases.findIndex((p) => p.kind === phaseKind);
        if (admin.state!.meeting.currentPhaseIndex !== index) await admin.ok('phase.goto', { index });
        await admin.waitForSeq(admin.lastSeq);
      }
      const own = await admin.ok('item.add', { kind: 'plan', text: `för ${type}` });
      const c: SampleContext = {
        itemId: own.result.itemId,
        deletableItemId: own.result.itemId,
        userId: w.member.user.id,
      };
      if (type in STEERING_COMMANDS) Object.assign(c, await steeringSampleIds(w.admin, w.team.id));
      if (type in IMPROVEMENT_COMMANDS) Object.assign(c, await improvementSampleIds(w.admin, w.member, w.team.id));
      const ack = await admin.cmd(type, SAMPLES[type](c) as never);
      if (EXPECTED[type])
        expect({ type, ack }).toMatchObject({ type, ack: { ok: false, error: { code: EXPECTED[type] } } });
      else expect({ type, ack }).toMatchObject({ type, ack: { ok: true, seq: expect.any(Number) } });
      await admin.waitForSeq((await fingerprintSeq(meeting.id)) as number);
    }
    expect(admin.state!.meeting.state).toBe('ended');
  });
});

async function fingerprintSeq(meetingId: string): Promise<number> {
  const [row] = (await t.db.query(`SELECT last_seq FROM meetings WHERE id = $1`, [meetingId])) as {
    last_seq: number;
  }[];
  return row!.last_seq;
}
