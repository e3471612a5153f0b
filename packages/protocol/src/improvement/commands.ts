/** The improvement meeting's live commands: ideas, cycles, co-edited fields, measures. */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { CommandSpec } from '../live/commands.js';
import { FieldKey } from './co-editing.js';
import { cycleChanges, isoDate, longText, measureFields } from './fields.js';
import { AddPointBody, UpdateIdeaBody } from './rest.js';

/** The improvement commands of the live registry (registered under `improvement`). Rules as in ../live/commands.ts. */
export const IMPROVEMENT_COMMANDS = {
  /** Change an idea: title, owner, origin, status (moves it on the board). Any member (co-leadership). */
  'idea.update': { rule: 'member', payload: UpdateIdeaBody.extend({ ideaId: uuid }) },
  /** Start the idea's next PDSA cycle (number = last + 1, started today unless `startedOn`). */
  'cycle.add': { rule: 'member', payload: z.strictObject({ ideaId: uuid, startedOn: isoDate.optional() }) },
  /** Set when a cycle started, its Act decision, or add / remove a question. */
  'cycle.update': { rule: 'member', payload: z.strictObject({ cycleId: uuid, ...cycleChanges }) },
  /** "I'm editing this field": a lease of IMPROVEMENT_LIMITS.leaseSeconds; refused while someone else holds it. */
  'field.claim': { rule: 'member', payload: z.strictObject({ key: FieldKey }) },
  /**
   * Save a field's text written from revision `baseRev`. Applied when nobody else changed the field since and
   * nobody else holds its lease; otherwise the text is kept as a conflict (event `improvement.conflict`).
   * `release: true` also gives up the lease (leaving the field).
   */
  'field.save': {
    rule: 'member',
    payload: z.strictObject({
      key: FieldKey,
      text: longText,
      baseRev: z.int().min(0).max(1_000_000_000),
      release: z.boolean().optional(),
    }),
  },
  /** Give up your lease on a field (the facilitator may free anyone's). */
  'field.release': { rule: 'member', payload: z.strictObject({ key: FieldKey }) },
  /** Hide a conflict from view (it stays in the field's history). Its author or the facilitator. */
  'conflict.dismiss': { rule: 'member', payload: z.strictObject({ conflictId: uuid }) },
  /** Add a measure to an idea, or change one (`measureId`). */
  'measure.save': {
    rule: 'member',
    payload: z.strictObject({ ideaId: uuid, measureId: uuid.optional(), ...measureFields }),
  },
  /** Enter a data point. */
  'point.add': { rule: 'member', payload: AddPointBody.extend({ measureId: uuid }) },
  /** Remove a data point: its author or the facilitator. */
  'point.delete': { rule: 'member', payload: z.strictObject({ pointId: uuid }) },
  /** Choose the idea the `pdsa` phase works on. */
  'pdsa.focus': { rule: 'facilitator', payload: z.strictObject({ ideaId: uuid.nullable() }) },
} as const satisfies Record<string, CommandSpec>;

export interface ImprovementCommandResults {
  'idea.update': { ideaId: string };
  'cycle.add': { cycleId: string };
  'cycle.update': { cycleId: string; questionId: string | null };
  'field.claim': { rev: number };
  'field.save': { applied: boolean; rev: number; conflictId: string | null };
  'field.release': Record<string, never>;
  'conflict.dismiss': Record<string, never>;
  'measure.save': { measureId: string };
  'point.add': { pointId: string };
  'point.delete': { pointId: string };
  'pdsa.focus': Record<string, never>;
}

declare module '../live/commands.js' {
  interface LiveCommandTables {
    improvement: typeof IMPROVEMENT_COMMANDS;
  }
  interface CommandResultTables {
    improvement: ImprovementCommandResults;
  }
}
