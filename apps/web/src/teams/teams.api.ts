import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeRoleBody,
  CreateInviteBody,
  InviteDto,
  MemberDto,
  CreateTeamBody,
  TeamDto,
  TeamRole,
} from '@tillit/protocol';
import { useNavigate } from 'react-router';
import { api } from '../lib/api';

const enc = encodeURIComponent;

export const teamKeys = {
  all: ['teams'] as const,
  one: (teamId: string) => ['teams', teamId] as const,
  members: (teamId: string) => ['teams', teamId, 'members'] as const,
  invites: (teamId: string) => ['teams', teamId, 'invites'] as const,
};

/** What the caller may do in a team; the API enforces the same rules. */
export function teamPermissions(team: TeamDto) {
  const leads = team.isOrgAdmin || team.myRole === 'manager';
  return {
    rename: leads,
    manageMembers: leads,
    invite: leads || team.myRole === 'facilitator',
    leave: team.myRole !== null,
  };
}

export function useTeams() {
  return useQuery({ queryKey: teamKeys.all, queryFn: () => api<TeamDto[]>('GET', '/api/teams') });
}

export function useTeam(teamId: string) {
  return useQuery({
    queryKey: teamKeys.one(teamId),
    queryFn: () => api<TeamDto>('GET', `/api/teams/${enc(teamId)}`),
  });
}

export function useRenameTeam(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => api<TeamDto>('PATCH', `/api/teams/${enc(teamId)}`, body),
    onSuccess: (team) => {
      queryClient.setQueryData(teamKeys.one(teamId), team);
      return queryClient.invalidateQueries({ queryKey: teamKeys.all, exact: true });
    },
  });
}

export function useMembers(teamId: string) {
  return useQuery({
    queryKey: teamKeys.members(teamId),
    queryFn: () => api<MemberDto[]>('GET', `/api/teams/${enc(teamId)}/members`),
  });
}

export function useChangeRole(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TeamRole }) =>
      api<MemberDto>('PATCH', `/api/teams/${enc(teamId)}/members/${enc(userId)}`, { role } satisfies ChangeRoleBody),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.members(teamId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.one(teamId) });
    },
  });
}

/** A manager or admin removes someone else from the team. */
export function useRemoveMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<void>('DELETE', `/api/teams/${enc(teamId)}/members/${enc(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.members(teamId) }),
  });
}

/**
 * The caller leaves the team and goes home. The team's own queries are dropped, not refetched:
 * after leaving they would only answer 403/404 while the page is still on screen.
 */
export function useLeaveTeam(teamId: string, meId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<void>('DELETE', `/api/teams/${enc(teamId)}/members/${enc(meId)}`),
    onSuccess: async () => {
      await navigate('/', { replace: true });
      queryClient.removeQueries({ queryKey: teamKeys.one(teamId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.all, exact: true });
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

export function useInvites(teamId: string, enabled: boolean) {
  return useQuery({
    queryKey: teamKeys.invites(teamId),
    queryFn: () => api<InviteDto[]>('GET', `/api/teams/${enc(teamId)}/invites`),
    enabled,
  });
}

export function useCreateInvite(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInviteBody) => api<InviteDto>('POST', `/api/teams/${enc(teamId)}/invites`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.invites(teamId) }),
  });
}

export function useRevokeInvite(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => api<void>('DELETE', `/api/teams/${enc(teamId)}/invites/${enc(inviteId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.invites(teamId) }),
  });
}
