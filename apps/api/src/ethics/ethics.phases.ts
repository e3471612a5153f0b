/** The server side of the ethics phase kinds: stored state, start state and what a viewer sees. */
import type { BreakoutState, EthicsThemeState } from '@tillit/protocol';
import type { PhaseKindTable } from '../live/ritual.js';

/** Nothing private is kept in these states: confidential notes live in `breakout_notes` (see ethics.entities.ts). */
declare module '../live/phase-state.js' {
  interface StoredPhaseState {
    'ethics-theme': EthicsThemeState;
    breakout: BreakoutState;
  }
}

export type EthicsPhaseKind = 'ethics-theme' | 'breakout';

export const ETHICS_PHASE_KIND_DEFS: PhaseKindTable<EthicsPhaseKind> = {
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
