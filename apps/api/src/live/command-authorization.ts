/**
 * A command's authorization: everything it needs, from the database, in ONE round trip and without a lock,
 * decided by the access policy. The meeting's state is re-checked from the locked row when writing; a
 * revocation that commits before this read refuses the command.
 */
import { type CommandAck, ErrorCode, LIVE_COMMANDS, type LiveCommandType } from '@tillit/protocol';
import type { DataSource } from 'typeorm';
import { may, type Standing, verdict } from '../access/access.policy.js';
import { meetingAccessQuery, standingOf } from '../access/access.repository.js';
import { AppError, notFound } from '../common/app-error.js';
import { runQuery, StatementShapes, type ValueOf } from '../database/query-builder.js';
import type { CommandDef, SocketData } from './live.types.js';

/** The caller's identity as the handshake established it, and the meetings the socket joined. */
export type Caller = Pick<SocketData, 'userId' | 'sessionId' | 'meetings'>;

interface AuthorizationValues {
  meetingId: string;
  sessionId: string;
  userId: string;
  opId: string;
}

/**
 * The meeting (with its current phase), whether the session is still this person's, their standing in the
 * meeting's team, and an earlier event with this opId. One shape: compiled once.
 */
const authorization = new StatementShapes((_: null, value: ValueOf<AuthorizationValues>) =>
  meetingAccessQuery(
    value((v) => v.meetingId),
    value((v) => v.sessionId),
    value((v) => v.userId),
  )
    .leftJoin('meeting_phases as p', (j) =>
      j.onRef('p.meeting_id', '=', 'm.id').onRef('p.position', '=', 'm.current_phase_index'),
    )
    .leftJoin('meeting_events as e', (j) =>
      j.onRef('e.meeting_id', '=', 'm.id').on(
        'e.op_id',
        '=',
        value((v) => v.opId),
      ),
    )
    .select([
      'm.state',
      'm.current_phase_index',
      'm.input_locked',
      'p.id as phase_id',
      'p.kind as phase_kind',
      'e.seq as op_seq',
      'e.command as op_command',
      'e.actor_id as op_actor',
      'e.result as op_result',
    ]),
);

/** The caller passed authorization: the row it was decided on and the caller's standing in the team. */
export interface Gate {
  row: AuthorizationRow;
  standing: Standing;
}

export type AuthorizationRow = Awaited<ReturnType<typeof readAuthorization>>[number];

const readAuthorization = (db: DataSource, values: AuthorizationValues) =>
  runQuery(db, authorization.compile('', null, values));

/** The `facilitator` rule inside this meeting, for a facilitator as `facilitatorId` names (the row's or the locked one's). */
export const facilitates = (standing: Standing, facilitatorId: string | null, userId: string): boolean =>
  may('facilitator', standing, { facilitatesMeeting: facilitatorId === userId });

/** Whether the caller's rights rest on their role (manager, organisation admin) rather than on facilitating. */
export const byRole = (standing: Standing): boolean => may('manager', standing, 'team');

/**
 * Decides: no meeting → NOT_FOUND; the session gone → UNAUTHENTICATED; not in the team (another organisation
 * or team) → NOT_FOUND, never a hint that the meeting exists; the command's rule not met → FORBIDDEN. A
 * retried opId gets its first answer and changes nothing.
 */
export async function authorizeCommand(
  db: DataSource,
  caller: Caller,
  type: LiveCommandType,
  def: CommandDef<LiveCommandType>,
  opId: string,
  meetingId: string,
): Promise<{ ack: CommandAck } | Gate> {
  const [row] = await readAuthorization(db, { meetingId, sessionId: caller.sessionId, userId: caller.userId, opId });
  if (!row) throw new AppError(ErrorCode.NotFound, 'Not found');
  if (!row.session_live) throw new AppError(ErrorCode.Unauthenticated, 'Your session has ended; sign in again');
  const standing = standingOf(row);
  const answer = verdict(LIVE_COMMANDS[type].rule, standing, {
    facilitatesMeeting: row.facilitator_id === caller.userId,
  });
  if (answer === 'hidden') throw notFound();
  if (answer === 'forbidden') throw new AppError(ErrorCode.Forbidden, 'Only the facilitator may do this');
  if (row.op_seq !== null) {
    // An anonymous command's row names nobody; its stored result is empty by contract.
    const sameActor = def.anonymous ? row.op_actor === null : row.op_actor === caller.userId;
    if (row.op_command !== type || !sameActor) {
      throw new AppError(ErrorCode.Conflict, 'This operation id was used for another command');
    }
    return { ack: { ok: true, seq: Number(row.op_seq), result: row.op_result as never } };
  }
  return { row, standing };
}
