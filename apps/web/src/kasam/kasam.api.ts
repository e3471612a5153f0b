import { useQuery } from '@tanstack/react-query';
import type { KasamFollowUpDto, KasamTrendPoint } from '@tillit/protocol';
import { api } from '../lib/api';

const enc = encodeURIComponent;

export function useKasamTrend(teamId: string, forumId: string | null, key: unknown = null) {
  return useQuery({
    queryKey: ['teams', teamId, 'kasam', 'trend', forumId ?? '', key],
    queryFn: () =>
      api<KasamTrendPoint[]>(
        'GET',
        `/api/teams/${enc(teamId)}/kasam/trend${forumId ? `?forumId=${enc(forumId)}` : ''}`,
      ),
  });
}

export function useKasamFollowUp(meetingId: string) {
  return useQuery({
    queryKey: ['meetings', meetingId, 'kasam', 'follow-up'],
    queryFn: () => api<KasamFollowUpDto>('GET', `/api/meetings/${enc(meetingId)}/kasam/follow-up`),
  });
}
