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
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import { LIVE_LIMITS } from './limits.js';
import { ItemKind, ItemStatus, ReviewOutcome, text } from './model.js';
import { STEERING_COMMANDS, type SteeringCommandResults } from '../steering.js';
import { IMPROVEMENT_COMMANDS, type ImprovementCommandResults } from '../improvement.js';
import { ETHICS_PAYLOADS } from './ethics.js';
import { KASAM_PAYLOADS } from './kasam.js';

export type CommandRule = 'member' | 'facilitator';
export interface CommandSpec {
  rule: CommandRule;
  payload: z.ZodType;
}

const empty = z.strictObject({});
const dueDate = z.iso.date();

export const LIVE_COMMANDS = {
  /* Items (any phase, unless input is locked) --------------------------------------------------- */
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

  /* Phase kinds (only while the current phase is of that kind) -------------------------------------- */
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

  /* Ethics forum (see ethics.ts) ------------------------------------------------------------------ */
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

  /* KASAM dialogue (see kasam.ts) ------------------------------------------------------------------ */
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

  /* Daily steering (see ../steering.ts): plan, absences, risks, escalations, feedback ------------- */
  ...STEERING_COMMANDS,

  /* Improvement work, PDSA (see ../improvement.ts): ideas, cycles, co-edited fields, measures ---- */
  ...IMPROVEMENT_COMMANDS,

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
    payload: z.strictObject({ index: z.int().min(0).max(LIVE_LIMITS.phasesPerMeeting - 1) }),
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

export type LiveCommandType = keyof typeof LIVE_COMMANDS;
export const LIVE_COMMAND_TYPES = Object.keys(LIVE_COMMANDS) as LiveCommandType[];
export type CommandPayload<T extends LiveCommandType> = z.output<(typeof LIVE_COMMANDS)[T]['payload']>;
export type CommandPayloadInput<T extends LiveCommandType> = z.input<(typeof LIVE_COMMANDS)[T]['payload']>;

/** What the ack's `result` holds for each command: small ids, never more than the sender needs. */
export interface CommandResults extends SteeringCommandResults, ImprovementCommandResults {
  'item.add': { itemId: string };
  'item.edit': { itemId: string };
  'item.delete': { itemId: string };
  'checkin.answer': Record<string, never>;
  'checkin.turn': Record<string, never>;
  'review.update': { itemId: string };
  /** Your own votes in this phase after the change (others only see how many you have used). */
  'vote.cast': { mine: Record<string, number> };
  'vote.reveal': Record<string, never>;
  'discussion.focus': Record<string, never>;
  'summary.edit': Record<string, never>;
  'ethics.theme.choose': Record<string, never>;
  'breakout.form': { groups: number; repeatedPairs: number };
  'breakout.move': Record<string, never>;
  'breakout.open': Record<string, never>;
  'breakout.recall': Record<string, never>;
  'breakout.share': Record<string, never>;
  'breakout.summary': Record<string, never>;
  'breakout.notes': { rev: number };
  'breakout.timer': Record<string, never>;
  /** Nothing: not even a receipt that could be tied to the answer. */
  'kasam.answer': Record<string, never>;
  'kasam.reveal': Record<string, never>;
  'kasam.factor.group': Record<string, never>;
  'kasam.action.add': { itemId: string };
  'kasam.followup': { itemId: string };
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
// Every registered command has a result type, and nothing else does.
type _ResultsCoverRegistry = [LiveCommandType] extends [keyof CommandResults]
  ? [keyof CommandResults] extends [LiveCommandType]
    ? true
    : never
  : never;
export const _resultsCoverRegistry: _ResultsCoverRegistry = true;

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

export function isLiveCommandType(type: string): type is LiveCommandType {
  return Object.hasOwn(LIVE_COMMANDS, type);
}
