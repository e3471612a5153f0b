/**
 * The registries of the live engine are open interfaces keyed by ritual (`LiveCommandTables`,
 * `CommandResultTables`, `LiveEventTables`, `PhaseKindTables`): a ritual adds ONE entry under its own name
 * by declaration merging, e.g.
 *
 *   declare module '../live/events.js' { interface LiveEventTables { steering: SteeringEventPayloads } }
 *
 * and the engine reads the merged view (`LiveEventPayloads`, …). Keying by ritual keeps each ritual's own
 * named interface the one source of its entries, and a clash between two rituals is a compile error in the
 * assembly (see `Overlap`).
 */

type KeysOfEach<U> = U extends unknown ? keyof U : never;
type ValueIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/** Every ritual's entries in one map: `{ steering: { a: A }, kasam: { b: B } }` → `{ a: A; b: B }`. */
export type Merged<T> = { [K in KeysOfEach<T[keyof T]>]: ValueIn<T[keyof T], K> };

/** Keys that two rituals both registered (`never` when every key has one owner). */
export type Overlap<T> = {
  [A in keyof T]: { [B in Exclude<keyof T, A>]: keyof T[A] & keyof T[B] }[Exclude<keyof T, A>];
}[keyof T];
