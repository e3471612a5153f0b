import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommandAck,
  CommandEnvelope,
  ErrorCode,
  isLiveCommandType,
  LIVE_COMMANDS,
  type LiveCommandType,
  type LiveEvent,
} from '@tillit/protocol';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { validationError } from '../common/zod.js';
import { Session } from '../auth/session.entity.js';
import { Meeting, MeetingEvent, MeetingPhase } from '../meetings/meeting.entity.js';
import { TeamAccessService } from '../teams/team-access.service.js';
import { COMMANDS } from './commands/index.js';
import { LiveHub } from './live.hub.js';
import type { CommandContext, CommandDef, SocketData } from './live.types.js';

/** The caller's identity as the handshake established it, and the meetings the socket joined. */
export type Caller = Pick<SocketData, 'userId' | 'sessionId' | 'meetings'>;

const isUniqueViolation = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';

/**
 * The life of every command (see README.md): parse → authorize → apply + append the event in one
 * transaction → broadcast after commit → ack. Never throws: every outcome is a typed ack.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('LiveCommands');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
    private readonly hub: LiveHub,
  ) {}

  async run(caller: Caller, message: unknown): Promise<CommandAck> {
    let type: string | undefined;
    try {
      const envelope = CommandEnvelope.safeParse(message);
      if (!envelope.success) throw validationError(envelope.error);
      type = envelope.data.type;
      if (!isLiveCommandType(type)) {
        throw new AppError(ErrorCode.ValidationFailed, 'Unknown command', {
          issues: [{ path: 'type', message: 'not a registered command' }],
        });
      }
      const parsed = LIVE_COMMANDS[type].payload.safeParse(envelope.data.payload);
      if (!parsed.success) throw validationError(parsed.error);
      const { opId, meetingId } = envelope.data;
      // The meeting is bound to the socket at join, after the access check; ids in a command are only looked up.
      if (!caller.meetings.includes(meetingId)) {
        throw new AppError(ErrorCode.NotJoined, 'Join the meeting before sending commands');
      }
      const { ack, event } = await this.apply(caller, type, opId, meetingId, parsed.data);
      if (event) this.hub.broadcast(event);
      return ack;
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      // Never log payloads: they hold what people wrote.
      this.logger.error({ err, command: type }, 'Live command failed');
      return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong' } };
    }
  }

  private async apply(
    caller: Caller,
    type: LiveCommandType,
    opId: string,
    meetingId: string,
    payload: unknown,
  ): Promise<{ ack: CommandAck; event: LiveEvent | null }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (m) => {
          // Lock the meeting row: commands of one meeting run one after another, so handlers see a stable state.
          const meeting = await m.findOne(Meeting, { where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
          if (!meeting) throw new AppError(ErrorCode.NotFound, 'Not found');

          // Authorize from the database, every time: the session is still live, the person is still in the team.
          if (!(await m.existsBy(Session, { id: caller.sessionId, userId: caller.userId }))) {
            throw new AppError(ErrorCode.Unauthenticated, 'Your session has ended; sign in again');
          }
          const access = await this.access.access(caller.userId, meeting.teamId, m);
          const isFacilitator = meeting.facilitatorId === caller.userId || access.role === 'manager' || access.isOrgAdmin;
          const spec = LIVE_COMMANDS[type];
          if (spec.rule === 'facilitator' && !isFacilitator) {
            throw new AppError(ErrorCode.Forbidden, 'Only the facilitator may do this');
          }

          // A retried operation gets its first answer and changes nothing.
          const def = COMMANDS[type] as CommandDef<LiveCommandType>;
          const earlier = await m.findOneBy(MeetingEvent, { meetingId, opId });
          if (earlier) {
            // An anonymous command's row names nobody; its stored result is empty by contract.
            const sameActor = def.anonymous ? earlier.actorId === null : earlier.actorId === caller.userId;
            if (earlier.command !== type || !sameActor) {
              throw new AppError(ErrorCode.Conflict, 'This operation id was used for another command');
            }
            return { ack: { ok: true, seq: earlier.seq, result: earlier.result as never }, event: null };
          }

          if (meeting.state === 'ended') throw new AppError(ErrorCode.MeetingEnded, 'The meeting has ended');
          if (meeting.state === 'scheduled' && !def.whenScheduled) {
            throw new AppError(ErrorCode.MeetingNotStarted, 'The meeting has not started yet');
          }
          if (def.lockable && meeting.inputLocked && !isFacilitator) {
            throw new AppError(ErrorCode.InputLocked, 'The facilitator has locked input');
          }
          let phase: MeetingPhase | null = null;
          if (def.phase) {
            phase = await m.findOneBy(MeetingPhase, { meetingId, position: meeting.currentPhaseIndex });
            if (!phase || phase.kind !== def.phase) {
              throw new AppError(ErrorCode.WrongPhase, `This works only during a ${def.phase} phase`);
            }
          }

          const now = new Date();
          const ctx: CommandContext<LiveCommandType> = {
            m,
            meeting,
            phase: phase as MeetingPhase,
            actor: { userId: caller.userId, isFacilitator },
            payload: payload as never,
            now,
            hub: this.hub,
          };
          const outcome = await def.handle(ctx);

          // The next seq, in this transaction: a rollback takes it back, so seqs have no gaps.
          const [rows] = (await m.query(
            `UPDATE meetings SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq, now() AS at`,
            [meetingId],
          )) as [{ last_seq: number; at: Date }[], number];
          const seq = Number(rows[0]!.last_seq);
          const at = new Date(rows[0]!.at).toISOString();
          await m.insert(MeetingEvent, {
            meetingId,
            seq,
            opId,
            command: type,
            type: outcome.event.type,
            payload: outcome.event.payload,
            result: outcome.result,
            actorId: def.anonymous ? null : caller.userId,
          });
          const event = { meetingId, seq, type: outcome.event.type, payload: outcome.event.payload, at } as LiveEvent;
          return { ack: { ok: true, seq, result: outcome.result }, event };
        });
      } catch (err) {
        // Two sends of one opId racing: the loser finds the winner's row on the next attempt.
        if (isUniqueViolation(err) && attempt < 2) continue;
        throw err;
      }
    }
  }
}
