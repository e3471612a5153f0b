/**
 * The ethics forum inside a live meeting: the theme phase (`ethics-theme`) and breakout groups (`breakout`).
 *
 * Confidential group notes NEVER travel in an event, a snapshot or an ack: commands that change them
 * broadcast only `breakout.notes.changed { phaseId, group, rev }`, and a member of that group reads the text
 * over REST (`GET /api/meetings/:meetingId/phases/:phaseId/groups/:group/notes`, see ../ethics.ts), which
 * answers 403 to anyone who is not in the group — managers and the facilitator included.
 * The shared summary of a group is separate and public to the meeting (it is what the group shares back).
 *
 * This file imports nothing at runtime from model.ts (model.ts imports these schemas).
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { TimerState } from './model.js';

export const ETHICS_LIMITS = {
  themeTitle: 120,
  themeCase: 3000,
  themeQuestion: 300,
  themeQuestions: 8,
  groupSummary: 4000,
  groupNotes: 8000,
  /** Most groups in one breakout phase. */
  groups: 20,
  groupSizeMin: 2,
  groupSizeMax: 12,
} as const;

/** Keys of the built-in theme library (texts in ../ethics.ts, Swedish and English). */
export const BUILTIN_THEME_KEYS = [
  'dignity',
  'confidentiality',
  'equal-treatment',
  'rules-vs-needs',
  'speaking-up',
  'self-determination',
  'raising-concerns',
  'gifts-and-boundaries',
  'relatives',
  'priorities-under-pressure',
] as const;
export const BuiltinThemeKey = z.enum(BUILTIN_THEME_KEYS);
export type BuiltinThemeKey = z.infer<typeof BuiltinThemeKey>;

/** Which theme a meeting takes up: one of ours, or one the team wrote. */
export const EthicsThemeRef = z.union([
  z.strictObject({ builtin: BuiltinThemeKey }),
  z.strictObject({ teamThemeId: uuid }),
]);
export type EthicsThemeRef = z.infer<typeof EthicsThemeRef>;

/** A theme as the meeting shows it (a team theme is copied in when chosen, so later edits do not change history). */
export type ChosenTheme =
  | { source: 'builtin'; key: BuiltinThemeKey }
  | { source: 'team'; id: string; title: string; case: string; questions: string[] };

/* Phase settings ----------------------------------------------------------------------------------- */

export const EthicsThemeSettings = z.strictObject({});
export const BREAKOUT_MODES = ['random', 'balanced', 'manual'] as const;
export type BreakoutMode = (typeof BREAKOUT_MODES)[number];
export const BreakoutSettings = z.strictObject({
  /** The group size the facilitator starts from (they can change it when forming groups). */
  groupSize: z.int().min(ETHICS_LIMITS.groupSizeMin).max(ETHICS_LIMITS.groupSizeMax).default(4),
  mode: z.enum(['random', 'balanced']).default('balanced'),
});

/* Phase state (what every participant sees) --------------------------------------------------------- */

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

/* Minutes --------------------------------------------------------------------------------------------- */

/**
 * What an ethics forum leaves in the minutes: the theme (a built-in one by key, the web shows its title in the
 * reader's language; a team theme by its title) and each group's SHARED summary. The confidential notes are
 * never part of the minutes, in any form (not even their revision).
 */
export interface EthicsMinutesDto {
  themes: { phaseId: string; theme: { source: 'builtin'; key: BuiltinThemeKey } | { source: 'team'; id: string; title: string } }[];
  groups: { phaseId: string; group: number; summary: string }[];
}

/* Command payloads ------------------------------------------------------------------------------------ */

const group = z.int().min(0).max(ETHICS_LIMITS.groups - 1);
const people = z
  .array(uuid)
  .min(1)
  .max(200)
  .refine((a) => new Set(a).size === a.length, 'people must not repeat');

export const ETHICS_PAYLOADS = {
  'ethics.theme.choose': z.strictObject({ theme: EthicsThemeRef.nullable() }),
  /** Random or balanced groups of `groupSize` from `userIds`, or groups given by hand. */
  'breakout.form': z.union([
    z.strictObject({
      mode: z.enum(['random', 'balanced']),
      groupSize: z.int().min(ETHICS_LIMITS.groupSizeMin).max(ETHICS_LIMITS.groupSizeMax),
      userIds: people,
    }),
    z.strictObject({
      mode: z.literal('manual'),
      groups: z
        .array(z.array(uuid).max(200))
        .min(1)
        .max(ETHICS_LIMITS.groups)
        .refine((gs) => {
          const all = gs.flat();
          return new Set(all).size === all.length;
        }, 'a person can be in one group only'),
    }),
  ]),
  /** Move a person to a group (`groups.length` makes a new group), or out of every group (null). */
  'breakout.move': z.strictObject({ userId: uuid, group: z.int().min(0).max(ETHICS_LIMITS.groups).nullable() }),
  'breakout.open': z.strictObject({}),
  'breakout.recall': z.strictObject({}),
  'breakout.share': z.strictObject({ group: group.nullable() }),
  'breakout.summary': z.strictObject({ group, text: z.string().max(ETHICS_LIMITS.groupSummary) }),
  'breakout.notes': z.strictObject({ group, text: z.string().max(ETHICS_LIMITS.groupNotes) }),
  'breakout.timer': z.union([
    z.strictObject({ group, action: z.literal('start'), seconds: z.int().min(1).max(4 * 3600) }),
    z.strictObject({ group, action: z.enum(['pause', 'resume']) }),
  ]),
} as const;

/* Events ---------------------------------------------------------------------------------------------- */

export interface EthicsEventPayloads {
  'ethics.theme.chosen': { phaseId: string; theme: ChosenTheme | null };
  /** Groups formed, someone moved, groups opened, called back, or share-back moved on: the whole state. */
  'breakout.changed': { phaseId: string; state: BreakoutState };
  'breakout.summary.edited': { phaseId: string; group: number; text: string };
  'breakout.timer.changed': { phaseId: string; group: number; timer: TimerState };
  /** The group's confidential notes changed (no text: members fetch it over REST). */
  'breakout.notes.changed': { phaseId: string; group: number; rev: number };
}
