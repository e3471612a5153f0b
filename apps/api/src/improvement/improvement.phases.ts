/** The `pdsa` phase kind on the server: its stored state is only the idea in focus (public). */
import type { PdsaPhaseState } from '@tillit/protocol';
import type { PhaseKindTable } from '../live/ritual.js';

declare module '../live/phase-state.js' {
  interface StoredPhaseState {
    pdsa: PdsaPhaseState;
  }
}

export const IMPROVEMENT_PHASE_KIND_DEFS: PhaseKindTable<'pdsa'> = {
  pdsa: {
    initialState: () => ({ ideaId: null }),
    view: (s) => ({ ideaId: s.ideaId }),
  },
};
