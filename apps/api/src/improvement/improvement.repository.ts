/**
 * Every query of the improvement domain: the `ImprovementRepository` class (one method per statement), and
 * the functions that read whole states with it (`loadState`, `meetingImprovementState` …).
 */
import {
  ACTIVE_IDEA_STATUSES,
  type IdeaDto,
  type IdeaOriginDto,
  type ImprovementState,
  type MeasureDto,
} from '@tillit/protocol';
import { type DeepPartial, type EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import { Item } from '../items/item.entity.js';
import { Risk } from '../steering/risks/risk.entity.js';
import {
  ImprovementCycle,
  ImprovementField,
  ImprovementFieldVersion,
  ImprovementIdea,
  ImprovementMeasure,
  ImprovementPoint,
} from './improvement.entities.js';
import { toConflictDto, toCycleDto, toFieldDto, toIdeaDto, toMeasureDto } from './improvement.dto.js';

/**
 * An idea's origin is a risk or a disturbance. Daily steering owns those: today in its `risks` table, and
 * earlier meetings captured them as team items of kind risk/disturbance. Both are read here, by id, within the
 * team (`originCandidates`, `findOrigins`); nothing else in this domain knows where they live.
 */
const ORIGIN_ITEM_KINDS = ['risk', 'disturbance'] as const;

export class ImprovementRepository extends RepositoryBase {
  /* Ideas: an item of kind `idea` and its improvement row. */

  /** The team's idea items (these ids only, when given), oldest first. */
  ideaItems(teamId: string, ids?: string[]): Promise<Item[]> {
    return this.m.find(Item, {
      where: { teamId, kind: 'idea', ...(ids ? { id: In(ids) } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  ideaRows(itemIds: string[]): Promise<ImprovementIdea[]> {
    return this.m.find(ImprovementIdea, { where: { itemId: In(itemIds) } });
  }

  /** The team's item, locked for the rest of the transaction (any kind: the caller checks). */
  lockItem(teamId: string, id: string): Promise<Item | null> {
    return this.m.findOne(Item, { where: { id, teamId }, lock: { mode: 'pessimistic_write' } });
  }

  item(id: string): Promise<Item> {
    return this.m.findOneByOrFail(Item, { id });
  }

  ideaItemExists(teamId: string, id: string): Promise<boolean> {
    return this.m.existsBy(Item, { id, teamId, kind: 'idea' });
  }

  /** The idea's row, made with `fields` if it does not exist yet. */
  async ideaRow(fields: Pick<ImprovementIdea, 'itemId' | 'teamId' | 'status'>): Promise<ImprovementIdea> {
    await this.m.createQueryBuilder().insert().into(ImprovementIdea).values(fields).orIgnore().execute();
    return this.m.findOneByOrFail(ImprovementIdea, { itemId: fields.itemId });
  }

  ideaInTeam(teamId: string, itemId: string): Promise<boolean> {
    return this.m.existsBy(ImprovementIdea, { itemId, teamId });
  }

  createItem(fields: DeepPartial<Item>): Promise<Item> {
    return this.m.save(this.m.create(Item, fields));
  }

  async insertIdeaRow(
    fields: Pick<ImprovementIdea, 'itemId' | 'teamId' | 'status' | 'ownerId' | 'originId'>,
  ): Promise<void> {
    await this.m.insert(ImprovementIdea, fields);
  }

  async updateIdeaRow(
    itemId: string,
    changes: Partial<Pick<ImprovementIdea, 'ownerId' | 'originId' | 'status'>>,
  ): Promise<void> {
    await this.m.update(ImprovementIdea, { itemId }, changes);
  }

  async updateItem(id: string, changes: Partial<Pick<Item, 'text' | 'status'>>): Promise<void> {
    await this.m.update(Item, { id }, changes);
  }

  /**
   * Marks what a live meeting touched. Raw SQL: this bookkeeping must not change `updated_at`, which clients
   * hold from the last event about the idea.
   */
  async markTouched(meetingId: string, ideaId: string, item: boolean): Promise<void> {
    await this.m.query(`UPDATE improvement_ideas SET last_meeting_id = $1 WHERE item_id = $2`, [meetingId, ideaId]);
    if (item) await this.m.query(`UPDATE items SET last_meeting_id = $1 WHERE id = $2`, [meetingId, ideaId]);
  }

  /** Ideas whose row a meeting touched. */
  async ideasTouchedBy(teamId: string, meetingId: string): Promise<string[]> {
    return (
      await this.m.find(ImprovementIdea, { where: { teamId, lastMeetingId: meetingId }, select: { itemId: true } })
    ).map((r) => r.itemId);
  }

  /** Idea items a meeting made or touched. */
  async ideaItemsTouchedBy(teamId: string, meetingId: string): Promise<string[]> {
    return (
      await this.m
        .createQueryBuilder(Item, 'i')
        .select('i.id', 'id')
        .where("i.team_id = :teamId AND i.kind = 'idea'", { teamId })
        .andWhere('(i.origin_meeting_id = :id OR i.last_meeting_id = :id)', { id: meetingId })
        .getRawMany<{ id: string }>()
    ).map((r) => r.id);
  }

  /* Origins: risks of daily steering, and older team items of kind risk/disturbance. */

  latestRisks(teamId: string, limit: number): Promise<Risk[]> {
    return this.m.find(Risk, { where: { teamId }, order: { createdAt: 'DESC' }, take: limit });
  }

  latestOriginItems(teamId: string, limit: number): Promise<Item[]> {
    return this.m.find(Item, {
      where: { teamId, kind: In([...ORIGIN_ITEM_KINDS]) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  risks(teamId: string, ids: string[]): Promise<Risk[]> {
    return this.m.find(Risk, { where: { teamId, id: In(ids) } });
  }

  originItems(teamId: string, ids: string[]): Promise<Item[]> {
    return this.m.find(Item, { where: { teamId, id: In(ids), kind: In([...ORIGIN_ITEM_KINDS]) } });
  }

  /* Cycles */

  cycle(teamId: string, id: string): Promise<ImprovementCycle | null> {
    return this.m.findOneBy(ImprovementCycle, { id, teamId });
  }

  cycleById(id: string): Promise<ImprovementCycle> {
    return this.m.findOneByOrFail(ImprovementCycle, { id });
  }

  countCycles(ideaId: string): Promise<number> {
    return this.m.countBy(ImprovementCycle, { ideaId });
  }

  lastCycle(ideaId: string): Promise<ImprovementCycle | null> {
    return this.m.findOne(ImprovementCycle, { where: { ideaId }, order: { number: 'DESC' } });
  }

  createCycle(fields: DeepPartial<ImprovementCycle>): Promise<ImprovementCycle> {
    return this.m.save(this.m.create(ImprovementCycle, fields));
  }

  async updateCycle(
    id: string,
    changes: Partial<Pick<ImprovementCycle, 'questionIds' | 'startedOn' | 'decision'>>,
  ): Promise<void> {
    await this.m.update(ImprovementCycle, { id }, changes as never);
  }

  cyclesOf(ideaIds: string[]): Promise<ImprovementCycle[]> {
    return this.m.find(ImprovementCycle, { where: { ideaId: In(ideaIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /* Co-edited fields and their versions */

  field(key: string): Promise<ImprovementField | null> {
    return this.m.findOneBy(ImprovementField, { key });
  }

  /** The field, locked for the rest of the transaction. */
  lockField(key: string): Promise<ImprovementField | null> {
    return this.m.findOne(ImprovementField, { where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  async upsertField(fields: DeepPartial<ImprovementField> & { key: string }): Promise<void> {
    await this.m.upsert(ImprovementField, fields as never, ['key']);
  }

  async updateField(key: string, changes: Partial<Pick<ImprovementField, 'editorId' | 'editorUntil'>>): Promise<void> {
    await this.m.update(ImprovementField, { key }, changes);
  }

  fieldsOf(ideaIds: string[]): Promise<ImprovementField[]> {
    return this.m.find(ImprovementField, { where: { ideaId: In(ideaIds) } });
  }

  /** The texts of a question that goes (their versions stay in the history). */
  async deleteFields(cycleId: string, keyPrefix: string): Promise<void> {
    await this.m
      .createQueryBuilder()
      .delete()
      .from(ImprovementField)
      .where('cycle_id = :cycleId AND key LIKE :prefix', { cycleId, prefix: `${keyPrefix}%` })
      .execute();
  }

  /** Did anyone but `userId` (or nobody in particular) save an edit of the field after revision `rev`? */
  async editedByOtherSince(key: string, rev: number, userId: string): Promise<boolean> {
    return (
      (await this.m.existsBy(ImprovementFieldVersion, {
        key,
        kind: 'edit',
        rev: MoreThan(rev),
        userId: Not(userId),
      })) ||
      (await this.m.existsBy(ImprovementFieldVersion, { key, kind: 'edit', rev: MoreThan(rev), userId: IsNull() }))
    );
  }

  createVersion(fields: DeepPartial<ImprovementFieldVersion>): Promise<ImprovementFieldVersion> {
    return this.m.save(this.m.create(ImprovementFieldVersion, fields));
  }

  async insertVersion(fields: DeepPartial<ImprovementFieldVersion>): Promise<void> {
    await this.m.insert(ImprovementFieldVersion, fields as never);
  }

  lastEdit(key: string): Promise<ImprovementFieldVersion | null> {
    return this.m.findOne(ImprovementFieldVersion, {
      where: { key, kind: 'edit' },
      order: { touchedAt: 'DESC', id: 'DESC' },
    });
  }

  async updateVersion(
    id: string,
    changes: Partial<Pick<ImprovementFieldVersion, 'text' | 'rev' | 'touchedAt' | 'dismissed'>>,
  ): Promise<void> {
    await this.m.update(ImprovementFieldVersion, { id }, changes);
  }

  conflict(id: string): Promise<ImprovementFieldVersion | null> {
    return this.m.findOneBy(ImprovementFieldVersion, { id, kind: 'conflict' });
  }

  openConflictsOf(ideaIds: string[]): Promise<ImprovementFieldVersion[]> {
    return this.m.find(ImprovementFieldVersion, {
      where: { ideaId: In(ideaIds), kind: 'conflict', dismissed: false },
      order: { createdAt: 'ASC' },
    });
  }

  /** A field's versions, newest first. */
  history(key: string, limit: number): Promise<ImprovementFieldVersion[]> {
    return this.m.find(ImprovementFieldVersion, {
      where: { key },
      order: { touchedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /* Measures and data points */

  measure(teamId: string, id: string): Promise<ImprovementMeasure | null> {
    return this.m.findOneBy(ImprovementMeasure, { id, teamId });
  }

  measureById(id: string): Promise<ImprovementMeasure> {
    return this.m.findOneByOrFail(ImprovementMeasure, { id });
  }

  countMeasures(ideaId: string): Promise<number> {
    return this.m.countBy(ImprovementMeasure, { ideaId });
  }

  createMeasure(fields: DeepPartial<ImprovementMeasure>): Promise<ImprovementMeasure> {
    return this.m.save(this.m.create(ImprovementMeasure, fields));
  }

  async updateMeasure(id: string, changes: Partial<ImprovementMeasure>): Promise<void> {
    await this.m.update(ImprovementMeasure, { id }, changes as never);
  }

  measuresOf(ideaIds: string[]): Promise<ImprovementMeasure[]> {
    return this.m.find(ImprovementMeasure, { where: { ideaId: In(ideaIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  point(id: string): Promise<ImprovementPoint | null> {
    return this.m.findOneBy(ImprovementPoint, { id });
  }

  pointsOf(measureIds: string[]): Promise<ImprovementPoint[]> {
    return measureIds.length
      ? this.m.find(ImprovementPoint, { where: { measureId: In(measureIds) } })
      : Promise.resolve([]);
  }

  countPoints(measureId: string): Promise<number> {
    return this.m.countBy(ImprovementPoint, { measureId });
  }

  createPoint(fields: DeepPartial<ImprovementPoint>): Promise<ImprovementPoint> {
    return this.m.save(this.m.create(ImprovementPoint, fields));
  }

  async deletePoint(id: string): Promise<void> {
    await this.m.delete(ImprovementPoint, { id });
  }
}

/** The team's risks and disturbances that an idea may be linked to (newest first, at most `limit`). */
export async function originCandidates(m: EntityManager, teamId: string, limit = 200): Promise<IdeaOriginDto[]> {
  const repo = new ImprovementRepository(m);
  const risks = await repo.latestRisks(teamId, limit);
  const items = await repo.latestOriginItems(teamId, limit);
  return [
    ...risks.map((r) => ({ id: r.id, kind: r.type, text: r.description, at: r.createdAt })),
    ...items.map((i) => ({ id: i.id, kind: i.kind as IdeaOriginDto['kind'], text: i.text, at: i.createdAt })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit)
    .map(({ id, kind, text }) => ({ id, kind, text }));
}

/** The origins with these ids in the team (unknown ids are left out). */
export async function findOrigins(
  m: EntityManager,
  teamId: string,
  ids: string[],
): Promise<Map<string, IdeaOriginDto>> {
  const out = new Map<string, IdeaOriginDto>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const repo = new ImprovementRepository(m);
  const risks = await repo.risks(teamId, unique);
  const items = await repo.originItems(teamId, unique);
  for (const r of risks) out.set(r.id, { id: r.id, kind: r.type, text: r.description });
  for (const i of items) out.set(i.id, { id: i.id, kind: i.kind as IdeaOriginDto['kind'], text: i.text });
  return out;
}

/** The team's ideas (items of kind `idea` with their improvement rows), oldest first. */
export async function loadIdeas(m: EntityManager, teamId: string, ids?: string[]): Promise<IdeaDto[]> {
  const repo = new ImprovementRepository(m);
  const items = await repo.ideaItems(teamId, ids);
  if (items.length === 0) return [];
  const rows = await repo.ideaRows(items.map((i) => i.id));
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
  const repo = new ImprovementRepository(m);
  const measure = await repo.measureById(measureId);
  const points = await repo.pointsOf([measureId]);
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
  const repo = new ImprovementRepository(m);
  // One connection (often a transaction): one query at a time.
  const cycles = await repo.cyclesOf(ids);
  const fields = await repo.fieldsOf(ids);
  const measures = await repo.measuresOf(ids);
  const conflicts = await repo.openConflictsOf(ids);
  const points = await repo.pointsOf(measures.map((x) => x.id));
  return {
    ideas,
    cycles: cycles.map(toCycleDto),
    fields: Object.fromEntries(fields.map((f) => [f.key, toFieldDto(f.key, f)])),
    measures: measures.map((x) =>
      toMeasureDto(
        x,
        points.filter((p) => p.measureId === x.id),
      ),
    ),
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
  const repo = new ImprovementRepository(m);
  const touched = new Set(await repo.ideasTouchedBy(meeting.teamId, meeting.id));
  const itemsTouched = new Set(await repo.ideaItemsTouchedBy(meeting.teamId, meeting.id));
  return loadState(
    m,
    meeting.teamId,
    (i) => ACTIVE_IDEA_STATUSES.includes(i.status) || touched.has(i.id) || itemsTouched.has(i.id),
  );
}
