/** The minutes: what the meeting produced, frozen when it ends. */
import type { MinutesDto } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import type { MinutesPart } from '../live/ritual.js';
import type { Meeting, MeetingPhase } from './meeting.entity.js';

/** The items the meeting made, then each ritual's part (the summary, votes, steering …), in the order given. */
export async function buildMinutes(
  parts: readonly MinutesPart[],
  m: EntityManager,
  meeting: Meeting,
  phases: MeetingPhase[],
  items: Item[],
): Promise<MinutesDto> {
  const minutes: MinutesDto = { summary: '', created: [], actions: [], reviewed: [], votes: [], checkIns: [] };
  for (const i of items) {
    if (i.originMeetingId !== meeting.id) continue;
    if (i.kind === 'action') minutes.actions.push(toItemDto(i));
    else minutes.created.push(toItemDto(i));
  }
  for (const part of parts) Object.assign(minutes, await part(m, meeting, phases, items));
  return minutes;
}
