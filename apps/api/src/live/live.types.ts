import type {
  CommandPayload,
  CommandResults,
  LiveCommandType,
  LiveEventPayloads,
  LiveEventType,
  PhaseKind,
} from '@tillit/protocol';
import type { InsertQueryBuilder, InsertResult, QueryCreator, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { Database } from '../database/query-builder.js';
import type { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import type { LiveHub } from './live.hub.js';

export { rooms, type LiveServer, type LiveSocket, type SocketData } from './sockets.js';

/** What the locking CTE `locked` returns: the meeting, the seq before the first allocated one, and the statement's time. */
export interface LockedMeeting {
  id: string;
  base: number;
  at: Date;
}

/** The tables a hot-path statement sees: the database's and the `locked` CTE (see event-append.ts). */
export type LockedMeetingDatabase = Database & { locked: LockedMeeting };

/** One event to append and broadcast; `type` fixes the payload's shape. */
export type EventDraft = { [E in LiveEventType]: { type: E; payload: LiveEventPayloads[E] } }[LiveEventType];
export const event = <E extends LiveEventType>(type: E, payload: LiveEventPayloads[E]) =>
  ({ type, payload }) as EventDraft;

export interface Actor {
  userId: string;
  /** The meeting's facilitator, a team manager or an organisation admin. */
  isFacilitator: boolean;
}

export interface CommandContext<K extends LiveCommandType> {
  /** The transaction: everything a handler reads and writes goes through it. */
  m: EntityManager;
  /** The meeting row, locked FOR UPDATE for the transaction. */
  meeting: Meeting;
  /** The current phase, when the command declares a `phase` kind (checked to match). */
  phase: MeetingPhase;
  actor: Actor;
  payload: CommandPayload<K>;
  now: Date;
  hub: LiveHub;
}

export interface CommandOutcome<K extends LiveCommandType> {
  event: EventDraft;
  result: CommandResults[K];
}

export interface CommandDef<K extends LiveCommandType> {
  /** Only valid while the current phase is of this kind. */
  phase?: PhaseKind;
  /** Refused with INPUT_LOCKED for non-facilitators while input is locked. */
  lockable?: boolean;
  /** Allowed while the meeting is `scheduled` (otherwise only `live`). */
  whenScheduled?: boolean;
  /**
   * Anonymous: the event log records the command WITHOUT its sender (actor_id NULL), so nothing stored ties
   * the person to the change. The handler must not put anything identifying in the event or the result.
   */
  anonymous?: boolean;
  handle(ctx: CommandContext<K>): Promise<CommandOutcome<K>>;
  /**
   * Optional one-statement path for a hot command (see direct-write.ts): the change as one data-modifying
   * CTE (Kysely) that runs inside the statement that locks the meeting row and allocates the seq. Return null
   * to use `handle` (always used when the meeting changed since authorization, so `handle` stays the reference).
   */
  direct?(ctx: DirectContext<K>): DirectPlan<K> | null;
}

/** What a `direct` plan may use: all of it was read before the lock and is re-checked by the locking statement. */
export interface DirectContext<K extends LiveCommandType> {
  meetingId: string;
  teamId: string;
  /** The current phase's id (null when the meeting has none at its index). */
  phaseId: string | null;
  actor: Actor;
  payload: CommandPayload<K>;
  now: Date;
}

export interface DirectPlan<
  K extends LiveCommandType,
  V extends Record<string, unknown> = Record<string, unknown>,
> extends CommandOutcome<K> {
  /** What the change writes: its bind parameters. */
  values: V;
  /**
   * One data-modifying statement (INSERT/UPDATE … ) used as a CTE; it must select `FROM locked` (the locked
   * meeting row), so it writes nothing when the meeting's state no longer matches. Build it from `v` only
   * (placeholders: the batch's statement is compiled once per shape and reused with other values), the same
   * SQL for every plan of this command — or name each variant in `shape`.
   */
  change(db: QueryCreator<LockedMeetingDatabase>, v: V): DirectChange;
  shape?: string;
}

/** An INSERT or UPDATE of one table, as a CTE of the locking statement. */
export type DirectChange = {
  [T in keyof Database]:
    | InsertQueryBuilder<LockedMeetingDatabase, T, InsertResult>
    | UpdateQueryBuilder<LockedMeetingDatabase, T | 'locked', T, UpdateResult>;
}[keyof Database];

/**
 * One handler per command type of `C` (by default every registered command: the compiler refuses a registry
 * entry without one).
 */
export type CommandTable<C extends LiveCommandType = LiveCommandType> = { [K in C]: CommandDef<K> };
