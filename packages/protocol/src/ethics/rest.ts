/**
 * Ethics forum over REST: the team's own themes, which themes a forum has used (and the one we suggest
 * next), and a group's confidential notes.
 * The built-in library is in themes.ts; the live side in phases.ts and commands.ts.
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import { ETHICS_LIMITS } from './limits.js';
import type { BuiltinThemeKey, EthicsThemeRef } from './themes.js';

const themeFields = {
  title: z.string().trim().min(1).max(ETHICS_LIMITS.themeTitle),
  case: z.string().trim().max(ETHICS_LIMITS.themeCase),
  questions: z.array(z.string().trim().min(1).max(ETHICS_LIMITS.themeQuestion)).max(ETHICS_LIMITS.themeQuestions),
};

/** POST /api/teams/:teamId/ethics/themes — any member may add one. */
export const CreateEthicsThemeBody = z.strictObject({
  title: themeFields.title,
  case: themeFields.case.default(''),
  questions: themeFields.questions.default([]),
});
export type CreateEthicsThemeBody = z.input<typeof CreateEthicsThemeBody>;

/** PATCH /api/teams/:teamId/ethics/themes/:themeId — its author, a facilitator or a manager. */
export const UpdateEthicsThemeBody = z.strictObject({
  title: themeFields.title.optional(),
  case: themeFields.case.optional(),
  questions: themeFields.questions.optional(),
});
export type UpdateEthicsThemeBody = z.input<typeof UpdateEthicsThemeBody>;

/** GET /api/teams/:teamId/ethics/themes?forumId= */
export const EthicsThemesQuery = z.strictObject({ forumId: uuid.optional() });

export interface EthicsThemeDto {
  id: string;
  teamId: string;
  title: string;
  case: string;
  questions: string[];
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ThemeUse {
  /** The day (YYYY-MM-DD) the theme was last taken up in this forum (or this team, without a forum). */
  lastUsedOn: string | null;
  timesUsed: number;
}

/** The library as a team sees it: ours, theirs, what has been used, and what we suggest next. */
export interface EthicsThemeLibraryDto {
  builtin: ({ key: BuiltinThemeKey } & ThemeUse)[];
  team: (EthicsThemeDto & ThemeUse)[];
  /** A theme not used yet (the team's own first), else the one used longest ago. */
  suggestion: EthicsThemeRef | null;
}

/** GET /api/meetings/:meetingId/phases/:phaseId/groups/:group/notes — members of that group only. */
export interface GroupNotesDto {
  phaseId: string;
  group: number;
  text: string;
  rev: number;
}
