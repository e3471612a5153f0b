/** Ready signals and the raised-hands queue. */
import { Meeting } from '../../meetings/meeting.entity.js';
import { type CommandDef, event } from '../live.types.js';

export const readySet: CommandDef<'ready.set'> = {
  async handle({ m, meeting, actor, payload }) {
    const without = meeting.ready.filter((u) => u !== actor.userId);
    const ready = payload.ready ? [...without, actor.userId] : without;
    await m.update(Meeting, { id: meeting.id }, { ready: ready as never });
    return { event: event('ready.changed', { userId: actor.userId, ready: payload.ready }), result: {} };
  },
};

export const handRaise: CommandDef<'hand.raise'> = {
  async handle({ m, meeting, actor, now }) {
    // Raising again keeps your place in the queue.
    const existing = meeting.hands.find((h) => h.userId === actor.userId);
    const hand = existing ?? { userId: actor.userId, at: now.toISOString() };
    if (!existing) await m.update(Meeting, { id: meeting.id }, { hands: [...meeting.hands, hand] as never });
    return { event: event('hand.raised', hand), result: {} };
  },
};

async function lower(m: Parameters<CommandDef<'hand.lower'>['handle']>[0]['m'], meeting: Meeting, userId: string) {
  await m.update(Meeting, { id: meeting.id }, { hands: meeting.hands.filter((h) => h.userId !== userId) as never });
  return event('hand.lowered', { userId });
}

export const handLower: CommandDef<'hand.lower'> = {
  async handle({ m, meeting, actor }) {
    return { event: await lower(m, meeting, actor.userId), result: {} };
  },
};

export const handDismiss: CommandDef<'hand.dismiss'> = {
  async handle({ m, meeting, payload }) {
    return { event: await lower(m, meeting, payload.userId), result: {} };
  },
};
