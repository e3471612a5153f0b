/** The generic phase kinds every forum builds on: check-in, capture, review, voting, discussion and summary. */
import type { RitualUi } from '../meetings/ritual';
import { CapturePhase } from './CapturePhase';
import { CheckInPhase } from './CheckInPhase';
import { DiscussionPhase } from './DiscussionPhase';
import { PhasesMinutes } from './PhasesMinutes';
import { phasesLocales } from './phases.locales';
import { PHASES_OVERLAYS } from './phases.overlays';
import { ReviewPhase } from './ReviewPhase';
import { SummaryPhase } from './SummaryPhase';
import { VotingPhase } from './VotingPhase';

export const phasesRitual = {
  phases: {
    'check-in': CheckInPhase,
    capture: CapturePhase,
    review: ReviewPhase,
    voting: VotingPhase,
    discussion: DiscussionPhase,
    summary: SummaryPhase,
  },
  overlays: PHASES_OVERLAYS,
  minutes: PhasesMinutes,
  locales: phasesLocales,
} satisfies RitualUi;
