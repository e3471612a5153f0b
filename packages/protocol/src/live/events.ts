/**
 * Durable events, server → client, as `socket.on('meeting:event', (e: LiveEvent) => …)`.
 *
 * Every accepted command appends exactly one event with the meeting's next sequence number (`seq`,
 * 1, 2, 3 … without gaps) and broadcasts it to everyone in the meeting after the database commit.
 * Clients apply events strictly in `seq` order (see applyEvent in apply.ts):
 * - `seq <= lastSeq`: already applied (e.g. also received in a catch-up), ignore;
 * - `seq === lastSeq + 1`: apply, then apply any buffered successors;
 * - `seq > lastSeq + 1`: buffer it; if the gap is not filled within ~1 s, re-join with `lastSeq`.
 * The same events are replayed to a client that re-joins with `lastSeq` (`meeting:join`).
 * Payloads carry only whitelisted fields and nothing private (votes are counts until revealed).
 */
import type {
  CheckInAnswer,
  ItemDto,
  MinutesDto,
  ReviewEntry,
  TimerState,
} from './model.js';
import type { EthicsEventPayloads } from './ethics.js';
import type { KasamEventPayloads } from './kasam.js';

import type { SteeringEventPayloads } from '../steering.js';
import type { ImprovementEventPayloads } from '../improvement.js';

/**
 * Votes given back because their item left a voting phase's board (deleted; before the reveal also no longer
 * open, or of a kind the phase does not vote on), for one voting phase: the items whose votes were dropped
 * and the new number of used votes of each person who had votes on them. Events carry it only when votes
 * were given back (and events stored before it existed never do), so it is optional wherever it appears.
 */
export interface VotesReleased {
  phaseId: string;
  itemIds: string[];
  used: Record<string, number>;
}

export interface LiveEventPayloads extends EthicsEventPayloads, KasamEventPayloads, SteeringEventPayloads, ImprovementEventPayloads {
  'item.added': { item: ItemDto };
  /** `votesReleased`: its status or kind took it off a voting board that had votes on it. */
  'item.updated': { item: ItemDto; votesReleased?: VotesReleased[] };
  /** Actions that had this item as parent keep existing with `parentId: null`; votes on it go back. */
  'item.deleted': { itemId: string; votesReleased?: VotesReleased[] };
  'checkin.answered': { phaseId: string; userId: string; answer: CheckInAnswer };
  'checkin.turn': { phaseId: string; userId: string | null };
  /** The review outcome, and the item with its new status. */
  'review.updated': { phaseId: string; itemId: string; entry: ReviewEntry; item: ItemDto; votesReleased?: VotesReleased[] };
  /** Someone's number of used votes changed (not which item: votes are hidden until revealed). */
  'vote.changed': { phaseId: string; userId: string; used: number };
  /** Tallies of items still on the board; votes on any that left it unnoticed (another meeting, REST) go back. */
  'votes.revealed': { phaseId: string; tallies: Record<string, number>; votesReleased?: VotesReleased[] };
  'discussion.focused': { phaseId: string; itemId: string | null };
  'summary.edited': { phaseId: string; text: string };
  'ready.changed': { userId: string; ready: boolean };
  'hand.raised': { userId: string; at: string };
  'hand.lowered': { userId: string };
  'meeting.started': { startedAt: string };
  /** Also resets the ready list and sets the timer (idle, with the new phase's time box). */
  'phase.changed': { index: number; timer: TimerState };
  'timer.changed': { timer: TimerState };
  'input.locked': { locked: boolean };
  'facilitator.changed': { userId: string; reason: 'passed' | 'taken' };
  /** The meeting is read-only now (also via GET /api/meetings/:id, with the same minutes). */
  'meeting.ended': { endedAt: string; minutes: MinutesDto };
}
export type LiveEventType = keyof LiveEventPayloads;

export type LiveEvent = {
  [K in LiveEventType]: {
    meetingId: string;
    seq: number;
    type: K;
    payload: LiveEventPayloads[K];
    /** Server time of the commit (ISO). */
    at: string;
  };
}[LiveEventType];

export type LiveEventOf<K extends LiveEventType> = Extract<LiveEvent, { type: K }>;
