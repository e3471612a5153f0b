import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptInviteResultDto, InvitePreviewDto } from '@tillit/protocol';
import { api } from '../lib/api';
import { organizationKeys } from '../organizations/organizations.api';
import { teamKeys } from '../teams/teams.api';

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: ['invites', 'preview', token],
    queryFn: () => api<InvitePreviewDto>('GET', `/api/invites/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<AcceptInviteResultDto>('POST', `/api/invites/${encodeURIComponent(token)}/accept`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.all });
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
