import type { ItemDto } from '@tillit/protocol';
import type { Item } from './item.entity.js';

export const toItemDto = (i: Item): ItemDto => ({
  id: i.id,
  teamId: i.teamId,
  kind: i.kind,
  text: i.text,
  status: i.status,
  authorId: i.authorId,
  ownerId: i.ownerId,
  dueDate: i.dueDate,
  parentId: i.parentId,
  notes: i.notes,
  originMeetingId: i.originMeetingId,
  originPhaseId: i.originPhaseId,
  createdAt: i.createdAt.toISOString(),
  updatedAt: i.updatedAt.toISOString(),
});
