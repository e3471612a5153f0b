/** Items: capture, edit, delete. Items belong to the team; the meeting only records where they came from. */
import { randomUUID } from 'node:crypto';
import type { ItemDto } from '@tillit/protocol';
import { type QueryCreator, sql } from 'kysely';
import { MeetingPhase } from '../../meetings/meeting.entity.js';
import { Item } from '../../items/item.entity.js';
import { toItemDto } from '../../items/item.dto.js';
import { forbidden } from '../command-errors.js';
import type { LockedMeetingDatabase } from '../event-append.js';
import { type CommandDef, event } from '../live.types.js';
import type { ItemLeftEffect, ItemLeftHook } from '../ritual.js';
import { assertTeamMember, reloadItem, teamItem } from '../team-lookups.js';

/** Every ritual's hook, in order: what each returns goes into the item's event. */
async function leaveBoards(hooks: readonly ItemLeftHook[], ...args: Parameters<ItemLeftHook>): Promise<ItemLeftEffect> {
  const effect: ItemLeftEffect = {};
  for (const hook of hooks) Object.assign(effect, await hook(...args));
  return effect;
}

export const itemAdd: CommandDef<'item.add'> = {
  lockable: true,
  async handle({ m, meeting, actor, payload }) {
    if (payload.ownerId) await assertTeamMember(m, meeting.teamId, payload.ownerId, 'ownerId');
    if (payload.parentId) await teamItem(m, meeting.teamId, payload.parentId);
    const phase = await m.findOneBy(MeetingPhase, { meetingId: meeting.id, position: meeting.currentPhaseIndex });
    const saved = await m.save(
      m.create(Item, {
        teamId: meeting.teamId,
        kind: payload.kind,
        text: payload.text,
        status: 'open',
        authorId: actor.userId,
        ownerId: payload.ownerId ?? null,
        dueDate: payload.dueDate ?? null,
        parentId: payload.parentId ?? null,
        notes: '',
        originMeetingId: meeting.id,
        originPhaseId: phase?.id ?? null,
        lastMeetingId: meeting.id,
      }),
    );
    const item = await reloadItem(m, saved.id);
    return { event: event('item.added', { item: toItemDto(item) }), result: { itemId: item.id } };
  },
  // The hot path (a forum's capture): one INSERT inside the statement that locks the meeting and allocates
  // the seq. Owners and parents are looked up, so those go through `handle`.
  direct({ meetingId, teamId, phaseId, actor, payload, now }) {
    if (payload.ownerId || payload.parentId) return null;
    const at = now.toISOString();
    const item: ItemDto = {
      id: randomUUID(),
      teamId,
      kind: payload.kind,
      text: payload.text,
      status: 'open',
      authorId: actor.userId,
      ownerId: null,
      dueDate: payload.dueDate ?? null,
      parentId: null,
      notes: '',
      originMeetingId: meetingId,
      originPhaseId: phaseId,
      createdAt: at,
      updatedAt: at,
    };
    const values = {
      id: item.id,
      teamId,
      kind: item.kind,
      text: item.text,
      authorId: actor.userId,
      dueDate: item.dueDate,
      phaseId,
      at,
    };
    const change = (db: QueryCreator<LockedMeetingDatabase>, v: typeof values) =>
      db
        .insertInto('items')
        .columns([
          'id',
          'team_id',
          'kind',
          'text',
          'status',
          'author_id',
          'due_date',
          'notes',
          'origin_meeting_id',
          'origin_phase_id',
          'last_meeting_id',
          'created_at',
          'updated_at',
        ])
        .expression(
          db
            .selectFrom('locked')
            .select((eb) => [
              eb.cast<string>(eb.val(v.id), 'uuid').as('id'),
              eb.cast<string>(eb.val(v.teamId), 'uuid').as('team_id'),
              eb.val(v.kind).as('kind'),
              eb.val(v.text).as('text'),
              sql.lit('open').as('status'),
              eb.cast<string>(eb.val(v.authorId), 'uuid').as('author_id'),
              eb.cast<string | null>(eb.val(v.dueDate), 'date').as('due_date'),
              sql.lit('').as('notes'),
              'locked.id as origin_meeting_id',
              eb.cast<string | null>(eb.val(v.phaseId), 'uuid').as('origin_phase_id'),
              'locked.id as last_meeting_id',
              eb.cast<string>(eb.val(v.at), 'timestamptz').as('created_at'),
              eb.cast<string>(eb.val(v.at), 'timestamptz').as('updated_at'),
            ]),
        );
    return { values, change, event: event('item.added', { item }), result: { itemId: item.id } };
  },
};

/** `left`: the rituals' hooks for an item that leaves the boards. */
export const itemEdit = (left: readonly ItemLeftHook[]): CommandDef<'item.edit'> => ({
  lockable: true,
  async handle({ m, meeting, actor, payload }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    const { itemId, notes, ...fields } = payload;
    // Notes are shared (anyone writes in a discussion); the rest is the author's or the facilitator's.
    const changesMoreThanNotes = Object.values(fields).some((v) => v !== undefined);
    if (changesMoreThanNotes && item.authorId !== actor.userId && !actor.isFacilitator) {
      throw forbidden('Only its author or the facilitator may change this item');
    }
    if (fields.ownerId) await assertTeamMember(m, meeting.teamId, fields.ownerId, 'ownerId');
    await m.update(
      Item,
      { id: itemId },
      {
        ...(fields.text !== undefined ? { text: fields.text } : {}),
        ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.ownerId !== undefined ? { ownerId: fields.ownerId } : {}),
        ...(fields.dueDate !== undefined ? { dueDate: fields.dueDate } : {}),
        ...(notes !== undefined ? { notes } : {}),
        lastMeetingId: meeting.id,
      },
    );
    // Closed, done or another kind: it may have left a board (a voting board gives the votes on it back).
    const effect =
      fields.status !== undefined || fields.kind !== undefined
        ? await leaveBoards(left, m, meeting, itemId, 'changed')
        : {};
    const updated = await reloadItem(m, itemId);
    return { event: event('item.updated', { item: toItemDto(updated), ...effect }), result: { itemId } };
  },
});

export const itemDelete = (left: readonly ItemLeftHook[]): CommandDef<'item.delete'> => ({
  lockable: true,
  async handle({ m, meeting, actor, payload }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    if (item.authorId !== actor.userId && !actor.isFacilitator) {
      throw forbidden('Only its author or the facilitator may delete this item');
    }
    await m.delete(Item, { id: item.id });
    const effect = await leaveBoards(left, m, meeting, item.id, 'deleted');
    return { event: event('item.deleted', { itemId: item.id, ...effect }), result: { itemId: item.id } };
  },
});
