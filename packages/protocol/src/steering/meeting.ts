/** What a daily-steering meeting adds to the snapshot and leaves in the minutes. */
import type { EscalationDto, FeedbackDto, PlanItemDto, RiskDto } from './model.js';

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

declare module '../live/model.js' {
  interface SnapshotParts {
    /** Daily-steering meetings: the day's plan, risks, escalations and the feedback round (see ../steering/). */
    steering?: SteeringSnapshot | null;
  }
  interface MinutesParts {
    /** Daily-steering meetings: plan, risks, escalations, the number of feedback messages. */
    steering?: SteeringMinutesDto | null;
  }
}
