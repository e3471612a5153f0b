import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrganizationBody,
  CreateTeamBody,
  OrganizationDetailDto,
  OrganizationDto,
  TeamDto,
} from '@tillit/protocol';
import { api } from '../lib/api';
import { teamKeys } from '../teams/teams.api';

const enc = encodeURIComponent;

export const organizationKeys = {
  all: ['organizations'] as const,
  one: (orgId: string) => ['organizations', orgId] as const,
};

export function useOrganizations() {
  return useQuery({
    queryKey: organizationKeys.all,
    queryFn: () => api<OrganizationDto[]>('GET', '/api/organizations'),
  });
}

export function useOrganization(orgId: string) {
  return useQuery({
    queryKey: organizationKeys.one(orgId),
    queryFn: () => api<OrganizationDetailDto>('GET', `/api/organizations/${enc(orgId)}`),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => api<OrganizationDto>('POST', '/api/organizations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}

export function useRenameOrganization(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) =>
      api<OrganizationDto>('PATCH', `/api/organizations/${enc(orgId)}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      await queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}

export function useCreateTeam(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => api<TeamDto>('POST', `/api/organizations/${enc(orgId)}/teams`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.one(orgId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}
