/**
 * Puts one meeting's durable events in `seq` order. An event at or below the applied seq is a duplicate and
 * is dropped; a later one waits until the events before it have come. A gap that stays for a second means an
 * event was missed: `onGap` asks the server again (the client re-joins with its lastSeq).
 */
import { applyEvent, type LiveEvent, type MeetingSnapshot } from '@tillit/protocol';

export const GAP_WAIT_MS = 1_000;

export interface Drained {
  s: MeetingSnapshot;
  /** The events applied, in order (empty: nothing followed the applied seq). */
  applied: LiveEvent[];
}

export class EventSequencer {
  private buffer = new Map<number, LiveEvent>();
  private gapTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onGap: () => void) {}

  /** Holds `event` unless it is already applied (`lastSeq`: the applied seq, if there is a snapshot yet). */
  hold(event: LiveEvent, lastSeq: number | undefined): boolean {
    if (lastSeq !== undefined && event.seq <= lastSeq) return false;
    this.buffer.set(event.seq, event);
    return true;
  }

  /** A snapshot up to `lastSeq` came: what it holds need not be applied again. */
  forget(lastSeq: number): void {
    for (const seq of this.buffer.keys()) if (seq <= lastSeq) this.buffer.delete(seq);
  }

  /** Applies the held events that follow `s.lastSeq`, in order; a gap left behind starts the wait for it. */
  drain(s: MeetingSnapshot): Drained {
    const applied: LiveEvent[] = [];
    for (let next = this.buffer.get(s.lastSeq + 1); next; next = this.buffer.get(s.lastSeq + 1)) {
      this.buffer.delete(next.seq);
      s = applyEvent(s, next);
      applied.push(next);
    }
    this.forget(s.lastSeq);
    clearTimeout(this.gapTimer);
    if (this.buffer.size > 0) {
      this.gapTimer = setTimeout(() => {
        if (this.buffer.size > 0) this.onGap();
      }, GAP_WAIT_MS);
    }
    return { s, applied };
  }

  /** Events held behind a gap. */
  get waiting(): number {
    return this.buffer.size;
  }

  stop(): void {
    clearTimeout(this.gapTimer);
  }
}
