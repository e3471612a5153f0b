/** Daily steering in the meeting room: its six phase kinds, instant taps, its minutes and their download links. */
import type { RitualUi } from '../meetings/ritual';
import { describeSteeringEvent } from './announce';
import { CarryOverPhase } from './phases/CarryOverPhase';
import { FeedbackPhase } from './phases/FeedbackPhase';
import { FollowUpPhase } from './phases/FollowUpPhase';
import { PlanPhase } from './phases/PlanPhase';
import { RisksPhase } from './phases/RisksPhase';
import { SteeringCheckInPhase } from './phases/SteeringCheckInPhase';
import { steeringLocales } from './steering.locales';
import { STEERING_OVERLAYS } from './steering.overlays';
import { MinutesExport, SteeringMinutes } from './SteeringMinutes';

export const steeringRitual = {
  phases: {
    'steering-check-in': SteeringCheckInPhase,
    'steering-carry-over': CarryOverPhase,
    'steering-plan': PlanPhase,
    'steering-follow-up': FollowUpPhase,
    'steering-risks': RisksPhase,
    'steering-feedback': FeedbackPhase,
  },
  overlays: STEERING_OVERLAYS,
  // The Markdown/PDF export (apps/api/src/steering/minutes) serves every ended meeting, not only steering ones.
  minutesLead: MinutesExport,
  minutes: SteeringMinutes,
  announce: describeSteeringEvent,
  locales: steeringLocales,
} satisfies RitualUi;
