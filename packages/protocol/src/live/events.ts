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

export interface LiveEventPayloads extends EthicsEventPayloads, KasamEventPayloads, SteeringEventPayloads, ImprovementEventPayloads {
  'item.added': { item: ItemDto };
  'item.updated': { item: ItemDto };
  /** Actions that had this item as parent keep existing with `parentId: null`. */
  'item.deleted': { itemId: string };
  'checkin.answered': { phaseId: string; userId: string; answer: CheckInAnswer };
  'checkin.turn': { phaseId: string; userId: string | null };
  /** The review outcome, and the item with its new status. */
  'review.updated': { phaseId: string; itemId: string; entry: ReviewEntry; item: ItemDto };
  /** Someone's number of used votes changed (not which item: votes are hidden until revealed). */
  'vote.changed': { phaseId: string; userId: string; used: number };
  'votes.revealed': { phaseId: string; tallies: Record<string, number> };
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
