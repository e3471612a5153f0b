/**
 * Daily steering (daglig styrning): the morning plan, the afternoon's risks and disturbances, escalation to
 * the manager, and positive feedback — in a live meeting and between meetings.
 *
 * - REST bodies and queries are zod schemas (the API parses with them); answers are the `…Dto` interfaces.
 * - Live commands (`STEERING_COMMANDS`, commands.ts), their events (events.ts) and reducers (reducers.ts) are
 *   registered with the engine under `steering` and assembled at the package root (../registry.ts). They
 *   change `MeetingSnapshot.steering` (meeting.ts), which every participant sees alike: it never holds
 *   private feedback, only the feedback shared with the team and the SET of people who received any.
 *
 * Feedback privacy: feedback `visibility: 'receivers'` is seen by its giver and its receivers only, and a
 * receiver sees only themselves among the receivers. Nobody else — not a manager, not an organisation admin —
 * learns who gave it to whom, in any payload. No per-person counts exist anywhere.
 */
import { z } from 'zod';

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

/** The meeting's carry-over: unfinished items of earlier days not yet continued (and those handled now). */
export const isCarryOver = (i: PlanItemDto, dayOfMeeting: string) => i.day < dayOfMeeting;
