/** The generic phase kinds' events. */
import type { VotesReleased } from '../live/events.js';
import type { ItemDto, ReviewEntry } from '../live/model.js';
import type { CheckInAnswer } from './phases.js';

export interface GenericPhaseEventPayloads {
  'checkin.answered': { phaseId: string; userId: string; answer: CheckInAnswer };
  'checkin.turn': { phaseId: string; userId: string | null };
  /** The review outcome, and the item with its new status. */
  'review.updated': {
    phaseId: string;
    itemId: string;
    entry: ReviewEntry;
    item: ItemDto;
    votesReleased?: VotesReleased[];
  };
  /** Someone's number of used votes changed (not which item: votes are hidden until revealed). */
  'vote.changed': { phaseId: string; userId: string; used: number };
  /** Tallies of items still on the board; votes on any that left it unnoticed (another meeting, REST) go back. */
  'votes.revealed': { phaseId: string; tallies: Record<string, number>; votesReleased?: VotesReleased[] };
  'discussion.focused': { phaseId: string; itemId: string | null };
  'summary.edited': { phaseId: string; text: string };
}

declare module '../live/events.js' {
  interface LiveEventTables {
    phases: GenericPhaseEventPayloads;
  }
}
