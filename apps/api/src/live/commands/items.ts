/** Items: capture, edit, delete. Items belong to the team; the meeting only records where they came from. */
import { MeetingPhase } from '../../meetings/meeting.entity.js';
import { Item } from '../../items/item.entity.js';
import { toItemDto } from '../../items/item.dto.js';
import { type CommandDef, event } from '../live.types.js';
import { assertTeamMember, forbidden, reloadItem, teamItem } from './helpers.js';

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
};

export const itemEdit: CommandDef<'item.edit'> = {
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
    await m.update(Item, { id: itemId }, {
      ...(fields.text !== undefined ? { text: fields.text } : {}),
      ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
      ...(fields.status !== undefined ? { status: fields.status } : {}),
      ...(fields.ownerId !== undefined ? { ownerId: fields.ownerId } : {}),
      ...(fields.dueDate !== undefined ? { dueDate: fields.dueDate } : {}),
      ...(notes !== undefined ? { notes } : {}),
      lastMeetingId: meeting.id,
    });
    const updated = await reloadItem(m, itemId);
    return { event: event('item.updated', { item: toItemDto(updated) }), result: { itemId } };
  },
};

export const itemDelete: CommandDef<'item.delete'> = {
  lockable: true,
  async handle({ m, meeting, actor, payload }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    if (item.authorId !== actor.userId && !actor.isFacilitator) {
      throw forbidden('Only its author or the facilitator may delete this item');
    }
    await m.delete(Item, { id: item.id });
    // A discussion that had it in focus has nothing in focus now (the client's reducer does the same).
    await m.query(
      `UPDATE meeting_phases SET state = jsonb_set(state, '{focusItemId}', 'null'::jsonb)
        WHERE meeting_id = $1 AND kind = 'discussion' AND state->>'focusItemId' = $2`,
      [meeting.id, item.id],
    );
    return { event: event('item.deleted', { itemId: item.id }), result: { itemId: item.id } };
  },
};
