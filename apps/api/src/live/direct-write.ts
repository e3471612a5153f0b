/**
 * The hot path: a command with a `direct` plan written in ONE autocommitted statement, and several such
 * commands of a meeting in one statement (group commit). Its first CTE locks the meeting row and allocates the
 * seqs only if everything authorization and the plan relied on still holds (state live, same phase, same
 * facilitator, input not locked for the caller, each sender's session and standing — the access policy
 * rendered as SQL); then each command's change and event row, all or nothing.
 */
import { type LiveCommandType, LIVE_COMMANDS } from '@tillit/protocol';
import { type Expression, type QueryCreator, type SqlBool, sql } from 'kysely';
import type { DataSource } from 'typeorm';
import type { AccessRule } from '../access/access.policy.js';
import { passesSql, sessionLiveSql } from '../access/access.sql.js';
import { runQuery, StatementShapes, type ValueOf } from '../database/query-builder.js';
import { byRole, type Caller, facilitates, type Gate } from './command-authorization.js';
import {
  appendEvent,
  eventPlaceholders,
  type EventValues,
  eventValues,
  lockMeeting,
  type LockedMeetingDatabase,
  type Written,
  written,
} from './event-append.js';
import type { LiveHub } from './live.hub.js';
import type { CommandDef, DirectPlan } from './live.types.js';
import type { QueuedDirect } from './meeting-queue.js';

/** One command's direct write: its plan and event, and what the locking statement checks for it. */
export interface DirectStatement {
  guard: { phaseIndex: number; phaseId: string | null; facilitatorId: string | null; lockedOut: boolean };
  /** Statements with the same key may share one locking UPDATE. */
  guardKey: string;
  /** Who sends it, and the rule their standing must still pass (a manager's if the plan counted on it). */
  caller: { sessionId: string; userId: string; rule: AccessRule };
  opId: string;
  type: LiveCommandType;
  actorId: string | null;
  plan: DirectPlan<LiveCommandType>;
}

/**
 * The direct write of a command, when it has a `direct` plan and the meeting, as `gate` found it, looks
 * right for it; null: use the transaction.
 */
export function planDirect(
  caller: Caller,
  type: LiveCommandType,
  def: CommandDef<LiveCommandType>,
  opId: string,
  meetingId: string,
  payload: unknown,
  { row, standing }: Gate,
  now: Date,
): DirectStatement | null {
  if (!def.direct || row.state !== 'live') return null;
  if (def.phase && row.phase_kind !== def.phase) return null;
  const isFacilitator = facilitates(standing, row.facilitator_id, caller.userId);
  // A remembered gate was decided for another command: its rule is checked here, as authorization would (the
  // statement re-checks the facilitator and standing this relies on).
  if (LIVE_COMMANDS[type].rule === 'facilitator' && !isFacilitator) return null;
  if (def.lockable && row.input_locked && !isFacilitator) return null;
  const plan = def.direct({
    meetingId,
    teamId: row.team_id,
    phaseId: row.phase_id,
    actor: { userId: caller.userId, isFacilitator },
    payload: payload as never,
    now,
  });
  if (!plan) return null;
  const lockedOut = def.lockable === true && !isFacilitator;
  return {
    guard: { phaseIndex: row.current_phase_index, phaseId: row.phase_id, facilitatorId: row.facilitator_id, lockedOut },
    guardKey: `${row.current_phase_index}|${row.phase_id}|${row.facilitator_id}|${lockedOut}`,
    caller: { sessionId: caller.sessionId, userId: caller.userId, rule: byRole(standing) ? 'manager' : 'member' },
    opId,
    type,
    actorId: def.anonymous ? null : caller.userId,
    plan,
  };
}

export class DirectWriter {
  constructor(
    private readonly db: DataSource,
    private readonly hub: LiveHub,
  ) {}

  /**
   * Consecutive direct writes of one meeting (the queue hands over all that are waiting) as ONE statement and
   * commit: the seqs `base + 1 … base + n`, each command's change and event row. Under load this is group
   * commit: one row lock and one WAL flush for many commands. No row (the meeting changed): each gets null
   * (→ the transaction). An error (say one opId already used): each is tried alone, so one command's failure
   * is only its own.
   */
  async runBatch(meetingId: string, batch: QueuedDirect<DirectStatement, Written>[]): Promise<void> {
    try {
      const results = await this.write(
        meetingId,
        batch.map((u) => u.stmt),
      );
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

  private async write(meetingId: string, stmts: DirectStatement[]): Promise<Written[] | null> {
    const [row] = await runQuery(this.db, directStatement(meetingId, stmts));
    if (!row) return null;
    const base = Number(row.base);
    return stmts.map((st, i) => written(meetingId, base + i + 1, row.at, st.plan));
  }
}

/** What decides a batch statement's SQL: how many commands of which plans, whose standing, the input lock. */
interface BatchShape {
  lockedOut: boolean;
  senderRules: AccessRule[];
  commands: { plan: DirectPlan<LiveCommandType>; valueKeys: string[] }[];
}

/** The values of a batch statement, in the order the builder asks for them. */
interface BatchValues {
  meetingId: string;
  phaseIndex: number;
  facilitatorId: string | null;
  phaseId: string | null;
  senders: { sessionId: string; userId: string }[];
  commands: { change: Record<string, unknown>; event: EventValues }[];
}

/** The statement of a batch (its statements share one guard, see `guardKey`), compiled once per shape. */
export function directStatement(meetingId: string, stmts: DirectStatement[]) {
  const { guard } = stmts[0]!;
  const senders = new Map<string, DirectStatement['caller']>();
  for (const { caller } of stmts) senders.set(`${caller.sessionId}|${caller.userId}|${caller.rule}`, caller);
  const shape: BatchShape = {
    lockedOut: guard.lockedOut,
    senderRules: [...senders.values()].map((c) => c.rule),
    commands: stmts.map((st) => ({ plan: st.plan, valueKeys: Object.keys(st.plan.values) })),
  };
  const key = `${shape.lockedOut}|${shape.senderRules.join(',')}|${stmts.map((st) => `${st.type}:${st.plan.shape ?? ''}`).join(',')}`;
  return batchStatements.compile(key, shape, {
    meetingId,
    phaseIndex: guard.phaseIndex,
    facilitatorId: guard.facilitatorId,
    phaseId: guard.phaseId,
    senders: [...senders.values()],
    commands: stmts.map((st) => ({
      change: st.plan.values,
      event: eventValues(st.opId, st.type, st.plan, st.actorId),
    })),
  });
}

const batchStatements = new StatementShapes((shape: BatchShape, value: ValueOf<BatchValues>) => {
  let db: QueryCreator<LockedMeetingDatabase> = lockMeeting(
    value((v) => v.meetingId),
    shape.commands.length,
    (update) =>
      update
        .where('state', '=', sql.lit('live'))
        .where(
          'current_phase_index',
          '=',
          value((v) => v.phaseIndex),
        )
        .where((eb) =>
          eb(
            'facilitator_id',
            'is not distinct from',
            eb.cast<string | null>(eb.val(value((v) => v.facilitatorId)), 'uuid'),
          ),
        )
        .$if(shape.lockedOut, (q) => q.where((eb) => eb.not(eb.ref('input_locked'))))
        .where((eb) =>
          eb(
            eb.cast<string | null>(eb.val(value((v) => v.phaseId)), 'uuid'),
            'is not distinct from',
            eb
              .selectFrom('meeting_phases as p')
              .select('p.id')
              .whereRef('p.meeting_id', '=', 'meetings.id')
              .whereRef('p.position', '=', 'meetings.current_phase_index'),
          ),
        )
        // Every sender's authorization, as the access policy decides it, checked against the rows as they are now.
        .where((eb) =>
          eb.and(
            shape.senderRules.flatMap((rule, j): Expression<SqlBool>[] => {
              const userId = value((v) => v.senders[j]!.userId);
              return [
                sessionLiveSql(
                  value((v) => v.senders[j]!.sessionId),
                  userId,
                ),
                passesSql(rule, {
                  teamId: eb.ref('meetings.team_id'),
                  userId,
                  scope: { facilitatorId: eb.ref('meetings.facilitator_id') },
                }),
              ];
            }),
          ),
        ),
  );
  shape.commands.forEach(({ plan, valueKeys }, i) => {
    const change = Object.fromEntries(valueKeys.map((k) => [k, value((v) => v.commands[i]!.change[k])]));
    const event = eventPlaceholders(value, (v) => v.commands[i]!.event);
    db = db
      .with(`change_${i}`, (q) => plan.change(q, change))
      .with(`appended_${i}`, (q) => appendEvent(q, i + 1, event)) as QueryCreator<LockedMeetingDatabase>;
  });
  return db.selectFrom('locked').select(['base', 'at']);
});
