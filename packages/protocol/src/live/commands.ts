/**
 * THE REGISTRY of live commands: every change inside a live meeting is one of these.
 *
 * A client sends `socket.emit('meeting:command', { opId, meetingId, type, payload }, ack)`:
 * - `opId`: a fresh UUID per command, kept while unacknowledged and REUSED on retry (after a reconnect):
 *   the server applies an opId at most once per meeting and answers a retry with the first result;
 * - `payload`: parsed by `LIVE_COMMANDS[type].payload` (strict objects: unknown fields are refused);
 * - `rule`: who may send it, checked against the database for every command —
 *   `member`: a member of the meeting's team (or an organisation admin);
 *   `facilitator`: the meeting's current facilitator, a team manager or an organisation admin.
 * The ack is `{ ok: true, seq, result }` (result: CommandResults[type]) or `{ ok: false, error }`.
 * Every accepted command produces exactly ONE event (see events.ts) with the same `seq`, broadcast to the
 * meeting's room (the sender included).
 *
 * The engine's own commands are here (items, participation, facilitator controls); each ritual registers its
 * table under its name in `LiveCommandTables` and its results in `CommandResultTables` (declaration merging,
 * see tables.ts); the package root assembles the runtime registry `LIVE_COMMANDS` (../registry.ts).
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import { LIVE_LIMITS } from './limits.js';
import { ItemKind, ItemStatus, text } from './model.js';
import type { Merged } from './tables.js';

export type CommandRule = 'member' | 'facilitator';
export interface CommandSpec {
  rule: CommandRule;
  payload: z.ZodType;
}

const empty = z.strictObject({});
const dueDate = z.iso.date();

/** Items: any phase, unless input is locked. */
export const ITEM_COMMANDS = {
  /** Capture an item for the team. `parentId`/`ownerId`/`dueDate` make it an action from a discussion. */
  'item.add': {
    rule: 'member',
    payload: z.strictObject({
      kind: ItemKind,
      text: text(LIVE_LIMITS.itemText),
      ownerId: uuid.nullable().optional(),
      dueDate: dueDate.nullable().optional(),
      parentId: uuid.nullable().optional(),
    }),
  },
  /** Change an item: its author may, and the facilitator may change any. `notes` are the shared discussion notes. */
  'item.edit': {
    rule: 'member',
    payload: z.strictObject({
      itemId: uuid,
      text: text(LIVE_LIMITS.itemText).optional(),
      kind: ItemKind.optional(),
      status: ItemStatus.optional(),
      ownerId: uuid.nullable().optional(),
      dueDate: dueDate.nullable().optional(),
      notes: z.string().max(LIVE_LIMITS.itemNotes).optional(),
    }),
  },
  /** Delete an item: its author may, and the facilitator may delete any. */
  'item.delete': { rule: 'member', payload: z.strictObject({ itemId: uuid }) },
} as const satisfies Record<string, CommandSpec>;

/** Participation and the facilitator's controls of the meeting. */
export const MEETING_COMMANDS = {
  /* Participation ---------------------------------------------------------------------------------- */
  /** "I'm ready" for the current phase (reset when the phase changes). */
  'ready.set': { rule: 'member', payload: z.strictObject({ ready: z.boolean() }) },
  /** Raise your hand (joins the end of the queue; raising twice keeps your place). */
  'hand.raise': { rule: 'member', payload: empty },
  /** Lower your own hand. */
  'hand.lower': { rule: 'member', payload: empty },
  /** Lower someone's hand (they have spoken). */
  'hand.dismiss': { rule: 'facilitator', payload: z.strictObject({ userId: uuid }) },

  /* Facilitator controls --------------------------------------------------------------------------- */
  /** Start a scheduled meeting. */
  'meeting.start': { rule: 'facilitator', payload: empty },
  /** Go to a phase (next = current + 1, previous = current - 1). Resets the timer and the ready list. */
  'phase.goto': {
    rule: 'facilitator',
    payload: z.strictObject({
      index: z
        .int()
        .min(0)
        .max(LIVE_LIMITS.phasesPerMeeting - 1),
    }),
  },
  /** Start (or restart) the timer; without seconds, for the current phase's time box. */
  'timer.start': {
    rule: 'facilitator',
    payload: z.strictObject({ seconds: z.int().min(1).max(LIVE_LIMITS.timerSeconds).optional() }),
  },
  'timer.pause': { rule: 'facilitator', payload: empty },
  'timer.resume': { rule: 'facilitator', payload: empty },
  /** Add (or with a negative number, take away) time. */
  'timer.extend': {
    rule: 'facilitator',
    payload: z.strictObject({
      seconds: z
        .int()
        .min(-LIVE_LIMITS.timerSeconds)
        .max(LIVE_LIMITS.timerSeconds)
        .refine((n) => n !== 0, 'must not be 0'),
    }),
  },
  /** Lock (or unlock) input: while locked, only the facilitator changes items and answers. */
  'input.lock': { rule: 'facilitator', payload: z.strictObject({ locked: z.boolean() }) },
  /** Pass the facilitator role to another team member. */
  'facilitator.pass': { rule: 'facilitator', payload: z.strictObject({ userId: uuid }) },
  /** Take the facilitator role: allowed once the facilitator has been gone for facilitatorGraceSeconds. */
  'facilitator.take': { rule: 'member', payload: empty },
  /** End the meeting: it becomes read-only and its minutes are frozen. */
  'meeting.end': { rule: 'facilitator', payload: empty },
} as const satisfies Record<string, CommandSpec>;

/**
 * Each ritual's command table under its name: `interface LiveCommandTables { steering: typeof STEERING_COMMANDS }`.
 * The engine's own come first and last (items, then the rituals, then the meeting), as `LIVE_COMMANDS` lists them.
 */
export interface LiveCommandTables {
  items: typeof ITEM_COMMANDS;
  meeting: typeof MEETING_COMMANDS;
}
/** Every registered command: type → `{ rule, payload }`. */
export type LiveCommandSpecs = Merged<LiveCommandTables>;
export type LiveCommandType = keyof LiveCommandSpecs & string;
type PayloadSchemaOf<S> = S extends { payload: infer P extends z.ZodType } ? P : never;
export type CommandPayload<T extends LiveCommandType> = z.output<PayloadSchemaOf<LiveCommandSpecs[T]>>;
export type CommandPayloadInput<T extends LiveCommandType> = z.input<PayloadSchemaOf<LiveCommandSpecs[T]>>;

/** What the ack's `result` holds for the engine's own commands: small ids, never more than the sender needs. */
export interface EngineCommandResults {
  'item.add': { itemId: string };
  'item.edit': { itemId: string };
  'item.delete': { itemId: string };
  'ready.set': Record<string, never>;
  'hand.raise': Record<string, never>;
  'hand.lower': Record<string, never>;
  'hand.dismiss': Record<string, never>;
  'meeting.start': Record<string, never>;
  'phase.goto': Record<string, never>;
  'timer.start': Record<string, never>;
  'timer.pause': Record<string, never>;
  'timer.resume': Record<string, never>;
  'timer.extend': Record<string, never>;
  'input.lock': Record<string, never>;
  'facilitator.pass': Record<string, never>;
  'facilitator.take': Record<string, never>;
  'meeting.end': Record<string, never>;
}
/** Each ritual's results under its name: `interface CommandResultTables { steering: SteeringCommandResults }`. */
export interface CommandResultTables {
  engine: EngineCommandResults;
}
/** Every registered result type: command type → result (the assembly checks these match the commands). */
export type RegisteredCommandResults = Merged<CommandResultTables>;
/** What the ack's `result` holds for each command. */
export type CommandResults = {
  [K in LiveCommandType]: K extends keyof RegisteredCommandResults ? RegisteredCommandResults[K] : never;
};

/** The envelope of every command. `type` is checked against the registry, then `payload` against its schema. */
export const CommandEnvelope = z.strictObject({
  opId: uuid,
  meetingId: uuid,
  type: z.string().max(64),
  payload: z.unknown(),
});

export type CommandMessage = {
  [K in LiveCommandType]: { opId: string; meetingId: string; type: K; payload: CommandPayloadInput<K> };
}[LiveCommandType];
