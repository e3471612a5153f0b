/**
 * Improvement work (PDSA): the team's improvement board, chained PDSA cycles, measures with data points for
 * run charts, and the live commands and events of the improvement meeting's `pdsa` phase.
 *
 * An improvement idea IS a team item of kind `idea` (its id is the item's id, its title the item's text), so
 * ideas captured and dot-voted in a meeting are on the board at once; the board adds the Model for
 * Improvement's three questions, origin, owner, status, cycles and measures.
 *
 * Long texts (the three questions and every PDSA field) are co-edited field by field: see FieldDto and
 * apps/api/src/improvement/README.md (a short lease shows who is editing; a save based on an old revision,
 * or while someone else holds the lease, never overwrites: it is kept as a visible conflict in the history).
 */
import { z } from 'zod';
import type { ItemDto, ItemKind } from '../live/model.js';
import type { ConflictDto, FieldDto } from './co-editing.js';

export const IDEA_STATUSES = ['idea', 'planning', 'testing', 'adopted', 'abandoned'] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;
/** Ideas still being worked on (the others are history). */
export const ACTIVE_IDEA_STATUSES: readonly IdeaStatus[] = ['idea', 'planning', 'testing'];

export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export const PdsaDecision = z.enum(PDSA_DECISIONS);
export type PdsaDecision = z.infer<typeof PdsaDecision>;

export const MEASURE_DIRECTIONS = ['up', 'down'] as const;
export const MeasureDirection = z.enum(MEASURE_DIRECTIONS);
export type MeasureDirection = z.infer<typeof MeasureDirection>;

/** What an idea may come from (daily steering's risks and disturbances). */
export const ORIGIN_ITEM_KINDS = ['risk', 'disturbance'] as const satisfies readonly ItemKind[];

/**
 * A risk or disturbance an idea came from. It is looked up by id wherever daily steering keeps them (today
 * the `risks` table, and team items of kind risk/disturbance), so no foreign key ties the two domains.
 */
export interface IdeaOriginDto {
  id: string;
  kind: (typeof ORIGIN_ITEM_KINDS)[number];
  text: string;
}

export interface IdeaDto {
  /** The id of the team item (kind `idea`) this idea is. */
  id: string;
  teamId: string;
  title: string;
  status: IdeaStatus;
  authorId: string | null;
  ownerId: string | null;
  /** null: a free idea; otherwise the risk or disturbance it came from. */
  origin: IdeaOriginDto | null;
  createdAt: string;
  updatedAt: string;
}

export interface CycleDto {
  id: string;
  ideaId: string;
  /** 1, 2, 3 … per idea. */
  number: number;
  /** YYYY-MM-DD: where the run charts mark the cycle's start. */
  startedOn: string;
  /** Act: null while the cycle is running. */
  decision: PdsaDecision | null;
  /** The questions this cycle answers, in order (their texts are fields `q:<cycleId>:<questionId>:…`). */
  questionIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PointDto {
  id: string;
  measureId: string;
  /** YYYY-MM-DD */
  date: string;
  value: number;
  note: string;
  authorId: string | null;
  createdAt: string;
}

export interface MeasureDto {
  id: string;
  ideaId: string;
  name: string;
  unit: string;
  /** Operational definition: exactly what is counted, how and when. */
  definition: string;
  /** Which direction is better. */
  better: MeasureDirection;
  goal: number | null;
  /** Freeze the median after this many points (a baseline), extended; null: the median of all points. */
  baselinePoints: number | null;
  /** In time order (date, then when entered). */
  points: PointDto[];
  createdAt: string;
  updatedAt: string;
}

/** Everything of a team's improvement work that a board or an improvement meeting shows. */
export interface ImprovementState {
  ideas: IdeaDto[];
  cycles: CycleDto[];
  /** By field key; fields never written are absent. */
  fields: Record<string, FieldDto>;
  measures: MeasureDto[];
  /** Conflicts not yet dismissed. */
  conflicts: ConflictDto[];
}

/** GET /api/teams/:teamId/improvement: the board, plus what an idea may be linked to. */
export interface ImprovementBoardDto extends ImprovementState {
  origins: IdeaOriginDto[];
}

/** Result of saving a field (REST, and the live command's ack carries the same facts). */
export interface SaveFieldResultDto {
  applied: boolean;
  field: FieldDto;
  /** When not applied: the kept version. */
  conflict: ConflictDto | null;
}

/** An idea nobody has worked on yet reads its status from its item (open / done / closed). */
export const ideaStatusFromItem = (status: ItemDto['status']): IdeaStatus =>
  status === 'done' ? 'adopted' : status === 'closed' ? 'abandoned' : 'idea';

/** What an idea looks like before anyone worked on it: exactly what the server reports for such an item. */
export const ideaFromItem = (item: ItemDto): IdeaDto => ({
  id: item.id,
  teamId: item.teamId,
  title: item.text,
  status: ideaStatusFromItem(item.status),
  authorId: item.authorId,
  ownerId: null,
  origin: null,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

/** The idea's cycles, first to last. */
export function ideaCycles(state: Pick<ImprovementState, 'cycles'>, ideaId: string): CycleDto[] {
  return state.cycles.filter((c) => c.ideaId === ideaId).sort((a, b) => a.number - b.number);
}
