/**
 * The KASAM dialogue inside a live meeting: private reflection (`kasam-reflection`), success factors
 * (`kasam-factors`, captured as items of kind `success-factor`, then voted on in an ordinary voting phase)
 * and actions with their follow-up (`kasam-actions`).
 *
 * ANONYMITY. `kasam.answer` is an anonymous command: the server stores the answer in a ballot with no person,
 * no time and no order (each answer goes in at a random place), records only "has answered" per person
 * (never shown to others), logs the command's event WITHOUT an actor, and broadcasts only the new count.
 * Nobody — the facilitator, a manager or an admin included — can read single answers: the only output is the
 * aggregate, computed once at the facilitator's reveal, and only when at least `k` people answered
 * (k ≥ KASAM_MIN_K). After the reveal the ballot is deleted and answering is closed.
 *
 * This file imports nothing at runtime from model.ts (model.ts imports these schemas).
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { ItemDto, ReviewEntry } from './model.js';

export const KASAM_DIMENSIONS = ['comprehensibility', 'manageability', 'meaningfulness'] as const;
export type KasamDimension = (typeof KASAM_DIMENSIONS)[number];
export const KASAM_TEXTS = ['helps', 'hinders', 'important'] as const;
export type KasamTextKind = (typeof KASAM_TEXTS)[number];

/** The smallest number of answers that may ever be revealed, and the default. */
export const KASAM_MIN_K = 3;
export const KASAM_DEFAULT_K = 5;
export const KASAM_LIMITS = { text: 1000, groupLabel: 60, actions: 3, actionText: 500 } as const;

/* Phase settings ------------------------------------------------------------------------------------- */

export const KasamReflectionSettings = z.strictObject({
  /** Aggregates are shown only when at least k answered (5 by default; a team may lower it to 3, no lower). */
  k: z.int().min(KASAM_MIN_K).max(50).default(KASAM_DEFAULT_K),
});
export const KasamFactorsSettings = z.strictObject({ prompt: z.string().trim().max(500).default('') });
export const KasamActionsSettings = z.strictObject({
  maxActions: z.int().min(1).max(KASAM_LIMITS.actions).default(KASAM_LIMITS.actions),
});

/* Results ---------------------------------------------------------------------------------------------- */

export interface KasamDimensionAggregate {
  /** distribution[i] = how many answered i + 1 (1–7). */
  distribution: number[];
  median: number;
}

/** What a reveal shows: never anything about one person. Texts are shuffled. */
export interface KasamAggregate {
  n: number;
  k: number;
  dimensions: Record<KasamDimension, KasamDimensionAggregate>;
  texts: Record<KasamTextKind, string[]>;
}

/* Phase state (what every participant sees) --------------------------------------------------------- */

export interface KasamReflectionState {
  /** How many have answered (not who). */
  answered: number;
  /** Whether the viewer has answered (only ever sent to the viewer). */
  iAnswered: boolean;
  revealed: boolean;
  /** Set at the reveal (only when answered ≥ k). */
  result: KasamAggregate | null;
}
export interface KasamFactorsState {
  /** itemId → the group label the team gave it. */
  groups: Record<string, string>;
}
export interface KasamActionsState {
  /** Follow-up of the actions from earlier KASAM dialogues of this forum, per item. */
  outcomes: Record<string, ReviewEntry>;
}

/* Minutes --------------------------------------------------------------------------------------------- */

/**
 * What a KASAM dialogue leaves in the minutes. `aggregates` holds only reveals (k was met), and of them only
 * the count, k and median + distribution per dimension (not the texts). Factors carry no author: nothing
 * here ties an answer or a contribution to a person; actions carry their owners.
 */
export interface KasamMinutesDto {
  aggregates: { phaseId: string; n: number; k: number; dimensions: Record<KasamDimension, KasamDimensionAggregate> }[];
  factors: { itemId: string; text: string; group: string | null }[];
  actions: { itemId: string; text: string; ownerId: string | null; dueDate: string | null }[];
}

/* Command payloads ------------------------------------------------------------------------------------ */

const rating = z.int().min(1).max(7);
const optionalText = z.string().trim().max(KASAM_LIMITS.text).optional();

export const KASAM_PAYLOADS = {
  'kasam.answer': z.strictObject({
    comprehensibility: rating,
    manageability: rating,
    meaningfulness: rating,
    helps: optionalText,
    hinders: optionalText,
    important: optionalText,
  }),
  'kasam.reveal': z.strictObject({}),
  'kasam.factor.group': z.strictObject({
    itemId: uuid,
    group: z.string().trim().min(1).max(KASAM_LIMITS.groupLabel).nullable(),
  }),
  'kasam.action.add': z.strictObject({
    text: z.string().trim().min(1).max(KASAM_LIMITS.actionText),
    ownerId: uuid,
    dueDate: z.iso.date().nullable().optional(),
    /** The success factor the action strengthens. */
    factorId: uuid.nullable().optional(),
  }),
  'kasam.followup': z.strictObject({
    itemId: uuid,
    outcome: z.enum(['done', 'carry-over', 'closed']),
    comment: z.string().trim().max(1000).optional(),
  }),
} as const;

/* Events ---------------------------------------------------------------------------------------------- */

export interface KasamEventPayloads {
  /** One more person answered: only the count. */
  'kasam.answered': { phaseId: string; answered: number };
  'kasam.revealed': { phaseId: string; result: KasamAggregate };
  'kasam.factor.grouped': { phaseId: string; itemId: string; group: string | null };
  'kasam.action.added': { phaseId: string; item: ItemDto };
  'kasam.followed-up': { phaseId: string; itemId: string; entry: ReviewEntry; item: ItemDto };
}

/** Median of a sorted-or-not list of numbers (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
