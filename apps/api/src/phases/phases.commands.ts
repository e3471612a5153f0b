/** Commands of the phase kinds: check-in, review, voting, discussion, summary (capture uses item.add). */
import { ErrorCode, type PhaseSettingsMap } from '@tillit/protocol';
import { AppError } from '../common/app-error.js';
import { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import { conflict, forbidden } from '../live/command-errors.js';
import type { CommandTable } from '../live/live.types.js';
import { type CommandDef, event } from '../live/live.types.js';
import { savePhaseState, stateOf } from '../live/phase-state.js';
import { assertTeamMember, reloadItem, teamItem } from '../live/team-lookups.js';
import { boardItems, onBoard, releaseVotes, tallies, usedVotes, votesReleasedField } from './voting.js';

const settingsOf = <K extends keyof PhaseSettingsMap>(settings: unknown, _kind: K) => settings as PhaseSettingsMap[K];

export const checkinAnswer: CommandDef<'checkin.answer'> = {
  phase: 'check-in',
  lockable: true,
  async handle({ m, phase, actor, payload, now }) {
    const settings = settingsOf(phase.settings, 'check-in');
    const state = stateOf(phase, 'check-in');
    const text = 'text' in payload ? payload.text : null;
    if (text === null && !settings.allowPass) throw forbidden('Passing is not allowed in this round');
    if (settings.mode === 'in-turn' && state.turnUserId !== actor.userId && !actor.isFacilitator) {
      throw forbidden('It is not your turn yet');
    }
    const answer = { text, at: now.toISOString() };
    await savePhaseState<'check-in'>(m, phase, { ...state, answers: { ...state.answers, [actor.userId]: answer } });
    return { event: event('checkin.answered', { phaseId: phase.id, userId: actor.userId, answer }), result: {} };
  },
};

export const checkinTurn: CommandDef<'checkin.turn'> = {
  phase: 'check-in',
  async handle({ m, meeting, phase, payload }) {
    if (payload.userId) await assertTeamMember(m, meeting.teamId, payload.userId, 'userId');
    const state = stateOf(phase, 'check-in');
    await savePhaseState<'check-in'>(m, phase, { ...state, turnUserId: payload.userId });
    return { event: event('checkin.turn', { phaseId: phase.id, userId: payload.userId }), result: {} };
  },
};

const STATUS_AFTER = { done: 'done', 'carry-over': 'open', closed: 'closed' } as const;

export const reviewUpdate: CommandDef<'review.update'> = {
  phase: 'review',
  lockable: true,
  async handle({ m, meeting, phase, actor, payload, now }) {
    const item = await teamItem(m, meeting.teamId, payload.itemId);
    if (!settingsOf(phase.settings, 'review').itemKinds.includes(item.kind)) {
      throw new AppError(ErrorCode.ValidationFailed, 'This phase does not review items of that kind');
    }
    const status = STATUS_AFTER[payload.outcome];
    await m.update(Item, { id: item.id }, { status, lastMeetingId: meeting.id });
    const entry = {
      outcome: payload.outcome,
      comment: payload.comment || null,
      by: actor.userId,
      at: now.toISOString(),
    };
    const state = stateOf(phase, 'review');
    await savePhaseState<'review'>(m, phase, { outcomes: { ...state.outcomes, [item.id]: entry } });
    // Done or closed: off an unrevealed voting board (a meeting may go back to one), so its votes go back.
    const released = status === 'open' ? [] : await releaseVotes(m, meeting, { itemIds: [item.id] });
    const updated = toItemDto(await reloadItem(m, item.id));
    return {
      event: event('review.updated', {
        phaseId: phase.id,
        itemId: item.id,
        entry,
        item: updated,
        ...votesReleasedField(released),
      }),
      result: { itemId: item.id },
    };
  },
};

export const voteCast: CommandDef<'vote.cast'> = {
  phase: 'voting',
  lockable: true,
  async handle({ m, meeting, phase, actor, payload }) {
    const settings = settingsOf(phase.settings, 'voting');
    const state = stateOf(phase, 'voting');
    if (state.revealed) throw conflict('The votes have been revealed');
    const before = state.votes[actor.userId] ?? {};
    // One read for the item voted on and the items the person's votes are on: votes on any that left the
    // board (unseen by this meeting, e.g. deleted elsewhere) are given back before the budget is checked.
    const items = await boardItems(m, meeting.teamId, [payload.itemId, ...Object.keys(before)]);
    const item = items.get(payload.itemId);
    if (!item) throw new AppError(ErrorCode.NotFound, 'No such item');
    if (!settings.itemKinds.includes(item.kind)) {
      throw new AppError(ErrorCode.ValidationFailed, 'This phase does not vote on items of that kind');
    }
    const mine = Object.fromEntries(
      Object.entries(before).filter(([itemId]) => onBoard(state, settings, items.get(itemId))),
    );
    const onItem = mine[item.id] ?? 0;
    if (payload.delta === 1) {
      if (item.status !== 'open') throw conflict('Only open items can get votes');
      if (usedVotes(mine) >= settings.votesPerPerson)
        throw new AppError(ErrorCode.VoteLimit, 'You have used all your votes');
      if (onItem >= settings.maxPerItem)
        throw new AppError(ErrorCode.VoteLimit, 'This item has all the votes you may give it');
      mine[item.id] = onItem + 1;
    } else {
      if (onItem <= 0) throw new AppError(ErrorCode.VoteLimit, 'You have no vote on this item');
      if (onItem === 1) delete mine[item.id];
      else mine[item.id] = onItem - 1;
    }
    await savePhaseState<'voting'>(m, phase, { ...state, votes: { ...state.votes, [actor.userId]: mine } });
    return {
      event: event('vote.changed', { phaseId: phase.id, userId: actor.userId, used: usedVotes(mine) }),
      result: { mine },
    };
  },
};

export const voteReveal: CommandDef<'vote.reveal'> = {
  phase: 'voting',
  async handle({ m, meeting, phase }) {
    // Tallies only of items still on the board (one may have left it unseen by this meeting).
    const released = await releaseVotes(m, meeting, { phases: [phase] });
    const state = stateOf(phase, 'voting');
    await savePhaseState<'voting'>(m, phase, { ...state, revealed: true });
    return {
      event: event('votes.revealed', {
        phaseId: phase.id,
        tallies: tallies(state.votes),
        ...votesReleasedField(released),
      }),
      result: {},
    };
  },
};

export const discussionFocus: CommandDef<'discussion.focus'> = {
  phase: 'discussion',
  async handle({ m, meeting, phase, payload }) {
    if (payload.itemId) await teamItem(m, meeting.teamId, payload.itemId);
    await savePhaseState<'discussion'>(m, phase, { focusItemId: payload.itemId });
    return { event: event('discussion.focused', { phaseId: phase.id, itemId: payload.itemId }), result: {} };
  },
};

export const summaryEdit: CommandDef<'summary.edit'> = {
  phase: 'summary',
  async handle({ m, phase, payload }) {
    await savePhaseState<'summary'>(m, phase, { text: payload.text });
    return { event: event('summary.edited', { phaseId: phase.id, text: payload.text }), result: {} };
  },
};

export type PhasesCommandType =
  | 'checkin.answer'
  | 'checkin.turn'
  | 'review.update'
  | 'vote.cast'
  | 'vote.reveal'
  | 'discussion.focus'
  | 'summary.edit';

export const PHASES_HANDLERS: CommandTable<PhasesCommandType> = {
  'checkin.answer': checkinAnswer,
  'checkin.turn': checkinTurn,
  'review.update': reviewUpdate,
  'vote.cast': voteCast,
  'vote.reveal': voteReveal,
  'discussion.focus': discussionFocus,
  'summary.edit': summaryEdit,
};
