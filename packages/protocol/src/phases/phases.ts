/**
 * The generic phase kinds any forum can use: check-in, capture, review, voting, discussion, summary.
 * Their settings (zod), what each holds during a meeting, and their entry in the engine's phase kinds.
 */
import { z } from 'zod';
import { LIVE_LIMITS } from '../live/limits.js';
import { ITEM_KINDS, ItemKind, type PhaseKindTable, type ReviewEntry } from '../live/model.js';

const itemKinds = z
  .array(ItemKind)
  .min(1)
  .max(ITEM_KINDS.length)
  .refine((a) => new Set(a).size === a.length, 'item kinds must not repeat');
const prompt = z.string().trim().max(LIVE_LIMITS.prompt);

/** Settings of each generic phase kind. */
export const GENERIC_PHASE_SETTINGS = {
  /** Each person answers the prompt, in turn (the facilitator gives the turn) or freely; "pass" optional. */
  'check-in': z.strictObject({
    prompt: prompt.default(''),
    mode: z.enum(['in-turn', 'free']).default('free'),
    allowPass: z.boolean().default(true),
  }),
  /** Participants add items of these kinds (the first is the default in the UI). */
  capture: z.strictObject({ itemKinds, prompt: prompt.default('') }),
  /** Walk through the team's open items of these kinds from earlier meetings: done, carry over, close, comment. */
  review: z.strictObject({ itemKinds }),
  /** Dot voting over open items of these kinds; votes stay hidden until the facilitator reveals them. */
  voting: z.strictObject({
    itemKinds,
    votesPerPerson: z.int().min(1).max(LIVE_LIMITS.votesPerPerson).default(3),
    maxPerItem: z.int().min(1).max(LIVE_LIMITS.votesPerPerson).default(3),
  }),
  /** One item at a time (the facilitator picks), shared notes on it, action items with owner and due date. */
  discussion: z.strictObject({ itemKinds }),
  /** What the meeting produced; its text and the meeting's items become the minutes. */
  summary: z.strictObject({ prompt: prompt.default('') }),
} as const;
export type GenericPhaseKind = keyof typeof GENERIC_PHASE_SETTINGS;
/** The generic phase kinds in the order a forum's form offers them. */
export const GENERIC_PHASE_KIND_ORDER = [
  'check-in',
  'capture',
  'review',
  'voting',
  'discussion',
  'summary',
] as const satisfies readonly GenericPhaseKind[];

/** A check-in answer; `text: null` means the person passed. */
export interface CheckInAnswer {
  text: string | null;
  at: string;
}

/** Voting is per viewer: `mine` is the viewer's own votes; `tallies` stays null until revealed. */
export interface GenericPhaseStates {
  'check-in': { turnUserId: string | null; answers: Record<string, CheckInAnswer> };
  capture: Record<string, never>;
  review: { outcomes: Record<string, ReviewEntry> };
  voting: {
    revealed: boolean;
    /** Votes each person has used (counts only: who voted for what is never shown). */
    used: Record<string, number>;
    tallies: Record<string, number> | null;
    mine: Record<string, number>;
  };
  discussion: { focusItemId: string | null };
  summary: { text: string };
}

declare module '../live/model.js' {
  interface PhaseKindTables {
    phases: PhaseKindTable<typeof GENERIC_PHASE_SETTINGS, GenericPhaseStates>;
  }
}
