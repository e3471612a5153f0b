import type { ImprovementState, MeasureDirection, PdsaDecision } from '@tillit/protocol';
import { createContext, useContext } from 'react';

export interface MeasureInput {
  name: string;
  unit: string;
  definition: string;
  better: MeasureDirection;
  goal: number | null;
  baselinePoints: number | null;
}

/**
 * What the improvement UI can do, the same in the live meeting (commands over the socket, leases, everyone
 * sees each keystroke save) and on the board between meetings (REST). One component tree serves both.
 */
export interface ImprovementActions {
  live: boolean;
  teamId: string;
  me: string;
  state: ImprovementState;
  /** Server time now, in ms (leases are server time). */
  nowMs: () => number;
  nameOf: (userId: string | null | undefined) => string;
  people: { userId: string; displayName: string }[];
  canInput: boolean;
  mayFacilitate: boolean;
  updateIdea: (
    ideaId: string,
    changes: { title?: string; ownerId?: string | null; status?: ImprovementState['ideas'][number]['status'] },
  ) => void;
  addCycle: (ideaId: string) => void;
  updateCycle: (
    cycleId: string,
    changes: { decision?: PdsaDecision | null; addQuestion?: true; removeQuestionId?: string; startedOn?: string },
  ) => void;
  claim: (key: string) => void;
  release: (key: string) => void;
  save: (key: string, text: string, baseRev: number, release: boolean) => void;
  dismissConflict: (conflictId: string) => void;
  saveMeasure: (ideaId: string, measure: MeasureInput, measureId?: string) => void;
  addPoint: (measureId: string, point: { date: string; value: number; note: string }) => void;
  deletePoint: (pointId: string) => void;
  typing?: (key: string) => void;
}

export const ImprovementContext = createContext<ImprovementActions | null>(null);

export function useImprovement(): ImprovementActions {
  const value = useContext(ImprovementContext);
  if (!value) throw new Error('useImprovement outside an ImprovementContext');
  return value;
}
