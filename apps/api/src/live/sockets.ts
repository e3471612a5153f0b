/** The socket.io server and sockets of live meetings, and the rooms they join. */
import type { ClientToServerEvents, DeviceKind, ServerToClientEvents } from '@tillit/protocol';
import type { Server, Socket } from 'socket.io';

/** What the server keeps on each socket (also visible to other nodes through fetchSockets). */
export interface SocketData {
  userId: string;
  sessionId: string;
  displayName: string;
  device: DeviceKind;
  idle: boolean;
  /** Meetings this socket joined (after the access check). */
  meetings: string[];
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const rooms = {
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  member: (teamId: string, userId: string) => `member:${teamId}:${userId}`,
  /** Every socket that joined a meeting of the team (for `team:changed` hints). */
  team: (teamId: string) => `team:${teamId}`,
};
