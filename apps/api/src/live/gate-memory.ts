import type { Gate } from './command-authorization.js';

/**
 * What each caller's last authorization in a meeting found, so their next direct write needs no separate
 * authorization round trip. Only a plan: the write's own statement re-checks every part of it, and a miss
 * (null) forgets the meeting and authorizes again. Bounded: it is emptied when it grows past `GATES_MAX`.
 */
export class GateMemory {
  private readonly meetings = new Map<string, Map<string, Gate>>();
  private size = 0;

  get(meetingId: string, sessionId: string): Gate | undefined {
    return this.meetings.get(meetingId)?.get(sessionId);
  }

  remember(meetingId: string, sessionId: string, gate: Gate): void {
    if (this.size >= GATES_MAX) {
      this.meetings.clear();
      this.size = 0;
    }
    let bySession = this.meetings.get(meetingId);
    if (!bySession) this.meetings.set(meetingId, (bySession = new Map()));
    if (!bySession.has(sessionId)) this.size++;
    bySession.set(sessionId, gate);
  }

  forget(meetingId: string): void {
    this.size -= this.meetings.get(meetingId)?.size ?? 0;
    this.meetings.delete(meetingId);
  }
}

const GATES_MAX = 20_000;
