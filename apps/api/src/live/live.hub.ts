import { Injectable } from '@nestjs/common';
import type { LiveEvent, PresenceEntry } from '@tillit/protocol';
import { type LiveServer, rooms } from './live.types.js';

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
