/** The improvement meeting's phase kind `pdsa`: settings, state, its entry in the engine's phase kinds. */
import { z } from 'zod';
import type { PhaseKindTable } from '../live/model.js';

/** Parts of the meeting a `pdsa` phase can be: review running cycles, work on one idea's cycle, or actions. */
export const PDSA_PARTS = ['review', 'cycle', 'actions'] as const;
export const PdsaPhaseSettings = z.strictObject({ part: z.enum(PDSA_PARTS).default('cycle') });
export type PdsaPhaseSettings = z.output<typeof PdsaPhaseSettings>;
/** The idea the phase works on (the facilitator picks; the UI suggests the most voted). */
export interface PdsaPhaseState {
  ideaId: string | null;
}

export const IMPROVEMENT_PHASE_SETTINGS = {
  /** Improvement meeting: running cycles, one idea's PDSA cycle and measures, or its actions. */
  pdsa: PdsaPhaseSettings,
} as const;
export const IMPROVEMENT_PHASE_KIND_ORDER = [
  'pdsa',
] as const satisfies readonly (keyof typeof IMPROVEMENT_PHASE_SETTINGS)[];

declare module '../live/model.js' {
  interface PhaseKindTables {
    improvement: PhaseKindTable<typeof IMPROVEMENT_PHASE_SETTINGS, { pdsa: PdsaPhaseState }>;
  }
}
