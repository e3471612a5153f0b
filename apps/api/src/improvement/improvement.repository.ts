/** Reading improvement work from the database (the only file here that composes queries for whole states). */
import { ACTIVE_IDEA_STATUSES, type IdeaDto, type ImprovementState, type MeasureDto } from '@tillit/protocol';
import { type EntityManager, In } from 'typeorm';
import { Item } from '../items/item.entity.js';
import {
  ImprovementCycle,
  ImprovementField,
  ImprovementFieldVersion,
  ImprovementIdea,
  ImprovementMeasure,
  ImprovementPoint,
} from './improvement.entities.js';
import { toConflictDto, toCycleDto, toFieldDto, toIdeaDto, toMeasureDto } from './improvement.dto.js';
import { findOrigins } from './improvement.origins.js';

/** The team's ideas (items of kind `idea` with their improvement rows), oldest first. */
export async function loadIdeas(m: EntityManager, teamId: string, ids?: string[]): Promise<IdeaDto[]> {
  const items = await m.find(Item, {
    where: { teamId, kind: 'idea', ...(ids ? { id: In(ids) } : {}) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  if (items.length === 0) return [];
  const rows = await m.find(ImprovementIdea, { where: { itemId: In(items.map((i) => i.id)) } });
  const byId = new Map(rows.map((r) => [r.itemId, r]));
  const origins = await findOrigins(
    m,
    teamId,
    rows.map((r) => r.originId).filter((x): x is string => Boolean(x)),
  );
  return items.map((item) => {
    const row = byId.get(item.id) ?? null;
    return toIdeaDto(item, row, row?.originId ? (origins.get(row.originId) ?? null) : null);
  });
}

export async function loadIdea(m: EntityManager, teamId: string, ideaId: string): Promise<IdeaDto> {
  const [idea] = await loadIdeas(m, teamId, [ideaId]);
  if (!idea) throw new Error(`idea ${ideaId} vanished`);
  return idea;
}

export async function loadMeasure(m: EntityManager, measureId: string): Promise<MeasureDto> {
  const measure = await m.findOneByOrFail(ImprovementMeasure, { id: measureId });
  const points = await m.find(ImprovementPoint, { where: { measureId } });
  return toMeasureDto(measure, points);
}

/**
 * Everything about these ideas: their cycles, fields, measures with points, open conflicts. `filter` picks
 * which ideas (default: all of the team's).
 */
export async function loadState(
  m: EntityManager,
  teamId: string,
  filter: (idea: IdeaDto) => boolean = () => true,
): Promise<ImprovementState> {
  const ideas = (await loadIdeas(m, teamId)).filter(filter);
  const ids = ideas.map((i) => i.id);
  if (ids.length === 0) return { ideas, cycles: [], fields: {}, measures: [], conflicts: [] };
  // One connection (often a transaction): one query at a time.
  const cycles = await m.find(ImprovementCycle, { where: { ideaId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  const fields = await m.find(ImprovementField, { where: { ideaId: In(ids) } });
  const measures = await m.find(ImprovementMeasure, { where: { ideaId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  const conflicts = await m.find(ImprovementFieldVersion, {
    where: { ideaId: In(ids), kind: 'conflict', dismissed: false },
    order: { createdAt: 'ASC' },
  });
  const points = measures.length ? await m.find(ImprovementPoint, { where: { measureId: In(measures.map((x) => x.id)) } }) : [];
  return {
    ideas,
    cycles: cycles.map(toCycleDto),
    fields: Object.fromEntries(fields.map((f) => [f.key, toFieldDto(f.key, f)])),
    measures: measures.map((x) => toMeasureDto(x, points.filter((p) => p.measureId === x.id))),
    conflicts: conflicts.map(toConflictDto),
  };
}

/**
 * What an improvement meeting shows: the team's ideas still being worked on, and any this meeting touched
 * (so an idea adopted in the meeting stays on screen).
 */
export async function meetingImprovementState(
  m: EntityManager,
  meeting: { id: string; teamId: string },
): Promise<ImprovementState> {
  const touched = new Set(
    (
      await m.find(ImprovementIdea, { where: { teamId: meeting.teamId, lastMeetingId: meeting.id }, select: { itemId: true } })
    ).map((r) => r.itemId),
  );
  const itemsTouched = new Set(
    (
      await m
        .createQueryBuilder(Item, 'i')
        .select('i.id', 'id')
        .where("i.team_id = :teamId AND i.kind = 'idea'", { teamId: meeting.teamId })
        .andWhere('(i.origin_meeting_id = :id OR i.last_meeting_id = :id)', { id: meeting.id })
        .getRawMany<{ id: string }>()
    ).map((r) => r.id),
  );
  return loadState(m, meeting.teamId, (i) => ACTIVE_IDEA_STATUSES.includes(i.status) || touched.has(i.id) || itemsTouched.has(i.id));
}
