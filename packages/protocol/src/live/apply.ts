/**
 * The one reducer for live events: `applyEvent(snapshot, event)` returns the next snapshot. The API's
 * tests use it to prove that a client applying the broadcasts ends in exactly the database's state; the web
 * app uses it to update its React Query cache, for the sender and for everyone else alike.
 * Pure: never mutates its input. Events must be applied in seq order (see events.ts).
 */
import type { LiveEvent, LiveEventOf, LiveEventType, VotesReleased } from './events.js';
import type { ItemDto, MeetingSnapshot, PhaseView } from './model.js';
import { STEERING_REDUCERS } from '../steering.js';
import { followIdeaItem, IMPROVEMENT_REDUCERS } from '../improvement.js';

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

const without = (r: Record<string, number>, ids: readonly string[]) =>
  Object.fromEntries(Object.entries(r).filter(([id]) => !ids.includes(id)));

/** Votes on items that left a voting board go back to their owners; tallies and your own votes forget them. */
function releaseVotes(s: MeetingSnapshot, released: VotesReleased[] | undefined): MeetingSnapshot {
  if (!released?.length) return s;
  return released.reduce(
    (acc, r) =>
      updatePhase(acc, r.phaseId, 'voting', (p) => ({
        ...p,
        state: {
          ...p.state,
          used: { ...p.state.used, ...r.used },
          mine: without(p.state.mine, r.itemIds),
          tallies: p.state.tallies && without(p.state.tallies, r.itemIds),
        },
      })),
    s,
  );
}

const REDUCERS: { [K in LiveEventType]: Reducer<K> } = {
  ...STEERING_REDUCERS,
  ...IMPROVEMENT_REDUCERS,
  'item.added': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'item.updated': (s, e) => releaseVotes({ ...s, items: upsertItem(s.items, e.payload.item) }, e.payload.votesReleased),
  'item.deleted': (s, e) => releaseVotes({
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
  }, e.payload.votesReleased),
  'checkin.answered': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({
      ...p,
      state: { ...p.state, answers: { ...p.state.answers, [e.payload.userId]: e.payload.answer } },
    })),
  'checkin.turn': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({ ...p, state: { ...p.state, turnUserId: e.payload.userId } })),
  'review.updated': (s, e) => releaseVotes({
    ...updatePhase(s, e.payload.phaseId, 'review', (p) => ({
      ...p,
      state: { ...p.state, outcomes: { ...p.state.outcomes, [e.payload.itemId]: e.payload.entry } },
    })),
    items: upsertItem(s.items, e.payload.item),
  }, e.payload.votesReleased),
  'vote.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'voting', (p) => ({
      ...p,
      state: { ...p.state, used: { ...p.state.used, [e.payload.userId]: e.payload.used } },
    })),
  'votes.revealed': (s, e) =>
    releaseVotes(
      updatePhase(s, e.payload.phaseId, 'voting', (p) => ({
        ...p,
        state: { ...p.state, revealed: true, tallies: e.payload.tallies },
      })),
      e.payload.votesReleased,
    ),
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
  /* Ethics forum ---------------------------------------------------------------------------------- */
  'ethics.theme.chosen': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'ethics-theme', (p) => ({ ...p, state: { theme: e.payload.theme } })),
  'breakout.changed': (s, e) => updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({ ...p, state: e.payload.state })),
  'breakout.summary.edited': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: { ...p.state, groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, summary: e.payload.text } : g)) },
    })),
  'breakout.timer.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: { ...p.state, groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, timer: e.payload.timer } : g)) },
    })),
  'breakout.notes.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: { ...p.state, groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, notesRev: e.payload.rev } : g)) },
    })),
  /* KASAM dialogue -------------------------------------------------------------------------------- */
  'kasam.answered': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-reflection', (p) => ({ ...p, state: { ...p.state, answered: e.payload.answered } })),
  'kasam.revealed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-reflection', (p) => ({
      ...p,
      state: { ...p.state, revealed: true, result: e.payload.result },
    })),
  'kasam.factor.grouped': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-factors', (p) => {
      const groups = { ...p.state.groups };
      if (e.payload.group === null) delete groups[e.payload.itemId];
      else groups[e.payload.itemId] = e.payload.group;
      return { ...p, state: { groups } };
    }),
  'kasam.action.added': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'kasam.followed-up': (s, e) => ({
    ...updatePhase(s, e.payload.phaseId, 'kasam-actions', (p) => ({
      ...p,
      state: { outcomes: { ...p.state.outcomes, [e.payload.itemId]: e.payload.entry } },
    })),
    items: upsertItem(s.items, e.payload.item),
  }),
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
  const next = followIdeaItem(reducer(s, event as LiveEventOf<LiveEventType>), event);
  return { ...next, lastSeq: event.seq, serverNow: event.at };
}

/** After your own `kasam.answer` was acknowledged: you have answered (others only ever see the count). */
export function applyKasamAnswered(s: MeetingSnapshot, phaseId: string): MeetingSnapshot {
  return updatePhase(s, phaseId, 'kasam-reflection', (p) => ({ ...p, state: { ...p.state, iAnswered: true } }));
}

/**
 * Applies a command's vote result (your own votes) to the snapshot. Only items still in the snapshot: an
 * acknowledgement may be applied after a later event removed one (acks and broadcasts of several nodes cross).
 */
export function applyMyVotes(s: MeetingSnapshot, phaseId: string, mine: Record<string, number>): MeetingSnapshot {
  const here = new Set(s.items.map((i) => i.id));
  const kept = Object.fromEntries(Object.entries(mine).filter(([id]) => here.has(id)));
  return updatePhase(s, phaseId, 'voting', (p) => ({ ...p, state: { ...p.state, mine: kept } }));
}
