import { Injectable } from '@nestjs/common';
import type { LiveEvent, PresenceEntry, TeamChangeScope } from '@tillit/protocol';
import { type LiveServer, rooms } from './sockets.js';

/** The socket.io server as the rest of the live code needs it: broadcast and who-is-here, across nodes. */
@Injectable()
export class LiveHub {
  private server?: LiveServer;

  attach(server: LiveServer): void {
    this.server = server;
  }

  get io(): LiveServer {
    if (!this.server) throw new Error('The live server is not running');
    return this.server;
  }

  broadcast(event: LiveEvent): void {
    this.server?.to(rooms.meeting(event.meetingId)).emit('meeting:event', event);
  }

  /**
   * Something of the team changed outside a live command (REST): a hint to every socket in a meeting of the
   * team to refetch. Call it only after the change committed. Carries the team and the scope, nothing else.
   */
  teamChanged(teamId: string, scope: TeamChangeScope): void {
    this.server?.to(rooms.team(teamId)).emit('team:changed', { teamId, scope });
  }

  /** Every connection in the meeting's room, on every node (through the Redis adapter when there is one). */
  async presence(meetingId: string): Promise<PresenceEntry[]> {
    const sockets = await this.io.in(rooms.meeting(meetingId)).fetchSockets();
    return sockets
      .map((s) => ({
        connectionId: s.id,
        userId: s.data.userId,
        displayName: s.data.displayName,
        device: s.data.device,
        idle: s.data.idle,
      }))
      .sort((a, b) => (a.connectionId < b.connectionId ? -1 : 1));
  }
}
