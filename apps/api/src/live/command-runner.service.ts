import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommandAck,
  CommandEnvelope,
  ErrorCode,
  isLiveCommandType,
  LIVE_COMMANDS,
  type LiveCommandType,
} from '@tillit/protocol';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { runQuery, StatementShapes, type ValueOf } from '../database/query-builder.js';
import { validationError } from '../common/zod.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { authorizeCommand, type Caller, facilitates, type Gate } from './command-authorization.js';
import { DirectWriter, planDirect, type DirectStatement } from './direct-write.js';
import {
  appendEvent,
  eventPlaceholders,
  type EventValues,
  eventValues,
  lockMeeting,
  type Written,
  written,
} from './event-append.js';
import { GateMemory } from './gate-memory.js';
import { LiveHub } from './live.hub.js';
import { LiveMetrics } from './live.metrics.js';
import type { CommandContext, CommandDef } from './live.types.js';
import { MeetingQueue } from './meeting-queue.js';
import { LIVE_RITUALS, type LiveRituals } from './ritual.js';

const isUniqueViolation = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';

/**
 * The life of every command (see README.md): parse → authorize (command-authorization.ts) → write, through
 * the meeting's queue (meeting-queue.ts), as one direct statement (direct-write.ts) or a transaction that
 * applies the handler and appends the event → broadcast after commit → ack. Never throws: every outcome is a
 * typed ack.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('LiveCommands');

  private readonly direct: DirectWriter;
  private readonly queue: MeetingQueue<DirectStatement, Written>;
  private readonly gates = new GateMemory();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hub: LiveHub,
    private readonly metrics: LiveMetrics,
    @Inject(LIVE_RITUALS) private readonly rituals: LiveRituals,
  ) {
    this.direct = new DirectWriter(db, hub);
    this.queue = new MeetingQueue((meetingId, batch) => this.direct.runBatch(meetingId, batch));
  }

  /** The handler of a registered command: the one place the engine looks one up. */
  private commandDef(type: LiveCommandType): CommandDef<LiveCommandType> {
    return this.rituals.commands[type] as CommandDef<LiveCommandType>;
  }

  async run(caller: Caller, message: unknown): Promise<CommandAck> {
    if (!this.metrics.enabled) return this.handle(caller, message);
    const started = performance.now();
    const ack = await this.handle(caller, message);
    this.metrics.record(performance.now() - started, ack.ok);
    return ack;
  }

  private async handle(caller: Caller, message: unknown): Promise<CommandAck> {
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
      return await this.apply(caller, type, opId, meetingId, parsed.data);
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      // Never log payloads: they hold what people wrote.
      this.logger.error({ err, command: type }, 'Live command failed');
      return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong' } };
    }
  }

  /**
   * Authorize (before any lock, one query), answer a retried opId from its stored row, then write through the
   * meeting's in-process queue, so a busy meeting waits in memory, not on the row lock with a pool connection.
   */
  private async apply(
    caller: Caller,
    type: LiveCommandType,
    opId: string,
    meetingId: string,
    payload: unknown,
  ): Promise<CommandAck> {
    const def = this.commandDef(type);
    for (let attempt = 0; ; attempt++) {
      try {
        // The hot path: a direct write planned on what this caller's last command here found, in ONE statement
        // that re-checks all of it (session, membership, meeting state) in the database as it writes.
        const known = attempt === 0 && def.direct ? this.gates.get(meetingId, caller.sessionId) : undefined;
        if (known) {
          const direct = planDirect(caller, type, def, opId, meetingId, payload, known, new Date());
          const done = direct && (await this.queue.direct(meetingId, direct));
          if (done) return done.ack;
          this.gates.forget(meetingId); // something changed: authorize from scratch
        }
        const gate = await authorizeCommand(this.db, caller, type, def, opId, meetingId);
        if ('ack' in gate) return gate.ack;
        this.gates.remember(meetingId, caller.sessionId, gate);
        const now = new Date();
        const direct = planDirect(caller, type, def, opId, meetingId, payload, gate, now);
        const viaTransaction = () =>
          this.queue.exclusive(meetingId, async () => {
            // Any other command may change what the remembered gates rely on (phase, lock, facilitator).
            this.gates.forget(meetingId);
            const done = await this.transaction(caller, type, def, opId, meetingId, payload, gate, now);
            this.hub.broadcast(done.event); // after COMMIT
            return done;
          });
        // A direct write that finds the meeting changed since authorization (null) goes through the transaction,
        // which answers with the exact typed error or applies it to the new state.
        const done = (direct && (await this.queue.direct(meetingId, direct))) ?? (await viaTransaction());
        return done.ack;
      } catch (err) {
        // Two sends of one opId racing: the loser finds the winner's row on the next attempt.
        if (isUniqueViolation(err) && attempt < 2) continue;
        throw err;
      }
    }
  }

  /** Every other command: one transaction that locks the meeting row (with its current phase) first. */
  private async transaction(
    caller: Caller,
    type: LiveCommandType,
    def: CommandDef<LiveCommandType>,
    opId: string,
    meetingId: string,
    payload: unknown,
    gate: Gate,
    now: Date,
  ): Promise<Written> {
    return this.db.transaction(async (m) => {
      // Lock the meeting row and read the current phase in one statement: the handler sees a stable state.
      const meeting = (await m
        .createQueryBuilder(Meeting, 'm')
        .setLock('pessimistic_write', undefined, ['m'])
        .leftJoinAndMapOne(
          'm.currentPhase',
          MeetingPhase,
          'p',
          'p.meeting_id = m.id AND p.position = m.current_phase_index',
        )
        .where('m.id = :meetingId', { meetingId })
        .getOne()) as (Meeting & { currentPhase?: MeetingPhase | null }) | null;
      if (!meeting) throw new AppError(ErrorCode.NotFound, 'Not found');
      const current = meeting.currentPhase ?? null;
      delete meeting.currentPhase;

      // Re-checked from the locked row: the facilitator may have changed since authorization.
      const isFacilitator = facilitates(gate.standing, meeting.facilitatorId, caller.userId);
      if (LIVE_COMMANDS[type].rule === 'facilitator' && !isFacilitator) {
        throw new AppError(ErrorCode.Forbidden, 'Only the facilitator may do this');
      }
      if (meeting.state === 'ended') throw new AppError(ErrorCode.MeetingEnded, 'The meeting has ended');
      if (meeting.state === 'scheduled' && !def.whenScheduled) {
        throw new AppError(ErrorCode.MeetingNotStarted, 'The meeting has not started yet');
      }
      if (def.lockable && meeting.inputLocked && !isFacilitator) {
        throw new AppError(ErrorCode.InputLocked, 'The facilitator has locked input');
      }
      if (def.phase && (!current || current.kind !== def.phase)) {
        throw new AppError(ErrorCode.WrongPhase, `This works only during a ${def.phase} phase`);
      }

      const ctx: CommandContext<LiveCommandType> = {
        m,
        meeting,
        phase: (def.phase ? current : null) as MeetingPhase,
        actor: { userId: caller.userId, isFacilitator },
        payload: payload as never,
        now,
        hub: this.hub,
      };
      const outcome = await def.handle(ctx);

      // The next seq and the event row in one statement, in this transaction: a rollback takes the seq back.
      const event = eventValues(opId, type, outcome, def.anonymous ? null : caller.userId);
      const [row] = await runQuery(m, appendStatement.compile('', null, { meetingId, event }));
      return written(meetingId, Number(row!.base) + 1, row!.at, outcome);
    });
  }
}

/** The transaction's next seq and event row: one shape, compiled once. */
const appendStatement = new StatementShapes((_: null, value: ValueOf<{ meetingId: string; event: EventValues }>) =>
  lockMeeting(
    value((v) => v.meetingId),
    1,
  )
    .with('appended', (db) =>
      appendEvent(
        db,
        1,
        eventPlaceholders(value, (v) => v.event),
      ),
    )
    .selectFrom('locked')
    .select(['base', 'at']),
);
