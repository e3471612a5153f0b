/** The daily-steering live commands: plan, absences, risks, escalations, feedback. */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { CommandSpec } from '../live/commands.js';
import { text } from '../live/model.js';
import { day, people, planFields } from './fields.js';
import { STEERING_LIMITS } from './limits.js';
import { CreateRiskBody, EscalateBody, EscalationMessageBody, GiveFeedbackBody, UpdateRiskBody } from './rest.js';

export const STEERING_COMMANDS = {
  /** Check in with a word and/or a step on the scale, or skip. */
  'steering.checkin': {
    rule: 'member',
    payload: z.union([
      z
        .strictObject({
          word: text(STEERING_LIMITS.checkInWord).optional(),
          scale: z.int().min(1).max(5).optional(),
        })
        .refine((p) => p.word !== undefined || p.scale !== undefined, 'give a word or a step on the scale'),
      z.strictObject({ skip: z.literal(true) }),
    ]),
  },
  /** Which day this meeting plans and follows up (default: the day it started). */
  'steering.day': { rule: 'facilitator', payload: z.strictObject({ day }) },
  /** A plan item for the meeting's day (or another day), with its people. */
  'plan.add': {
    rule: 'member',
    payload: z.strictObject({ ...planFields, day: day.optional(), assigneeIds: people.optional() }),
  },
  'plan.edit': {
    rule: 'member',
    payload: z.strictObject({
      planItemId: uuid,
      title: planFields.title.optional(),
      time: planFields.time,
      place: planFields.place,
      notes: planFields.notes,
      day: day.optional(),
    }),
  },
  /** Its author or the facilitator may delete a plan item. */
  'plan.delete': { rule: 'member', payload: z.strictObject({ planItemId: uuid }) },
  /** Assign people to a plan item and/or take them off it (tap or keyboard, live for everyone). */
  'plan.assign': {
    rule: 'member',
    payload: z
      .strictObject({ planItemId: uuid, add: people.optional(), remove: people.optional() })
      .refine((p) => (p.add?.length ?? 0) + (p.remove?.length ?? 0) > 0, 'add or remove someone'),
  },
  /** Follow up a plan item: done, or carried to tomorrow with a short reason (or back to open). */
  'plan.follow-up': {
    rule: 'member',
    payload: z.discriminatedUnion('status', [
      z.strictObject({ planItemId: uuid, status: z.literal('open') }),
      z.strictObject({ planItemId: uuid, status: z.literal('done') }),
      z.strictObject({ planItemId: uuid, status: z.literal('carried'), reason: text(STEERING_LIMITS.carryReason) }),
      z.strictObject({ planItemId: uuid, status: z.literal('dropped') }),
    ]),
  },
  /** Carry-over: take an unfinished item of an earlier day into the meeting's day, or drop it. */
  'plan.carry': {
    rule: 'member',
    payload: z.strictObject({ planItemId: uuid, action: z.enum(['take', 'drop']) }),
  },
  /** Absent on the meeting's day: yourself, or anyone when you facilitate. */
  'absence.set': { rule: 'member', payload: z.strictObject({ userId: uuid, absent: z.boolean() }) },
  'risk.add': { rule: 'member', payload: CreateRiskBody },
  'risk.edit': { rule: 'member', payload: UpdateRiskBody.extend({ riskId: uuid }) },
  /** Escalate a risk to the team's manager (one open escalation per risk). */
  'risk.escalate': { rule: 'member', payload: EscalateBody.extend({ riskId: uuid }) },
  /** Write in an escalation's thread (the manager's answer, or the team's). */
  'escalation.reply': { rule: 'member', payload: EscalationMessageBody.extend({ escalationId: uuid }) },
  /** Close an escalation: a manager, an organisation admin or whoever escalated it. */
  'escalation.close': { rule: 'member', payload: z.strictObject({ escalationId: uuid }) },
  /** Give positive feedback in the round. */
  'feedback.give': { rule: 'member', payload: GiveFeedbackBody },
} as const satisfies Record<string, CommandSpec>;
export type SteeringCommandType = keyof typeof STEERING_COMMANDS;

export interface SteeringCommandResults {
  'steering.checkin': Record<string, never>;
  'steering.day': Record<string, never>;
  'plan.add': { planItemId: string };
  'plan.edit': { planItemId: string };
  'plan.delete': { planItemId: string };
  'plan.assign': { planItemId: string };
  'plan.follow-up': { planItemId: string };
  /** `take`: the new item of the meeting's day. */
  'plan.carry': { planItemId: string };
  'absence.set': Record<string, never>;
  'risk.add': { riskId: string };
  'risk.edit': { riskId: string };
  'risk.escalate': { escalationId: string };
  'escalation.reply': { escalationId: string };
  'escalation.close': { escalationId: string };
  /** Only the giver learns the id of what they gave. */
  'feedback.give': { feedbackId: string };
}

declare module '../live/commands.js' {
  interface LiveCommandTables {
    steering: typeof STEERING_COMMANDS;
  }
  interface CommandResultTables {
    steering: SteeringCommandResults;
  }
}
