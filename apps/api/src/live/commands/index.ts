/**
 * The handler of every registered command. The type makes a registry entry without a handler a compile
 * error; the authorization-matrix test (test/live/authorization.test.ts) fails on one at run time too.
 * Who may send each command is NOT decided here: it is the registry's `rule` (packages/protocol).
 */
import {
  breakoutForm,
  breakoutMove,
  breakoutNotes,
  breakoutOpen,
  breakoutRecall,
  breakoutShare,
  breakoutSummary,
  breakoutTimer,
  ethicsThemeChoose,
} from '../../ethics/ethics.commands.js';
import { kasamActionAdd, kasamAnswer, kasamFactorGroup, kasamFollowup, kasamReveal } from '../../kasam/kasam.commands.js';
import { STEERING_HANDLERS } from '../../steering/live/steering.commands.js';
import { IMPROVEMENT_HANDLERS } from '../../improvement/improvement.commands.js';
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
  ...STEERING_HANDLERS,
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
  ...IMPROVEMENT_HANDLERS,
  'ethics.theme.choose': ethicsThemeChoose,
  'breakout.form': breakoutForm,
  'breakout.move': breakoutMove,
  'breakout.open': breakoutOpen,
  'breakout.recall': breakoutRecall,
  'breakout.share': breakoutShare,
  'breakout.summary': breakoutSummary,
  'breakout.notes': breakoutNotes,
  'breakout.timer': breakoutTimer,
  'kasam.answer': kasamAnswer,
  'kasam.reveal': kasamReveal,
  'kasam.factor.group': kasamFactorGroup,
  'kasam.action.add': kasamActionAdd,
  'kasam.followup': kasamFollowup,
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
