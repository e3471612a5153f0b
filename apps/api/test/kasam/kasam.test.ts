/**
 * KASAM dialogue. ANONYMITY: with k − 1 answers no API response or event reveals any aggregate, with k it
 * does; no frame sent to any client and no database row holds an answerer's id next to an answer (asserted
 * on the recorded frames and on the tables). Also: the threshold cannot go below 3, answers cannot be
 * repeated or changed after the reveal, success factors are grouped and voted on, 1–3 actions with owners
 * are followed up at the next dialogue, and the trend holds only aggregates that met k. REST refusals.
 */
import { randomUUID } from 'node:crypto';
import type {
  CreateForumBody,
  KasamFollowUpDto,
  KasamReflectionState,
  KasamTrendPoint,
  MeetingDto,
} from '@tillit/protocol';
import { ErrorCode } from '@tillit/protocol';
import { join, signUp, type Person, world } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { createForum, LiveClient, relaxRateLimit, startMeeting } from '../live/live-harness.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let people: Person[];
const clients: LiveClient[] = [];

const phases = (k?: number): CreateForumBody['phases'] => [
  { kind: 'kasam-actions', title: 'Uppföljning och åtgärder', settings: { maxActions: 3 } },
  { kind: 'kasam-reflection', title: 'Egen reflektion', settings: k === undefined ? {} : { k } },
  { kind: 'kasam-factors', title: 'Friskfaktorer', settings: {} },
  {
    kind: 'voting',
    title: 'Vad är viktigast?',
    settings: { itemKinds: ['success-factor'], votesPerPerson: 3, maxPerItem: 2 },
  },
];

/** Every frame a client received or got as an answer, as JSON. */
const frames = new Map<LiveClient, string[]>();
async function connect(p: Person, meetingId: string): Promise<LiveClient> {
  const c = await LiveClient.connect(t.url, p);
  const seen: string[] = [];
  frames.set(c, seen);
  c.socket.onAny((_name: string, ...args: unknown[]) => seen.push(JSON.stringify(args)));
  const origCmd = c.cmd.bind(c);
  c.cmd = (async (...a: Parameters<typeof origCmd>) => {
    const ack = await origCmd(...a);
    seen.push(JSON.stringify(ack));
    return ack;
  }) as typeof c.cmd;
  seen.push(JSON.stringify(await c.join(meetingId)));
  clients.push(c);
  return c;
}

const reflection = (c: LiveClient) =>
  c.state!.phases.find((p) => p.kind === 'kasam-reflection')!.state as KasamReflectionState;

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await world(t.url);
  people = [w.admin, w.facilitator, w.member];
  for (const name of ['Bodil', 'Cesar']) {
    const p = await signUp(t.url, name);
    await join(w.admin, w.team.id, p, 'member');
    people.push(p);
  }
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

test('a team may lower k to 3, and no lower', async () => {
  const refused = await w.facilitator.client.post(`/api/teams/${w.team.id}/forums`, {
    kind: 'kasam',
    name: 'KASAM',
    phases: phases(2),
  });
  expect(refused.status).toBe(400);
  const forum = await createForum(w.facilitator, w.team.id, { kind: 'kasam', name: 'KASAM-samtal', phases: phases() });
  expect(forum.phases[1]).toMatchObject({ kind: 'kasam-reflection', settings: { k: 5 } });
  // With the default k = 5, four answers show nothing; the fifth makes the reveal possible.
  const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
  const cs = [];
  for (const p of people) cs.push(await connect(p, meeting.id));
  await cs[0]!.ok('phase.goto', { index: 1 });
  for (const c of cs.slice(0, 4))
    await c.ok('kasam.answer', { comprehensibility: 4, manageability: 4, meaningfulness: 4 });
  expect(await cs[0]!.cmd('kasam.reveal', {})).toMatchObject({ ok: false, error: { code: ErrorCode.Conflict } });
  await cs[4]!.ok('kasam.answer', { comprehensibility: 5, manageability: 5, meaningfulness: 5 });
  await cs[0]!.ok('kasam.reveal', {});
  await cs[1]!.waitForSeq(cs[0]!.lastSeq);
  expect(reflection(cs[1]!).result).toMatchObject({
    n: 5,
    k: 5,
    dimensions: { comprehensibility: { distribution: [0, 0, 0, 4, 1, 0, 0], median: 4 } },
  });
  await cs[0]!.ok('meeting.end', {});
  // The minutes keep the revealed aggregate (k was met): count, k, median and distribution, and no texts.
  const aggregate = {
    phaseId: cs[0]!.state!.phases[1]!.id,
    n: 5,
    k: 5,
    dimensions: {
      comprehensibility: { distribution: [0, 0, 0, 4, 1, 0, 0], median: 4 },
      manageability: { distribution: [0, 0, 0, 4, 1, 0, 0], median: 4 },
      meaningfulness: { distribution: [0, 0, 0, 4, 1, 0, 0], median: 4 },
    },
  };
  const ended = await w.member.client.get(`/api/meetings/${meeting.id}`);
  expect(ended.body.minutes.kasam).toMatchObject({ aggregates: [aggregate] });
  expect(Object.keys(ended.body.minutes.kasam.aggregates[0]).sort()).toEqual(['dimensions', 'k', 'n', 'phaseId']);
  await cs[1]!.waitForSeq(cs[0]!.lastSeq);
  const endedEvent = cs[1]!.applied.find((e) => e.type === 'meeting.ended');
  expect(endedEvent?.type === 'meeting.ended' && endedEvent.payload.minutes.kasam?.aggregates).toEqual([aggregate]);
  // The frames checked below are those of the k = 3 dialogue only.
  for (const c of cs) frames.delete(c);
});

describe('anonymity that holds (k = 3)', () => {
  let forumId: string;
  let meeting: MeetingDto;
  let fac: LiveClient;
  let live: LiveClient[];
  const TEXTS = ['Hjälper-alfa', 'Hjälper-beta', 'Hjälper-gamma'];

  beforeAll(async () => {
    const forum = await createForum(w.facilitator, w.team.id, {
      kind: 'kasam',
      name: 'KASAM-samtal',
      phases: phases(3),
      facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
    });
    forumId = forum.id;
    meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
    live = [];
    for (const p of people) live.push(await connect(p, meeting.id));
    fac = live[1]!;
    await fac.ok('phase.goto', { index: 1 });
  });

  test('with k − 1 answers nothing reveals an aggregate; with k the reveal shows it', async () => {
    // Two answer (the manager among them).
    await live[0]!.ok('kasam.answer', { comprehensibility: 2, manageability: 3, meaningfulness: 7, helps: TEXTS[0] });
    await live[2]!.ok('kasam.answer', {
      comprehensibility: 4,
      manageability: 3,
      meaningfulness: 6,
      helps: TEXTS[1],
      hinders: 'Stress',
    });
    // Answering twice is refused.
    expect(
      await live[2]!.cmd('kasam.answer', { comprehensibility: 1, manageability: 1, meaningfulness: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    const refused = await fac.cmd('kasam.reveal', {});
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.Conflict } });
    // A plain member may not reveal at all.
    expect(await live[2]!.cmd('kasam.reveal', {})).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    await fac.waitForSeq(fac.lastSeq);
    expect(reflection(fac)).toEqual({ answered: 2, iAnswered: false, revealed: false, result: null });
    expect(reflection(live[0]!)).toMatchObject({ answered: 2, iAnswered: false });
    // REST: the snapshot, the trend and the follow-up show nothing.
    const snap = await w.admin.client.get(`/api/meetings/${meeting.id}`);
    expect(snap.body.phases[1].state).toEqual({ answered: 2, iAnswered: true, revealed: false, result: null });
    expect((await w.member.client.get(`/api/teams/${w.team.id}/kasam/trend?forumId=${forumId}`)).body).toEqual([]);
    // No frame so far carries a rating distribution, a median or a text.
    for (const seen of frames.values()) {
      const all = seen.join('\n');
      expect(all).not.toMatch(/distribution|median|Hjälper-|Stress/);
    }

    // The third answer reaches k = 3: the facilitator may reveal.
    await live[3]!.ok('kasam.answer', {
      comprehensibility: 6,
      manageability: 5,
      meaningfulness: 6,
      helps: TEXTS[2],
      important: 'Att bli lyssnad på',
    });
    await fac.ok('kasam.reveal', {});
    for (const c of live) await c.waitForSeq(fac.lastSeq);
    const shown = reflection(live[4]!);
    expect(shown.revealed).toBe(true);
    expect(shown.result).toMatchObject({
      n: 3,
      k: 3,
      dimensions: {
        comprehensibility: { distribution: [0, 1, 0, 1, 0, 1, 0], median: 4 },
        manageability: { distribution: [0, 0, 2, 0, 1, 0, 0], median: 3 },
        meaningfulness: { distribution: [0, 0, 0, 0, 0, 2, 1], median: 6 },
      },
    });
    expect([...shown.result!.texts.helps].sort()).toEqual([...TEXTS].sort());
    expect(shown.result!.texts.hinders).toEqual(['Stress']);
    expect(shown.result!.texts.important).toEqual(['Att bli lyssnad på']);
    // Answering has closed.
    expect(
      await live[4]!.cmd('kasam.answer', { comprehensibility: 1, manageability: 1, meaningfulness: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    const trend = await w.member.client.get<KasamTrendPoint[]>(
      `/api/teams/${w.team.id}/kasam/trend?forumId=${forumId}`,
    );
    expect(trend.body).toHaveLength(1);
    expect(trend.body[0]).toMatchObject({ meetingId: meeting.id, n: 3, k: 3 });
    expect(JSON.stringify(trend.body)).not.toMatch(/Hjälper/);
  });

  test('no frame sent to any client holds an answerer id next to an answer', () => {
    const answerers = [people[0]!, people[2]!, people[3]!].map((p) => p.user.id);
    for (const [c, seen] of frames) {
      for (const f of seen) {
        // Frames about answers: the count events and the acks of kasam.answer (empty results).
        if (!/kasam\.answered|Hjälper|distribution/.test(f)) continue;
        for (const id of answerers)
          expect({ frame: f.slice(0, 200), leaks: f.includes(id) }).toMatchObject({ leaks: false });
      }
      // Each client's own view never lists who answered, only a count and its own mark.
      const state = reflection(c);
      expect(Object.keys(state).sort()).toEqual(['answered', 'iAnswered', 'result', 'revealed']);
    }
    const answeredEvents = live[1]!.applied.filter((e) => e.type === 'kasam.answered');
    expect(answeredEvents).toHaveLength(3);
    for (const e of answeredEvents) expect(Object.keys(e.payload).sort()).toEqual(['answered', 'phaseId']);
  });

  test('no database row ties an answer to a person', async () => {
    const answerers = [people[0]!, people[2]!, people[3]!].map((p) => p.user.id);
    // The event log keeps the anonymous commands without an actor and without contents.
    const events = (await t.db.query(
      `SELECT actor_id, payload::text AS payload, result::text AS result FROM meeting_events WHERE meeting_id = $1 AND command = 'kasam.answer'`,
      [meeting.id],
    )) as { actor_id: string | null; payload: string; result: string }[];
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.actor_id).toBeNull();
      expect(e.result).toBe('{}');
      expect(e.payload).not.toMatch(/Hjälper|comprehensibility/);
    }
    // The ballot is gone after the reveal; the kept aggregate names nobody.
    expect(await t.db.query(`SELECT * FROM kasam_ballots`)).toEqual([]);
    const results = JSON.stringify(await t.db.query(`SELECT * FROM kasam_results`));
    for (const id of answerers) expect(results.includes(id)).toBe(false);
    // The "has answered" marks were dropped at the reveal: the phase keeps the count and the aggregate only.
    const [phase] = (await t.db.query(
      `SELECT state FROM meeting_phases WHERE meeting_id = $1 AND kind = 'kasam-reflection'`,
      [meeting.id],
    )) as {
      state: { answeredBy: string[]; answered: number };
    }[];
    expect(phase!.state).toMatchObject({ answeredBy: [], answered: 3 });
    // No table anywhere holds an answer's text together with a person's id.
    const tables = (await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    for (const { table_name } of tables) {
      const rows = (await t.db.query(`SELECT row_to_json(x)::text AS j FROM "${table_name}" x`)) as { j: string }[];
      for (const { j } of rows) {
        if (!/Hjälper-alfa|Hjälper-beta|Hjälper-gamma/.test(j)) continue;
        for (const id of answerers) expect({ table_name, leaks: j.includes(id) }).toEqual({ table_name, leaks: false });
      }
    }
  });

  test('while answers are in the ballot (before a reveal), the ballot row holds no person and no time', async () => {
    const m2 = await startMeeting(w.facilitator, w.team.id, forumId);
    const a = await connect(w.member, m2.id);
    const f = await connect(w.facilitator, m2.id);
    await f.ok('phase.goto', { index: 1 });
    const opId = randomUUID();
    const answer = { comprehensibility: 3, manageability: 3, meaningfulness: 3, helps: 'Ensam-text' };
    const first = await a.ok('kasam.answer', answer, opId);
    expect(first.result).toEqual({});
    // A retry of the same operation (as after a reconnect) gets the first answer and adds nothing.
    expect(await a.cmd('kasam.answer', answer, opId)).toEqual(first);
    const rows = (await t.db.query(`SELECT row_to_json(b)::text AS j FROM kasam_ballots b`)) as { j: string }[];
    expect(rows).toHaveLength(1);
    expect(Object.keys(JSON.parse(rows[0]!.j)).sort()).toEqual(['answers', 'phase_id']);
    expect(rows[0]!.j).not.toContain(w.member.user.id);
    expect(JSON.parse(rows[0]!.j).answers).toHaveLength(1);
    // Before a reveal the marks (ids) and the answers live in different rows with nothing linking them.
    const [marks] = (await t.db.query(
      `SELECT state::text AS s FROM meeting_phases WHERE meeting_id = $1 AND kind = 'kasam-reflection'`,
      [m2.id],
    )) as {
      s: string;
    }[];
    expect(marks!.s).toContain(w.member.user.id);
    expect(marks!.s).not.toContain('Ensam-text');
    await f.ok('meeting.end', {});
    // Below k nothing was revealed: the minutes hold no aggregate and nothing of the answer.
    const ended = await w.member.client.get(`/api/meetings/${m2.id}`);
    expect(ended.body.minutes.kasam).toMatchObject({ aggregates: [] });
    expect(JSON.stringify(ended.body.minutes)).not.toMatch(/Ensam-text|distribution|median/);
    await a.waitForSeq(f.lastSeq);
    const endedEvent = a.applied.find((e) => e.type === 'meeting.ended');
    expect(endedEvent?.type === 'meeting.ended' && endedEvent.payload.minutes.kasam?.aggregates).toEqual([]);
    expect(JSON.stringify(endedEvent)).not.toMatch(/Ensam-text|distribution|median/);
    // The default k is 5, and nothing was revealed for this meeting: the trend still holds one point.
    expect((await w.member.client.get(`/api/teams/${w.team.id}/kasam/trend?forumId=${forumId}`)).body).toHaveLength(1);
  });
});

describe('success factors, actions and their follow-up', () => {
  let forumId: string;

  test('factors are captured, grouped and voted on; at most three actions with owners', async () => {
    const forum = await createForum(w.facilitator, w.team.id, {
      kind: 'kasam',
      name: 'KASAM-samtal 2',
      phases: phases(3),
      facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
    });
    forumId = forum.id;
    const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
    const fac = await connect(w.facilitator, meeting.id);
    const mem = await connect(w.member, meeting.id);
    await fac.ok('phase.goto', { index: 2 });
    const f1 = await mem.ok('item.add', { kind: 'success-factor', text: 'Vi hjälps åt' });
    const f2 = await mem.ok('item.add', { kind: 'success-factor', text: 'Humor i gruppen' });
    const plan = await mem.ok('item.add', { kind: 'plan', text: 'Inte en friskfaktor' });
    await mem.ok('kasam.factor.group', { itemId: f1.result.itemId, group: 'Gemenskap' });
    await mem.ok('kasam.factor.group', { itemId: f2.result.itemId, group: 'Gemenskap' });
    expect(await mem.cmd('kasam.factor.group', { itemId: plan.result.itemId, group: 'X' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });
    await fac.ok('phase.goto', { index: 3 });
    await mem.ok('vote.cast', { itemId: f1.result.itemId, delta: 1 });
    await fac.ok('vote.reveal', {});
    await fac.waitForSeq(fac.lastSeq);
    const factors = fac.state!.phases[2]!;
    expect(factors.kind === 'kasam-factors' && factors.state.groups).toEqual({
      [f1.result.itemId]: 'Gemenskap',
      [f2.result.itemId]: 'Gemenskap',
    });
    const voting = fac.state!.phases[3]!;
    expect(voting.kind === 'voting' && voting.state.tallies).toEqual({ [f1.result.itemId]: 1 });

    await fac.ok('phase.goto', { index: 0 });
    for (const text of ['Fredagsfika', 'Avlastning vid sjukdom', 'Introduktion för nya']) {
      await mem.ok('kasam.action.add', { text, ownerId: w.member.user.id, factorId: f1.result.itemId });
    }
    expect(await mem.cmd('kasam.action.add', { text: 'En fjärde', ownerId: w.member.user.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    expect(await mem.cmd('kasam.action.add', { text: 'Utomstående', ownerId: w.outsider.user.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });
    await fac.ok('meeting.end', {});
    // The minutes: the success factors with their groups (no authors) and the actions with their owners.
    const ended = await w.member.client.get(`/api/meetings/${meeting.id}`);
    const kasam = ended.body.minutes.kasam;
    expect(kasam.aggregates).toEqual([]);
    expect(kasam.factors).toEqual([
      { itemId: f1.result.itemId, text: 'Vi hjälps åt', group: 'Gemenskap' },
      { itemId: f2.result.itemId, text: 'Humor i gruppen', group: 'Gemenskap' },
    ]);
    expect(kasam.actions.map((a: { text: string; ownerId: string }) => [a.text, a.ownerId])).toEqual(
      ['Fredagsfika', 'Avlastning vid sjukdom', 'Introduktion för nya'].map((text) => [text, w.member.user.id]),
    );
    expect(JSON.stringify(kasam)).not.toMatch(/authorId/);
    await mem.waitForSeq(fac.lastSeq);
    const endedEvent = mem.applied.find((e) => e.type === 'meeting.ended');
    expect(endedEvent?.type === 'meeting.ended' && endedEvent.payload.minutes.kasam).toEqual(kasam);
  });

  test('the next dialogue of the forum follows the actions up', async () => {
    const meeting = await startMeeting(w.facilitator, w.team.id, forumId);
    const fu = await w.member.client.get<KasamFollowUpDto>(`/api/meetings/${meeting.id}/kasam/follow-up`);
    expect(fu.status).toBe(200);
    expect(fu.body.actions.map((a) => a.text)).toEqual([
      'Fredagsfika',
      'Avlastning vid sjukdom',
      'Introduktion för nya',
    ]);
    expect(fu.body.actions[0]).toMatchObject({ kind: 'action', ownerId: w.member.user.id, status: 'open' });
    const fac = await connect(w.facilitator, meeting.id);
    await fac.ok('kasam.followup', { itemId: fu.body.actions[0]!.id, outcome: 'done', comment: 'Fungerar fint' });
    await fac.ok('kasam.followup', { itemId: fu.body.actions[1]!.id, outcome: 'carry-over' });
    await fac.waitForSeq(fac.lastSeq);
    const actions = fac.state!.phases[0]!;
    expect(actions.kind === 'kasam-actions' && Object.keys(actions.state.outcomes)).toHaveLength(2);
    expect(fac.state!.items.find((i) => i.id === fu.body.actions[0]!.id)?.status).toBe('done');
    // Done ones followed up in this meeting stay listed; a later meeting sees only what is still open.
    const again = await w.member.client.get<KasamFollowUpDto>(`/api/meetings/${meeting.id}/kasam/follow-up`);
    expect(again.body.actions).toHaveLength(3);
    // An item that is not a KASAM action cannot be followed up here.
    const other = await fac.ok('item.add', { kind: 'action', text: 'Annan åtgärd' });
    expect(await fac.cmd('kasam.followup', { itemId: other.result.itemId, outcome: 'done' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });
  });
});

describe('REST refusals', () => {
  test('trend and follow-up: no session 401, other organisation 404, bad query 400', async () => {
    const forum = await createForum(w.facilitator, w.team.id, { kind: 'kasam', name: 'K', phases: phases() });
    const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
    const anon = new Client(t.url);
    const trend = `/api/teams/${w.team.id}/kasam/trend`;
    const follow = `/api/meetings/${meeting.id}/kasam/follow-up`;
    expect((await anon.get(trend)).status).toBe(401);
    expect((await anon.get(follow)).status).toBe(401);
    expect((await w.outsider.client.get(trend)).status).toBe(404);
    expect((await w.outsider.client.get(follow)).status).toBe(404);
    expect((await w.sameOrgOther.client.get(trend)).status).toBe(404);
    expect((await w.member.client.get(`${trend}?forumId=x`)).status).toBe(400);
    expect((await w.member.client.get(`${trend}?other=1`)).status).toBe(400);
    expect((await w.member.client.get(`${trend}?forumId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await w.member.client.get(trend)).status).toBe(200);
  });
});
