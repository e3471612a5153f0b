/** The generic phase kinds' live commands (only while the current phase is of that kind). */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { CommandSpec } from '../live/commands.js';
import { LIVE_LIMITS } from '../live/limits.js';
import { ReviewOutcome, text } from '../live/model.js';

const empty = z.strictObject({});

export const GENERIC_PHASE_COMMANDS = {
  /** Answer the check-in prompt (`{ text }`) or pass (`{ pass: true }`, when the phase allows it). */
  'checkin.answer': {
    rule: 'member',
    payload: z.union([
      z.strictObject({ text: text(LIVE_LIMITS.checkInAnswer) }),
      z.strictObject({ pass: z.literal(true) }),
    ]),
  },
  /** In-turn check-in: give the turn to a person (null: nobody). */
  'checkin.turn': { rule: 'facilitator', payload: z.strictObject({ userId: uuid.nullable() }) },
  /** Review an open item: done, carry over (stays open), or close; with an optional comment. */
  'review.update': {
    rule: 'member',
    payload: z.strictObject({
      itemId: uuid,
      outcome: ReviewOutcome,
      comment: z.string().trim().max(LIVE_LIMITS.reviewComment).optional(),
    }),
  },
  /** Add (+1) or take back (-1) one of your votes on an item. */
  'vote.cast': {
    rule: 'member',
    payload: z.strictObject({ itemId: uuid, delta: z.union([z.literal(1), z.literal(-1)]) }),
  },
  /** Show everyone the tallies of the current voting phase. */
  'vote.reveal': { rule: 'facilitator', payload: empty },
  /** Put one item in focus in the discussion (null: none). */
  'discussion.focus': { rule: 'facilitator', payload: z.strictObject({ itemId: uuid.nullable() }) },
  /** Replace the summary text (it becomes the minutes). */
  'summary.edit': {
    rule: 'facilitator',
    payload: z.strictObject({ text: z.string().max(LIVE_LIMITS.summaryText) }),
  },
} as const satisfies Record<string, CommandSpec>;

export interface GenericPhaseCommandResults {
  'checkin.answer': Record<string, never>;
  'checkin.turn': Record<string, never>;
  'review.update': { itemId: string };
  /** Your own votes in this phase after the change (others only see how many you have used). */
  'vote.cast': { mine: Record<string, number> };
  'vote.reveal': Record<string, never>;
  'discussion.focus': Record<string, never>;
  'summary.edit': Record<string, never>;
}

declare module '../live/commands.js' {
  interface LiveCommandTables {
    phases: typeof GENERIC_PHASE_COMMANDS;
  }
  interface CommandResultTables {
    phases: GenericPhaseCommandResults;
  }
}
