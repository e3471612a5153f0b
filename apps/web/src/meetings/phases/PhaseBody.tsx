import type { PhaseView } from '@tillit/protocol';
import { PdsaPhase } from '../../improvement/PdsaPhase';
import { BreakoutPhase } from '../../ethics/BreakoutPhase';
import { EthicsThemePhase } from '../../ethics/EthicsThemePhase';
import { KasamActionsPhase } from '../../kasam/KasamActionsPhase';
import { KasamFactorsPhase } from '../../kasam/KasamFactorsPhase';
import { KasamReflectionPhase } from '../../kasam/KasamReflectionPhase';
import { CarryOverPhase } from '../../steering/phases/CarryOverPhase';
import { FeedbackPhase } from '../../steering/phases/FeedbackPhase';
import { FollowUpPhase } from '../../steering/phases/FollowUpPhase';
import { PlanPhase } from '../../steering/phases/PlanPhase';
import { RisksPhase } from '../../steering/phases/RisksPhase';
import { SteeringCheckInPhase } from '../../steering/phases/SteeringCheckInPhase';
import { CapturePhase } from './CapturePhase';
import { CheckInPhase } from './CheckInPhase';
import { DiscussionPhase } from './DiscussionPhase';
import { ReviewPhase } from './ReviewPhase';
import { SummaryPhase } from './SummaryPhase';
import { VotingPhase } from './VotingPhase';

/**
 * The current phase's UI. Adding a phase kind: add it to the protocol (model.ts), write `<Kind>Phase.tsx`
 * here and add a case below; the switch does not compile until every kind has one.
 */
export function PhaseBody({ phase }: { phase: PhaseView }) {
  switch (phase.kind) {
    case 'check-in':
      return <CheckInPhase key={phase.id} phase={phase} />;
    case 'capture':
      return <CapturePhase key={phase.id} phase={phase} />;
    case 'review':
      return <ReviewPhase key={phase.id} phase={phase} />;
    case 'voting':
      return <VotingPhase key={phase.id} phase={phase} />;
    case 'discussion':
      return <DiscussionPhase key={phase.id} phase={phase} />;
    case 'summary':
      return <SummaryPhase key={phase.id} phase={phase} />;
    case 'ethics-theme':
      return <EthicsThemePhase key={phase.id} phase={phase} />;
    case 'breakout':
      return <BreakoutPhase key={phase.id} phase={phase} />;
    case 'kasam-reflection':
      return <KasamReflectionPhase key={phase.id} phase={phase} />;
    case 'kasam-factors':
      return <KasamFactorsPhase key={phase.id} phase={phase} />;
    case 'kasam-actions':
      return <KasamActionsPhase key={phase.id} phase={phase} />;
    case 'pdsa':
      return <PdsaPhase key={phase.id} phase={phase} />;
    case 'steering-check-in':
      return <SteeringCheckInPhase key={phase.id} phase={phase} />;
    case 'steering-carry-over':
      return <CarryOverPhase key={phase.id} phase={phase} />;
    case 'steering-plan':
      return <PlanPhase key={phase.id} phase={phase} />;
    case 'steering-follow-up':
      return <FollowUpPhase key={phase.id} phase={phase} />;
    case 'steering-risks':
      return <RisksPhase key={phase.id} phase={phase} />;
    case 'steering-feedback':
      return <FeedbackPhase key={phase.id} phase={phase} />;
    default: {
      const unknown: never = phase;
      return unknown;
    }
  }
}
