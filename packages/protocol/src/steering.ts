/**
 * Daily steering (daglig styrning): the morning plan, the afternoon's risks and disturbances, escalation to
 * the manager, and positive feedback — in a live meeting and between meetings.
 *
 * - REST bodies and queries are zod schemas (the API parses with them); answers are the `…Dto` interfaces.
 * - Live commands (`STEERING_COMMANDS`) are spread into the shared registry (live/commands.ts); their events
 *   (`SteeringEventPayloads`) into `LiveEventPayloads`, and their reducers (`STEERING_REDUCERS`) into
 *   `applyEvent`. They change `MeetingSnapshot.steering`, which every participant sees alike: it never holds
 *   private feedback, only the feedback shared with the team and the SET of people who received any.
 *
 * Feedback privacy: feedback `visibility: 'receivers'` is seen by its giver and its receivers only, and a
 * receiver sees only themselves among the receivers. Nobody else — not a manager, not an organisation admin —
 * learns who gave it to whom, in any payload. No per-person counts exist anywhere.
 */
import { z } from 'zod';
import { uuid } from './common.js';
import type { LiveEventOf } from './live/events.js';
import type { MeetingSnapshot } from './live/model.js';

/** Multi-line text written by people: trimmed, not empty, bounded (as live/model.ts `text`). */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);
const day = z.iso.date();

export const STEERING_LIMITS = {
  planTitle: 200,
  planTime: 60,
  planPlace: 120,
  planNotes: 2000,
  carryReason: 300,
  checkInWord: 40,
  riskDescription: 1000,
  riskCategory: 60,
  learning: 2000,
  escalationNote: 1000,
  escalationMessage: 2000,
  feedbackText: 1000,
  valueTag: 40,
  valueTags: 20,
  riskCategories: 30,
  /** People on one plan item, receivers of one feedback. */
  people: 50,
  /** Unfinished plan items from this many days back come up in the morning's carry-over. */
  carryOverDays: 7,
  feedbackPage: 100,
} as const;

export const PLAN_STATUSES = ['open', 'done', 'carried', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const RISK_TYPES = ['risk', 'disturbance'] as const;
export const RiskType = z.enum(RISK_TYPES);
export type RiskType = z.infer<typeof RiskType>;
export const RISK_SEVERITIES = ['low', 'medium', 'high'] as const;
export const RiskSeverity = z.enum(RISK_SEVERITIES);
export type RiskSeverity = z.infer<typeof RiskSeverity>;
export const RISK_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;
export const FEEDBACK_VISIBILITIES = ['team', 'receivers'] as const;
export const FeedbackVisibility = z.enum(FEEDBACK_VISIBILITIES);
export type FeedbackVisibility = z.infer<typeof FeedbackVisibility>;
export const FEEDBACK_REACTIONS = ['heart', 'clap', 'thanks', 'star'] as const;
export const FeedbackReaction = z.enum(FEEDBACK_REACTIONS);
export type FeedbackReaction = z.infer<typeof FeedbackReaction>;
export const SCALE_STEPS = [1, 2, 3, 4, 5] as const;

const people = z
  .array(uuid)
  .max(STEERING_LIMITS.people)
  .refine((a) => new Set(a).size === a.length, 'people must not repeat');
const valueTag = text(STEERING_LIMITS.valueTag);
const uniqueStrings = (item: z.ZodString, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a.map((s) => s.toLowerCase())).size === a.length, 'must not repeat');

/* ------------------------------------------------------------------------------------------------ */
/* What the API returns                                                                             */
/* ------------------------------------------------------------------------------------------------ */

export interface PlanItemDto {
  id: string;
  teamId: string;
  /** YYYY-MM-DD: the day it is planned for. */
  day: string;
  title: string;
  /** When, in the team's words ("08.30", "förmiddag"). */
  time: string;
  /** Where ("Avd 3", "hos Berit"). */
  place: string;
  notes: string;
  /** open → done, or carried (not done; comes up in the next morning's carry-over), or dropped. */
  status: PlanStatus;
  assigneeIds: string[];
  /** Why it was carried over (with status `carried`). */
  carryReason: string | null;
  /** The item of an earlier day this one continues. */
  carriedFromId: string | null;
  /** The later day's item that continues this one (it then leaves the carry-over). */
  carriedToId: string | null;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RiskDto {
  id: string;
  teamId: string;
  /** risk: might happen; disturbance: happened. */
  type: RiskType;
  description: string;
  category: string | null;
  severity: RiskSeverity;
  ownerId: string | null;
  /** YYYY-MM-DD */
  followUpDate: string | null;
  status: RiskStatus;
  /** "What can we learn so it does not happen again?" */
  learning: string;
  authorId: string | null;
  originMeetingId: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface EscalationMessageDto {
  id: string;
  authorId: string | null;
  text: string;
  createdAt: string;
}

/** A risk escalated to the team's manager; the thread is visible to the whole team. */
export interface EscalationDto {
  id: string;
  teamId: string;
  riskId: string;
  /** The escalated risk's description, for lists that show escalations on their own. */
  riskDescription: string;
  riskType: RiskType;
  status: 'open' | 'closed';
  note: string;
  escalatedById: string | null;
  createdAt: string;
  closedAt: string | null;
  closedById: string | null;
  messages: EscalationMessageDto[];
}

export interface ReactionCountDto {
  reaction: FeedbackReaction;
  count: number;
  /** Whether the viewer gave this reaction. */
  mine: boolean;
}

/**
 * One piece of positive feedback. For `visibility: 'receivers'`, only the giver and the receivers ever get
 * it, and a receiver's copy lists only that receiver in `receiverIds`.
 */
export interface FeedbackDto {
  id: string;
  teamId: string;
  giverId: string | null;
  receiverIds: string[];
  text: string;
  valueTag: string | null;
  visibility: FeedbackVisibility;
  meetingId: string | null;
  createdAt: string;
  reactions: ReactionCountDto[];
}

/** A check-in answer: a word, a step on the five-step scale, or both; both null: skipped. */
export interface SteeringCheckInAnswer {
  word: string | null;
  scale: number | null;
  at: string;
}

/** The feedback round of a meeting, as every participant may see it. */
export interface FeedbackRoundDto {
  /** Feedback given in this meeting and shared with the team. */
  shared: FeedbackDto[];
  /** Who has received at least one piece of feedback in this meeting (from anyone; never from whom). */
  received: string[];
  /** How many pieces of feedback were given in this meeting (all visibilities). */
  count: number;
}

/** A daily-steering meeting's shared state (`MeetingSnapshot.steering`), the same for every viewer. */
export interface SteeringSnapshot {
  /** The day the meeting plans and follows up (YYYY-MM-DD, the team's time zone). */
  day: string;
  /**
   * The day's plan items and the carry-over: unfinished items (open or carried, not yet continued) from the
   * STEERING_LIMITS.carryOverDays days before, plus any the meeting touched.
   */
  planItems: PlanItemDto[];
  /** Who is absent on the day. */
  absences: string[];
  /** The team's open and in-progress risks and disturbances, and those this meeting touched. */
  risks: RiskDto[];
  /** Escalations of those risks (open ones, and those this meeting touched). */
  escalations: EscalationDto[];
  feedback: FeedbackRoundDto;
  valueTags: string[];
  riskCategories: string[];
}

/** What a daily-steering meeting leaves in its minutes (never the text of feedback). */
export interface SteeringMinutesDto {
  day: string;
  /** The day's plan and assignments as the meeting ended. */
  plan: PlanItemDto[];
  absences: string[];
  risksRaised: RiskDto[];
  risksUpdated: RiskDto[];
  escalations: EscalationDto[];
  feedbackCount: number;
}

export interface SteeringSettingsDto {
  teamId: string;
  valueTags: string[];
  riskCategories: string[];
  morningForumId: string | null;
  afternoonForumId: string | null;
}

/** GET /api/teams/:teamId/steering/plan?day= */
export interface DayPlanDto {
  day: string;
  items: PlanItemDto[];
  absences: string[];
}

/** GET /api/teams/:teamId/steering/feedback/mine */
export interface MyFeedbackDto {
  received: FeedbackDto[];
  given: FeedbackDto[];
}

/* ------------------------------------------------------------------------------------------------ */
/* REST bodies and queries                                                                          */
/* ------------------------------------------------------------------------------------------------ */

const planFields = {
  title: text(STEERING_LIMITS.planTitle),
  time: optionalText(STEERING_LIMITS.planTime).optional(),
  place: optionalText(STEERING_LIMITS.planPlace).optional(),
  notes: z.string().max(STEERING_LIMITS.planNotes).optional(),
};

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

/* ------------------------------------------------------------------------------------------------ */
/* Phase kinds                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

const prompt = z.string().trim().max(500);
/** Settings of the daily-steering phase kinds (spread into PHASE_SETTINGS). */
export const STEERING_PHASE_SETTINGS = {
  /** "How are you today?": a word or a step on a five-step scale; skipping is fine. */
  'steering-check-in': z.strictObject({ prompt: prompt.default('') }),
  /** Yesterday's unfinished plan items and the open risks and disturbances, for a quick review. */
  'steering-carry-over': z.strictObject({}),
  /** The day's plan: items, assignments, who is absent and who has no assignment yet. */
  'steering-plan': z.strictObject({ prompt: prompt.default('') }),
  /** The day's plan followed up: done, or carried to tomorrow with a reason. */
  'steering-follow-up': z.strictObject({}),
  /** Risks and disturbances: capture, update, escalate. */
  'steering-risks': z.strictObject({ prompt: prompt.default('') }),
  /** Positive feedback round: who has not received any yet (never who gave what). */
  'steering-feedback': z.strictObject({ prompt: prompt.default('') }),
} as const;
export type SteeringPhaseKind = keyof typeof STEERING_PHASE_SETTINGS;
export const STEERING_PHASE_KINDS = Object.keys(STEERING_PHASE_SETTINGS) as SteeringPhaseKind[];

/** What the steering phase kinds hold in a meeting (the plan, risks and feedback live in their own tables). */
export interface SteeringPhaseStateMap {
  'steering-check-in': { answers: Record<string, SteeringCheckInAnswer> };
  'steering-carry-over': Record<string, never>;
  'steering-plan': Record<string, never>;
  'steering-follow-up': Record<string, never>;
  'steering-risks': Record<string, never>;
  'steering-feedback': Record<string, never>;
}

/* ------------------------------------------------------------------------------------------------ */
/* Live commands (spread into LIVE_COMMANDS)                                                        */
/* ------------------------------------------------------------------------------------------------ */

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
} as const;
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

/* ------------------------------------------------------------------------------------------------ */
/* Live events (spread into LiveEventPayloads) and their reducers (spread into applyEvent)           */
/* ------------------------------------------------------------------------------------------------ */

export interface SteeringEventPayloads {
  'steering.checked-in': { phaseId: string; userId: string; answer: SteeringCheckInAnswer };
  /** The meeting's day changed: the whole steering state is replaced. */
  'steering.day-changed': { steering: SteeringSnapshot };
  /** Plan items added or changed (a carry-over `take` changes two). */
  'plan.changed': { items: PlanItemDto[] };
  'plan.deleted': { planItemId: string };
  'absence.changed': { day: string; userId: string; absent: boolean };
  'risk.changed': { risk: RiskDto };
  'escalation.changed': { escalation: EscalationDto };
  /**
   * Feedback was given in the round. `shared`: the feedback itself when it was shared with the team, else
   * null; `received` is the whole set of people who have received any in this meeting.
   */
  'feedback.given': { shared: FeedbackDto | null; received: string[]; count: number };
}
export type SteeringEventType = keyof SteeringEventPayloads;

const upsert = <T extends { id: string }>(list: T[], items: T[]): T[] => {
  const byId = new Map(items.map((i) => [i.id, i]));
  const kept = list.map((x) => byId.get(x.id) ?? x);
  return [...kept, ...items.filter((i) => !list.some((x) => x.id === i.id))];
};

const withSteering = (s: MeetingSnapshot, f: (st: SteeringSnapshot) => SteeringSnapshot): MeetingSnapshot =>
  s.steering ? { ...s, steering: f(s.steering) } : s;

type SteeringReducer<K extends SteeringEventType> = (s: MeetingSnapshot, e: LiveEventOf<K>) => MeetingSnapshot;

export const STEERING_REDUCERS: { [K in SteeringEventType]: SteeringReducer<K> } = {
  'steering.checked-in': (s, e) => ({
    ...s,
    phases: s.phases.map((p) =>
      p.id === e.payload.phaseId && p.kind === 'steering-check-in'
        ? { ...p, state: { answers: { ...p.state.answers, [e.payload.userId]: e.payload.answer } } }
        : p,
    ),
  }),
  'steering.day-changed': (s, e) => ({ ...s, steering: e.payload.steering }),
  'plan.changed': (s, e) => withSteering(s, (st) => ({ ...st, planItems: upsert(st.planItems, e.payload.items) })),
  'plan.deleted': (s, e) =>
    withSteering(s, (st) => ({
      ...st,
      planItems: st.planItems
        .filter((i) => i.id !== e.payload.planItemId)
        .map((i) => ({
          ...i,
          carriedFromId: i.carriedFromId === e.payload.planItemId ? null : i.carriedFromId,
          carriedToId: i.carriedToId === e.payload.planItemId ? null : i.carriedToId,
        })),
    })),
  'absence.changed': (s, e) =>
    withSteering(s, (st) =>
      st.day !== e.payload.day
        ? st
        : {
            ...st,
            absences: e.payload.absent
              ? [...st.absences.filter((u) => u !== e.payload.userId), e.payload.userId]
              : st.absences.filter((u) => u !== e.payload.userId),
          },
    ),
  'risk.changed': (s, e) => withSteering(s, (st) => ({ ...st, risks: upsert(st.risks, [e.payload.risk]) })),
  'escalation.changed': (s, e) =>
    withSteering(s, (st) => ({ ...st, escalations: upsert(st.escalations, [e.payload.escalation]) })),
  'feedback.given': (s, e) =>
    withSteering(s, (st) => ({
      ...st,
      feedback: {
        shared: e.payload.shared ? upsert(st.feedback.shared, [e.payload.shared]) : st.feedback.shared,
        received: e.payload.received,
        count: e.payload.count,
      },
    })),
};

/* ------------------------------------------------------------------------------------------------ */
/* Helpers both apps use                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** The meeting's carry-over: unfinished items of earlier days not yet continued (and those handled now). */
export const isCarryOver = (i: PlanItemDto, dayOfMeeting: string) => i.day < dayOfMeeting;

