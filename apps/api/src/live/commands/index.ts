/**
 * The handler of every registered command. The type makes a registry entry without a handler a compile
 * error; the authorization-matrix test (test/live/authorization.test.ts) fails on one at run time too.
 * Who may send each command is NOT decided here: it is the registry's `rule` (packages/protocol).
 */
import type { CommandTable } from '../live.types.js';
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
import { checkinAnswer, checkinTurn, discussionFocus, reviewUpdate, summaryEdit, voteCast, voteReveal } from './phases.js';

export const COMMANDS: CommandTable = {
  'item.add': itemAdd,
  'item.edit': itemEdit,
  'item.delete': itemDelete,
  'checkin.answer': checkinAnswer,
  'checkin.turn': checkinTurn,
  'review.update': reviewUpdate,
  'vote.cast': voteCast,
  'vote.reveal': voteReveal,
  'discussion.focus': discussionFocus,
  'summary.edit': summaryEdit,
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
  'meeting.end': meetingEnd,
};
