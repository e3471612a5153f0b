/** Improvement work in the meeting room: the PDSA phase (running cycles, one idea's cycle, its actions). */
import type { RitualUi } from '../meetings/ritual';
import { improvementLocales } from './improvement.locales';
import { PdsaPhase } from './PdsaPhase';

export const improvementRitual = {
  phases: { pdsa: PdsaPhase },
  locales: improvementLocales,
} satisfies RitualUi;
