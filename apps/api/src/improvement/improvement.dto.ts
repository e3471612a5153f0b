/** Entities → protocol shapes. */
import {
  type ConflictDto,
  type CycleDto,
  type FieldDto,
  type FieldVersionDto,
  type IdeaDto,
  type IdeaOriginDto,
  type IdeaStatus,
  type ItemStatus,
  type MeasureDto,
  type PointDto,
  ideaStatusFromItem,
} from '@tillit/protocol';
import type { Item } from '../items/item.entity.js';
import type {
  ImprovementCycle,
  ImprovementField,
  ImprovementFieldVersion,
  ImprovementIdea,
  ImprovementMeasure,
  ImprovementPoint,
} from './improvement.entities.js';

/** An idea without a row yet reads its status from its item (the same rule as the client's). */
export const statusFromItem = (s: ItemStatus): IdeaStatus => ideaStatusFromItem(s);
/** The item's status follows the idea's: open while worked on, done when adopted, closed when abandoned. */
export const itemStatusOf = (s: IdeaStatus): ItemStatus =>
  s === 'adopted' ? 'done' : s === 'abandoned' ? 'closed' : 'open';

export function toIdeaDto(item: Item, idea: ImprovementIdea | null, origin: IdeaOriginDto | null): IdeaDto {
  return {
    id: item.id,
    teamId: item.teamId,
    title: item.text,
    status: idea?.status ?? statusFromItem(item.status),
    authorId: item.authorId,
    ownerId: idea?.ownerId ?? null,
    origin,
    createdAt: item.createdAt.toISOString(),
    updatedAt: (idea && idea.updatedAt > item.updatedAt ? idea.updatedAt : item.updatedAt).toISOString(),
  };
}

export const toCycleDto = (c: ImprovementCycle): CycleDto => ({
  id: c.id,
  ideaId: c.ideaId,
  number: c.number,
  startedOn: c.startedOn,
  decision: c.decision,
  questionIds: c.questionIds,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export function toFieldDto(key: string, f: ImprovementField | null): FieldDto {
  if (!f) return { key, text: '', rev: 0, updatedBy: null, updatedAt: null, editor: null };
  return {
    key: f.key,
    text: f.text,
    rev: f.rev,
    updatedBy: f.updatedById,
    updatedAt: f.updatedAt?.toISOString() ?? null,
    editor: f.editorId && f.editorUntil ? { userId: f.editorId, until: f.editorUntil.toISOString() } : null,
  };
}

export const toConflictDto = (v: ImprovementFieldVersion): ConflictDto => ({
  id: v.id,
  key: v.key,
  userId: v.userId ?? '',
  text: v.text,
  at: v.createdAt.toISOString(),
});

export const toVersionDto = (v: ImprovementFieldVersion): FieldVersionDto => ({
  id: v.id,
  key: v.key,
  rev: v.rev,
  kind: v.kind,
  text: v.text,
  userId: v.userId,
  at: v.touchedAt.toISOString(),
  dismissed: v.dismissed,
});

export const toPointDto = (p: ImprovementPoint): PointDto => ({
  id: p.id,
  measureId: p.measureId,
  date: p.date,
  value: p.value,
  note: p.note,
  authorId: p.authorId,
  createdAt: p.createdAt.toISOString(),
});

/** Points in time order: by date, then by when they were entered. */
export const byTime = (a: ImprovementPoint, b: ImprovementPoint) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

export const toMeasureDto = (m: ImprovementMeasure, points: ImprovementPoint[]): MeasureDto => ({
  id: m.id,
  ideaId: m.ideaId,
  name: m.name,
  unit: m.unit,
  definition: m.definition,
  better: m.better,
  goal: m.goal,
  baselinePoints: m.baselinePoints,
  points: [...points].sort(byTime).map(toPointDto),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});
