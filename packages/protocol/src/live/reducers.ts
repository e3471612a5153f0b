/** The engine's own reducer cases: items, participation, the facilitator's controls (see apply.ts). */
import { type Reducers, upsertItem } from './apply.js';
import type { EngineEventPayloads } from './events.js';

export const ENGINE_REDUCERS: Reducers<keyof EngineEventPayloads> = {
  'item.added': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'item.updated': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'item.deleted': (s, e) => ({
    ...s,
    items: s.items
      .filter((i) => i.id !== e.payload.itemId)
      .map((i) => (i.parentId === e.payload.itemId ? { ...i, parentId: null } : i)),
  }),
  'ready.changed': (s, e) => ({
    ...s,
    ready: e.payload.ready
      ? s.ready.includes(e.payload.userId)
        ? s.ready
        : [...s.ready, e.payload.userId]
      : s.ready.filter((u) => u !== e.payload.userId),
  }),
  'hand.raised': (s, e) =>
    s.hands.some((h) => h.userId === e.payload.userId)
      ? s
      : { ...s, hands: [...s.hands, { userId: e.payload.userId, at: e.payload.at }] },
  'hand.lowered': (s, e) => ({ ...s, hands: s.hands.filter((h) => h.userId !== e.payload.userId) }),
  'meeting.started': (s, e) => ({ ...s, meeting: { ...s.meeting, state: 'live', startedAt: e.payload.startedAt } }),
  'phase.changed': (s, e) => ({
    ...s,
    meeting: { ...s.meeting, currentPhaseIndex: e.payload.index },
    timer: e.payload.timer,
    ready: [],
  }),
  'timer.changed': (s, e) => ({ ...s, timer: e.payload.timer }),
  'input.locked': (s, e) => ({ ...s, meeting: { ...s.meeting, inputLocked: e.payload.locked } }),
  'facilitator.changed': (s, e) => ({ ...s, meeting: { ...s.meeting, facilitatorId: e.payload.userId } }),
  'meeting.ended': (s, e) => ({
    ...s,
    meeting: { ...s.meeting, state: 'ended', endedAt: e.payload.endedAt },
    minutes: e.payload.minutes,
    timer:
      s.timer.status === 'running' ? { status: 'paused', remainingMs: 0, durationMs: s.timer.durationMs } : s.timer,
    hands: [],
  }),
};
