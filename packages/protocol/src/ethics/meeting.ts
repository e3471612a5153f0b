/** What an ethics forum leaves in the minutes. */
import type { BuiltinThemeKey } from './themes.js';

/**
 * What an ethics forum leaves in the minutes: the theme (a built-in one by key, the web shows its title in the
 * reader's language; a team theme by its title) and each group's SHARED summary. The confidential notes are
 * never part of the minutes, in any form (not even their revision).
 */
export interface EthicsMinutesDto {
  themes: {
    phaseId: string;
    theme: { source: 'builtin'; key: BuiltinThemeKey } | { source: 'team'; id: string; title: string };
  }[];
  groups: { phaseId: string; group: number; summary: string }[];
}

declare module '../live/model.js' {
  interface MinutesParts {
    /** Ethics forums: the theme and the groups' shared summaries (never the confidential notes). */
    ethics?: EthicsMinutesDto | null;
  }
}
