/** The server side of the KASAM phase kinds: stored state, start state and what a viewer sees. */
import type { KasamActionsState, KasamAggregate, KasamFactorsState } from '@tillit/protocol';
import type { PhaseKindTable } from '../live/ritual.js';

declare module '../live/phase-state.js' {
  interface StoredPhaseState {
    /**
     * `answeredBy`: the "has answered" marks (user ids, kept sorted so they hold no order of answering). Never
     * sent to anyone: viewers see the count and whether they themselves answered. The answers are elsewhere
     * (kasam_ballots), with no link to these marks. At the reveal the marks are dropped (only the count stays),
     * so this row never holds people's ids and the revealed texts at the same time.
     */
    'kasam-reflection': { answeredBy: string[]; answered: number; revealed: boolean; result: KasamAggregate | null };
    'kasam-factors': KasamFactorsState;
    'kasam-actions': KasamActionsState;
  }
}

export type KasamPhaseKind = 'kasam-reflection' | 'kasam-factors' | 'kasam-actions';

export const KASAM_PHASE_KIND_DEFS: PhaseKindTable<KasamPhaseKind> = {
  'kasam-reflection': {
    initialState: () => ({ answeredBy: [], answered: 0, revealed: false, result: null }),
    view: (s, viewerId) => ({
      answered: s.answered,
      iAnswered: s.answeredBy.includes(viewerId),
      revealed: s.revealed,
      result: s.revealed ? s.result : null,
    }),
  },
  'kasam-factors': {
    initialState: () => ({ groups: {} }),
    view: (s) => ({ groups: s.groups }),
  },
  'kasam-actions': {
    initialState: () => ({ outcomes: {} }),
    view: (s) => ({ outcomes: s.outcomes }),
  },
};
