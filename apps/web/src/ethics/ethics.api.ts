import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BUILTIN_THEMES,
  type BuiltinThemeKey,
  type ChosenTheme,
  type CreateEthicsThemeBody,
  type EthicsThemeDto,
  type EthicsThemeLibraryDto,
  type EthicsThemeRef,
  type GroupNotesDto,
  type ThemeText,
} from '@tillit/protocol';
import { api } from '../lib/api';

const enc = encodeURIComponent;

export const ethicsKeys = {
  library: (teamId: string, forumId: string | null) => ['teams', teamId, 'ethics', 'themes', forumId ?? ''] as const,
  notes: (phaseId: string, group: number) => ['breakout-notes', phaseId, group] as const,
};

export function useThemeLibrary(teamId: string, forumId: string | null, enabled = true) {
  return useQuery({
    queryKey: ethicsKeys.library(teamId, forumId),
    queryFn: () =>
      api<EthicsThemeLibraryDto>(
        'GET',
        `/api/teams/${enc(teamId)}/ethics/themes${forumId ? `?forumId=${enc(forumId)}` : ''}`,
      ),
    enabled,
  });
}

export function useCreateTheme(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEthicsThemeBody) =>
      api<EthicsThemeDto>('POST', `/api/teams/${enc(teamId)}/ethics/themes`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams', teamId, 'ethics', 'themes'] }),
  });
}

/**
 * A group's confidential notes, fetched over REST only by its members (the server answers 403 to anyone
 * else). `rev` comes from the live state: a new revision refetches.
 */
export function useGroupNotes(meetingId: string, phaseId: string, group: number | null, rev: number) {
  return useQuery({
    queryKey: [...ethicsKeys.notes(phaseId, group ?? -1), rev],
    queryFn: () =>
      api<GroupNotesDto>('GET', `/api/meetings/${enc(meetingId)}/phases/${enc(phaseId)}/groups/${group}/notes`),
    enabled: group !== null,
    staleTime: Infinity,
  });
}

/** A chosen theme's texts in the reader's language (a team's own theme is in the language it was written in). */
export function themeText(theme: ChosenTheme, lang: string): ThemeText {
  if (theme.source === 'team') return { title: theme.title, case: theme.case, questions: theme.questions };
  return builtinText(theme.key, lang);
}

export function builtinText(key: BuiltinThemeKey, lang: string): ThemeText {
  return BUILTIN_THEMES[key][lang.startsWith('en') ? 'en' : 'sv'];
}

export const refKey = (ref: EthicsThemeRef) =>
  'builtin' in ref ? `builtin:${ref.builtin}` : `team:${ref.teamThemeId}`;
export const parseRefKey = (key: string): EthicsThemeRef | null => {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'builtin') return { builtin: value as BuiltinThemeKey };
  if (kind === 'team') return { teamThemeId: value };
  return null;
};
