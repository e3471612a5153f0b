/**
 * The server side of each phase kind: its stored state, how a new phase starts, and what a viewer sees.
 * The compiler makes sure every kind in the protocol's PHASE_KINDS has an entry here.
 * (Commands that act on a phase kind live in ../commands/, registered in ../commands/index.ts.)
 */
import type { PhaseKind, PhaseSettingsMap, PhaseStateMap, ReviewEntry, CheckInAnswer } from '@tillit/protocol';
import { ETHICS_PHASE_KIND_DEFS, type EthicsStoredPhaseState } from '../../ethics/ethics.phases.js';
import { KASAM_PHASE_KIND_DEFS, type KasamStoredPhaseState } from '../../kasam/kasam.phases.js';
import { IMPROVEMENT_PHASE_KIND_DEFS, type ImprovementStoredPhaseState } from '../../improvement/improvement.phases.js';
import { STEERING_PHASE_KIND_DEFS, type SteeringStoredPhaseState } from '../../steering/live/steering.phases.js';

/** What the database holds per phase kind (may include what not everyone may see). */
export interface StoredPhaseState extends EthicsStoredPhaseState, KasamStoredPhaseState, SteeringStoredPhaseState, ImprovementStoredPhaseState {
  'check-in': { turnUserId: string | null; answers: Record<string, CheckInAnswer> };
  capture: Record<string, never>;
  review: { outcomes: Record<string, ReviewEntry> };
  /** votes[userId][itemId] = count: private until revealed, and even then only tallies are shown. */
  voting: { revealed: boolean; votes: Record<string, Record<string, number>> };
  discussion: { focusItemId: string | null };
  summary: { text: string };
}

export interface PhaseKindDef<K extends PhaseKind> {
  initialState(settings: PhaseSettingsMap[K]): StoredPhaseState[K];
  /** The state as `viewerId` may see it. */
  view(state: StoredPhaseState[K], viewerId: string): PhaseStateMap[K];
}

export function tallies(votes: Record<string, Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const perItem of Object.values(votes)) {
    for (const [itemId, n] of Object.entries(perItem)) out[itemId] = (out[itemId] ?? 0) + n;
  }
  return out;
}

export const usedVotes = (mine: Record<string, number> | undefined) =>
  Object.values(mine ?? {}).reduce((a, b) => a + b, 0);

export const PHASE_KIND_DEFS: { [K in PhaseKind]: PhaseKindDef<K> } = {
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
  ...ETHICS_PHASE_KIND_DEFS,
  ...KASAM_PHASE_KIND_DEFS,
  ...IMPROVEMENT_PHASE_KIND_DEFS,
  ...STEERING_PHASE_KIND_DEFS,
};

export function initialPhaseState(kind: PhaseKind, settings: unknown): Record<string, unknown> {
  const def = PHASE_KIND_DEFS[kind] as PhaseKindDef<PhaseKind>;
  return def.initialState(settings as never) as Record<string, unknown>;
}

export function viewPhaseState(kind: PhaseKind, state: unknown, viewerId: string): PhaseStateMap[PhaseKind] {
  const def = PHASE_KIND_DEFS[kind] as PhaseKindDef<PhaseKind>;
  return def.view(state as never, viewerId);
}
