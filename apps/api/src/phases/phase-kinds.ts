/** The server side of the generic phase kinds: their stored state, how a new phase starts, and what a viewer sees. */
import type { CheckInAnswer, ReviewEntry } from '@tillit/protocol';
import type { PhaseKindTable } from '../live/ritual.js';
import { tallies, usedVotes } from './voting.js';

declare module '../live/phase-state.js' {
  interface StoredPhaseState {
    'check-in': { turnUserId: string | null; answers: Record<string, CheckInAnswer> };
    capture: Record<string, never>;
    review: { outcomes: Record<string, ReviewEntry> };
    /** votes[userId][itemId] = count: private until revealed, and even then only tallies are shown. */
    voting: { revealed: boolean; votes: Record<string, Record<string, number>> };
    discussion: { focusItemId: string | null };
    summary: { text: string };
  }
}

export type GenericPhaseKind = 'check-in' | 'capture' | 'review' | 'voting' | 'discussion' | 'summary';

export const PHASES_PHASE_KIND_DEFS: PhaseKindTable<GenericPhaseKind> = {
  'check-in': {
    initialState: () => ({ turnUserId: null, answers: {} }),
    view: (s) => ({ turnUserId: s.turnUserId, answers: s.answers }),
  },
  capture: {
    initialState: () => ({}),
    view: () => ({}),
  },
  review: {
    initialState: () => ({ outcomes: {} }),
    view: (s) => ({ outcomes: s.outcomes }),
  },
  voting: {
    initialState: () => ({ revealed: false, votes: {} }),
    view: (s, viewerId) => ({
      revealed: s.revealed,
      used: Object.fromEntries(Object.entries(s.votes).map(([u, m]) => [u, usedVotes(m)])),
      tallies: s.revealed ? tallies(s.votes) : null,
      mine: { ...(s.votes[viewerId] ?? {}) },
    }),
  },
  discussion: {
    initialState: () => ({ focusItemId: null }),
    view: (s) => ({ focusItemId: s.focusItemId }),
  },
  summary: {
    initialState: () => ({ text: '' }),
    view: (s) => ({ text: s.text }),
  },
};
