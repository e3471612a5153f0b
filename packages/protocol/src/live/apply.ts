/**
 * The one reducer for live events: `applyEvent(snapshot, event)` returns the next snapshot. The API's
 * tests use it to prove that a client applying the broadcasts ends in exactly the database's state; the web
 * app uses it to update its React Query cache, for the sender and for everyone else alike.
 * Pure: never mutates its input. Events must be applied in seq order (see events.ts).
 */
import type { LiveEvent, LiveEventOf, LiveEventType } from './events.js';
import type { ItemDto, MeetingSnapshot, PhaseView } from './model.js';

type Reducer<K extends LiveEventType> = (s: MeetingSnapshot, e: LiveEventOf<K>) => MeetingSnapshot;

const upsertItem = (items: ItemDto[], item: ItemDto): ItemDto[] =>
  items.some((i) => i.id === item.id) ? items.map((i) => (i.id === item.id ? item : i)) : [...items, item];

function updatePhase<K extends PhaseView['kind']>(
  s: MeetingSnapshot,
  phaseId: string,
  kind: K,
  update: (p: Extract<PhaseView, { kind: K }>) => Extract<PhaseView, { kind: K }>,
): MeetingSnapshot {
  return {
    ...s,
    phases: s.phases.map((p) => (p.id === phaseId && p.kind === kind ? update(p as Extract<PhaseView, { kind: K }>) : p)),
  };
}

const REDUCERS: { [K in LiveEventType]: Reducer<K> } = {
  'item.added': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'item.updated': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'item.deleted': (s, e) => ({
    ...s,
    items: s.items
      .filter((i) => i.id !== e.payload.itemId)
      .map((i) => (i.parentId === e.payload.itemId ? { ...i, parentId: null } : i)),
    phases: s.phases.map((p) => {
      if (p.kind === 'discussion' && p.state.focusItemId === e.payload.itemId) {
        return { ...p, state: { ...p.state, focusItemId: null } };
      }
      return p;
    }),
  }),
  'checkin.answered': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({
      ...p,
      state: { ...p.state, answers: { ...p.state.answers, [e.payload.userId]: e.payload.answer } },
    })),
  'checkin.turn': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({ ...p, state: { ...p.state, turnUserId: e.payload.userId } })),
  'review.updated': (s, e) => ({
    ...updatePhase(s, e.payload.phaseId, 'review', (p) => ({
      ...p,
      state: { ...p.state, outcomes: { ...p.state.outcomes, [e.payload.itemId]: e.payload.entry } },
    })),
    items: upsertItem(s.items, e.payload.item),
  }),
  'vote.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'voting', (p) => ({
      ...p,
      state: { ...p.state, used: { ...p.state.used, [e.payload.userId]: e.payload.used } },
    })),
  'votes.revealed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'voting', (p) => ({
      ...p,
      state: { ...p.state, revealed: true, tallies: e.payload.tallies },
    })),
  'discussion.focused': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'discussion', (p) => ({ ...p, state: { ...p.state, focusItemId: e.payload.itemId } })),
  'summary.edited': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'summary', (p) => ({ ...p, state: { ...p.state, text: e.payload.text } })),
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
    timer: s.timer.status === 'running'
      ? { status: 'paused', remainingMs: 0, durationMs: s.timer.durationMs }
      : s.timer,
    hands: [],
  }),
};

/** Applies one event; `lastSeq` becomes the event's seq. The caller checks `event.seq === s.lastSeq + 1`. */
export function applyEvent(s: MeetingSnapshot, event: LiveEvent): MeetingSnapshot {
  const reducer = REDUCERS[event.type] as Reducer<LiveEventType>;
  const next = reducer(s, event as LiveEventOf<LiveEventType>);
  return { ...next, lastSeq: event.seq, serverNow: event.at };
}

/** Applies a command's vote result (your own votes) to the snapshot. */
export function applyMyVotes(s: MeetingSnapshot, phaseId: string, mine: Record<string, number>): MeetingSnapshot {
  return updatePhase(s, phaseId, 'voting', (p) => ({ ...p, state: { ...p.state, mine } }));
}
