/**
 * The engine's own commands: items, participation and the facilitator's controls. Every ritual brings its
 * commands in its feature definition; the app root (../../rituals.ts) puts them all in one table, whose type
 * refuses a registered command without a handler. Who may send each command is NOT decided here: it is the
 * protocol registry's `rule`.
 */
import type { CommandTable } from '../live.types.js';
import type { RitualHooks } from '../ritual.js';
import {
  facilitatorPass,
  facilitatorTake,
  inputLock,
  meetingEnd,
  meetingStart,
  phaseGoto,
  timerExtend,
  timerPause,
  timerResume,
  timerStart,
} from './controls.js';
import { itemAdd, itemDelete, itemEdit } from './items.js';
import { handDismiss, handLower, handRaise, readySet } from './participation.js';

/** `rituals`: their hooks, called by `meeting.end` (minutes) and by `item.edit` / `item.delete`, in this order. */
export function engineCommands(rituals: readonly RitualHooks[]) {
  const minutes = rituals.flatMap((r) => (r.minutes ? [r.minutes] : []));
  const itemLeft = rituals.flatMap((r) => (r.itemLeft ? [r.itemLeft] : []));
  return {
    'item.add': itemAdd,
    'item.edit': itemEdit(itemLeft),
    'item.delete': itemDelete(itemLeft),
    'ready.set': readySet,
    'hand.raise': handRaise,
    'hand.lower': handLower,
    'hand.dismiss': handDismiss,
    'meeting.start': meetingStart,
    'phase.goto': phaseGoto,
    'timer.start': timerStart,
    'timer.pause': timerPause,
    'timer.resume': timerResume,
    'timer.extend': timerExtend,
    'input.lock': inputLock,
    'facilitator.pass': facilitatorPass,
    'facilitator.take': facilitatorTake,
    'meeting.end': meetingEnd(minutes),
  } satisfies Partial<CommandTable>;
}
