import { Feedback, FeedbackReactionRow, FeedbackReceiver } from './feedback/feedback.entity.js';
import { Absence, PlanItem, PlanItemAssignee } from './plans/plan-item.entity.js';
import { Escalation, EscalationMessage, Risk } from './risks/risk.entity.js';
import { SteeringMeetingDay, SteeringSettings } from './settings/steering-settings.entity.js';

/** Daily steering's tables (registered by steering.module.ts). */
export const STEERING_ENTITIES = [
  SteeringSettings,
  SteeringMeetingDay,
  PlanItem,
  PlanItemAssignee,
  Absence,
  Risk,
  Escalation,
  EscalationMessage,
  Feedback,
  FeedbackReceiver,
  FeedbackReactionRow,
];
