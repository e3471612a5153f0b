/**
 * What a ritual (the generic phases, daily steering, improvement work, the ethics forum, the KASAM dialogue)
 * hands the live engine, and the registry the app root assembles from them (../rituals.ts). The engine imports
 * no ritual: it looks commands, phase kinds and snapshot parts up in the registry it is given (`LIVE_RITUALS`).
 */
import type {
  LiveCommandType,
  LiveEventPayloads,
  MeetingSnapshot,
  MinutesDto,
  PhaseKind,
  PhaseSettingsMap,
  PhaseStateMap,
} from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { Item } from '../items/item.entity.js';
import type { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';
import type { CommandTable } from './live.types.js';
import type { StoredPhaseState } from './phase-state.js';

/** The stored state of kind K, as its ritual declared it (a kind nobody declared has none: its definition cannot be written). */
export type StoredStateOf<K extends PhaseKind> = K extends keyof StoredPhaseState ? StoredPhaseState[K] : never;

/** The server side of one phase kind: how a new phase starts, and what a viewer sees of its stored state. */
export interface PhaseKindDef<K extends PhaseKind> {
  initialState(settings: PhaseSettingsMap[K]): StoredStateOf<K>;
  /** The state as `viewerId` may see it: the only place that decides what a viewer may see. */
  view(state: StoredStateOf<K>, viewerId: string): PhaseStateMap[K];
}

/** One definition per phase kind of `P` (by default every kind of the protocol's PHASE_KINDS). */
export type PhaseKindTable<P extends PhaseKind = PhaseKind> = { [K in P]: PhaseKindDef<K> };

/** The snapshot fields the engine fills itself; every other field of MeetingSnapshot belongs to a ritual. */
type EngineSnapshotField =
  | 'meeting'
  | 'phases'
  | 'items'
  | 'timer'
  | 'hands'
  | 'ready'
  | 'participants'
  | 'presence'
  | 'minutes'
  | 'lastSeq'
  | 'serverNow';
export type RitualSnapshotField = Exclude<keyof MeetingSnapshot, EngineSnapshotField>;

/** A ritual's field of the snapshot (e.g. `steering`), read in the snapshot's REPEATABLE READ transaction. */
export type SnapshotPart<F extends RitualSnapshotField> = (
  m: EntityManager,
  meeting: Meeting,
  phases: MeetingPhase[],
  viewerId: string,
) => Promise<MeetingSnapshot[F]>;

/** What a ritual adds to the minutes when the meeting ends (in `meeting.end`'s transaction). */
export type MinutesPart = (
  m: EntityManager,
  meeting: Meeting,
  phases: MeetingPhase[],
  items: Item[],
) => Promise<Partial<MinutesDto>>;

/** What an item's event carries besides the item (e.g. the votes given back when it left a voting board). */
export type ItemLeftEffect = Omit<LiveEventPayloads['item.deleted'], 'itemId'>;

/**
 * A meeting's command took an item off the boards (`deleted`, or `changed` its status or kind): the ritual
 * brings its phase states in line, in the command's transaction, and says what the item's event must carry.
 */
export type ItemLeftHook = (
  m: EntityManager,
  meeting: Meeting,
  itemId: string,
  how: 'changed' | 'deleted',
) => Promise<ItemLeftEffect>;

/** What the engine's own commands call back into (`meeting.end`, `item.edit`, `item.delete`). */
export interface RitualHooks {
  minutes?: MinutesPart;
  itemLeft?: ItemLeftHook;
}

/**
 * One ritual's feature definition: its live commands (C), its phase kinds (P) and its fields of the snapshot (S).
 * Who may send each command is the protocol registry's `rule`, not decided here.
 */
export interface Ritual<
  C extends LiveCommandType,
  P extends PhaseKind,
  S extends RitualSnapshotField = never,
> extends RitualHooks {
  commands: CommandTable<C>;
  phaseKinds: PhaseKindTable<P>;
  snapshot: { [F in S]: SnapshotPart<F> };
}

/** The registry the engine works from: every command, every phase kind, every ritual field of the snapshot. */
export interface LiveRituals {
  commands: CommandTable;
  phaseKinds: PhaseKindTable;
  snapshot: { [F in RitualSnapshotField]: SnapshotPart<F> };
}

/** The Nest token under which LiveModule.forRoot provides the app's `LiveRituals`. */
export const LIVE_RITUALS = Symbol('LIVE_RITUALS');

export function initialPhaseState(rituals: LiveRituals, kind: PhaseKind, settings: unknown): Record<string, unknown> {
  const def = rituals.phaseKinds[kind] as PhaseKindDef<PhaseKind>;
  return def.initialState(settings as never) as Record<string, unknown>;
}

export function viewPhaseState(
  rituals: LiveRituals,
  kind: PhaseKind,
  state: unknown,
  viewerId: string,
): PhaseStateMap[PhaseKind] {
  const def = rituals.phaseKinds[kind] as PhaseKindDef<PhaseKind>;
  return def.view(state as never, viewerId);
}
