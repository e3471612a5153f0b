/**
 * Durable events, server → client, as `socket.on('meeting:event', (e: LiveEvent) => …)`.
 *
 * Every accepted command appends exactly one event with the meeting's next sequence number (`seq`,
 * 1, 2, 3 … without gaps) and broadcasts it to everyone in the meeting after the database commit.
 * Clients apply events strictly in `seq` order (see applyEvent, built in apply.ts):
 * - `seq <= lastSeq`: already applied (e.g. also received in a catch-up), ignore;
 * - `seq === lastSeq + 1`: apply, then apply any buffered successors;
 * - `seq > lastSeq + 1`: buffer it; if the gap is not filled within ~1 s, re-join with `lastSeq`.
 * The same events are replayed to a client that re-joins with `lastSeq` (`meeting:join`).
 * Payloads carry only whitelisted fields and nothing private (votes are counts until revealed).
 *
 * The engine's own events are here; each ritual registers its payloads under its name in `LiveEventTables`
 * (declaration merging, see tables.ts).
 */
import type { ItemDto, MinutesDto, TimerState } from './model.js';
import type { Merged } from './tables.js';

/**
 * Votes given back because their item left a voting phase's board (deleted; before the reveal also no longer
 * open, or of a kind the phase does not vote on), for one voting phase: the items whose votes were dropped
 * and the new number of used votes of each person who had votes on them. Events carry it only when votes
 * were given back (and events stored before it existed never do), so it is optional wherever it appears.
 * It is the engine's because item events carry it; the voting phase kind applies it (../phases/reducers.ts).
 */
export interface VotesReleased {
  phaseId: string;
  itemIds: string[];
  used: Record<string, number>;
}

export interface EngineEventPayloads {
  'item.added': { item: ItemDto };
  /** `votesReleased`: its status or kind took it off a voting board that had votes on it. */
  'item.updated': { item: ItemDto; votesReleased?: VotesReleased[] };
  /** Actions that had this item as parent keep existing with `parentId: null`; votes on it go back. */
  'item.deleted': { itemId: string; votesReleased?: VotesReleased[] };
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

/** Each ritual's event payloads under its name: `interface LiveEventTables { steering: SteeringEventPayloads }`. */
export interface LiveEventTables {
  engine: EngineEventPayloads;
}
/** Every event type → its payload. */
export type LiveEventPayloads = Merged<LiveEventTables>;
export type LiveEventType = keyof LiveEventPayloads & string;

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
