import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export type Revocation =
  { kind: 'sessions'; sessionIds: string[] } | { kind: 'membership'; teamId: string; userId: string };

/**
 * Tells live connections that access was taken away (a session revoked, a member removed), so they can
 * drop the person's sockets. In-process; the live gateway fans it out to other API nodes.
 */
@Injectable()
export class RevocationBus {
  readonly events = new Subject<Revocation>();

  sessionsRevoked(sessionIds: string[]): void {
    this.events.next({ kind: 'sessions', sessionIds });
  }

  membershipRemoved(teamId: string, userId: string): void {
    this.events.next({ kind: 'membership', teamId, userId });
  }
}
