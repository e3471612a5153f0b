/** The server side of the ethics phase kinds: stored state, start state and what a viewer sees. */
import type { BreakoutState, EthicsThemeState } from '@tillit/protocol';
import type { PhaseKindDef } from '../live/phases/phase-kinds.js';

/** Nothing private is kept in these states: confidential notes live in `breakout_notes` (see ethics.entities.ts). */
export interface EthicsStoredPhaseState {
  'ethics-theme': EthicsThemeState;
  breakout: BreakoutState;
}

export const ETHICS_PHASE_KIND_DEFS: { [K in keyof EthicsStoredPhaseState]: PhaseKindDef<K> } = {
  'ethics-theme': {
    initialState: () => ({ theme: null }),
    view: (s) => ({ theme: s.theme }),
  },
  breakout: {
    initialState: () => ({ stage: 'setup', groups: [], sharing: null, formedBy: null, repeatedPairs: null }),
    view: (s) => ({
      stage: s.stage,
      groups: s.groups.map((g) => ({ members: g.members, summary: g.summary, timer: g.timer, notesRev: g.notesRev })),
      sharing: s.sharing,
      formedBy: s.formedBy,
      repeatedPairs: s.repeatedPairs,
    }),
  },
};
