/** The ethics forum's live commands: choose a theme, form and run breakout groups. */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { CommandSpec } from '../live/commands.js';
import { ETHICS_LIMITS } from './limits.js';
import { EthicsThemeRef } from './themes.js';

const group = z
  .int()
  .min(0)
  .max(ETHICS_LIMITS.groups - 1);
const people = z
  .array(uuid)
  .min(1)
  .max(200)
  .refine((a) => new Set(a).size === a.length, 'people must not repeat');

export const ETHICS_PAYLOADS = {
  'ethics.theme.choose': z.strictObject({ theme: EthicsThemeRef.nullable() }),
  /** Random or balanced groups of `groupSize` from `userIds`, or groups given by hand. */
  'breakout.form': z.union([
    z.strictObject({
      mode: z.enum(['random', 'balanced']),
      groupSize: z.int().min(ETHICS_LIMITS.groupSizeMin).max(ETHICS_LIMITS.groupSizeMax),
      userIds: people,
    }),
    z.strictObject({
      mode: z.literal('manual'),
      groups: z
        .array(z.array(uuid).max(200))
        .min(1)
        .max(ETHICS_LIMITS.groups)
        .refine((gs) => {
          const all = gs.flat();
          return new Set(all).size === all.length;
        }, 'a person can be in one group only'),
    }),
  ]),
  /** Move a person to a group (`groups.length` makes a new group), or out of every group (null). */
  'breakout.move': z.strictObject({ userId: uuid, group: z.int().min(0).max(ETHICS_LIMITS.groups).nullable() }),
  'breakout.open': z.strictObject({}),
  'breakout.recall': z.strictObject({}),
  'breakout.share': z.strictObject({ group: group.nullable() }),
  'breakout.summary': z.strictObject({ group, text: z.string().max(ETHICS_LIMITS.groupSummary) }),
  'breakout.notes': z.strictObject({ group, text: z.string().max(ETHICS_LIMITS.groupNotes) }),
  'breakout.timer': z.union([
    z.strictObject({
      group,
      action: z.literal('start'),
      seconds: z
        .int()
        .min(1)
        .max(4 * 3600),
    }),
    z.strictObject({ group, action: z.enum(['pause', 'resume']) }),
  ]),
} as const;

export const ETHICS_COMMANDS = {
  /** Take up a theme (built-in or the team's own); the forum remembers it was used. */
  'ethics.theme.choose': { rule: 'facilitator', payload: ETHICS_PAYLOADS['ethics.theme.choose'] },
  /** Split people into groups (random / balanced, avoiding last time's pairs where possible, or by hand). */
  'breakout.form': { rule: 'facilitator', payload: ETHICS_PAYLOADS['breakout.form'] },
  'breakout.move': { rule: 'facilitator', payload: ETHICS_PAYLOADS['breakout.move'] },
  /** Send the groups off (their timers start with the phase's time box). */
  'breakout.open': { rule: 'facilitator', payload: ETHICS_PAYLOADS['breakout.open'] },
  /** Call everyone back to the plenary (group timers pause). */
  'breakout.recall': { rule: 'facilitator', payload: ETHICS_PAYLOADS['breakout.recall'] },
  /** Share-back: show this group's summary to everyone (null: none). */
  'breakout.share': { rule: 'facilitator', payload: ETHICS_PAYLOADS['breakout.share'] },
  /** A group's shared summary: its members and the facilitator may write it. */
  'breakout.summary': { rule: 'member', payload: ETHICS_PAYLOADS['breakout.summary'] },
  /** A group's confidential notes: ONLY its members (not the facilitator, not managers) may write or read them. */
  'breakout.notes': { rule: 'member', payload: ETHICS_PAYLOADS['breakout.notes'] },
  /** A group's own timer: its members and the facilitator. */
  'breakout.timer': { rule: 'member', payload: ETHICS_PAYLOADS['breakout.timer'] },
} as const satisfies Record<string, CommandSpec>;

export interface EthicsCommandResults {
  'ethics.theme.choose': Record<string, never>;
  'breakout.form': { groups: number; repeatedPairs: number };
  'breakout.move': Record<string, never>;
  'breakout.open': Record<string, never>;
  'breakout.recall': Record<string, never>;
  'breakout.share': Record<string, never>;
  'breakout.summary': Record<string, never>;
  'breakout.notes': { rev: number };
  'breakout.timer': Record<string, never>;
}

declare module '../live/commands.js' {
  interface LiveCommandTables {
    ethics: typeof ETHICS_COMMANDS;
  }
  interface CommandResultTables {
    ethics: EthicsCommandResults;
  }
}
