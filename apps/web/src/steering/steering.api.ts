/** Daily steering between meetings: query keys and hooks for the REST routes under /api/teams/:id/steering. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlanItemBody,
  CreateRiskBody,
  DayPlanDto,
  EscalationDto,
  FeedbackDto,
  FeedbackReaction,
  GiveFeedbackBody,
  MyFeedbackDto,
  PlanItemDto,
  RiskDto,
  RiskLogQuery,
  SetAbsenceBody,
  SteeringSettingsDto,
  UpdatePlanItemBody,
  UpdateRiskBody,
  UpdateSteeringSettingsBody,
} from '@tillit/protocol';
import { forumKeys } from '../forums/forums.api';
import { api } from '../lib/api';

const enc = encodeURIComponent;
const base = (teamId: string) => `/api/teams/${enc(teamId)}/steering`;

export const steeringKeys = {
  all: (teamId: string) => ['teams', teamId, 'steering'] as const,
  settings: (teamId: string) => ['teams', teamId, 'steering', 'settings'] as const,
  plan: (teamId: string, day: string) => ['teams', teamId, 'steering', 'plan', day] as const,
  risks: (teamId: string, q: RiskLogQuery) => ['teams', teamId, 'steering', 'risks', q] as const,
  escalations: (teamId: string, status: string) => ['teams', teamId, 'steering', 'escalations', status] as const,
  wall: (teamId: string) => ['teams', teamId, 'steering', 'wall'] as const,
  mine: (teamId: string) => ['teams', teamId, 'steering', 'mine'] as const,
};

export function riskQueryString(q: RiskLogQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The team's settings; the first visit of a team made before daily steering also creates its forums. */
export function useSteeringSettings(teamId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: steeringKeys.settings(teamId),
    queryFn: async () => {
      const settings = await api<SteeringSettingsDto>('GET', `${base(teamId)}/settings`);
      void queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) });
      return settings;
    },
  });
}

function useInvalidate(teamId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: steeringKeys.all(teamId) });
}

export function useUpdateSteeringSettings(teamId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: UpdateSteeringSettingsBody) =>
      api<SteeringSettingsDto>('PATCH', `${base(teamId)}/settings`, body),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: forumKeys.list(teamId) })]),
  });
}

export function useDayPlan(teamId: string, day: string) {
  return useQuery({
    queryKey: steeringKeys.plan(teamId, day),
    queryFn: () => api<DayPlanDto>('GET', `${base(teamId)}/plan?day=${enc(day)}`),
  });
}

export function useAddPlanItem(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: CreatePlanItemBody) => api<PlanItemDto>('POST', `${base(teamId)}/plan`, body),
    onSuccess: invalidate,
  });
}

export function useUpdatePlanItem(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanItemBody }) =>
      api<PlanItemDto>('PATCH', `${base(teamId)}/plan/${enc(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useDeletePlanItem(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `${base(teamId)}/plan/${enc(id)}`),
    onSuccess: invalidate,
  });
}

export function useSetAbsence(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: SetAbsenceBody) => api<void>('PUT', `${base(teamId)}/absences`, body),
    onSuccess: invalidate,
  });
}

export function useRiskLog(teamId: string, q: RiskLogQuery) {
  return useQuery({
    queryKey: steeringKeys.risks(teamId, q),
    queryFn: () => api<RiskDto[]>('GET', `${base(teamId)}/risks${riskQueryString(q)}`),
  });
}

export const riskCsvUrl = (teamId: string, q: RiskLogQuery) => `${base(teamId)}/risks.csv${riskQueryString(q)}`;

export function useAddRisk(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: CreateRiskBody) => api<RiskDto>('POST', `${base(teamId)}/risks`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateRisk(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRiskBody }) =>
      api<RiskDto>('PATCH', `${base(teamId)}/risks/${enc(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useEscalate(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: ({ riskId, note }: { riskId: string; note?: string }) =>
      api<EscalationDto>('POST', `${base(teamId)}/risks/${enc(riskId)}/escalations`, note ? { note } : {}),
    onSuccess: invalidate,
  });
}

export function useEscalations(teamId: string, status: 'open' | 'closed' | 'all' = 'open') {
  return useQuery({
    queryKey: steeringKeys.escalations(teamId, status),
    queryFn: () => api<EscalationDto[]>('GET', `${base(teamId)}/escalations?status=${status}`),
    refetchInterval: 60_000,
  });
}

export function useReplyToEscalation(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api<EscalationDto>('POST', `${base(teamId)}/escalations/${enc(id)}/messages`, { text }),
    onSuccess: invalidate,
  });
}

export function useCloseEscalation(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (id: string) => api<EscalationDto>('POST', `${base(teamId)}/escalations/${enc(id)}/close`),
    onSuccess: invalidate,
  });
}

export function useFeedbackWall(teamId: string) {
  return useQuery({
    queryKey: steeringKeys.wall(teamId),
    queryFn: () => api<FeedbackDto[]>('GET', `${base(teamId)}/feedback?limit=100`),
  });
}

export function useMyFeedback(teamId: string) {
  return useQuery({
    queryKey: steeringKeys.mine(teamId),
    queryFn: () => api<MyFeedbackDto>('GET', `${base(teamId)}/feedback/mine`),
  });
}

export function useGiveFeedback(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: GiveFeedbackBody) => api<FeedbackDto>('POST', `${base(teamId)}/feedback`, body),
    onSuccess: invalidate,
  });
}

export function useReact(teamId: string) {
  const invalidate = useInvalidate(teamId);
  return useMutation({
    mutationFn: ({ id, reaction, on }: { id: string; reaction: FeedbackReaction; on: boolean }) =>
      api<FeedbackDto>('POST', `${base(teamId)}/feedback/${enc(id)}/reactions`, { reaction, on }),
    onSuccess: invalidate,
  });
}
