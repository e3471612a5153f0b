import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  type ApiError,
  ErrorCode,
  type JoinAck,
  JoinRequestSchema,
  LIVE_LIMITS,
  type LiveEvent,
  MeetingRefSchema,
  PresenceUpdateSchema,
  type PresenceEntry,
  type SimpleAck,
  TypingSchema,
} from '@tillit/protocol';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { seesTeam } from '../access/access.policy.js';
import { meetingAccess, standingOf } from '../access/access.repository.js';
import { RevocationBus } from '../auth/revocation.bus.js';
import { SessionsService } from '../auth/sessions.service.js';
import { AppError, notFound } from '../common/app-error.js';
import { validationError } from '../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { readSnapshot } from '../meetings/snapshot.js';
import { CommandRunner } from './command-runner.service.js';
import { handshake } from './handshake.js';
import { LiveHub } from './live.hub.js';
import { type LiveServer, type LiveSocket, rooms } from './live.types.js';
import { LIVE_RITUALS, type LiveRituals } from './ritual.js';
import { RateLimiter } from './rate-limiter.js';

const refusal = (err: unknown): { ok: false; error: ApiError } => ({
  ok: false,
  error: err instanceof AppError ? err.toJSON() : { code: ErrorCode.Internal, message: 'Something went wrong' },
});

/**
 * The live socket: handshake, join/leave, commands (delegated to CommandRunner), presence and typing
 * (volatile), and revocations. Every client event goes through `on()`: rate limit, then a handler that can
 * never throw past it, so no payload can crash the process.
 */
@WebSocketGateway({ path: '/socket.io' })
export class LiveGateway
  implements
    OnGatewayInit<LiveServer>,
    OnGatewayConnection<LiveSocket>,
    OnGatewayDisconnect<LiveSocket>,
    OnModuleDestroy
{
  private readonly logger = new Logger('LiveGateway');
  /** Commands and joins per person; exposed so tests can widen it for fuzzing. */
  readonly limiter = new RateLimiter();
  /** Presence and typing hints: dropped silently when over. */
  readonly volatileLimiter = new RateLimiter(10, 20);
  private revocations?: Subscription;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly runner: CommandRunner,
    private readonly hub: LiveHub,
    private readonly bus: RevocationBus,
    @Inject(LIVE_RITUALS) private readonly rituals: LiveRituals,
  ) {}

  afterInit(server: LiveServer): void {
    this.hub.attach(server);
    server.use(handshake(this.config, this.sessions));
    this.revocations = this.bus.events.subscribe((r) => {
      const room = r.kind === 'sessions' ? r.sessionIds.map(rooms.session) : [rooms.member(r.teamId, r.userId)];
      if (room.length === 0) return;
      // Through the adapter this reaches the person's sockets on every node.
      server.to(room).emit('live:revoked', { reason: r.kind === 'sessions' ? 'session' : 'membership' });
      server.in(room).disconnectSockets(true);
    });
  }

  onModuleDestroy(): void {
    this.revocations?.unsubscribe();
  }

  handleConnection(socket: LiveSocket): void {
    void socket.join(rooms.session(socket.data.sessionId));
    this.on(socket, 'meeting:join', (req) => this.join(socket, req));
    this.on(socket, 'meeting:leave', (req) => this.leave(socket, req));
    this.on(socket, 'meeting:who', (req) => this.who(socket, req));
    this.on(socket, 'meeting:command', (cmd) => this.runner.run(socket.data, cmd));
    this.onVolatile(socket, 'meeting:presence', (p) => this.presenceUpdate(socket, p));
    this.onVolatile(socket, 'meeting:typing', (p) => this.typing(socket, p));
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const meetings = socket.data?.meetings ?? [];
    for (const meetingId of meetings) {
      this.hub.io.to(rooms.meeting(meetingId)).volatile.emit('meeting:presence', {
        meetingId,
        kind: 'left',
        connectionId: socket.id,
        userId: socket.data.userId,
      });
    }
    await this.facilitatorSeen(socket.data?.userId, meetings);
  }

  /** One client event with an ack: rate-limited; the handler's answer (or typed error) goes to the ack. */
  private on(socket: LiveSocket, name: string, handler: (arg: unknown) => Promise<unknown>): void {
    (socket as unknown as { on(n: string, f: (...args: unknown[]) => void): void }).on(name, (...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (res: unknown) => void) : undefined;
      const answer = (res: unknown) => {
        try {
          ack?.(res);
        } catch {
          /* the client went away */
        }
      };
      const allowed = this.limiter.take(socket.data.userId);
      if (!allowed.ok) {
        return answer({
          ok: false,
          error: {
            code: ErrorCode.RateLimited,
            message: 'Too many changes at once; slow down',
            retryAfterSeconds: Math.max(1, Math.ceil(allowed.retryAfterMs / 1000)),
          },
        });
      }
      handler(args[0]).then(answer, (err: unknown) => {
        if (!(err instanceof AppError)) this.logger.error({ err, event: name }, 'Live handler failed');
        answer(refusal(err));
      });
    });
  }

  private onVolatile(socket: LiveSocket, name: string, handler: (arg: unknown) => void): void {
    (socket as unknown as { on(n: string, f: (...args: unknown[]) => void): void }).on(name, (...args: unknown[]) => {
      if (!this.volatileLimiter.take(socket.data.userId).ok) return;
      try {
        handler(args[0]);
      } catch {
        /* volatile: a bad hint is dropped */
      }
    });
  }

  /**
   * Join: check access in the database, then bind the meeting to the socket and enter its room, and only
   * then read the state, so no event committed after the read can be missed (duplicates are dropped by seq).
   */
  private async join(socket: LiveSocket, raw: unknown): Promise<JoinAck> {
    const parsed = JoinRequestSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const { meetingId, lastSeq, device } = parsed.data;
    // The meeting, the session and the caller's standing in its team in one query; the access policy decides
    // (another organisation or team gets NOT_FOUND).
    const meeting = await meetingAccess(this.db, meetingId, socket.data.sessionId, socket.data.userId);
    if (!meeting) throw new AppError(ErrorCode.NotFound, 'Not found');
    if (!meeting.session_live) throw new AppError(ErrorCode.Unauthenticated, 'Your session has ended; sign in again');
    if (!seesTeam(standingOf(meeting))) throw notFound();
    const teamId = meeting.team_id;
    if (!socket.connected) throw new AppError(ErrorCode.Unauthenticated, 'Disconnected');

    if (device) socket.data.device = device;
    if (!socket.data.meetings.includes(meetingId)) socket.data.meetings.push(meetingId);
    await socket.join([rooms.meeting(meetingId), rooms.member(teamId, socket.data.userId), rooms.team(teamId)]);
    const entry: PresenceEntry = {
      connectionId: socket.id,
      userId: socket.data.userId,
      displayName: socket.data.displayName,
      device: socket.data.device,
      idle: socket.data.idle,
    };
    socket.to(rooms.meeting(meetingId)).volatile.emit('meeting:presence', { meetingId, kind: 'joined', entry });
    // Only the facilitator's arrival restarts the take-over clock (the UPDATE's own condition, without a query).
    if (meeting.facilitator_id === socket.data.userId) await this.facilitatorSeen(socket.data.userId, [meetingId]);
    const presence = await this.hub.presence(meetingId);

    if (lastSeq !== undefined) {
      // A reconnect: the missed events and the current seq in ONE statement (one statement sees one moment, so no
      // transaction), unless the gap is too long to replay.
      const rows = (await this.db.query(CATCH_UP_SQL, [meetingId, lastSeq, LIVE_LIMITS.catchUpEvents])) as CatchUpRow[];
      if (rows.length === 0) throw new AppError(ErrorCode.NotFound, 'Not found');
      const last = Number(rows[0]!.last_seq);
      if (lastSeq <= last && last - lastSeq <= LIVE_LIMITS.catchUpEvents) {
        const events = rows
          .filter((r) => r.seq !== null)
          .map(
            (r) =>
              ({
                meetingId,
                seq: Number(r.seq),
                type: r.type,
                payload: r.payload,
                at: new Date(r.created_at!).toISOString(),
              }) as LiveEvent,
          );
        return { ok: true, mode: 'events', events, lastSeq: last, presence, serverNow: new Date().toISOString() };
      }
    }
    return {
      ok: true,
      mode: 'snapshot',
      snapshot: await readSnapshot(this.rituals, this.db, meetingId, socket.data.userId, presence),
    };
  }

  private async leave(socket: LiveSocket, raw: unknown): Promise<SimpleAck> {
    const parsed = MeetingRefSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const { meetingId } = parsed.data;
    if (!socket.data.meetings.includes(meetingId)) return { ok: true };
    socket.data.meetings = socket.data.meetings.filter((id) => id !== meetingId);
    await socket.leave(rooms.meeting(meetingId));
    // No meeting left on this socket: no more `team:changed` hints either.
    if (socket.data.meetings.length === 0) {
      for (const room of socket.rooms) if (room.startsWith(rooms.team(''))) await socket.leave(room);
    }
    this.hub.io.to(rooms.meeting(meetingId)).volatile.emit('meeting:presence', {
      meetingId,
      kind: 'left',
      connectionId: socket.id,
      userId: socket.data.userId,
    });
    await this.facilitatorSeen(socket.data.userId, [meetingId]);
    return { ok: true };
  }

  private async who(socket: LiveSocket, raw: unknown) {
    const parsed = MeetingRefSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    if (!socket.data.meetings.includes(parsed.data.meetingId)) {
      throw new AppError(ErrorCode.NotJoined, 'Join the meeting first');
    }
    return { ok: true as const, presence: await this.hub.presence(parsed.data.meetingId) };
  }

  private presenceUpdate(socket: LiveSocket, raw: unknown): void {
    const parsed = PresenceUpdateSchema.safeParse(raw);
    if (!parsed.success || !socket.data.meetings.includes(parsed.data.meetingId)) return;
    socket.data.idle = parsed.data.idle;
    const entry: PresenceEntry = {
      connectionId: socket.id,
      userId: socket.data.userId,
      displayName: socket.data.displayName,
      device: socket.data.device,
      idle: socket.data.idle,
    };
    for (const meetingId of socket.data.meetings) {
      this.hub.io.to(rooms.meeting(meetingId)).volatile.emit('meeting:presence', { meetingId, kind: 'updated', entry });
    }
  }

  private typing(socket: LiveSocket, raw: unknown): void {
    const parsed = TypingSchema.safeParse(raw);
    if (!parsed.success || !socket.data.meetings.includes(parsed.data.meetingId)) return;
    const { meetingId, target } = parsed.data;
    socket
      .to(rooms.meeting(meetingId))
      .volatile.emit('meeting:typing', { meetingId, userId: socket.data.userId, target });
  }

  /** The facilitator arrived or left: restart the take-over clock (see facilitator.take). */
  private async facilitatorSeen(userId: string | undefined, meetingIds: string[]): Promise<void> {
    if (!userId || meetingIds.length === 0) return;
    try {
      await this.db.query(
        `UPDATE meetings SET facilitator_seen_at = now() WHERE id = ANY($1::uuid[]) AND facilitator_id = $2 AND state <> 'ended'`,
        [meetingIds, userId],
      );
    } catch (err) {
      this.logger.warn({ err }, 'Could not record the facilitator leaving');
    }
  }
}

/** The meeting's seq, with the events after `$2` when there are at most `$3` of them (else only the seq). */
const CATCH_UP_SQL = `
  SELECT m.last_seq, e.seq, e.type, e.payload, e.created_at
    FROM meetings m
    LEFT JOIN meeting_events e ON e.meeting_id = m.id AND e.seq > $2 AND m.last_seq - $2 BETWEEN 0 AND $3
   WHERE m.id = $1
   ORDER BY e.seq`;

interface CatchUpRow {
  last_seq: string | number;
  seq: string | number | null;
  type: string;
  payload: unknown;
  created_at: Date | null;
}
