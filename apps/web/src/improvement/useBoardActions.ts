import type { ImprovementBoardDto, MemberDto } from '@tillit/protocol';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImprovementActions } from './actions';
import { useBoardMutations } from './improvement.api';

/** The improvement actions between meetings: REST, then the board is fetched again. */
export function useBoardActions(
  teamId: string,
  me: string,
  board: ImprovementBoardDto | undefined,
  members: MemberDto[] | undefined,
): ImprovementActions | null {
  const { t } = useTranslation();
  const m = useBoardMutations(teamId);
  return useMemo(() => {
    if (!board) return null;
    const names = new Map((members ?? []).map((p) => [p.userId, p.displayName]));
    return {
      live: false,
      teamId,
      me,
      state: board,
      nowMs: () => Date.now(),
      nameOf: (id) => (id ? (names.get(id) ?? t('meeting.someone')) : t('meeting.someone')),
      people: (members ?? []).map((p) => ({ userId: p.userId, displayName: p.displayName })),
      canInput: true,
      mayFacilitate: false,
      updateIdea: (ideaId, changes) => m.updateIdea.mutate({ ideaId, ...changes }),
      addCycle: (ideaId) => m.addCycle.mutate(ideaId),
      updateCycle: (cycleId, changes) => m.updateCycle.mutate({ cycleId, ...changes }),
      claim: () => undefined,
      release: () => undefined,
      save: (key, text, baseRev) => m.saveField.mutate({ key, text, baseRev }),
      dismissConflict: (id) => m.dismissConflict.mutate(id),
      saveMeasure: (ideaId, measure, measureId) =>
        measureId ? m.updateMeasure.mutate({ measureId, ...measure }) : m.createMeasure.mutate({ ideaId, ...measure }),
      addPoint: (measureId, point) => m.addPoint.mutate({ measureId, ...point }),
      deletePoint: (pointId) => m.deletePoint.mutate(pointId),
    };
    // The mutation objects change identity on every state change; their mutate functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board, members, teamId, me, t]);
}
