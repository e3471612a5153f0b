/**
 * Forums and meetings over REST: every route's success and its refusals (no session, other organisation,
 * too low a role, invalid body).
 */
import { ErrorCode, type ForumDto, type MeetingDto, type MeetingSnapshot } from '@tillit/protocol';
import { world } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { createForum, EVERY_PHASE, LiveClient, startMeeting } from './live-harness.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let forum: ForumDto;
let meeting: MeetingDto;
beforeAll(async () => {
  t = await startTestApp();
  w = await world(t.url);
  forum = await createForum(w.facilitator, w.team.id);
  meeting = await startMeeting(w.member, w.team.id, forum.id);
});
afterAll(() => t.close());

const anon = () => new Client(t.url);

describe('forums', () => {
  test('a facilitator creates a forum; members list and read it; the schedule and phases are kept', async () => {
    expect(forum).toMatchObject({
      teamId: w.team.id,
      kind: 'daily-morning',
      schedule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
      facilitation: { mode: 'rotating' },
    });
    expect(forum.phases).toHaveLength(EVERY_PHASE.length);
    expect(forum.phases[0]).toEqual({
      kind: 'check-in',
      title: 'Incheckning',
      timeboxSeconds: 120,
      settings: { prompt: 'Hur mår du idag?', mode: 'free', allowPass: true },
    });
    const list = await w.member.client.get<ForumDto[]>(`/api/teams/${w.team.id}/forums`);
    expect(list.status).toBe(200);
    expect(list.body.map((f) => f.id)).toContain(forum.id);
    const one = await w.member.client.get<ForumDto>(`/api/teams/${w.team.id}/forums/${forum.id}`);
    expect(one.body).toEqual(list.body.find((f) => f.id === forum.id));
  });

  test('rotating facilitation goes through the members in turn', async () => {
    const f = await createForum(w.admin, w.team.id, {
      name: 'Eftermiddag',
      kind: 'daily-afternoon',
      facilitation: { mode: 'rotating', userIds: [w.member.user.id, w.facilitator.user.id] },
    });
    expect(f.nextFacilitatorId).toBe(w.member.user.id);
    const m1 = await startMeeting(w.admin, w.team.id, f.id);
    const m2 = await startMeeting(w.admin, w.team.id, f.id);
    const m3 = await startMeeting(w.admin, w.team.id, f.id, { facilitatorId: w.admin.user.id });
    expect([m1.facilitatorId, m2.facilitatorId, m3.facilitatorId]).toEqual([
      w.member.user.id,
      w.facilitator.user.id,
      w.admin.user.id,
    ]);
  });

  test('update and delete (meetings of a deleted forum stay as history)', async () => {
    const f = await createForum(w.facilitator, w.team.id, { name: 'Tillfällig' });
    const m = await startMeeting(w.member, w.team.id, f.id);
    const patched = await w.facilitator.client.patch<ForumDto>(`/api/teams/${w.team.id}/forums/${f.id}`, {
      name: 'Etikforum',
      kind: 'ethics',
      schedule: null,
      facilitation: { mode: 'fixed', userId: w.member.user.id },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Etikforum',
      kind: 'ethics',
      schedule: null,
      nextFacilitatorId: w.member.user.id,
    });
    expect((await w.facilitator.client.delete(`/api/teams/${w.team.id}/forums/${f.id}`)).status).toBe(204);
    expect((await w.member.client.get(`/api/teams/${w.team.id}/forums/${f.id}`)).status).toBe(404);
    const kept = await w.member.client.get<MeetingSnapshot>(`/api/meetings/${m.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.meeting.forumId).toBeNull();
  });

  test.each([
    ['an invalid RRULE', { schedule: 'FREQ=SOMETIMES' }, 'schedule'],
    ['an unknown RRULE part', { schedule: 'FREQ=DAILY;BYFOO=1' }, 'schedule'],
    ['no phases', { phases: [] }, 'phases'],
    ['an unknown phase kind', { phases: [{ kind: 'dance', title: 'x', settings: {} }] }, 'phases.0.kind'],
    ['unknown settings', { phases: [{ kind: 'summary', title: 'x', settings: { extra: 1 } }] }, 'phases.0.settings'],
    [
      'too many votes',
      { phases: [{ kind: 'voting', title: 'x', settings: { itemKinds: ['idea'], votesPerPerson: 99 } }] },
      'phases.0.settings.votesPerPerson',
    ],
    ['an unknown field', { colour: 'red' }, ''],
    [
      'a facilitator outside the team',
      { facilitation: { mode: 'fixed', userId: '00000000-0000-4000-8000-000000000000' } },
      'facilitation',
    ],
  ])('%s is refused (400, naming the field)', async (_what, patch, field) => {
    const res = await w.facilitator.client.post(`/api/teams/${w.team.id}/forums`, {
      kind: 'custom',
      name: 'Ny',
      phases: [{ kind: 'summary', title: 'Sammanfattning', settings: {} }],
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    if (field) expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});

describe('meetings', () => {
  test('any member starts a meeting; it is live with the forum’s phases; history lists it', async () => {
    expect(meeting).toMatchObject({
      teamId: w.team.id,
      forumId: forum.id,
      forumKind: 'daily-morning',
      state: 'live',
      currentPhaseIndex: 0,
    });
    const history = await w.member.client.get<MeetingDto[]>(`/api/teams/${w.team.id}/meetings?forumId=${forum.id}`);
    expect(history.status).toBe(200);
    expect(history.body.map((m) => m.id)).toContain(meeting.id);
    const live = await w.member.client.get<MeetingDto[]>(`/api/teams/${w.team.id}/meetings?state=ended`);
    expect(live.body.map((m) => m.id)).not.toContain(meeting.id);
    const snap = await w.member.client.get<MeetingSnapshot>(`/api/meetings/${meeting.id}`);
    expect(snap.status).toBe(200);
    expect(snap.body.phases.map((p) => p.kind)).toEqual(EVERY_PHASE.map((p) => p.kind));
    expect(snap.body.participants.map((p) => p.userId)).toEqual(
      expect.arrayContaining([w.admin.user.id, w.facilitator.user.id, w.member.user.id]),
    );
  });

  test('an ad-hoc meeting, and a scheduled one that starts with meeting.start', async () => {
    const adHoc = await w.member.client.post<MeetingDto>(`/api/teams/${w.team.id}/meetings`, {
      title: 'Snabbmöte',
      phases: [{ kind: 'capture', title: 'Idéer', settings: { itemKinds: ['idea'] } }],
    });
    expect(adHoc.status).toBe(201);
    expect(adHoc.body).toMatchObject({ forumId: null, state: 'live', facilitatorId: w.member.user.id });
    const scheduled = await startMeeting(w.member, w.team.id, forum.id, { scheduledFor: '2030-01-01T08:30:00+01:00' });
    expect(scheduled).toMatchObject({ state: 'scheduled', startedAt: null, scheduledFor: '2030-01-01T07:30:00.000Z' });
    // Live commands wait for meeting.start (sent by the facilitator).
    const live = await LiveClient.connect(t.url, w.admin);
    try {
      await live.join(scheduled.id);
      expect(await live.cmd('item.add', { kind: 'plan', text: 'x' })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.MeetingNotStarted },
      });
      await live.ok('meeting.start', {});
      expect(live.state!.meeting.state).toBe('live');
      expect(await live.cmd('item.add', { kind: 'plan', text: 'x' })).toMatchObject({ ok: true });
    } finally {
      live.close();
    }
  });

  const routes = () =>
    [
      { method: 'get', url: `/api/teams/${w.team.id}/forums` },
      {
        method: 'post',
        url: `/api/teams/${w.team.id}/forums`,
        body: { kind: 'custom', name: 'X', phases: EVERY_PHASE },
        role: true,
      },
      { method: 'get', url: `/api/teams/${w.team.id}/forums/${forum.id}` },
      { method: 'patch', url: `/api/teams/${w.team.id}/forums/${forum.id}`, body: { name: 'Y' }, role: true },
      { method: 'delete', url: `/api/teams/${w.team.id}/forums/${forum.id}`, role: true },
      { method: 'post', url: `/api/teams/${w.team.id}/forums/${forum.id}/meetings`, body: {} },
      { method: 'post', url: `/api/teams/${w.team.id}/meetings`, body: { title: 'X', phases: EVERY_PHASE } },
      { method: 'get', url: `/api/teams/${w.team.id}/meetings` },
      { method: 'get', url: `/api/meetings/${meeting.id}` },
    ] as { method: 'get' | 'post' | 'patch' | 'delete'; url: string; body?: unknown; role?: boolean }[];

  test('every route: no session → 401, another organisation or team → 404, a member on facilitator routes → 403', async () => {
    for (const r of routes()) {
      const call = (c: Client) =>
        r.method === 'get' || r.method === 'delete' ? c[r.method](r.url) : c[r.method](r.url, r.body);
      expect({ r: r.url, status: (await call(anon())).status }).toEqual({ r: r.url, status: 401 });
      expect({ r: r.url, status: (await call(w.outsider.client)).status }).toEqual({ r: r.url, status: 404 });
      expect({ r: r.url, status: (await call(w.sameOrgOther.client)).status }).toEqual({ r: r.url, status: 404 });
      if (r.role) expect({ r: r.url, status: (await call(w.member.client)).status }).toEqual({ r: r.url, status: 403 });
    }
    // Nothing was changed by any of those.
    const f = await w.member.client.get<ForumDto>(`/api/teams/${w.team.id}/forums/${forum.id}`);
    expect(f.body.name).toBe(forum.name);
  });

  test('invalid bodies and queries are refused with 400', async () => {
    const bad = [
      await w.member.client.post(`/api/teams/${w.team.id}/forums/${forum.id}/meetings`, { facilitatorId: 'nope' }),
      await w.member.client.post(`/api/teams/${w.team.id}/forums/${forum.id}/meetings`, { scheduledFor: 'tomorrow' }),
      await w.member.client.post(`/api/teams/${w.team.id}/meetings`, { title: 'X' }),
      await w.member.client.get(`/api/teams/${w.team.id}/meetings?state=paused`),
      await w.member.client.get(`/api/teams/${w.team.id}/meetings?limit=100000`),
      await w.facilitator.client.patch(`/api/teams/${w.team.id}/forums/${forum.id}`, {
        schedule: 'FREQ=DAILY;COUNT=2;UNTIL=20300101',
      }),
    ];
    for (const res of bad)
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: ErrorCode.ValidationFailed });
    expect((await w.member.client.get(`/api/meetings/not-a-uuid`)).status).toBe(404);
  });
});
