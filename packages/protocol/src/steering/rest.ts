/** Daily steering over REST: bodies and queries (the API parses with them). */
import { z } from 'zod';
import { uuid } from '../common.js';
import { text } from '../live/model.js';
import { day, optionalText, people, planFields } from './fields.js';
import { STEERING_LIMITS } from './limits.js';
import { FeedbackReaction, FeedbackVisibility, RiskSeverity, RiskStatus, RiskType } from './model.js';

const valueTag = text(STEERING_LIMITS.valueTag);
const uniqueStrings = (item: z.ZodString, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a.map((s) => s.toLowerCase())).size === a.length, 'must not repeat');

/** POST /api/teams/:teamId/steering/plan: a plan item for any day (ahead too). */
export const CreatePlanItemBody = z.strictObject({ day, ...planFields, assigneeIds: people.optional() });
export type CreatePlanItemBody = z.input<typeof CreatePlanItemBody>;

const followUp = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('open') }),
  z.strictObject({ status: z.literal('done') }),
  z.strictObject({ status: z.literal('carried'), reason: text(STEERING_LIMITS.carryReason) }),
  z.strictObject({ status: z.literal('dropped') }),
]);
export const PlanFollowUp = followUp;

/** PATCH /api/teams/:teamId/steering/plan/:itemId */
export const UpdatePlanItemBody = z.strictObject({
  day: day.optional(),
  title: planFields.title.optional(),
  time: planFields.time,
  place: planFields.place,
  notes: planFields.notes,
  assigneeIds: people.optional(),
  followUp: followUp.optional(),
});
export type UpdatePlanItemBody = z.input<typeof UpdatePlanItemBody>;

export const DayQuery = z.strictObject({ day: day.optional() });

/** PUT /api/teams/:teamId/steering/absences: mark yourself (or, as facilitator, anyone) absent on a day. */
export const SetAbsenceBody = z.strictObject({ day, userId: uuid, absent: z.boolean() });
export type SetAbsenceBody = z.input<typeof SetAbsenceBody>;

const riskFields = {
  type: RiskType,
  description: text(STEERING_LIMITS.riskDescription),
  category: optionalText(STEERING_LIMITS.riskCategory).nullable().optional(),
  severity: RiskSeverity.default('medium'),
  ownerId: uuid.nullable().optional(),
  followUpDate: day.nullable().optional(),
  learning: z.string().max(STEERING_LIMITS.learning).optional(),
};
export const CreateRiskBody = z.strictObject(riskFields);
export type CreateRiskBody = z.input<typeof CreateRiskBody>;
export const UpdateRiskBody = z.strictObject({
  type: RiskType.optional(),
  description: riskFields.description.optional(),
  category: riskFields.category,
  severity: RiskSeverity.optional(),
  ownerId: riskFields.ownerId,
  followUpDate: riskFields.followUpDate,
  learning: riskFields.learning,
  status: RiskStatus.optional(),
});
export type UpdateRiskBody = z.input<typeof UpdateRiskBody>;

export const RISK_SORTS = ['created', 'severity', 'followUp', 'status', 'age'] as const;
/** GET /api/teams/:teamId/steering/risks (and risks.csv) */
export const RiskLogQuery = z.strictObject({
  status: z.union([RiskStatus, z.literal('unresolved'), z.literal('all')]).default('unresolved'),
  severity: RiskSeverity.optional(),
  type: RiskType.optional(),
  ownerId: uuid.optional(),
  /** Only those at least this many days old. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(RISK_SORTS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type RiskLogQuery = z.input<typeof RiskLogQuery>;

export const EscalateBody = z.strictObject({ note: optionalText(STEERING_LIMITS.escalationNote).optional() });
export type EscalateBody = z.input<typeof EscalateBody>;
export const EscalationMessageBody = z.strictObject({ text: text(STEERING_LIMITS.escalationMessage) });
export type EscalationMessageBody = z.input<typeof EscalationMessageBody>;
export const EscalationsQuery = z.strictObject({ status: z.enum(['open', 'closed', 'all']).default('open') });

export const GiveFeedbackBody = z.strictObject({
  receiverIds: people.min(1),
  text: text(STEERING_LIMITS.feedbackText),
  valueTag: valueTag.nullable().optional(),
  visibility: FeedbackVisibility.default('team'),
});
export type GiveFeedbackBody = z.input<typeof GiveFeedbackBody>;
export const FeedbackWallQuery = z.strictObject({
  /** Feedback older than this one (its id), for the next page. */
  before: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(STEERING_LIMITS.feedbackPage).default(50),
});
export const ReactBody = z.strictObject({ reaction: FeedbackReaction, on: z.boolean() });
export type ReactBody = z.input<typeof ReactBody>;

/** PATCH /api/teams/:teamId/steering/settings */
export const UpdateSteeringSettingsBody = z.strictObject({
  valueTags: uniqueStrings(valueTag, STEERING_LIMITS.valueTags).optional(),
  riskCategories: uniqueStrings(text(STEERING_LIMITS.riskCategory), STEERING_LIMITS.riskCategories).optional(),
  /** Switch the ready-made morning / afternoon forum on (re-created from the template) or off (deleted). */
  morningForum: z.boolean().optional(),
  afternoonForum: z.boolean().optional(),
});
export type UpdateSteeringSettingsBody = z.input<typeof UpdateSteeringSettingsBody>;
