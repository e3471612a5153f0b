/** The server side of the daily-steering phase kinds: stored state, start state and what a viewer sees. */
import type { SteeringCheckInAnswer, SteeringPhaseKind } from '@tillit/protocol';
import type { PhaseKindTable } from '../../live/ritual.js';

/** Only the check-in keeps state in the phase; the plan, risks and feedback live in their own tables. */
declare module '../../live/phase-state.js' {
  interface StoredPhaseState {
    'steering-check-in': { answers: Record<string, SteeringCheckInAnswer> };
    'steering-carry-over': Record<string, never>;
    'steering-plan': Record<string, never>;
    'steering-follow-up': Record<string, never>;
    'steering-risks': Record<string, never>;
    'steering-feedback': Record<string, never>;
  }
}

const stateless = { initialState: () => ({}), view: () => ({}) };

export const STEERING_PHASE_KIND_DEFS: PhaseKindTable<SteeringPhaseKind> = {
  'steering-check-in': {
    initialState: () => ({ answers: {} }),
    view: (s) => ({ answers: s.answers }),
  },
  'steering-carry-over': stateless,
  'steering-plan': stateless,
  'steering-follow-up': stateless,
  'steering-risks': stateless,
  'steering-feedback': stateless,
};
