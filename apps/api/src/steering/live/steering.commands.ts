/**
 * The daily-steering live commands (part of ../steering.ritual.ts). Each one runs the same domain
 * function as its REST route, inside the command's transaction, and broadcasts what changed.
 */
import { ErrorCode, type SteeringCommandType } from '@tillit/protocol';
import { standingInTeam } from '../../access/access.repository.js';
import { AppError } from '../../common/app-error.js';
import type { CommandContext, CommandDef } from '../../live/live.types.js';
import { event } from '../../live/live.types.js';
import { savePhaseState } from '../../live/phase-state.js';
import type { Meeting } from '../../meetings/meeting.entity.js';
import { feedbackRound, giveFeedback, toFeedbackDtos } from '../feedback/feedback.js';
import {
  assignPlanItem,
  carryPlanItem,
  createPlanItem,
  deletePlanItem,
  editPlanItem,
  findPlanItem,
  followUpPlanItem,
  setAbsence,
  toPlanDtos,
} from '../plans/plans.js';
import {
  closeEscalation,
  createRisk,
  escalateRisk,
  escalationDto,
  findEscalation,
  findRisk,
  replyToEscalation,
  toRiskDto,
  updateRisk,
} from '../risks/risks.js';
import type { SteeringCtx } from '../steering.context.js';
import { isSteeringMeeting, meetingDay, setMeetingDay } from './meeting-day.js';
import { steeringSnapshot } from './steering.snapshot.js';

/** The steering context of a live command: who the actor is in the team, looked up in the transaction. */
async function steering(ctx: CommandContext<SteeringCommandType>): Promise<SteeringCtx> {
  const { m, meeting, actor, now } = ctx;
  if (!(await isSteeringMeeting(m, meeting))) {
    throw new AppError(ErrorCode.WrongPhase, 'This works only in a daily-steering meeting');
  }
  const standing = await standingInTeam(m, meeting.teamId, actor.userId);
  return {
    m,
    teamId: meeting.teamId,
    // In a meeting, facilitating is the command's `facilitator` rule (its current facilitator, a manager or an
    // organisation admin), as the access policy decided it for this command.
    actor: { userId: actor.userId, ...standing, mayFacilitate: actor.isFacilitator },
    meetingId: meeting.id,
    now,
  };
}

const planChanged = async (c: SteeringCtx, items: Parameters<typeof toPlanDtos>[1]) =>
  event('plan.changed', { items: await toPlanDtos(c.m, items) });

const day = (c: SteeringCtx, meeting: Meeting) => meetingDay(c.m, meeting);

export const STEERING_HANDLERS: { [K in SteeringCommandType]: CommandDef<K> } = {
  'steering.checkin': {
    phase: 'steering-check-in',
    lockable: true,
    async handle({ m, phase, actor, payload, now }) {
      const state = phase.state as { answers: Record<string, unknown> };
      const answer =
        'skip' in payload
          ? { word: null, scale: null, at: now.toISOString() }
          : { word: payload.word ?? null, scale: payload.scale ?? null, at: now.toISOString() };
      await savePhaseState<'steering-check-in'>(m, phase, {
        answers: { ...state.answers, [actor.userId]: answer } as never,
      });
      return { event: event('steering.checked-in', { phaseId: phase.id, userId: actor.userId, answer }), result: {} };
    },
  },
  'steering.day': {
    async handle(ctx) {
      await steering(ctx);
      await setMeetingDay(ctx.m, ctx.meeting.id, ctx.payload.day);
      const snapshot = await steeringSnapshot(ctx.m, ctx.meeting);
      return { event: event('steering.day-changed', { steering: snapshot! }), result: {} };
    },
  },
  'plan.add': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const { day: forDay, ...rest } = ctx.payload;
      const item = await createPlanItem(c, { ...rest, day: forDay ?? (await day(c, ctx.meeting)) });
      return { event: await planChanged(c, [item]), result: { planItemId: item.id } };
    },
  },
  'plan.edit': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const { planItemId, ...fields } = ctx.payload;
      const item = await findPlanItem(c.m, c.teamId, planItemId);
      await editPlanItem(c, item, fields);
      return { event: await planChanged(c, [item]), result: { planItemId } };
    },
  },
  'plan.delete': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const item = await findPlanItem(c.m, c.teamId, ctx.payload.planItemId);
      await deletePlanItem(c, item);
      return { event: event('plan.deleted', { planItemId: item.id }), result: { planItemId: item.id } };
    },
  },
  'plan.assign': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const item = await findPlanItem(c.m, c.teamId, ctx.payload.planItemId);
      await assignPlanItem(c, item, ctx.payload.add ?? [], ctx.payload.remove ?? []);
      return { event: await planChanged(c, [item]), result: { planItemId: item.id } };
    },
  },
  'plan.follow-up': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const { planItemId, ...f } = ctx.payload;
      const item = await findPlanItem(c.m, c.teamId, planItemId);
      await followUpPlanItem(c, item, f);
      return { event: await planChanged(c, [item]), result: { planItemId } };
    },
  },
  'plan.carry': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const item = await findPlanItem(c.m, c.teamId, ctx.payload.planItemId);
      const changed = await carryPlanItem(c, item, ctx.payload.action, await day(c, ctx.meeting));
      return { event: await planChanged(c, changed), result: { planItemId: changed[changed.length - 1]!.id } };
    },
  },
  'absence.set': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const d = await day(c, ctx.meeting);
      await setAbsence(c, d, ctx.payload.userId, ctx.payload.absent);
      return {
        event: event('absence.changed', { day: d, userId: ctx.payload.userId, absent: ctx.payload.absent }),
        result: {},
      };
    },
  },
  'risk.add': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const risk = await createRisk(c, ctx.payload);
      return { event: event('risk.changed', { risk: toRiskDto(risk) }), result: { riskId: risk.id } };
    },
  },
  'risk.edit': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const { riskId, ...fields } = ctx.payload;
      const risk = await updateRisk(c, await findRisk(c.m, c.teamId, riskId), fields);
      return { event: event('risk.changed', { risk: toRiskDto(risk) }), result: { riskId } };
    },
  },
  'risk.escalate': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const risk = await findRisk(c.m, c.teamId, ctx.payload.riskId);
      const e = await escalateRisk(c, risk, ctx.payload.note);
      return {
        event: event('escalation.changed', { escalation: await escalationDto(c.m, e.id) }),
        result: { escalationId: e.id },
      };
    },
  },
  'escalation.reply': {
    async handle(ctx) {
      const c = await steering(ctx);
      const e = await findEscalation(c.m, c.teamId, ctx.payload.escalationId);
      await replyToEscalation(c, e, ctx.payload.text);
      return {
        event: event('escalation.changed', { escalation: await escalationDto(c.m, e.id) }),
        result: { escalationId: e.id },
      };
    },
  },
  'escalation.close': {
    async handle(ctx) {
      const c = await steering(ctx);
      const e = await findEscalation(c.m, c.teamId, ctx.payload.escalationId);
      await closeEscalation(c, e);
      return {
        event: event('escalation.changed', { escalation: await escalationDto(c.m, e.id) }),
        result: { escalationId: e.id },
      };
    },
  },
  'feedback.give': {
    lockable: true,
    async handle(ctx) {
      const c = await steering(ctx);
      const f = await giveFeedback(c, ctx.payload);
      const round = await feedbackRound(c.m, ctx.meeting.id);
      const shared = f.visibility === 'team' ? ((await toFeedbackDtos(c.m, [f], null))[0] ?? null) : null;
      // Never who gave what to whom: the whole set of receivers so far and the count, and the feedback
      // itself only when the giver shared it with the team.
      return {
        event: event('feedback.given', { shared, received: round.received, count: round.count }),
        result: { feedbackId: f.id },
      };
    },
  },
};
