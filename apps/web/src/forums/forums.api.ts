import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateForumBody,
  ForumDto,
  MeetingDto,
  StartAdHocMeetingBody,
  StartMeetingBody,
  TeamDto,
  UpdateForumBody,
} from '@tillit/protocol';
import { api } from '../lib/api';

const enc = encodeURIComponent;

export const forumKeys = {
  list: (teamId: string) => ['teams', teamId, 'forums'] as const,
  history: (teamId: string) => ['teams', teamId, 'meetings'] as const,
};

/** Who may create and change forums (the API enforces the same rule): facilitators, managers, org admins. */
export function canManageForums(team: TeamDto): boolean {
  return team.isOrgAdmin || team.myRole === 'manager' || team.myRole === 'facilitator';
}

export function useForums(teamId: string) {
  return useQuery({
    queryKey: forumKeys.list(teamId),
    queryFn: () => api<ForumDto[]>('GET', `/api/teams/${enc(teamId)}/forums`),
  });
}

export function useCreateForum(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateForumBody) => api<ForumDto>('POST', `/api/teams/${enc(teamId)}/forums`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) }),
  });
}

export function useUpdateForum(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ forumId, body }: { forumId: string; body: UpdateForumBody }) =>
      api<ForumDto>('PATCH', `/api/teams/${enc(teamId)}/forums/${enc(forumId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) }),
  });
}

export function useDeleteForum(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (forumId: string) => api<void>('DELETE', `/api/teams/${enc(teamId)}/forums/${enc(forumId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) }),
  });
}

/** Starts a meeting of a forum (live at once, unless scheduledFor is given). */
export function useStartMeeting(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ forumId, body = {} }: { forumId: string; body?: StartMeetingBody }) =>
      api<MeetingDto>('POST', `/api/teams/${enc(teamId)}/forums/${enc(forumId)}/meetings`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: forumKeys.history(teamId) }),
        queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) }),
      ]),
  });
}

export function useStartAdHocMeeting(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartAdHocMeetingBody) => api<MeetingDto>('POST', `/api/teams/${enc(teamId)}/meetings`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forumKeys.history(teamId) }),
  });
}

/** The team's meetings, newest first. Live ones are polled lightly so "join" appears without a reload. */
export function useMeetingHistory(teamId: string) {
  return useQuery({
    queryKey: forumKeys.history(teamId),
    queryFn: () => api<MeetingDto[]>('GET', `/api/teams/${enc(teamId)}/meetings?limit=50`),
    refetchInterval: 30_000,
  });
}
