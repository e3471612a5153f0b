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
