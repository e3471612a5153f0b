/** The KASAM dialogue's live commands. */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { CommandSpec } from '../live/commands.js';
import { KASAM_LIMITS } from './phases.js';

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

export const KASAM_COMMANDS = {
  /** Anonymous: stored with no link to the sender; only the count is broadcast. Once per person and phase. */
  'kasam.answer': { rule: 'member', payload: KASAM_PAYLOADS['kasam.answer'] },
  /** Show the aggregate (only when at least k answered); closes answering. */
  'kasam.reveal': { rule: 'facilitator', payload: KASAM_PAYLOADS['kasam.reveal'] },
  /** Put a success factor in a group (null: out of its group). */
  'kasam.factor.group': { rule: 'member', payload: KASAM_PAYLOADS['kasam.factor.group'] },
  /** One of at most three actions, with an owner. */
  'kasam.action.add': { rule: 'member', payload: KASAM_PAYLOADS['kasam.action.add'] },
  /** Follow up an action from an earlier KASAM dialogue of this forum. */
  'kasam.followup': { rule: 'member', payload: KASAM_PAYLOADS['kasam.followup'] },
} as const satisfies Record<string, CommandSpec>;

export interface KasamCommandResults {
  /** Nothing: not even a receipt that could be tied to the answer. */
  'kasam.answer': Record<string, never>;
  'kasam.reveal': Record<string, never>;
  'kasam.factor.group': Record<string, never>;
  'kasam.action.add': { itemId: string };
  'kasam.followup': { itemId: string };
}

declare module '../live/commands.js' {
  interface LiveCommandTables {
    kasam: typeof KASAM_COMMANDS;
  }
  interface CommandResultTables {
    kasam: KasamCommandResults;
  }
}
