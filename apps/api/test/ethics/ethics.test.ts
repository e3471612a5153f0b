/**
 * Ethics forum: the theme library (REST, with refusals), the forum remembering used themes, breakout groups
 * (forming, avoiding last time's pairs, moving, timers, recall, share-back) and CONFIDENTIAL notes: a member
 * of group A never receives group B's notes in any frame, and nobody outside a group — the facilitator, a
 * manager, an organisation admin — can read them, in the meeting or afterwards (minutes, snapshots, events).
 */
import type { BreakoutState, CreateForumBody, EthicsThemeLibraryDto, LiveEvent, MeetingDto } from '@tillit/protocol';
import { ErrorCode } from '@tillit/protocol';
import { formGroups, pairsOf, repeatedPairs } from '../../src/ethics/grouping.js';
import { join, signUp, type Person, world } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { createForum, LiveClient, relaxRateLimit, startMeeting } from '../live/live-harness.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let extra: Person[];
const clients: LiveClient[] = [];

const ETHICS_PHASES: CreateForumBody['phases'] = [
  { kind: 'ethics-theme', title: 'Tema', settings: {} },
  { kind: 'breakout', title: 'Smågrupper', timeboxSeconds: 600, settings: { groupSize: 2 } },
  { kind: 'summary', title: 'Sammanfattning', settings: {} },
];

/** Every frame a client received, as JSON (events, join answers, acks). */
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
  const ack = await c.join(meetingId);
  seen.push(JSON.stringify(ack));
  clients.push(c);
  return c;
}

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await world(t.url);
  extra = [await signUp(t.url, 'Bodil'), await signUp(t.url, 'Cesar')];
  for (const p of extra) await join(w.admin, w.team.id, p, 'member');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('grouping', () => {
  const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((userId, seniority) => ({
    userId,
    role: seniority === 0 ? ('manager' as const) : seniority === 1 ? ('facilitator' as const) : ('member' as const),
    seniority,
  }));

  test('groups of about the chosen size, everyone placed once', () => {
    for (const mode of ['random', 'balanced'] as const) {
      const { groups } = formGroups(people, 3, mode, new Set());
      expect(groups).toHaveLength(3);
      expect(groups.flat().sort()).toEqual(people.map((p) => p.userId));
      const sizes = groups.map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  test('balanced puts the manager and the facilitator in different groups', () => {
    for (let i = 0; i < 20; i++) {
      const { groups } = formGroups(people, 4, 'balanced', new Set());
      expect(groups.find((g) => g.includes('a'))).not.toContain('b');
    }
  });

  test("last time's pairs are avoided where possible", () => {
    const last = pairsOf([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    for (const mode of ['random', 'balanced'] as const) {
      for (let i = 0; i < 20; i++) {
        const { groups, repeatedPairs: n } = formGroups(people.slice(0, 4), 2, mode, last);
        expect(n).toBe(0);
        expect(repeatedPairs(groups, last)).toBe(0);
      }
    }
  });
});

describe('theme library (REST)', () => {
  const base = () => `/api/teams/${w.team.id}/ethics/themes`;

  test('built-in themes come first as suggestions; a team adds its own, which is suggested before ours', async () => {
    const lib = await w.member.client.get<EthicsThemeLibraryDto>(base());
    expect(lib.status).toBe(200);
    expect(lib.body.builtin.length).toBeGreaterThanOrEqual(8);
    expect(lib.body.suggestion).toEqual({ builtin: 'dignity' });

    const created = await w.member.client.post(base(), {
      title: 'Sociala medier',
      case: 'En anhörig filmar.',
      questions: ['Vad gäller?'],
    });
    expect(created.status).toBe(201);
    const after = await w.member.client.get<EthicsThemeLibraryDto>(base());
    expect(after.body.team.map((x) => x.title)).toEqual(['Sociala medier']);
    expect(after.body.suggestion).toEqual({ teamThemeId: created.body.id });

    // Its author and facilitators may change it; another plain member may not.
    expect((await extra[0]!.client.patch(`${base()}/${created.body.id}`, { title: 'X' })).status).toBe(403);
    expect(
      (await w.facilitator.client.patch(`${base()}/${created.body.id}`, { title: 'Sociala medier och bilder' })).status,
    ).toBe(200);
    expect(
      (await w.member.client.patch(`${base()}/${created.body.id}`, { questions: ['Vad gäller?', 'Vem frågar vi?'] }))
        .status,
    ).toBe(200);
    expect((await extra[0]!.client.delete(`${base()}/${created.body.id}`)).status).toBe(403);
  });

  test('refusals: no session 401, other organisation 404, invalid body 400, unknown theme 404', async () => {
    const anon = new Client(t.url);
    expect((await anon.get(base())).status).toBe(401);
    expect((await anon.post(base(), { title: 'x' })).status).toBe(401);
    expect((await w.outsider.client.get(base())).status).toBe(404);
    expect((await w.outsider.client.post(base(), { title: 'x' })).status).toBe(404);
    expect((await w.sameOrgOther.client.get(base())).status).toBe(404);
    const bad = await w.member.client.post(base(), { title: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.ValidationFailed);
    expect((await w.member.client.post(base(), { title: 'x', questions: Array(9).fill('q') })).status).toBe(400);
    expect((await w.member.client.get(`${base()}?forumId=nope`)).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await w.member.client.patch(`${base()}/${unknown}`, { title: 'x' })).status).toBe(404);
    expect((await w.outsider.client.delete(`${base()}/${unknown}`)).status).toBe(404);
  });
});

describe('a live ethics forum', () => {
  let forumId: string;
  let meeting: MeetingDto;
  let fac: LiveClient;
  let everyone: Person[];
  let byUser: Map<string, LiveClient>;

  beforeAll(async () => {
    const forum = await createForum(w.facilitator, w.team.id, {
      kind: 'ethics',
      name: 'Etikforum',
      phases: ETHICS_PHASES,
      facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
    });
    forumId = forum.id;
    meeting = await startMeeting(w.member, w.team.id, forum.id);
    fac = await connect(w.facilitator, meeting.id);
    everyone = [w.member, extra[0]!, extra[1]!, w.admin];
    byUser = new Map();
    for (const p of everyone) byUser.set(p.user.id, await connect(p, meeting.id));
  });

  test('choosing a theme is remembered by the forum, and the next suggestion is one not used', async () => {
    await fac.ok('ethics.theme.choose', { theme: { builtin: 'dignity' } });
    await fac.waitForSeq(fac.lastSeq);
    const phase = fac.state!.phases[0]!;
    expect(phase.kind === 'ethics-theme' && phase.state.theme).toEqual({ source: 'builtin', key: 'dignity' });
    const lib = await w.member.client.get<EthicsThemeLibraryDto>(
      `/api/teams/${w.team.id}/ethics/themes?forumId=${forumId}`,
    );
    expect(lib.body.builtin.find((b) => b.key === 'dignity')).toMatchObject({
      timesUsed: 1,
      lastUsedOn: expect.any(String),
    });
    expect(lib.body.suggestion).not.toEqual({ builtin: 'dignity' });
    // A plain member may not choose.
    const refused = await byUser
      .get(w.member.user.id)!
      .cmd('ethics.theme.choose', { theme: { builtin: 'speaking-up' } });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    // Another team's theme id is only looked up.
    const foreign = await fac.cmd('ethics.theme.choose', {
      theme: { teamThemeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
  });

  test('groups: formed by hand, notes stay inside their group in every frame and over REST', async () => {
    await fac.ok('phase.goto', { index: 1 });
    const [m, b, c, admin] = everyone.map((p) => p.user.id) as [string, string, string, string];
    await fac.ok('breakout.form', {
      mode: 'manual',
      groups: [
        [m, b],
        [c, admin],
      ],
    });
    // Notes before the groups start are refused.
    expect(await byUser.get(m)!.cmd('breakout.notes', { group: 0, text: 'för tidigt' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    await fac.ok('breakout.open', {});
    await fac.waitForSeq(fac.lastSeq);
    const state = () => fac.state!.phases[1]!.state as BreakoutState;
    expect(state().stage).toBe('running');
    // The time box started every group's own clock.
    expect(state().groups.every((g) => g.timer.status === 'running')).toBe(true);

    const SECRET_A = 'A-hemlighet: vi är oroliga för nattbemanningen';
    const SECRET_B = 'B-hemlighet: Cesar berättade om ett misstag';
    expect((await byUser.get(m)!.ok('breakout.notes', { group: 0, text: SECRET_A })).result).toEqual({ rev: 1 });
    await byUser.get(c)!.ok('breakout.notes', { group: 1, text: SECRET_B });
    // Members only: not a member of another group, not the facilitator, not the organisation admin of group B for group A.
    for (const [who, group] of [
      [m, 1],
      [admin, 0],
    ] as const) {
      expect(await byUser.get(who)!.cmd('breakout.notes', { group, text: 'intrång' })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.Forbidden },
      });
    }
    expect(await fac.cmd('breakout.notes', { group: 0, text: 'intrång' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });

    // Shared summaries are separate and public; the facilitator may help write them.
    await byUser.get(b)!.ok('breakout.summary', { group: 0, text: 'Vi vill prata om bemanning i plenum.' });
    await fac.ok('breakout.summary', { group: 1, text: 'Vikten av att våga säga till.' });
    expect(await byUser.get(m)!.cmd('breakout.summary', { group: 1, text: 'nej' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });

    // REST: the notes for the group's members; 403 for everyone else in the team (manager and facilitator too).
    const notesUrl = (g: number) => `/api/meetings/${meeting.id}/phases/${fac.state!.phases[1]!.id}/groups/${g}/notes`;
    const got = await w.member.client.get(notesUrl(0));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ text: SECRET_A, rev: 1 });
    expect((await extra[1]!.client.get(notesUrl(1))).body.text).toBe(SECRET_B);
    expect((await w.member.client.get(notesUrl(1))).status).toBe(403);
    expect((await w.facilitator.client.get(notesUrl(0))).status).toBe(403);
    expect((await w.admin.client.get(notesUrl(0))).status).toBe(403);
    expect((await w.outsider.client.get(notesUrl(0))).status).toBe(404);
    expect((await new Client(t.url).get(notesUrl(0))).status).toBe(401);
    expect((await w.member.client.get(notesUrl(7))).status).toBe(404);
    expect((await w.member.client.get(notesUrl(99))).status).toBe(404);

    // Every frame anyone received: no note text anywhere (only revision numbers travel).
    const lastSeq = fac.lastSeq;
    for (const cl of [fac, ...byUser.values()]) await cl.waitForSeq(lastSeq);
    for (const [cl, seen] of frames) {
      const all = seen.join('\n');
      expect({ who: cl.person.user.displayName, a: all.includes(SECRET_A), b: all.includes(SECRET_B) }).toEqual({
        who: cl.person.user.displayName,
        a: false,
        b: false,
      });
    }
    // …and none in the event log, the phase state or a fresh snapshot.
    const [log] = (await t.db.query(
      `SELECT count(*)::int AS n FROM meeting_events WHERE meeting_id = $1 AND (payload::text LIKE '%hemlighet%' OR result::text LIKE '%hemlighet%')`,
      [meeting.id],
    )) as { n: number }[];
    expect(log!.n).toBe(0);
    const [phases] = (await t.db.query(
      `SELECT count(*)::int AS n FROM meeting_phases WHERE meeting_id = $1 AND state::text LIKE '%hemlighet%'`,
      [meeting.id],
    )) as { n: number }[];
    expect(phases!.n).toBe(0);
  });

  test('moving people live, group timers, calling everyone back and share-back', async () => {
    const [m, , c] = everyone.map((p) => p.user.id) as [string, string, string, string];
    // Move Maja to group B: she now reads B's notes and no longer A's.
    await fac.ok('breakout.move', { userId: m, group: 1 });
    const notesUrl = (g: number) => `/api/meetings/${meeting.id}/phases/${fac.state!.phases[1]!.id}/groups/${g}/notes`;
    expect((await w.member.client.get(notesUrl(1))).status).toBe(200);
    expect((await w.member.client.get(notesUrl(0))).status).toBe(403);
    // A new group (index = number of groups), then back.
    await fac.ok('breakout.move', { userId: c, group: 2 });
    await fac.ok('breakout.move', { userId: c, group: 1 });
    // The group's own timer: its members and the facilitator; not another group's member.
    await byUser.get(c)!.ok('breakout.timer', { group: 1, action: 'pause' });
    expect(await byUser.get(extra[0]!.user.id)!.cmd('breakout.timer', { group: 1, action: 'resume' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    await fac.ok('breakout.timer', { group: 1, action: 'start', seconds: 120 });
    await fac.ok('breakout.recall', {});
    await fac.waitForSeq(fac.lastSeq);
    let s = fac.state!.phases[1]!.state as BreakoutState;
    expect(s.stage).toBe('recalled');
    expect(s.groups.every((g) => g.timer.status !== 'running')).toBe(true);
    await fac.ok('breakout.share', { group: 0 });
    await fac.ok('breakout.share', { group: 1 });
    const member = byUser.get(m)!;
    await member.waitForSeq(fac.lastSeq);
    s = member.state!.phases[1]!.state as BreakoutState;
    expect(s).toMatchObject({ stage: 'share-back', sharing: 1 });
    expect(s.groups[1]!.summary).toBe('Vikten av att våga säga till.');
    // Every client ends in the same state as a fresh snapshot.
    const fresh = await w.member.client.get(`/api/meetings/${meeting.id}`);
    expect(fresh.body.phases[1].state).toEqual(s);
  });

  test('the minutes and the ended meeting hold no confidential notes', async () => {
    await fac.ok('meeting.end', {});
    const ended = await w.admin.client.get(`/api/meetings/${meeting.id}`);
    expect(JSON.stringify(ended.body)).not.toMatch(/hemlighet/);
    const [row] = (await t.db.query(`SELECT minutes::text AS m FROM meetings WHERE id = $1`, [meeting.id])) as {
      m: string;
    }[];
    expect(row!.m).not.toMatch(/hemlighet/);
    // The minutes hold the theme and every group's shared summary, and nothing of the notes (not even a rev).
    const expected = {
      themes: [{ phaseId: fac.state!.phases[0]!.id, theme: { source: 'builtin', key: 'dignity' } }],
      groups: [
        { phaseId: fac.state!.phases[1]!.id, group: 0, summary: 'Vi vill prata om bemanning i plenum.' },
        { phaseId: fac.state!.phases[1]!.id, group: 1, summary: 'Vikten av att våga säga till.' },
      ],
    };
    expect(ended.body.minutes.ethics).toEqual(expected);
    const member = byUser.get(w.member.user.id)!;
    await member.waitForSeq(fac.lastSeq);
    const endedEvent = member.applied.find((e) => e.type === 'meeting.ended');
    expect(endedEvent?.type === 'meeting.ended' && endedEvent.payload.minutes.ethics).toEqual(expected);
    expect(JSON.stringify(endedEvent)).not.toMatch(/hemlighet|notesRev/);
    expect(JSON.stringify(ended.body.minutes)).not.toMatch(/notesRev/);
    // The group's members can still read their own notes afterwards.
    const notesUrl = `/api/meetings/${meeting.id}/phases/${fac.state!.phases[1]!.id}/groups/1/notes`;
    expect((await extra[1]!.client.get(notesUrl)).body.text).toMatch(/B-hemlighet/);
  });

  test("the next meeting's random groups avoid last time's pairs", async () => {
    const next = await startMeeting(w.facilitator, w.team.id, forumId);
    const f2 = await connect(w.facilitator, next.id);
    await f2.ok('phase.goto', { index: 1 });
    // Last time ended as [Bodil] and [admin, Maja, Cesar]: in pairs of two, one of those three pairs must
    // repeat; the grouping repeats no more than that, and Bodil sits with one of the other three.
    const ids = everyone.map((p) => p.user.id);
    const ack = await f2.ok('breakout.form', { mode: 'random', groupSize: 2, userIds: ids });
    expect(ack.result.groups).toBe(2);
    expect(ack.result.repeatedPairs).toBe(1);
    // Someone outside the team cannot be put in a group.
    expect(
      await f2.cmd('breakout.form', { mode: 'balanced', groupSize: 2, userIds: [w.outsider.user.id] }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });
  });
});

test('events carry no note text even for group members (they fetch it)', () => {
  const noteEvents: LiveEvent[] = [];
  for (const c of clients) noteEvents.push(...c.applied.filter((e) => e.type === 'breakout.notes.changed'));
  expect(noteEvents.length).toBeGreaterThan(0);
  for (const e of noteEvents) expect(Object.keys(e.payload).sort()).toEqual(['group', 'phaseId', 'rev']);
});
