/**
 * The outbox: commands the person made that the server has not confirmed yet. It lives in memory and in
 * sessionStorage (per person and meeting), so a reload or a dropped connection loses nothing: every
 * command is re-sent with its SAME opId until the server answers, and the server applies an opId once.
 */
import type { CommandMessage, CommandResults } from '@tillit/protocol';

export type PendingOp = CommandMessage & {
  /** The phase that was current when the person acted (vote results are per phase). */
  phaseId: string | null;
  /** ISO time the person acted. */
  at: string;
  /** Set when the server acknowledged it; the op stays until the event with this seq is applied. */
  ackedSeq?: number;
  result?: CommandResults[keyof CommandResults];
};

const key = (userId: string, meetingId: string) => `tillit.outbox.${userId}.${meetingId}`;

export function loadOutbox(userId: string, meetingId: string): PendingOp[] {
  try {
    const raw = sessionStorage.getItem(key(userId, meetingId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingOp[]).filter((op) => op.meetingId === meetingId) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(userId: string, meetingId: string, ops: PendingOp[]): void {
  try {
    if (ops.length === 0) sessionStorage.removeItem(key(userId, meetingId));
    else sessionStorage.setItem(key(userId, meetingId), JSON.stringify(ops));
  } catch {
    // Storage full or disabled: the outbox still lives in memory for this page.
  }
}

/** The next op to send: the oldest one the server has not acknowledged (ops go one at a time, in order). */
export const nextToSend = (outbox: readonly PendingOp[]): PendingOp | undefined =>
  outbox.find((op) => op.ackedSeq === undefined);

/** How many ops wait for the server's answer ("waiting to be sent"). */
export const unacknowledged = (outbox: readonly PendingOp[]): number =>
  outbox.filter((op) => op.ackedSeq === undefined).length;

/** The server accepted the op as event `seq`: it stays (and shows) until that event is applied. */
export function acknowledge(
  outbox: readonly PendingOp[],
  opId: string,
  seq: number,
  result: PendingOp['result'],
): PendingOp[] {
  return outbox.map((op) => (op.opId === opId ? ({ ...op, ackedSeq: seq, result } as PendingOp) : op));
}

/** The events up to `lastSeq` are applied: the acknowledged ops they hold are confirmed state now and leave. */
export const confirmedUpTo = (outbox: readonly PendingOp[], lastSeq: number): PendingOp[] =>
  outbox.filter((op) => op.ackedSeq === undefined || op.ackedSeq > lastSeq);

/** The server refused the op: it leaves at once, and the screen rolls back by itself. */
export const refuse = (outbox: readonly PendingOp[], opId: string): PendingOp[] =>
  outbox.filter((op) => op.opId !== opId);
