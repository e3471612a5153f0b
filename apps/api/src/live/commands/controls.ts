/** Facilitator controls: start, phases, timer, input lock, handover, end. */
import { ErrorCode, LIVE_LIMITS, type TimerState } from '@tillit/protocol';
import { AppError } from '../../common/app-error.js';
import { Item } from '../../items/item.entity.js';
import { Meeting, MeetingPhase } from '../../meetings/meeting.entity.js';
import { buildMinutes } from '../../meetings/minutes.js';
import { meetingItems } from '../../meetings/snapshot.js';
import { conflict } from '../command-errors.js';
import { type CommandDef, event } from '../live.types.js';
import type { MinutesPart } from '../ritual.js';
import { assertTeamMember } from '../team-lookups.js';

const setTimer = async (
  ctx: { m: Parameters<CommandDef<'timer.start'>['handle']>[0]['m']; meeting: Meeting },
  timer: TimerState,
) => {
  await ctx.m.update(Meeting, { id: ctx.meeting.id }, { timer: timer as never });
  return { event: event('timer.changed', { timer }), result: {} as Record<string, never> };
};

export const meetingStart: CommandDef<'meeting.start'> = {
  whenScheduled: true,
  async handle({ m, meeting, now }) {
    if (meeting.state !== 'scheduled') throw conflict('The meeting has already started');
    await m.update(Meeting, { id: meeting.id }, { state: 'live', startedAt: now });
    return { event: event('meeting.started', { startedAt: now.toISOString() }), result: {} };
  },
};

export const phaseGoto: CommandDef<'phase.goto'> = {
  async handle({ m, meeting, payload }) {
    const phase = await m.findOneBy(MeetingPhase, { meetingId: meeting.id, position: payload.index });
    if (!phase) {
      throw new AppError(ErrorCode.ValidationFailed, 'No such phase', {
        issues: [{ path: 'index', message: 'out of range' }],
      });
    }
    const timer: TimerState = { status: 'idle', remainingMs: (phase.timeboxSeconds ?? 0) * 1000 };
    await m.update(
      Meeting,
      { id: meeting.id },
      { currentPhaseIndex: payload.index, timer: timer as never, ready: [] as never },
    );
    return { event: event('phase.changed', { index: payload.index, timer }), result: {} };
  },
};

export const timerStart: CommandDef<'timer.start'> = {
  async handle(ctx) {
    const phase = await ctx.m.findOneBy(MeetingPhase, {
      meetingId: ctx.meeting.id,
      position: ctx.meeting.currentPhaseIndex,
    });
    const seconds = ctx.payload.seconds ?? phase?.timeboxSeconds ?? 0;
    if (seconds <= 0) {
      throw new AppError(ErrorCode.ValidationFailed, 'This phase has no time box: give the seconds', {
        issues: [{ path: 'seconds', message: 'required' }],
      });
    }
    const durationMs = seconds * 1000;
    return setTimer(ctx, {
      status: 'running',
      endsAt: new Date(ctx.now.getTime() + durationMs).toISOString(),
      durationMs,
    });
  },
};

export const timerPause: CommandDef<'timer.pause'> = {
  async handle(ctx) {
    const t = ctx.meeting.timer;
    if (t.status !== 'running') throw conflict('The timer is not running');
    const remainingMs = Math.max(0, Date.parse(t.endsAt) - ctx.now.getTime());
    return setTimer(ctx, { status: 'paused', remainingMs, durationMs: t.durationMs });
  },
};

export const timerResume: CommandDef<'timer.resume'> = {
  async handle(ctx) {
    const t = ctx.meeting.timer;
    if (t.status !== 'paused') throw conflict('The timer is not paused');
    return setTimer(ctx, {
      status: 'running',
      endsAt: new Date(ctx.now.getTime() + t.remainingMs).toISOString(),
      durationMs: t.durationMs,
    });
  },
};

export const timerExtend: CommandDef<'timer.extend'> = {
  async handle(ctx) {
    const t = ctx.meeting.timer;
    const delta = ctx.payload.seconds * 1000;
    const max = LIVE_LIMITS.timerSeconds * 1000;
    const clamp = (n: number) => Math.min(max, Math.max(0, n));
    if (t.status === 'running') {
      const now = ctx.now.getTime();
      const endsAt = now + clamp(Date.parse(t.endsAt) - now + delta);
      return setTimer(ctx, {
        status: 'running',
        endsAt: new Date(endsAt).toISOString(),
        durationMs: clamp(t.durationMs + delta),
      });
    }
    if (t.status === 'paused') {
      return setTimer(ctx, {
        status: 'paused',
        remainingMs: clamp(t.remainingMs + delta),
        durationMs: clamp(t.durationMs + delta),
      });
    }
    return setTimer(ctx, { status: 'idle', remainingMs: clamp(t.remainingMs + delta) });
  },
};

export const inputLock: CommandDef<'input.lock'> = {
  async handle({ m, meeting, payload }) {
    await m.update(Meeting, { id: meeting.id }, { inputLocked: payload.locked });
    return { event: event('input.locked', { locked: payload.locked }), result: {} };
  },
};

export const facilitatorPass: CommandDef<'facilitator.pass'> = {
  async handle({ m, meeting, payload, now }) {
    await assertTeamMember(m, meeting.teamId, payload.userId, 'userId');
    await m.update(Meeting, { id: meeting.id }, { facilitatorId: payload.userId, facilitatorSeenAt: now });
    return { event: event('facilitator.changed', { userId: payload.userId, reason: 'passed' }), result: {} };
  },
};

export const facilitatorTake: CommandDef<'facilitator.take'> = {
  async handle({ m, meeting, actor, now, hub }) {
    if (meeting.facilitatorId === actor.userId) throw conflict('You are already the facilitator');
    if (meeting.facilitatorId) {
      // Present on any node? fetchSockets asks them all.
      const present = (await hub.presence(meeting.id)).some((p) => p.userId === meeting.facilitatorId);
      if (present)
        throw new AppError(ErrorCode.FacilitatorPresent, 'The facilitator is here: ask them to pass the role');
      const goneMs = now.getTime() - meeting.facilitatorSeenAt.getTime();
      const graceMs = LIVE_LIMITS.facilitatorGraceSeconds * 1000;
      if (goneMs < graceMs) {
        throw new AppError(ErrorCode.FacilitatorPresent, 'The facilitator left only a moment ago', {
          retryAfterSeconds: Math.ceil((graceMs - goneMs) / 1000),
        });
      }
    }
    await m.update(Meeting, { id: meeting.id }, { facilitatorId: actor.userId, facilitatorSeenAt: now });
    return { event: event('facilitator.changed', { userId: actor.userId, reason: 'taken' }), result: {} };
  },
};

/** `parts`: what the rituals add to the minutes, in order. */
export const meetingEnd = (parts: readonly MinutesPart[]): CommandDef<'meeting.end'> => ({
  async handle({ m, meeting, now }) {
    const phases = await m.find(MeetingPhase, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    const items: Item[] = await meetingItems(m, meeting);
    const minutes = await buildMinutes(parts, m, meeting, phases, items);
    const t = meeting.timer;
    const timer: TimerState =
      t.status === 'running' ? { status: 'paused', remainingMs: 0, durationMs: t.durationMs } : t;
    await m.update(
      Meeting,
      { id: meeting.id },
      {
        state: 'ended',
        endedAt: now,
        timer: timer as never,
        hands: [] as never,
        minutes: minutes as never,
      },
    );
    return { event: event('meeting.ended', { endedAt: now.toISOString(), minutes }), result: {} };
  },
});
