import { Inject, Injectable, Logger } from '@nestjs/common';
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
import { AppError, notFound } from '../common/app-error.js';
import { validationError } from '../common/zod.js';
import { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import { LiveHub } from './live.hub.js';
import { LiveMetrics } from './live.metrics.js';
import type { CommandContext, CommandDef, CommandOutcome, SocketData } from './live.types.js';
import { LIVE_RITUALS, type LiveRituals } from './ritual.js';

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
    private readonly hub: LiveHub,
    private readonly metrics: LiveMetrics,
    @Inject(LIVE_RITUALS) private readonly rituals: LiveRituals,
  ) {}

  private readonly queue = new MeetingQueue((meetingId, batch) => this.runBatch(meetingId, batch));
  private readonly gates = new GateMemory();

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
    const def = this.rituals.commands[type] as CommandDef<LiveCommandType>;
    for (let attempt = 0; ; attempt++) {
      try {
        // The hot path: a direct write planned on what this caller's last command here found, in ONE statement
        // that re-checks all of it (session, membership, meeting state) in the database as it writes.
        const known = attempt === 0 && def.direct ? this.gates.get(meetingId, caller.sessionId) : undefined;
        if (known) {
          const direct = this.prepareDirect(caller, type, def, opId, meetingId, payload, known, new Date());
          const done = direct && (await this.queue.direct(meetingId, direct));
          if (done) return done.ack;
          this.gates.forget(meetingId); // something changed: authorize from scratch
        }
        const gate = await this.authorize(caller, type, opId, meetingId);
        if ('ack' in gate) return gate.ack;
        this.gates.remember(meetingId, caller.sessionId, gate);
        const now = new Date();
        const direct = this.prepareDirect(caller, type, def, opId, meetingId, payload, gate, now);
        const viaTransaction = () =>
          this.queue.exclusive(meetingId, async () => {
            // Any other command may change what the remembered gates rely on (phase, lock, facilitator).
            this.gates.forget(meetingId);
            const written = await this.transaction(caller, type, def, opId, meetingId, payload, gate.byRole, now);
            this.hub.broadcast(written.event); // after COMMIT
            return written;
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

  /**
   * Everything authorization needs, from the database, in ONE round trip and without a lock: the meeting,
   * its current phase, the session (still there, still this person's), the caller's team role and
   * organisation-admin flag, and an earlier event with this opId. The meeting's state is re-checked from the
   * locked row when writing; a revocation that commits before this read refuses the command.
   */
  private async authorize(
    caller: Caller,
    type: LiveCommandType,
    opId: string,
    meetingId: string,
  ): Promise<{ ack: CommandAck } | Gate> {
    const rows = (await this.db.query(AUTHORIZE_SQL, [meetingId, caller.sessionId, caller.userId, opId])) as AuthRow[];
    const row = rows[0];
    if (!row) throw new AppError(ErrorCode.NotFound, 'Not found');
    if (!row.session_live) throw new AppError(ErrorCode.Unauthenticated, 'Your session has ended; sign in again');
    // The same answer as TeamAccessService.access: another organisation or team never learns the meeting exists.
    if (!row.team_exists || (!row.team_role && !row.org_admin)) throw notFound();
    const byRole = row.team_role === 'manager' || row.org_admin;
    const isFacilitator = byRole || row.facilitator_id === caller.userId;
    const spec = LIVE_COMMANDS[type];
    if (spec.rule === 'facilitator' && !isFacilitator) {
      throw new AppError(ErrorCode.Forbidden, 'Only the facilitator may do this');
    }
    // A retried operation gets its first answer and changes nothing.
    const def = this.rituals.commands[type] as CommandDef<LiveCommandType>;
    if (row.op_seq !== null) {
      // An anonymous command's row names nobody; its stored result is empty by contract.
      const sameActor = def.anonymous ? row.op_actor === null : row.op_actor === caller.userId;
      if (row.op_command !== type || !sameActor) {
        throw new AppError(ErrorCode.Conflict, 'This operation id was used for another command');
      }
      return { ack: { ok: true, seq: Number(row.op_seq), result: row.op_result as never } };
    }
    return { row, byRole };
  }

  /**
   * The hot path, when the command has a `direct` plan and the meeting looks right for it: ONE autocommitted
   * statement. Its first CTE locks the meeting row and allocates the seq only if everything authorization
   * and the plan relied on is unchanged (state live, same phase, same facilitator, input not locked for this
   * caller); then the command's change and the event row, all or nothing.
   */
  private prepareDirect(
    caller: Caller,
    type: LiveCommandType,
    def: CommandDef<LiveCommandType>,
    opId: string,
    meetingId: string,
    payload: unknown,
    { row, byRole }: Gate,
    now: Date,
  ): DirectStatement | null {
    if (!def.direct || row.state !== 'live') return null;
    if (def.phase && row.phase_kind !== def.phase) return null;
    const isFacilitator = byRole || row.facilitator_id === caller.userId;
    // A remembered gate was decided for another command: its rule is checked here, as `authorize` would (the
    // statement re-checks the facilitator and role this relies on).
    if (LIVE_COMMANDS[type].rule === 'facilitator' && !isFacilitator) return null;
    if (def.lockable && row.input_locked && !isFacilitator) return null;
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v === undefined ? null : v)}`;
    const plan = def.direct({
      meetingId,
      teamId: row.team_id,
      phaseId: row.phase_id,
      actor: { userId: caller.userId, isFacilitator },
      payload: payload as never,
      now,
      param,
    });
    if (!plan) return null;
    const lockClause = def.lockable && !isFacilitator ? 'AND NOT input_locked' : '';
    const body = `change AS (${plan.sql}), appended AS (${eventInsert(param, opId, type, plan, def.anonymous ? null : caller.userId)})`;
    return {
      guard: { phaseIndex: row.current_phase_index, phaseId: row.phase_id, facilitatorId: row.facilitator_id, lockClause },
      guardKey: `${row.current_phase_index}|${row.phase_id}|${row.facilitator_id}|${lockClause}`,
      caller: { sessionId: caller.sessionId, userId: caller.userId, byRole },
      body,
      params,
      plan,
    };
  }

  /**
   * Consecutive direct writes of one meeting (the queue hands over all that are waiting, up to `BATCH_MAX`)
   * as ONE statement and commit: the seqs `base + 1 … base + n`, each command's change and event row. Under
   * load this is group commit: one row lock and one WAL flush for many commands. No row (the meeting changed):
   * each gets null (→ the transaction). An error (say one opId already used): each is tried alone, so one
   * command's failure is only its own.
   */
  private async runBatch(meetingId: string, batch: QueuedDirect[]): Promise<void> {
    try {
      const results = await this.directStatement(meetingId, batch.map((u) => u.stmt));
      // After COMMIT, in seq order.
      batch.forEach((u, i) => {
        const done = results?.[i] ?? null;
        if (done) this.hub.broadcast(done.event);
        u.resolve(done);
      });
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const u of batch) await this.runBatch(meetingId, [u]);
    }
  }

  private async directStatement(meetingId: string, stmts: DirectStatement[]): Promise<Done[] | null> {
    const { guard } = stmts[0]!;
    const params: unknown[] = [meetingId, guard.phaseIndex, guard.facilitatorId, stmts.length, guard.phaseId];
    // Every sender's authorization, as `authorize` decides it, checked against the rows as they are now.
    const checks = new Map<string, string>();
    for (const { caller } of stmts) {
      const key = `${caller.sessionId}|${caller.userId}|${caller.byRole}`;
      if (checks.has(key)) continue;
      const session = `$${params.push(caller.sessionId)}::uuid`;
      const user = `$${params.push(caller.userId)}::uuid`;
      checks.set(
        key,
        `AND EXISTS (SELECT 1 FROM sessions s WHERE s.id = ${session} AND s.user_id = ${user})
         AND (EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = meetings.team_id AND tm.user_id = ${user}
                      ${caller.byRole ? `AND tm.role = 'manager'` : ''})
              OR EXISTS (SELECT 1 FROM teams t JOIN organization_members om ON om.organization_id = t.organization_id
                          WHERE t.id = meetings.team_id AND om.user_id = ${user} AND om.role = 'admin'))`,
      );
    }
    const parts = stmts.map((st, i) => {
      const offset = params.length;
      params.push(...st.params);
      // Each part was written with its own $1…$n and the seq `locked.last_seq`: renumber, and give it its seq.
      return st.body
        .replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)
        .replace(/\b(change|appended) AS/g, `$1_${i} AS`)
        .replace(/locked\.last_seq/g, `(locked.base + ${i + 1})`);
    });
    const sql = `WITH locked AS (
        UPDATE meetings SET last_seq = last_seq + $4
         WHERE id = $1::uuid AND state = 'live' AND current_phase_index = $2
           AND facilitator_id IS NOT DISTINCT FROM $3::uuid ${guard.lockClause}
           AND $5::uuid IS NOT DISTINCT FROM (SELECT p.id FROM meeting_phases p
                                               WHERE p.meeting_id = meetings.id AND p.position = meetings.current_phase_index)
           ${[...checks.values()].join('\n')}
         RETURNING id, last_seq - $4::int AS base, now() AS at
      ), ${parts.join(',\n')}
      SELECT base, at FROM locked`;
    const rows = (await this.db.query(sql, params)) as { base: number; at: Date }[];
    const row = rows[0];
    if (!row) return null;
    return stmts.map((st, i) => this.done(meetingId, { last_seq: Number(row.base) + i + 1, at: row.at }, st.plan));
  }

  /** Every other command: one transaction that locks the meeting row (with its current phase) first. */
  private async transaction(
    caller: Caller,
    type: LiveCommandType,
    def: CommandDef<LiveCommandType>,
    opId: string,
    meetingId: string,
    payload: unknown,
    byRole: boolean,
    now: Date,
  ): Promise<Done> {
    return this.db.transaction(async (m) => {
      // Lock the meeting row and read the current phase in one statement: the handler sees a stable state.
      const meeting = (await m
        .createQueryBuilder(Meeting, 'm')
        .setLock('pessimistic_write', undefined, ['m'])
        .leftJoinAndMapOne('m.currentPhase', MeetingPhase, 'p', 'p.meeting_id = m.id AND p.position = m.current_phase_index')
        .where('m.id = :meetingId', { meetingId })
        .getOne()) as (Meeting & { currentPhase?: MeetingPhase | null }) | null;
      if (!meeting) throw new AppError(ErrorCode.NotFound, 'Not found');
      const current = meeting.currentPhase ?? null;
      delete meeting.currentPhase;

      // Re-checked from the locked row: the facilitator may have changed since `authorize`.
      const isFacilitator = byRole || meeting.facilitatorId === caller.userId;
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
      const params: unknown[] = [];
      const param = (v: unknown) => `$${params.push(v === undefined ? null : v)}`;
      const sql = `WITH locked AS (
          UPDATE meetings SET last_seq = last_seq + 1 WHERE id = ${param(meetingId)}::uuid RETURNING id, last_seq, now() AS at
        ), appended AS (${eventInsert(param, opId, type, outcome, def.anonymous ? null : caller.userId)})
        SELECT last_seq, at FROM locked`;
      const rows = (await m.query(sql, params)) as { last_seq: number; at: Date }[];
      return this.done(meetingId, rows[0]!, outcome);
    });
  }

  private done(meetingId: string, row: { last_seq: number; at: Date }, outcome: CommandOutcome<LiveCommandType>): Done {
    const seq = Number(row.last_seq);
    const at = new Date(row.at).toISOString();
    const { type, payload } = outcome.event;
    const event = { meetingId, seq, type, payload, at } as LiveEvent;
    return { ack: { ok: true, seq, result: outcome.result }, event };
  }
}

/** The event row, as a CTE that appends it for the seq `locked` allocated. */
function eventInsert(
  param: (v: unknown) => string,
  opId: string,
  command: LiveCommandType,
  outcome: CommandOutcome<LiveCommandType>,
  actorId: string | null,
): string {
  const json = (v: unknown) => `${param(JSON.stringify(v ?? null))}::jsonb`;
  return `INSERT INTO meeting_events (meeting_id, seq, op_id, command, type, payload, result, actor_id)
    SELECT locked.id, locked.last_seq, ${param(opId)}::uuid, ${param(command)}, ${param(outcome.event.type)},
      ${json(outcome.event.payload)}, ${json(outcome.result)}, ${param(actorId)}::uuid
    FROM locked`;
}

interface AuthRow {
  team_id: string;
  facilitator_id: string | null;
  state: string;
  current_phase_index: number;
  input_locked: boolean;
  phase_id: string | null;
  phase_kind: string | null;
  session_live: boolean;
  team_exists: boolean;
  team_role: string | null;
  org_admin: boolean;
  op_seq: number | null;
  op_command: string | null;
  op_actor: string | null;
  op_result: unknown;
}

/** The caller passed authorization: the row it was decided on, and whether their role makes them a facilitator. */
interface Gate {
  row: AuthRow;
  byRole: boolean;
}

interface Done {
  ack: CommandAck;
  event: LiveEvent;
}

/** One command's direct write: the CTEs of its change and event row, and what the locking statement checks. */
interface DirectStatement {
  guard: { phaseIndex: number; phaseId: string | null; facilitatorId: string | null; lockClause: string };
  /** Who sends it, and whether the plan counted on a manager's or organisation admin's rights. */
  caller: { sessionId: string; userId: string; byRole: boolean };
  /** Statements with the same key may share one locking UPDATE. */
  guardKey: string;
  body: string;
  params: unknown[];
  plan: CommandOutcome<LiveCommandType>;
}

interface QueuedDirect {
  stmt: DirectStatement;
  resolve(done: Done | null): void;
  reject(err: unknown): void;
}

const AUTHORIZE_SQL = `
  SELECT m.team_id, m.facilitator_id, m.state, m.current_phase_index, m.input_locked,
         p.id AS phase_id, p.kind AS phase_kind,
         EXISTS (SELECT 1 FROM sessions s WHERE s.id = $2 AND s.user_id = $3) AS session_live,
         (t.id IS NOT NULL) AS team_exists,
         tm.role AS team_role,
         COALESCE(om.role = 'admin', false) AS org_admin,
         e.seq AS op_seq, e.command AS op_command, e.actor_id AS op_actor, e.result AS op_result
    FROM meetings m
    LEFT JOIN meeting_phases p ON p.meeting_id = m.id AND p.position = m.current_phase_index
    LEFT JOIN teams t ON t.id = m.team_id
    LEFT JOIN team_members tm ON tm.team_id = m.team_id AND tm.user_id = $3
    LEFT JOIN organization_members om ON om.organization_id = t.organization_id AND om.user_id = $3
    LEFT JOIN meeting_events e ON e.meeting_id = m.id AND e.op_id = $4
   WHERE m.id = $1`;

/**
 * What each caller's last authorization in a meeting found, so their next direct write needs no separate
 * authorization round trip. Only a plan: the write's own statement re-checks every part of it, and a miss
 * (null) forgets the meeting and authorizes again. Bounded: it is emptied when it grows past `GATES_MAX`.
 */
class GateMemory {
  private readonly meetings = new Map<string, Map<string, Gate>>();
  private size = 0;

  get(meetingId: string, sessionId: string): Gate | undefined {
    return this.meetings.get(meetingId)?.get(sessionId);
  }

  remember(meetingId: string, sessionId: string, gate: Gate): void {
    if (this.size >= GATES_MAX) {
      this.meetings.clear();
      this.size = 0;
    }
    let bySession = this.meetings.get(meetingId);
    if (!bySession) this.meetings.set(meetingId, (bySession = new Map()));
    if (!bySession.has(sessionId)) this.size++;
    bySession.set(sessionId, gate);
  }

  forget(meetingId: string): void {
    this.size -= this.meetings.get(meetingId)?.size ?? 0;
    this.meetings.delete(meetingId);
  }
}

const GATES_MAX = 20_000;

/**
 * Per meeting on this node: a transaction runs alone (its handler holds the row lock over several round
 * trips, so others would only wait in the pool, blocked on it); direct writes go as batches of those waiting
 * at the head of the queue (one statement each), at most DIRECT_IN_FLIGHT at once. First come, first served;
 * other meetings are never held up. Only a performance device: the row lock keeps correctness, also across
 * nodes.
 */
class MeetingQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly runBatch: (meetingId: string, batch: QueuedDirect[]) => Promise<void>) {}

  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue(key, { kind: 'tx', run: () => task().then(resolve, reject) });
    });
  }

  /** Resolves with the write, or null when the meeting no longer matched what was authorized. */
  direct(key: string, stmt: DirectStatement): Promise<Done | null> {
    return new Promise<Done | null>((resolve, reject) => {
      this.enqueue(key, { kind: 'direct', unit: { stmt, resolve, reject } });
    });
  }

  private enqueue(key: string, entry: Entry): void {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { running: 0, exclusive: false, waiting: [] };
      this.lanes.set(key, lane);
    }
    lane.waiting.push(entry);
    this.pump(key, lane);
  }

  private pump(key: string, lane: Lane): void {
    for (;;) {
      const head = lane.waiting[0];
      if (!head) {
        if (lane.running === 0) this.lanes.delete(key);
        return;
      }
      if (lane.exclusive) return;
      if (head.kind === 'tx' ? lane.running > 0 : lane.running >= DIRECT_IN_FLIGHT) return;
      lane.waiting.shift();
      lane.running++;
      let work: Promise<unknown>;
      if (head.kind === 'tx') {
        lane.exclusive = true;
        work = head.run();
      } else {
        const batch = [head.unit];
        while (batch.length < BATCH_MAX) {
          const next = lane.waiting[0];
          if (next?.kind !== 'direct' || next.unit.stmt.guardKey !== head.unit.stmt.guardKey) break;
          lane.waiting.shift();
          batch.push(next.unit);
        }
        work = this.runBatch(key, batch);
      }
      void work
        .catch(() => undefined)
        .then(() => {
          lane.running--;
          if (head.kind === 'tx') lane.exclusive = false;
          this.pump(key, lane);
        });
    }
  }
}

const BATCH_MAX = 50;
/**
 * Direct batches of one meeting in flight at once. The second waits on the row lock inside PostgreSQL rather
 * than in this queue, so its round trip and parsing overlap the first's execution: under load a command waits
 * for less than one statement instead of about one and a half. Seqs stay gap-free (each statement reads the
 * seq under the lock); broadcasts of two batches may leave out of seq order, which clients already handle.
 */
const DIRECT_IN_FLIGHT = 2;

type Entry = { kind: 'tx'; run: () => Promise<unknown> } | { kind: 'direct'; unit: QueuedDirect };

interface Lane {
  /** Writes in flight: one transaction (`exclusive`), or up to DIRECT_IN_FLIGHT direct batches. */
  running: number;
  exclusive: boolean;
  waiting: Entry[];
}
