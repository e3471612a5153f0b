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
 */
import { z } from 'zod';
import type { PhaseKindTable, ReviewEntry } from '../live/model.js';
import { KASAM_DEFAULT_K, KASAM_MIN_K, type KasamAggregate } from './aggregate.js';

export const KASAM_LIMITS = { text: 1000, groupLabel: 60, actions: 3, actionText: 500 } as const;

export const KasamReflectionSettings = z.strictObject({
  /** Aggregates are shown only when at least k answered (5 by default; a team may lower it to 3, no lower). */
  k: z.int().min(KASAM_MIN_K).max(50).default(KASAM_DEFAULT_K),
});
export const KasamFactorsSettings = z.strictObject({ prompt: z.string().trim().max(500).default('') });
export const KasamActionsSettings = z.strictObject({
  maxActions: z.int().min(1).max(KASAM_LIMITS.actions).default(KASAM_LIMITS.actions),
});

/** The KASAM dialogue's phase kinds: anonymous reflection, success factors, actions and their follow-up. */
export const KASAM_PHASE_SETTINGS = {
  'kasam-reflection': KasamReflectionSettings,
  'kasam-factors': KasamFactorsSettings,
  'kasam-actions': KasamActionsSettings,
} as const;
export const KASAM_PHASE_KIND_ORDER = [
  'kasam-reflection',
  'kasam-factors',
  'kasam-actions',
] as const satisfies readonly (keyof typeof KASAM_PHASE_SETTINGS)[];

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

declare module '../live/model.js' {
  interface PhaseKindTables {
    kasam: PhaseKindTable<
      typeof KASAM_PHASE_SETTINGS,
      {
        'kasam-reflection': KasamReflectionState;
        'kasam-factors': KasamFactorsState;
        'kasam-actions': KasamActionsState;
      }
    >;
  }
}
