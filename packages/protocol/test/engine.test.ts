/** The engine's own events through applyEvent: items, participation and the facilitator's controls. */
import { applyEvent, type MinutesDto } from '../src/index.js';
import { ANNA, BO, CARL, draft, events, item, phase, play, snapshot } from './factories.js';

const minutes = (over: Partial<MinutesDto> = {}): MinutesDto => ({
  summary: '',
  created: [],
  actions: [],
  reviewed: [],
  votes: [],
  checkIns: [],
  ...over,
});

describe('items', () => {
  test('added, edited and deleted items show as the team captured them', () => {
    const gloves = item({ text: 'Ordering gloves takes too long' });
    const rota = item({ text: 'Weekend rota is unclear', authorId: BO });
    const after = play(
      snapshot(),
      draft('item.added', { item: gloves }),
      draft('item.added', { item: rota }),
      draft('item.updated', { item: { ...gloves, text: 'Ordering gloves takes a week', status: 'done' } }),
      draft('item.deleted', { itemId: rota.id }),
    );
    expect(after.items).toEqual([{ ...gloves, text: 'Ordering gloves takes a week', status: 'done' }]);
    expect(after.lastSeq).toBe(4);
  });

  test('an item added twice (a retry seen twice) is there once', () => {
    const gloves = item();
    const after = play(snapshot(), draft('item.added', { item: gloves }), draft('item.added', { item: gloves }));
    expect(after.items).toEqual([gloves]);
  });

  test('actions made from a deleted item stay, without their parent', () => {
    const issue = item();
    const action = item({ kind: 'action', text: 'Call the supplier', parentId: issue.id, ownerId: BO });
    const after = play(snapshot({ items: [issue, action] }), draft('item.deleted', { itemId: issue.id }));
    expect(after.items).toEqual([{ ...action, parentId: null }]);
  });
});

describe('participation', () => {
  test('ready: each person once, and can take it back', () => {
    const after = play(
      snapshot(),
      draft('ready.changed', { userId: BO, ready: true }),
      draft('ready.changed', { userId: CARL, ready: true }),
      draft('ready.changed', { userId: BO, ready: true }),
      draft('ready.changed', { userId: CARL, ready: false }),
    );
    expect(after.ready).toEqual([BO]);
  });

  test('hands: first raised first, raising twice keeps your place, lowering takes you out', () => {
    const after = play(
      snapshot(),
      draft('hand.raised', { userId: CARL, at: '2026-03-02T08:31:00.000Z' }),
      draft('hand.raised', { userId: BO, at: '2026-03-02T08:31:05.000Z' }),
      draft('hand.raised', { userId: CARL, at: '2026-03-02T08:31:09.000Z' }),
      draft('hand.lowered', { userId: BO }),
    );
    expect(after.hands).toEqual([{ userId: CARL, at: '2026-03-02T08:31:00.000Z' }]);
  });
});

describe('facilitator controls', () => {
  test('a scheduled meeting starts live', () => {
    const s = snapshot();
    const scheduled = { ...s, meeting: { ...s.meeting, state: 'scheduled' as const, startedAt: null } };
    const after = play(scheduled, draft('meeting.started', { startedAt: '2026-03-02T08:35:00.000Z' }));
    expect(after.meeting).toMatchObject({ state: 'live', startedAt: '2026-03-02T08:35:00.000Z' });
  });

  test('a phase change moves on, resets who is ready and sets the new time box', () => {
    const s = snapshot({
      phases: [
        phase('capture', { itemKinds: ['note'], prompt: '' }, {}, 0),
        phase('summary', { prompt: '' }, { text: '' }, 1),
      ],
      ready: [BO, CARL],
      timer: { status: 'running', endsAt: '2026-03-02T08:40:00.000Z', durationMs: 300_000 },
    });
    const after = play(s, draft('phase.changed', { index: 1, timer: { status: 'idle', remainingMs: 120_000 } }));
    expect(after.meeting.currentPhaseIndex).toBe(1);
    expect(after.ready).toEqual([]);
    expect(after.timer).toEqual({ status: 'idle', remainingMs: 120_000 });
  });

  test('timer, input lock and facilitator follow their events', () => {
    const running = { status: 'running', endsAt: '2026-03-02T08:40:00.000Z', durationMs: 300_000 } as const;
    const after = play(
      snapshot(),
      draft('timer.changed', { timer: running }),
      draft('input.locked', { locked: true }),
      draft('facilitator.changed', { userId: BO, reason: 'passed' }),
    );
    expect(after.timer).toEqual(running);
    expect(after.meeting.inputLocked).toBe(true);
    expect(after.meeting.facilitatorId).toBe(BO);
  });

  test('an ended meeting keeps its minutes, freezes a running timer at zero and lowers every hand', () => {
    const s = snapshot({
      timer: { status: 'running', endsAt: '2026-03-02T08:40:00.000Z', durationMs: 300_000 },
      hands: [{ userId: BO, at: '2026-03-02T08:31:00.000Z' }],
    });
    const m = minutes({ summary: 'Gloves: Bo calls the supplier.' });
    const after = play(s, draft('meeting.ended', { endedAt: '2026-03-02T09:00:00.000Z', minutes: m }));
    expect(after.meeting).toMatchObject({ state: 'ended', endedAt: '2026-03-02T09:00:00.000Z' });
    expect(after.minutes).toEqual(m);
    expect(after.timer).toEqual({ status: 'paused', remainingMs: 0, durationMs: 300_000 });
    expect(after.hands).toEqual([]);
  });

  test('an ended meeting leaves a paused or idle timer as it was', () => {
    const paused = { status: 'paused', remainingMs: 42_000, durationMs: 300_000 } as const;
    const after = play(
      snapshot({ timer: paused }),
      draft('meeting.ended', { endedAt: '2026-03-02T09:00:00.000Z', minutes: minutes() }),
    );
    expect(after.timer).toEqual(paused);
  });
});

test('every event moves lastSeq and serverNow to the event', () => {
  const s = snapshot({ lastSeq: 41 });
  const [e] = events(s, draft('ready.changed', { userId: ANNA, ready: true }));
  const after = applyEvent(s, e!);
  expect(after.lastSeq).toBe(42);
  expect(after.serverNow).toBe(e!.at);
});

test('applyEvent never changes its input', () => {
  const gloves = item();
  const s = snapshot({ items: [gloves], ready: [BO], hands: [{ userId: CARL, at: '2026-03-02T08:31:00.000Z' }] });
  const before = JSON.parse(JSON.stringify(s)) as typeof s;
  for (const e of events(
    s,
    draft('item.updated', { item: { ...gloves, text: 'changed' } }),
    draft('item.deleted', { itemId: gloves.id }),
    draft('ready.changed', { userId: BO, ready: false }),
    draft('hand.lowered', { userId: CARL }),
    draft('meeting.ended', { endedAt: '2026-03-02T09:00:00.000Z', minutes: minutes() }),
  )) {
    applyEvent(s, e);
  }
  expect(s).toEqual(before);
});
