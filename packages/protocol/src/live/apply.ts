/**
 * The machinery of the one reducer for live events: `createApplyEvent(reducers, ...followers)` builds
 * `applyEvent(snapshot, event)`, which returns the next snapshot. The API's tests use it to prove that a
 * client applying the broadcasts ends in exactly the database's state; the web app uses it to update its
 * React Query cache, for the sender and for everyone else alike. The table of every event's reducer is
 * assembled at the package root (../registry.ts) from the engine's (reducers.ts) and each ritual's.
 * Pure: never mutates its input. Events must be applied in seq order (see events.ts).
 */
import type { LiveEvent, LiveEventOf, LiveEventType } from './events.js';
import type { ItemDto, MeetingSnapshot, PhaseKind, PhaseView } from './model.js';

export type Reducer<K extends LiveEventType> = (s: MeetingSnapshot, e: LiveEventOf<K>) => MeetingSnapshot;
/** The reducers of some event types (a ritual's); `Reducers<LiveEventType>` is the whole table. */
export type Reducers<K extends LiveEventType> = { [P in K]: Reducer<P> };
/**
 * Steps that run after an event's own reducer, for events of another part that a ritual follows (ideas ARE
 * items, so the improvement state follows item events; votes on a deleted item go back).
 */
export type Followers = { [K in LiveEventType]?: Reducer<K> };

export type ApplyEvent = (s: MeetingSnapshot, event: LiveEvent) => MeetingSnapshot;

export function createApplyEvent(reducers: Reducers<LiveEventType>, ...followers: Followers[]): ApplyEvent {
  return (s, event) => {
    const own = reducers[event.type] as Reducer<LiveEventType>;
    const next = followers.reduce(
      (acc, f) => {
        const follow = f[event.type] as Reducer<LiveEventType> | undefined;
        return follow ? follow(acc, event as LiveEventOf<LiveEventType>) : acc;
      },
      own(s, event as LiveEventOf<LiveEventType>),
    );
    return { ...next, lastSeq: event.seq, serverNow: event.at };
  };
}

/** Replaces the entry with `x`'s id, or appends `x`. */
export const upsertById = <T extends { id: string }>(list: T[], x: T): T[] =>
  list.some((y) => y.id === x.id) ? list.map((y) => (y.id === x.id ? x : y)) : [...list, x];

/** Replaces the entries with the ids of `xs` in place and appends the new ones, in order. */
export const upsertAllById = <T extends { id: string }>(list: T[], xs: T[]): T[] => {
  const byId = new Map(xs.map((i) => [i.id, i]));
  const kept = list.map((x) => byId.get(x.id) ?? x);
  return [...kept, ...xs.filter((i) => !list.some((x) => x.id === i.id))];
};

export const upsertItem = (items: ItemDto[], item: ItemDto): ItemDto[] => upsertById(items, item);

/** Updates the phase `phaseId` when it is of `kind` (an event for a phase of another kind changes nothing). */
export function updatePhase<K extends PhaseKind>(
  s: MeetingSnapshot,
  phaseId: string,
  kind: K,
  update: (p: Extract<PhaseView, { kind: K }>) => Extract<PhaseView, { kind: K }>,
): MeetingSnapshot {
  return {
    ...s,
    phases: s.phases.map((p) =>
      p.id === phaseId && p.kind === kind ? update(p as Extract<PhaseView, { kind: K }>) : p,
    ),
  };
}
