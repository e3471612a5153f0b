/**
 * The improvement domain's changes, one function each, shared by the live commands (improvement.commands.ts)
 * and REST (improvement.service.ts). Each runs inside the caller's transaction, locks the idea's item row
 * first (so every change to one idea — from a meeting or from the board — happens one at a time), checks
 * every id against the team, and returns protocol shapes. See README.md for how fields are co-edited.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  IMPROVEMENT_LIMITS,
  type ConflictDto,
  type CycleDto,
  type FieldDto,
  type IdeaDto,
  type IdeaStatus,
  type ItemDto,
  type MeasureDirection,
  type MeasureDto,
  parseFieldKey,
  type PdsaDecision,
  TEAM_TIME_ZONE,
  todayIn,
} from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { toItemDto } from '../items/item.dto.js';
import type { Item } from '../items/item.entity.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type {
  ImprovementCycle,
  ImprovementField,
  ImprovementFieldVersion,
  ImprovementIdea,
  ImprovementMeasure,
} from './improvement.entities.js';
import { itemStatusOf, statusFromItem, toConflictDto, toCycleDto, toFieldDto } from './improvement.dto.js';
import { findOrigins, ImprovementRepository, loadIdea, loadMeasure } from './improvement.repository.js';

export interface OpContext {
  m: EntityManager;
  teamId: string;
  actorId: string;
  /** The meeting's facilitator, a team manager or facilitator (REST), or an organisation admin. */
  isFacilitator: boolean;
  now: Date;
  /** The live meeting the change comes from, if any (the meeting's snapshot then keeps what it touched). */
  meetingId: string | null;
}

/** Edits by the same person within this time (and with nobody else in between) make one version. */
const COALESCE_MS = 5 * 60_000;

const repo = (ctx: OpContext) => new ImprovementRepository(ctx.m);

const invalid = (path: string, message: string) =>
  new AppError(ErrorCode.ValidationFailed, 'The request is not valid', { issues: [{ path, message }] });

/* ------------------------------------------------------------------------------------------------ */
/* Ideas                                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** The idea's item, locked, and its improvement row (created on first change). */
export async function lockIdea(ctx: OpContext, ideaId: string): Promise<{ item: Item; idea: ImprovementIdea }> {
  const item = await repo(ctx).lockItem(ctx.teamId, ideaId);
  if (!item || item.kind !== 'idea') throw notFound('No such idea');
  const idea = await repo(ctx).ideaRow({ itemId: item.id, teamId: ctx.teamId, status: statusFromItem(item.status) });
  return { item, idea };
}

async function assertMember(ctx: OpContext, userId: string, path: string): Promise<void> {
  if (!(await new TeamsRepository(ctx.m).isMember(ctx.teamId, userId))) throw invalid(path, 'not a member of the team');
}

async function assertOrigin(ctx: OpContext, originId: string): Promise<void> {
  if (!(await findOrigins(ctx.m, ctx.teamId, [originId])).has(originId))
    throw invalid('originId', 'no such risk or disturbance');
}

/** Marks what a live meeting touched, so its snapshot keeps showing it. */
async function touch(ctx: OpContext, ideaId: string, item = false): Promise<void> {
  if (!ctx.meetingId) return;
  await repo(ctx).markTouched(ctx.meetingId, ideaId, item);
}

export async function ideaWithItem(ctx: OpContext, ideaId: string): Promise<{ idea: IdeaDto; item: ItemDto }> {
  const item = await repo(ctx).item(ideaId);
  return { idea: await loadIdea(ctx.m, ctx.teamId, ideaId), item: toItemDto(item) };
}

export interface IdeaChanges {
  title?: string;
  ownerId?: string | null;
  originId?: string | null;
  status?: IdeaStatus;
}

export async function updateIdea(
  ctx: OpContext,
  ideaId: string,
  c: IdeaChanges,
): Promise<{ idea: IdeaDto; item: ItemDto }> {
  await lockIdea(ctx, ideaId);
  if (c.ownerId) await assertMember(ctx, c.ownerId, 'ownerId');
  if (c.originId) await assertOrigin(ctx, c.originId);
  const row: { ownerId?: string | null; originId?: string | null; status?: IdeaStatus } = {};
  if (c.ownerId !== undefined) row.ownerId = c.ownerId;
  if (c.originId !== undefined) row.originId = c.originId;
  if (c.status !== undefined) row.status = c.status;
  if (Object.keys(row).length) await repo(ctx).updateIdeaRow(ideaId, row);
  const itemChanges: { text?: string; status?: Item['status'] } = {};
  if (c.title !== undefined) itemChanges.text = c.title;
  if (c.status !== undefined) itemChanges.status = itemStatusOf(c.status);
  if (Object.keys(itemChanges).length) await repo(ctx).updateItem(ideaId, itemChanges);
  await touch(ctx, ideaId, true);
  return ideaWithItem(ctx, ideaId);
}

export interface NewIdea {
  title: string;
  aim?: string;
  measure?: string;
  change?: string;
  ownerId?: string | null;
  originId?: string | null;
}

/** A new idea from the board: its item (kind idea) and its row, with the three questions if given. */
export async function createIdea(ctx: OpContext, body: NewIdea): Promise<IdeaDto> {
  if (body.ownerId) await assertMember(ctx, body.ownerId, 'ownerId');
  if (body.originId) await assertOrigin(ctx, body.originId);
  const item = await repo(ctx).createItem({
    teamId: ctx.teamId,
    kind: 'idea',
    text: body.title,
    status: 'open',
    authorId: ctx.actorId,
    ownerId: null,
    dueDate: null,
    parentId: null,
    notes: '',
    originMeetingId: null,
    originPhaseId: null,
    lastMeetingId: null,
  });
  await repo(ctx).insertIdeaRow({
    itemId: item.id,
    teamId: ctx.teamId,
    status: 'idea',
    ownerId: body.ownerId ?? null,
    originId: body.originId ?? null,
  });
  for (const field of ['aim', 'measure', 'change'] as const) {
    const text = body[field];
    if (text) await saveField(ctx, `i:${item.id}:${field}`, text, 0, true);
  }
  return loadIdea(ctx.m, ctx.teamId, item.id);
}

/* ------------------------------------------------------------------------------------------------ */
/* Cycles                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

async function teamCycle(ctx: OpContext, cycleId: string): Promise<ImprovementCycle> {
  const cycle = await repo(ctx).cycle(ctx.teamId, cycleId);
  if (!cycle) throw notFound('No such cycle');
  return cycle;
}

export async function addCycle(ctx: OpContext, ideaId: string, startedOn?: string): Promise<CycleDto> {
  await lockIdea(ctx, ideaId);
  const count = await repo(ctx).countCycles(ideaId);
  if (count >= IMPROVEMENT_LIMITS.cyclesPerIdea)
    throw new AppError(ErrorCode.Conflict, 'This idea has as many cycles as it may have');
  const last = await repo(ctx).lastCycle(ideaId);
  const cycle = await repo(ctx).createCycle({
    ideaId,
    teamId: ctx.teamId,
    number: (last?.number ?? 0) + 1,
    startedOn: startedOn ?? todayIn(TEAM_TIME_ZONE, ctx.now),
    decision: null,
    // Every cycle starts with one question to answer (Plan).
    questionIds: [randomUUID()],
  });
  await touch(ctx, ideaId);
  return toCycleDto(await repo(ctx).cycleById(cycle.id));
}

export interface CycleChanges {
  startedOn?: string;
  decision?: PdsaDecision | null;
  addQuestion?: true;
  removeQuestionId?: string;
}

export async function updateCycle(
  ctx: OpContext,
  cycleId: string,
  c: CycleChanges,
): Promise<{ cycle: CycleDto; questionId: string | null }> {
  const found = await teamCycle(ctx, cycleId);
  await lockIdea(ctx, found.ideaId);
  const cycle = await repo(ctx).cycleById(cycleId);
  let questionIds = cycle.questionIds;
  let questionId: string | null = null;
  if (c.addQuestion) {
    if (questionIds.length >= IMPROVEMENT_LIMITS.questionsPerCycle)
      throw new AppError(ErrorCode.Conflict, 'This cycle has as many questions as it may have');
    questionId = randomUUID();
    questionIds = [...questionIds, questionId];
  }
  if (c.removeQuestionId) {
    if (!questionIds.includes(c.removeQuestionId)) throw notFound('No such question');
    questionIds = questionIds.filter((q) => q !== c.removeQuestionId);
    // The texts go; their versions stay in the history.
    await repo(ctx).deleteFields(cycleId, `q:${cycleId}:${c.removeQuestionId}:`);
  }
  await repo(ctx).updateCycle(cycleId, {
    questionIds,
    ...(c.startedOn !== undefined ? { startedOn: c.startedOn } : {}),
    ...(c.decision !== undefined ? { decision: c.decision } : {}),
  });
  await touch(ctx, cycle.ideaId);
  return { cycle: toCycleDto(await repo(ctx).cycleById(cycleId)), questionId };
}

/* ------------------------------------------------------------------------------------------------ */
/* Co-edited fields                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

interface FieldTarget {
  ideaId: string;
  cycleId: string | null;
}

/** The idea and cycle a field key names, checked within the team; locks the idea. */
async function target(ctx: OpContext, key: string): Promise<FieldTarget> {
  const parsed = parseFieldKey(key);
  if (!parsed) throw invalid('key', 'not a field key');
  if (parsed.scope === 'idea') {
    await lockIdea(ctx, parsed.ideaId);
    return { ideaId: parsed.ideaId, cycleId: null };
  }
  const cycle = await teamCycle(ctx, parsed.cycleId);
  if (parsed.scope === 'question' && !cycle.questionIds.includes(parsed.questionId)) throw notFound('No such question');
  await lockIdea(ctx, cycle.ideaId);
  return { ideaId: cycle.ideaId, cycleId: cycle.id };
}

const lockField = (ctx: OpContext, key: string) => repo(ctx).lockField(key);

const heldByOther = (f: ImprovementField | null, ctx: OpContext) =>
  Boolean(f?.editorId && f.editorId !== ctx.actorId && f.editorUntil && f.editorUntil.getTime() > ctx.now.getTime());

const leaseUntil = (ctx: OpContext) => new Date(ctx.now.getTime() + IMPROVEMENT_LIMITS.leaseSeconds * 1000);

/** "I'm editing this": refused while someone else holds the lease. */
export async function claimField(ctx: OpContext, key: string): Promise<FieldDto> {
  const t = await target(ctx, key);
  const f = await lockField(ctx, key);
  if (heldByOther(f, ctx)) throw new AppError(ErrorCode.Conflict, 'Someone else is editing this field');
  await repo(ctx).upsertField({
    key,
    ideaId: t.ideaId,
    cycleId: t.cycleId,
    editorId: ctx.actorId,
    editorUntil: leaseUntil(ctx),
  });
  await touch(ctx, t.ideaId);
  return toFieldDto(key, await repo(ctx).field(key));
}

/** Gives up the lease (your own; the facilitator may free anyone's). */
export async function releaseField(ctx: OpContext, key: string): Promise<FieldDto> {
  await target(ctx, key);
  const f = await lockField(ctx, key);
  if (f?.editorId) {
    if (heldByOther(f, ctx) && !ctx.isFacilitator) throw forbidden('Someone else is editing this field');
    await repo(ctx).updateField(key, { editorId: null, editorUntil: null });
  }
  return toFieldDto(key, await repo(ctx).field(key));
}

export interface SaveOutcome {
  applied: boolean;
  field: FieldDto;
  conflict: ConflictDto | null;
}

/**
 * Saves a field's text, written from revision `baseRev`. It goes in when nobody else has changed the field
 * since `baseRev` and nobody else holds its lease; otherwise the text is KEPT as a conflict version (shown to
 * everyone, restorable from the history) and the field stays as it is. Nothing is ever silently lost.
 */
export async function saveField(
  ctx: OpContext,
  key: string,
  text: string,
  baseRev: number,
  release = false,
): Promise<SaveOutcome> {
  const t = await target(ctx, key);
  const f = await lockField(ctx, key);
  const current = f?.text ?? '';
  const rev = f?.rev ?? 0;
  const changedByOther =
    baseRev > rev || (rev > baseRev && (await repo(ctx).editedByOtherSince(key, baseRev, ctx.actorId)));
  const blocked = heldByOther(f, ctx) || changedByOther;

  if (blocked && text !== current) {
    const version = await repo(ctx).createVersion({
      key,
      ideaId: t.ideaId,
      cycleId: t.cycleId,
      rev: null,
      kind: 'conflict',
      text,
      userId: ctx.actorId,
      dismissed: false,
      touchedAt: ctx.now,
    });
    await touch(ctx, t.ideaId);
    return { applied: false, field: toFieldDto(key, f), conflict: toConflictDto(version) };
  }

  const editor = release
    ? { editorId: null, editorUntil: null }
    : { editorId: ctx.actorId, editorUntil: leaseUntil(ctx) };
  if (text === current) {
    // Nothing new to keep: only the lease changes (unless someone else holds it).
    if (f && !heldByOther(f, ctx)) await repo(ctx).updateField(key, editor);
  } else {
    const next = rev + 1;
    await repo(ctx).upsertField({
      key,
      ideaId: t.ideaId,
      cycleId: t.cycleId,
      text,
      rev: next,
      updatedById: ctx.actorId,
      updatedAt: ctx.now,
      ...editor,
    });
    const last = await repo(ctx).lastEdit(key);
    if (
      last &&
      last.userId === ctx.actorId &&
      last.rev === rev &&
      ctx.now.getTime() - last.touchedAt.getTime() < COALESCE_MS
    ) {
      await repo(ctx).updateVersion(last.id, { text, rev: next, touchedAt: ctx.now });
    } else {
      await repo(ctx).insertVersion({
        key,
        ideaId: t.ideaId,
        cycleId: t.cycleId,
        rev: next,
        kind: 'edit',
        text,
        userId: ctx.actorId,
        dismissed: false,
        touchedAt: ctx.now,
      });
    }
  }
  await touch(ctx, t.ideaId);
  return { applied: true, field: toFieldDto(key, await repo(ctx).field(key)), conflict: null };
}

/** Hides a conflict (it stays in the history): its author or the facilitator. */
export async function dismissConflict(ctx: OpContext, conflictId: string): Promise<void> {
  const v = await repo(ctx).conflict(conflictId);
  const team = v ? await repo(ctx).ideaInTeam(ctx.teamId, v.ideaId) : false;
  if (!v || !team) throw notFound('No such conflict');
  if (v.userId !== ctx.actorId && !ctx.isFacilitator)
    throw forbidden('Only its author or the facilitator may dismiss it');
  await repo(ctx).updateVersion(v.id, { dismissed: true });
}

/** A field's history, newest first (every saved version and every conflict). */
export async function fieldHistory(ctx: OpContext, key: string): Promise<ImprovementFieldVersion[]> {
  const parsed = parseFieldKey(key);
  if (!parsed) throw notFound();
  const ideaId = parsed.scope === 'idea' ? parsed.ideaId : (await repo(ctx).cycle(ctx.teamId, parsed.cycleId))?.ideaId;
  if (!ideaId || !(await repo(ctx).ideaItemExists(ctx.teamId, ideaId))) throw notFound();
  return repo(ctx).history(key, 200);
}

/* ------------------------------------------------------------------------------------------------ */
/* Measures and data points                                                                         */
/* ------------------------------------------------------------------------------------------------ */

export interface MeasureFields {
  name?: string;
  unit?: string;
  definition?: string;
  better?: MeasureDirection;
  goal?: number | null;
  baselinePoints?: number | null;
}

async function teamMeasure(ctx: OpContext, measureId: string): Promise<ImprovementMeasure> {
  const measure = await repo(ctx).measure(ctx.teamId, measureId);
  if (!measure) throw notFound('No such measure');
  return measure;
}

export async function createMeasure(ctx: OpContext, ideaId: string, f: Required<MeasureFields>): Promise<MeasureDto> {
  await lockIdea(ctx, ideaId);
  if ((await repo(ctx).countMeasures(ideaId)) >= IMPROVEMENT_LIMITS.measuresPerIdea) {
    throw new AppError(ErrorCode.Conflict, 'This idea has as many measures as it may have');
  }
  const saved = await repo(ctx).createMeasure({ ideaId, teamId: ctx.teamId, ...f });
  await touch(ctx, ideaId);
  return loadMeasure(ctx.m, saved.id);
}

export async function updateMeasure(
  ctx: OpContext,
  measureId: string,
  f: MeasureFields,
  ideaId?: string,
): Promise<MeasureDto> {
  const measure = await teamMeasure(ctx, measureId);
  if (ideaId && measure.ideaId !== ideaId) throw notFound('No such measure');
  await lockIdea(ctx, measure.ideaId);
  const changes = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length) await repo(ctx).updateMeasure(measureId, changes);
  await touch(ctx, measure.ideaId);
  return loadMeasure(ctx.m, measureId);
}

export async function addPoint(
  ctx: OpContext,
  measureId: string,
  p: { date: string; value: number; note: string },
): Promise<{ measure: MeasureDto; pointId: string }> {
  const measure = await teamMeasure(ctx, measureId);
  await lockIdea(ctx, measure.ideaId);
  if ((await repo(ctx).countPoints(measureId)) >= IMPROVEMENT_LIMITS.pointsPerMeasure) {
    throw new AppError(ErrorCode.Conflict, 'This measure has as many points as it may have');
  }
  const point = await repo(ctx).createPoint({
    measureId,
    date: p.date,
    value: p.value,
    note: p.note,
    authorId: ctx.actorId,
  });
  await touch(ctx, measure.ideaId);
  return { measure: await loadMeasure(ctx.m, measureId), pointId: point.id };
}

export async function deletePoint(ctx: OpContext, pointId: string): Promise<MeasureDto> {
  const point = await repo(ctx).point(pointId);
  const measure = point ? await repo(ctx).measure(ctx.teamId, point.measureId) : null;
  if (!point || !measure) throw notFound('No such data point');
  await lockIdea(ctx, measure.ideaId);
  if (point.authorId !== ctx.actorId && !ctx.isFacilitator)
    throw forbidden('Only its author or the facilitator may remove it');
  await repo(ctx).deletePoint(pointId);
  await touch(ctx, measure.ideaId);
  return loadMeasure(ctx.m, measure.id);
}

/** Ideas of the team with these ids exist (for the pdsa focus). */
export async function assertIdea(ctx: OpContext, ideaId: string): Promise<void> {
  if (!(await repo(ctx).ideaItemExists(ctx.teamId, ideaId))) throw notFound('No such idea');
}
