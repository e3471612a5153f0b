/** The `pdsa` phase kind on the server: its stored state is only the idea in focus (public). */
import type { PdsaPhaseState } from '@tillit/protocol';
import type { PhaseKindDef } from '../live/phases/phase-kinds.js';

export interface ImprovementStoredPhaseState {
  pdsa: PdsaPhaseState;
}

export const IMPROVEMENT_PHASE_KIND_DEFS: { pdsa: PhaseKindDef<'pdsa'> } = {
  pdsa: {
    initialState: () => ({ ideaId: null }),
    view: (s) => ({ ideaId: s.ideaId }),
  },
};
