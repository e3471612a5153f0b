/**
 * The socket.io contract. Server: `Server<ClientToServerEvents, ServerToClientEvents>`;
 * client: `Socket<ServerToClientEvents, ClientToServerEvents>` from socket.io-client, created with
 * `io(origin, { ...SOCKET_OPTIONS, withCredentials: true, auth: { protocolVersion: PROTOCOL_VERSION } })`.
 *
 * Connecting: the session cookie (`tillit_session`, the same as for REST) authenticates the socket once, at
 * the handshake; the `Origin` header must be an allowed origin. A refused connection gets `connect_error`
 * with `err.data: ConnectErrorData` (code UNAUTHENTICATED, FORBIDDEN or PROTOCOL_MISMATCH).
 *
 * Then: `meeting:join` (checked against the database; binds the meeting to this socket), then
 * `meeting:command`s. Presence and typing hints are volatile (may be dropped, never stored).
 * On revocation (signed out elsewhere, removed from the team) the server emits `live:revoked` and disconnects.
 */
import type { ApiError } from '../errors.js';
import type { CommandMessage, CommandResults, LiveCommandType } from './commands.js';
import type { LiveEvent } from './events.js';
import type { DeviceKind, MeetingSnapshot, PresenceEntry } from './model.js';

export interface HandshakeAuth {
  protocolVersion: number;
}

export interface ConnectErrorData {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PROTOCOL_MISMATCH';
  message: string;
  /** With PROTOCOL_MISMATCH: the server's version. */
  serverVersion?: number;
}

export interface JoinRequest {
  meetingId: string;
  /** The last seq this client applied; omit for a first join. */
  lastSeq?: number;
  device?: DeviceKind;
}

export type Refusal = { ok: false; error: ApiError };

/**
 * `snapshot`: replace local state. `events`: apply these (seq > lastSeq, in order) to local state; presence
 * and serverNow are fresh. A snapshot comes when lastSeq is missing, ahead of the server, or more than
 * LIVE_LIMITS.catchUpEvents behind.
 */
export type JoinAck =
  | { ok: true; mode: 'snapshot'; snapshot: MeetingSnapshot }
  | { ok: true; mode: 'events'; events: LiveEvent[]; lastSeq: number; presence: PresenceEntry[]; serverNow: string }
  | Refusal;

export type CommandAck<T extends LiveCommandType = LiveCommandType> =
  { ok: true; seq: number; result: CommandResults[T] } | Refusal;

export type SimpleAck = { ok: true } | Refusal;

/** Volatile: who is in the room. `joined`/`updated` carry the entry; `left` only the connection id. */
export type PresenceEvent =
  | { meetingId: string; kind: 'joined' | 'updated'; entry: PresenceEntry }
  | { meetingId: string; kind: 'left'; connectionId: string; userId: string };

/** Volatile: someone is typing in `target` (a free label such as `item:new` or `notes:<itemId>`). */
export interface TypingEvent {
  meetingId: string;
  userId: string;
  target: string;
}

export interface RevokedEvent {
  reason: 'session' | 'membership';
}

/** What kind of team data changed outside a live command (the REST pages between and beside meetings). */
export const TEAM_CHANGE_SCOPES = ['steering', 'improvement', 'ethics', 'kasam', 'items'] as const;
export type TeamChangeScope = (typeof TEAM_CHANGE_SCOPES)[number];

/**
 * A hint, not a change: something of this team changed outside a live command (e.g. a manager answered an
 * escalation on the escalations page, someone edited the improvement board); refetch what shows it (a
 * re-join without lastSeq for a fresh snapshot, the team's REST queries). Not sequenced and not stored: the
 * database stays the truth. Sent after the change committed, to every socket that joined a meeting of the
 * team; it carries nothing but the team and the scope.
 */
export interface TeamChangedEvent {
  teamId: string;
  scope: TeamChangeScope;
}

export interface ClientToServerEvents {
  'meeting:join': (req: JoinRequest, ack: (res: JoinAck) => void) => void;
  'meeting:leave': (req: { meetingId: string }, ack?: (res: SimpleAck) => void) => void;
  'meeting:command': (cmd: CommandMessage, ack: (res: CommandAck) => void) => void;
  /** Volatile. Send when the person goes idle or comes back (tab hidden, no input for a minute). */
  'meeting:presence': (p: { meetingId: string; idle: boolean }) => void;
  /** Volatile; throttle to at most one every 2 s per target. */
  'meeting:typing': (p: { meetingId: string; target: string }) => void;
  /** Who is connected now (presence events are volatile: ask again after a reconnect or when unsure). */
  'meeting:who': (
    req: { meetingId: string },
    ack: (res: { ok: true; presence: PresenceEntry[] } | Refusal) => void,
  ) => void;
}

export interface ServerToClientEvents {
  'meeting:event': (event: LiveEvent) => void;
  'meeting:presence': (event: PresenceEvent) => void;
  'meeting:typing': (event: TypingEvent) => void;
  'live:revoked': (event: RevokedEvent) => void;
  /** A hint to refetch (see TeamChangedEvent); only to sockets that joined a meeting of that team. */
  'team:changed': (event: TeamChangedEvent) => void;
}

/** Runtime schemas for the small non-command client events. */
export { JoinRequestSchema, MeetingRefSchema, PresenceUpdateSchema, TypingSchema } from './socket-schemas.js';
