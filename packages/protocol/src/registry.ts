/**
 * THE ASSEMBLY of the live protocol: the engine (live/) and every ritual (phases/, ethics/, kasam/, steering/,
 * improvement/) put together into the runtime registries — `LIVE_COMMANDS`, `PHASE_KINDS`, `PHASE_SETTINGS`,
 * the phase templates a forum is made of, and `applyEvent`. The type-level registries are merged by each
 * ritual itself (declaration merging, see live/tables.ts); the checks at the end make a ritual that is
 * registered in one place and not the other a compile error.
 *
 * The order of the lists is the order forms and tests see (items, the rituals, then the meeting controls).
 */
import { z } from 'zod';
import { name } from './common.js';
import { createApplyEvent, type ApplyEvent, type Reducers } from './live/apply.js';
import {
  ITEM_COMMANDS,
  MEETING_COMMANDS,
  type CommandResultTables,
  type LiveCommandTables,
  type LiveCommandType,
  type RegisteredCommandResults,
} from './live/commands.js';
import type { LiveEventTables, LiveEventType } from './live/events.js';
import { LIVE_LIMITS } from './live/limits.js';
import type { PhaseKind as RegisteredPhaseKind, PhaseKindTables, PhaseSettingsMap } from './live/model.js';
import { ENGINE_REDUCERS } from './live/reducers.js';
import type { Overlap } from './live/tables.js';
import { ETHICS_COMMANDS, ETHICS_PHASE_KIND_ORDER, ETHICS_PHASE_SETTINGS, ETHICS_REDUCERS } from './ethics/index.js';
import {
  IMPROVEMENT_COMMANDS,
  IMPROVEMENT_FOLLOWERS,
  IMPROVEMENT_PHASE_KIND_ORDER,
  IMPROVEMENT_PHASE_SETTINGS,
  IMPROVEMENT_REDUCERS,
} from './improvement/index.js';
import { KASAM_COMMANDS, KASAM_PHASE_KIND_ORDER, KASAM_PHASE_SETTINGS, KASAM_REDUCERS } from './kasam/index.js';
import {
  GENERIC_PHASE_COMMANDS,
  GENERIC_PHASE_FOLLOWERS,
  GENERIC_PHASE_KIND_ORDER,
  GENERIC_PHASE_REDUCERS,
  GENERIC_PHASE_SETTINGS,
} from './phases/index.js';
import {
  STEERING_COMMANDS,
  STEERING_PHASE_KIND_ORDER,
  STEERING_PHASE_SETTINGS,
  STEERING_REDUCERS,
} from './steering/index.js';

/* ------------------------------------------------------------------------------------------------ */
/* Live commands                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** Every live command: its zod payload and its rule (see live/commands.ts). */
export const LIVE_COMMANDS = {
  ...ITEM_COMMANDS,
  ...GENERIC_PHASE_COMMANDS,
  ...ETHICS_COMMANDS,
  ...KASAM_COMMANDS,
  ...STEERING_COMMANDS,
  ...IMPROVEMENT_COMMANDS,
  ...MEETING_COMMANDS,
} as const;

export const LIVE_COMMAND_TYPES = Object.keys(LIVE_COMMANDS) as LiveCommandType[];

export function isLiveCommandType(type: string): type is LiveCommandType {
  return Object.hasOwn(LIVE_COMMANDS, type);
}

/* ------------------------------------------------------------------------------------------------ */
/* Phase kinds and the templates forums are made of                                                 */
/* ------------------------------------------------------------------------------------------------ */

export const PHASE_KINDS = [
  ...GENERIC_PHASE_KIND_ORDER,
  ...ETHICS_PHASE_KIND_ORDER,
  ...KASAM_PHASE_KIND_ORDER,
  ...STEERING_PHASE_KIND_ORDER,
  ...IMPROVEMENT_PHASE_KIND_ORDER,
] as const;
export const PhaseKind = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof PhaseKind>;

/** Settings of each phase kind (each ritual's phases.ts says what they mean). */
export const PHASE_SETTINGS = {
  ...GENERIC_PHASE_SETTINGS,
  ...ETHICS_PHASE_SETTINGS,
  ...KASAM_PHASE_SETTINGS,
  ...IMPROVEMENT_PHASE_SETTINGS,
  ...STEERING_PHASE_SETTINGS,
} as const;

const timeboxSeconds = z.int().min(0).max(LIVE_LIMITS.timerSeconds).nullable().default(null);
const phaseTemplateOf = <K extends PhaseKind>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    title: name(LIVE_LIMITS.phaseTitle),
    timeboxSeconds,
    settings: PHASE_SETTINGS[kind],
  });
/** The template schema of each kind, in the order of PHASE_KINDS (a tuple, as the discriminated union wants). */
type TemplateOf<K> = K extends PhaseKind ? ReturnType<typeof phaseTemplateOf<K>> : never;
type TemplatesOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: TemplateOf<T[I]> };

/** One step of a forum's template (and of a meeting, which copies the template when it starts). */
export const PhaseTemplate = z.discriminatedUnion(
  'kind',
  PHASE_KINDS.map((kind) => phaseTemplateOf(kind)) as unknown as TemplatesOf<typeof PHASE_KINDS>,
);
export type PhaseTemplate = z.output<typeof PhaseTemplate>;
export type PhaseTemplateInput = z.input<typeof PhaseTemplate>;
export const PhaseTemplates = z.array(PhaseTemplate).min(1).max(LIVE_LIMITS.phasesPerMeeting);

/* ------------------------------------------------------------------------------------------------ */
/* The reducer                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

const REDUCERS: Reducers<LiveEventType> = {
  ...ENGINE_REDUCERS,
  ...GENERIC_PHASE_REDUCERS,
  ...ETHICS_REDUCERS,
  ...KASAM_REDUCERS,
  ...STEERING_REDUCERS,
  ...IMPROVEMENT_REDUCERS,
};

/**
 * The one reducer for live events: `applyEvent(snapshot, event)` returns the next snapshot; `lastSeq`
 * becomes the event's seq. The caller checks `event.seq === s.lastSeq + 1`. Pure: never mutates its input.
 */
export const applyEvent: ApplyEvent = createApplyEvent(REDUCERS, GENERIC_PHASE_FOLLOWERS, IMPROVEMENT_FOLLOWERS);

/* ------------------------------------------------------------------------------------------------ */
/* Compile-time checks: a ritual registered in one place and not the other does not compile          */
/* ------------------------------------------------------------------------------------------------ */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

// Every registered command has a result type, and nothing else does; LIVE_COMMANDS holds every table.
type _ResultsCoverRegistry = Same<keyof RegisteredCommandResults, LiveCommandType>;
export const _resultsCoverRegistry: _ResultsCoverRegistry = true;
const _commandsAssembled: Same<keyof typeof LIVE_COMMANDS, LiveCommandType> = true;
// Every phase kind is listed, has settings, and has its state registered.
const _phaseKindsAssembled: Same<PhaseKind, RegisteredPhaseKind> = true;
const _phaseSettingsAssembled: Same<keyof typeof PHASE_SETTINGS, RegisteredPhaseKind> = true;
const _phaseSettingsMatch: Same<{ [K in PhaseKind]: z.output<(typeof PHASE_SETTINGS)[K]> }, PhaseSettingsMap> = true;
// No two rituals register the same command, result, event or phase kind.
const _oneOwnerEach: Same<
  Overlap<LiveCommandTables> | Overlap<CommandResultTables> | Overlap<LiveEventTables> | Overlap<PhaseKindTables>,
  never
> = true;
void [_commandsAssembled, _phaseKindsAssembled, _phaseSettingsAssembled, _phaseSettingsMatch, _oneOwnerEach];
