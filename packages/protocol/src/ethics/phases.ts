/**
 * The ethics forum inside a live meeting: the theme phase (`ethics-theme`) and breakout groups (`breakout`).
 *
 * Confidential group notes NEVER travel in an event, a snapshot or an ack: commands that change them
 * broadcast only `breakout.notes.changed { phaseId, group, rev }`, and a member of that group reads the text
 * over REST (`GET /api/meetings/:meetingId/phases/:phaseId/groups/:group/notes`, see rest.ts), which
 * answers 403 to anyone who is not in the group — managers and the facilitator included.
 * The shared summary of a group is separate and public to the meeting (it is what the group shares back).
 */
import { z } from 'zod';
import type { PhaseKindTable, TimerState } from '../live/model.js';
import { ETHICS_LIMITS } from './limits.js';
import type { ChosenTheme } from './themes.js';

export const EthicsThemeSettings = z.strictObject({});
export const BREAKOUT_MODES = ['random', 'balanced', 'manual'] as const;
export type BreakoutMode = (typeof BREAKOUT_MODES)[number];
export const BreakoutSettings = z.strictObject({
  /** The group size the facilitator starts from (they can change it when forming groups). */
  groupSize: z.int().min(ETHICS_LIMITS.groupSizeMin).max(ETHICS_LIMITS.groupSizeMax).default(4),
  mode: z.enum(['random', 'balanced']).default('balanced'),
});

/** The ethics forum's phase kinds: the theme with its case and questions; breakout groups and share-back. */
export const ETHICS_PHASE_SETTINGS = {
  'ethics-theme': EthicsThemeSettings,
  breakout: BreakoutSettings,
} as const;
export const ETHICS_PHASE_KIND_ORDER = [
  'ethics-theme',
  'breakout',
] as const satisfies readonly (keyof typeof ETHICS_PHASE_SETTINGS)[];

export interface EthicsThemeState {
  theme: ChosenTheme | null;
}

export const BREAKOUT_STAGES = ['setup', 'running', 'recalled', 'share-back'] as const;
export type BreakoutStage = (typeof BREAKOUT_STAGES)[number];

export interface BreakoutGroup {
  /** User ids. */
  members: string[];
  /** Shared with everyone at share-back. */
  summary: string;
  /** The group's own timer (same rules as the meeting timer). */
  timer: TimerState;
  /** Bumped on every change of the group's confidential notes (the text itself is never in the state). */
  notesRev: number;
}

export interface BreakoutState {
  stage: BreakoutStage;
  groups: BreakoutGroup[];
  /** In share-back: the group whose summary is shown now. */
  sharing: number | null;
  /** How the groups were formed, and how many pairs from last time's groups were unavoidable. */
  formedBy: BreakoutMode | null;
  repeatedPairs: number | null;
}

declare module '../live/model.js' {
  interface PhaseKindTables {
    ethics: PhaseKindTable<typeof ETHICS_PHASE_SETTINGS, { 'ethics-theme': EthicsThemeState; breakout: BreakoutState }>;
  }
}
