/** The generic phase kinds' reducer cases, and how they follow item events (votes go back, focus clears). */
import { type Followers, type Reducers, updatePhase, upsertItem } from '../live/apply.js';
import type { VotesReleased } from '../live/events.js';
import type { MeetingSnapshot } from '../live/model.js';
import type { GenericPhaseEventPayloads } from './events.js';

const without = (r: Record<string, number>, ids: readonly string[]) =>
  Object.fromEntries(Object.entries(r).filter(([id]) => !ids.includes(id)));

/** Votes on items that left a voting board go back to their owners; tallies and your own votes forget them. */
export function releaseVotes(s: MeetingSnapshot, released: VotesReleased[] | undefined): MeetingSnapshot {
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

export const GENERIC_PHASE_REDUCERS: Reducers<keyof GenericPhaseEventPayloads> = {
  'checkin.answered': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({
      ...p,
      state: { ...p.state, answers: { ...p.state.answers, [e.payload.userId]: e.payload.answer } },
    })),
  'checkin.turn': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'check-in', (p) => ({
      ...p,
      state: { ...p.state, turnUserId: e.payload.userId },
    })),
  'review.updated': (s, e) =>
    releaseVotes(
      {
        ...updatePhase(s, e.payload.phaseId, 'review', (p) => ({
          ...p,
          state: { ...p.state, outcomes: { ...p.state.outcomes, [e.payload.itemId]: e.payload.entry } },
        })),
        items: upsertItem(s.items, e.payload.item),
      },
      e.payload.votesReleased,
    ),
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
    updatePhase(s, e.payload.phaseId, 'discussion', (p) => ({
      ...p,
      state: { ...p.state, focusItemId: e.payload.itemId },
    })),
  'summary.edited': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'summary', (p) => ({ ...p, state: { ...p.state, text: e.payload.text } })),
};

/** An item that changed or went away: its votes go back, and a deleted item leaves the discussion's focus. */
export const GENERIC_PHASE_FOLLOWERS: Followers = {
  'item.updated': (s, e) => releaseVotes(s, e.payload.votesReleased),
  'item.deleted': (s, e) =>
    releaseVotes(
      {
        ...s,
        phases: s.phases.map((p) =>
          p.kind === 'discussion' && p.state.focusItemId === e.payload.itemId
            ? { ...p, state: { ...p.state, focusItemId: null } }
            : p,
        ),
      },
      e.payload.votesReleased,
    ),
};

/**
 * Applies a command's vote result (your own votes) to the snapshot. Only items still in the snapshot: an
 * acknowledgement may be applied after a later event removed one (acks and broadcasts of several nodes cross).
 */
export function applyMyVotes(s: MeetingSnapshot, phaseId: string, mine: Record<string, number>): MeetingSnapshot {
  const here = new Set(s.items.map((i) => i.id));
  const kept = Object.fromEntries(Object.entries(mine).filter(([id]) => here.has(id)));
  return updatePhase(s, phaseId, 'voting', (p) => ({ ...p, state: { ...p.state, mine: kept } }));
}
