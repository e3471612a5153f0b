/**
 * The two halves every write statement of a meeting shares, built with Kysely: `locked`, the CTE that locks
 * the meeting row and allocates its next seqs, and the CTE that appends one event row for one of them. Both
 * the transaction path and the direct write compose their statement from these.
 */
import type { CommandAck, LiveCommandType, LiveEvent } from '@tillit/protocol';
import { type QueryCreator, sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { type Database, sqlBuilder, type ValueOf } from '../database/query-builder.js';
import type { CommandOutcome, LockedMeetingDatabase } from './live.types.js';

export type { LockedMeeting, LockedMeetingDatabase } from './live.types.js';

type MeetingUpdate = UpdateQueryBuilder<Database, 'meetings', 'meetings', UpdateResult>;

/**
 * `WITH locked AS (UPDATE meetings SET last_seq = last_seq + n WHERE id = … [AND conditions] RETURNING …)`:
 * the seqs `base + 1 … base + n` are this statement's, and nothing is allocated when a condition fails.
 */
export function lockMeeting(
  meetingId: string,
  count: number,
  conditions: (update: MeetingUpdate) => MeetingUpdate = (update) => update,
): QueryCreator<LockedMeetingDatabase> {
  return sqlBuilder.with('locked', (db) =>
    conditions(
      db
        .updateTable('meetings')
        .set((eb) => ({ last_seq: eb('last_seq', '+', sql.lit(count)) }))
        .where('id', '=', meetingId),
    ).returning((eb) => ['id', eb('last_seq', '-', sql.lit(count)).as('base'), sql<Date>`now()`.as('at')]),
  ) as QueryCreator<LockedMeetingDatabase>;
}

/** An event row's values, as bind parameters (`payload` and `result` as JSON text). */
export interface EventValues {
  opId: string;
  command: LiveCommandType;
  type: string;
  payload: string;
  result: string;
  actorId: string | null;
}

export const eventValues = (
  opId: string,
  command: LiveCommandType,
  outcome: CommandOutcome<LiveCommandType>,
  actorId: string | null,
): EventValues => ({
  opId,
  command,
  type: outcome.event.type,
  payload: JSON.stringify(outcome.event.payload ?? null),
  result: JSON.stringify(outcome.result ?? null),
  actorId,
});

/** Placeholders for an event row's values, found at `pick` in each use's values (see StatementShapes). */
export const eventPlaceholders = <V>(value: ValueOf<V>, pick: (values: V) => EventValues): EventValues => ({
  opId: value((v) => pick(v).opId),
  command: value((v) => pick(v).command),
  type: value((v) => pick(v).type),
  payload: value((v) => pick(v).payload),
  result: value((v) => pick(v).result),
  actorId: value((v) => pick(v).actorId),
});

/** The event row of the `ordinal`-th (from 1) command of the statement, with the seq `locked.base + ordinal`. */
export function appendEvent(db: QueryCreator<LockedMeetingDatabase>, ordinal: number, v: EventValues) {
  return db
    .insertInto('meeting_events')
    .columns(['meeting_id', 'seq', 'op_id', 'command', 'type', 'payload', 'result', 'actor_id'])
    .expression(
      db
        .selectFrom('locked')
        .select((eb) => [
          'locked.id',
          eb('locked.base', '+', sql.lit(ordinal)).as('seq'),
          eb.cast<string>(eb.val(v.opId), 'uuid').as('op_id'),
          eb.val(v.command).as('command'),
          eb.val(v.type).as('type'),
          eb.cast<unknown>(eb.val(v.payload), 'jsonb').as('payload'),
          eb.cast<unknown>(eb.val(v.result), 'jsonb').as('result'),
          eb.cast<string | null>(eb.val(v.actorId), 'uuid').as('actor_id'),
        ]),
    );
}

/** A committed write: the sender's ack and the event for everyone. */
export interface Written {
  ack: CommandAck;
  event: LiveEvent;
}

export function written(meetingId: string, seq: number, at: Date, outcome: CommandOutcome<LiveCommandType>): Written {
  const { type, payload } = outcome.event;
  const event = { meetingId, seq, type, payload, at: new Date(at).toISOString() } as LiveEvent;
  return { ack: { ok: true, seq, result: outcome.result }, event };
}
