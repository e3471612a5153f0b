/** The server side of the daily-steering phase kinds (spread into live/phases/phase-kinds.ts). */
import type { SteeringCheckInAnswer, SteeringPhaseKind } from '@tillit/protocol';
import type { PhaseKindDef } from '../../live/phases/phase-kinds.js';

/** Only the check-in keeps state in the phase; the plan, risks and feedback live in their own tables. */
export interface SteeringStoredPhaseState {
  'steering-check-in': { answers: Record<string, SteeringCheckInAnswer> };
  'steering-carry-over': Record<string, never>;
  'steering-plan': Record<string, never>;
  'steering-follow-up': Record<string, never>;
  'steering-risks': Record<string, never>;
  'steering-feedback': Record<string, never>;
}

const stateless = { initialState: () => ({}), view: () => ({}) };

export const STEERING_PHASE_KIND_DEFS: { [K in SteeringPhaseKind]: PhaseKindDef<K> } = {
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
