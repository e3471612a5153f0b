/** The daily-steering live events. */
import type { SteeringSnapshot } from './meeting.js';
import type { EscalationDto, FeedbackDto, PlanItemDto, RiskDto } from './model.js';
import type { SteeringCheckInAnswer } from './phases.js';

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

declare module '../live/events.js' {
  interface LiveEventTables {
    steering: SteeringEventPayloads;
  }
}
