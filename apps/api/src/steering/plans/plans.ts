/** The day's plan: plan items, assignments, follow-up, carry-over and absences. */
import type { PlanFollowUp, PlanItemDto } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { forbidden, notFound } from '../../common/app-error.js';
import { assertMembers, conflict, type SteeringCtx } from '../steering.context.js';
import { TeamsRepository } from '../../teams/teams.repository.js';
import type { PlanItem } from './plan-item.entity.js';
import { PlansRepository } from './plans.repository.js';

type FollowUp = z.output<typeof PlanFollowUp>;

export async function toPlanDtos(m: EntityManager, items: PlanItem[]): Promise<PlanItemDto[]> {
  const rows = await new PlansRepository(m).assigneesOf(items.map((i) => i.id));
  const people = new Map<string, string[]>();
  for (const r of rows) people.set(r.planItemId, [...(people.get(r.planItemId) ?? []), r.userId]);
  return items.map((i) => ({
    id: i.id,
    teamId: i.teamId,
    day: i.day,
    title: i.title,
    time: i.time,
    place: i.place,
    notes: i.notes,
    status: i.status,
    assigneeIds: (people.get(i.id) ?? []).sort(),
    carryReason: i.carryReason,
    carriedFromId: i.carriedFromId,
    carriedToId: i.carriedToId,
    authorId: i.authorId,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  }));
}

export async function findPlanItem(m: EntityManager, teamId: string, id: string): Promise<PlanItem> {
  const item = await new PlansRepository(m).findLocked(teamId, id);
  if (!item) throw notFound('No such plan item');
  return item;
}

/** The day's items, oldest first. */
export function dayItems(m: EntityManager, teamId: string, day: string): Promise<PlanItem[]> {
  return new PlansRepository(m).dayItems(teamId, day);
}

/**
 * What a meeting for `day` shows: the day's items, the unfinished ones of the days before (the carry-over),
 * and whatever the meeting itself touched.
 */
export function meetingPlanItems(
  m: EntityManager,
  teamId: string,
  day: string,
  meetingId: string,
): Promise<PlanItem[]> {
  return new PlansRepository(m).meetingItems(teamId, day, meetingId);
}

export async function absencesOn(m: EntityManager, teamId: string, day: string): Promise<string[]> {
  return new PlansRepository(m).absentOn(teamId, day);
}

async function setAssignees(
  c: SteeringCtx,
  item: PlanItem,
  add: readonly string[],
  remove: readonly string[],
): Promise<void> {
  await assertMembers(c.m, c.teamId, add, 'add');
  const plans = new PlansRepository(c.m);
  await plans.removeAssignees(item.id, remove);
  await plans.addAssignees(item.id, add);
}

/** Saves the item as changed now (also by this meeting, when there is one). */
async function touch(c: SteeringCtx, item: PlanItem, patch: Partial<PlanItem> = {}): Promise<void> {
  Object.assign(item, patch);
  if (c.meetingId) item.lastMeetingId = c.meetingId;
  await new PlansRepository(c.m).save(item);
}

export async function createPlanItem(
  c: SteeringCtx,
  input: { day: string; title: string; time?: string; place?: string; notes?: string; assigneeIds?: string[] },
  carriedFromId: string | null = null,
): Promise<PlanItem> {
  const item = await new PlansRepository(c.m).create({
    teamId: c.teamId,
    day: input.day,
    title: input.title,
    time: input.time ?? '',
    place: input.place ?? '',
    notes: input.notes ?? '',
    status: 'open',
    carryReason: null,
    carriedFromId,
    carriedToId: null,
    authorId: c.actor.userId,
    lastMeetingId: c.meetingId,
  });
  await setAssignees(c, item, input.assigneeIds ?? [], []);
  return item;
}

export async function editPlanItem(
  c: SteeringCtx,
  item: PlanItem,
  input: { title?: string; time?: string; place?: string; notes?: string; day?: string },
): Promise<void> {
  const patch: Partial<PlanItem> = {};
  if (input.title !== undefined) patch.title = input.title;
  if (input.time !== undefined) patch.time = input.time;
  if (input.place !== undefined) patch.place = input.place;
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.day !== undefined) patch.day = input.day;
  await touch(c, item, patch);
}

export async function assignPlanItem(
  c: SteeringCtx,
  item: PlanItem,
  add: readonly string[],
  remove: readonly string[],
): Promise<void> {
  await setAssignees(c, item, add, remove);
  await touch(c, item);
}

/** Replaces the people on an item (REST edits send the whole list). */
export async function replaceAssignees(c: SteeringCtx, item: PlanItem, ids: readonly string[]): Promise<void> {
  const current = await new PlansRepository(c.m).assigneeIds(item.id);
  await assignPlanItem(
    c,
    item,
    ids.filter((u) => !current.includes(u)),
    current.filter((u) => !ids.includes(u)),
  );
}

/** Done, carried to tomorrow with a reason, dropped, or back to open. */
export async function followUpPlanItem(c: SteeringCtx, item: PlanItem, f: FollowUp): Promise<void> {
  if (item.carriedToId && f.status !== 'carried') throw conflict('This item already continues on a later day');
  await touch(c, item, { status: f.status, carryReason: f.status === 'carried' ? f.reason : null });
}

/**
 * Morning carry-over: `take` continues an unfinished item of an earlier day as a new item of `toDay` (same
 * what/when/where, same people while they are still in the team); `drop` lets it go.
 */
export async function carryPlanItem(
  c: SteeringCtx,
  item: PlanItem,
  action: 'take' | 'drop',
  toDay: string,
): Promise<PlanItem[]> {
  if (item.day >= toDay) throw conflict('Only items of earlier days are carried over');
  if (item.carriedToId || (item.status !== 'open' && item.status !== 'carried'))
    throw conflict('This item is already handled');
  if (action === 'drop') {
    await touch(c, item, { status: 'dropped' });
    return [item];
  }
  const people = await new PlansRepository(c.m).assigneeIds(item.id);
  const stillMembers = await new TeamsRepository(c.m).membersAmong(c.teamId, people);
  const next = await createPlanItem(
    c,
    { day: toDay, title: item.title, time: item.time, place: item.place, notes: item.notes, assigneeIds: stillMembers },
    item.id,
  );
  await touch(c, item, { status: 'carried', carriedToId: next.id });
  return [item, next];
}

/** Its author, or whoever may facilitate, deletes a plan item. */
export async function deletePlanItem(c: SteeringCtx, item: PlanItem): Promise<void> {
  if (item.authorId !== c.actor.userId && !c.actor.mayFacilitate)
    throw forbidden('Only its author or the facilitator may delete it');
  await new PlansRepository(c.m).delete(item.id);
}

/** Absent on a day: yourself, or anyone when you may facilitate. */
export async function setAbsence(c: SteeringCtx, day: string, userId: string, absent: boolean): Promise<void> {
  if (userId !== c.actor.userId && !c.actor.mayFacilitate)
    throw forbidden('Only the facilitator may mark someone else absent');
  await assertMembers(c.m, c.teamId, [userId], 'userId');
  const plans = new PlansRepository(c.m);
  if (absent) await plans.markAbsent(c.teamId, day, userId, c.actor.userId);
  else await plans.markPresent(c.teamId, day, userId);
}
