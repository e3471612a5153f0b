import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddPointBody,
  CreateIdeaBody,
  CreateMeasureBody,
  CycleDto,
  FieldVersionDto,
  IdeaDto,
  ImprovementBoardDto,
  MeasureDto,
  SaveFieldResultDto,
  UpdateCycleBody,
  UpdateIdeaBody,
  UpdateMeasureBody,
} from '@tillit/protocol';
import { api } from '../lib/api';

const enc = encodeURIComponent;
export const improvementKeys = {
  board: (teamId: string) => ['teams', teamId, 'improvement'] as const,
  history: (teamId: string, key: string) => ['teams', teamId, 'improvement', 'history', key] as const,
};
const base = (teamId: string) => `/api/teams/${enc(teamId)}/improvement`;

export function useBoard(teamId: string) {
  return useQuery({
    queryKey: improvementKeys.board(teamId),
    queryFn: () => api<ImprovementBoardDto>('GET', base(teamId)),
  });
}

export function useFieldHistory(teamId: string, key: string, enabled: boolean) {
  return useQuery({
    queryKey: improvementKeys.history(teamId, key),
    queryFn: () => api<FieldVersionDto[]>('GET', `${base(teamId)}/fields/${enc(key)}/history`),
    enabled,
  });
}

/** Every change refetches the board: between meetings nothing else is live. */
export function useBoardMutations(teamId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: improvementKeys.board(teamId) });
  const useAction = <A, R>(fn: (a: A) => Promise<R>) => useMutation({ mutationFn: fn, onSettled: refresh });
  return {
    createIdea: useAction((body: CreateIdeaBody) => api<IdeaDto>('POST', `${base(teamId)}/ideas`, body)),
    updateIdea: useAction(({ ideaId, ...body }: UpdateIdeaBody & { ideaId: string }) =>
      api<IdeaDto>('PATCH', `${base(teamId)}/ideas/${enc(ideaId)}`, body),
    ),
    addCycle: useAction((ideaId: string) => api<CycleDto>('POST', `${base(teamId)}/ideas/${enc(ideaId)}/cycles`, {})),
    updateCycle: useAction(({ cycleId, ...body }: UpdateCycleBody & { cycleId: string }) =>
      api<CycleDto>('PATCH', `${base(teamId)}/cycles/${enc(cycleId)}`, body),
    ),
    saveField: useAction(({ key, text, baseRev }: { key: string; text: string; baseRev: number }) =>
      api<SaveFieldResultDto>('PUT', `${base(teamId)}/fields/${enc(key)}`, { text, baseRev }),
    ),
    dismissConflict: useAction((id: string) => api<void>('POST', `${base(teamId)}/conflicts/${enc(id)}/dismiss`, {})),
    createMeasure: useAction(({ ideaId, ...body }: CreateMeasureBody & { ideaId: string }) =>
      api<MeasureDto>('POST', `${base(teamId)}/ideas/${enc(ideaId)}/measures`, body),
    ),
    updateMeasure: useAction(({ measureId, ...body }: UpdateMeasureBody & { measureId: string }) =>
      api<MeasureDto>('PATCH', `${base(teamId)}/measures/${enc(measureId)}`, body),
    ),
    addPoint: useAction(({ measureId, ...body }: AddPointBody & { measureId: string }) =>
      api<MeasureDto>('POST', `${base(teamId)}/measures/${enc(measureId)}/points`, body),
    ),
    deletePoint: useAction((pointId: string) => api<MeasureDto>('DELETE', `${base(teamId)}/points/${enc(pointId)}`)),
  };
}

export const reportUrl = (teamId: string, ideaId: string, format: 'pdf' | 'md', lang: string) =>
  `${base(teamId)}/ideas/${enc(ideaId)}/report.${format}?lang=${lang === 'en' ? 'en' : 'sv'}`;
