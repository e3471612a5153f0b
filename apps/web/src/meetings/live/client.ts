/**
 * One live connection to one meeting (see ../README.md for the model).
 *
 * - Connects with socket.io (websocket only, the session cookie, `{ protocolVersion }`), joins the meeting
 *   with the last seq it applied, and takes what it missed: the events, or a fresh snapshot.
 * - Applies every durable event through the protocol's ONE `applyEvent`, strictly in seq order, into the
 *   React Query cache (`meetingKeys.one(id)`): broadcasts and the echo of the person's own commands alike.
 * - Sends commands from the outbox one after another, and re-sends unconfirmed ones with the same opId
 *   after every (re)join. The server applies an opId once, so nothing is lost and nothing doubles.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  applyMyVotes,
  applyKasamAnswered,
  ErrorCode,
  PROTOCOL_VERSION,
  SOCKET_OPTIONS,
  type ApiError,
  type ClientToServerEvents,
  type CommandAck,
  type CommandMessage,
  type CommandPayloadInput,
  type LiveCommandType,
  type ConnectErrorData,
  type DeviceKind,
  type JoinAck,
  type LiveEvent,
  type MeetingSnapshot,
  type PresenceEntry,
  type PresenceEvent,
  type ServerToClientEvents,
  type TeamChangedEvent,
  type TypingEvent,
} from '@tillit/protocol';
import { io, type Socket } from 'socket.io-client';
import {
  acknowledge,
  confirmedUpTo,
  loadOutbox,
  nextToSend,
  refuse,
  saveOutbox,
  unacknowledged,
  type PendingOp,
} from './outbox';
import { EventSequencer, GAP_WAIT_MS } from './sequencer';

export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  /** The server speaks another protocol version: the page must be reloaded. */
  | 'outdated'
  /** The session ended (signed out elsewhere, or expired). */
  | 'signed-out'
  /** The server refused the meeting (not found, not a member, removed from the team). */
  | 'refused';

export interface LiveState {
  status: ConnectionStatus;
  /** The refusal behind `refused` / `signed-out`. */
  error: ApiError | null;
  outbox: readonly PendingOp[];
  /** Commands not yet acknowledged (what "waiting to be sent" counts). */
  waiting: number;
  /** Who types where, by user id (volatile hints that fade after a few seconds). */
  typing: ReadonlyMap<string, string>;
  /** serverNow − Date.now(), measured at the last join: add to Date.now() to read the server's clock. */
  clockOffsetMs: number;
}

export interface Refused {
  op: PendingOp;
  error: ApiError;
}

/** A command as the screen makes it; the client adds opId, meetingId and the current phase. */
export type Command = { [K in LiveCommandType]: { type: K; payload: CommandPayloadInput<K> } }[LiveCommandType];

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Refusals that a later attempt can fix: the op stays in the outbox. */
const RETRYABLE = new Set<string>([ErrorCode.NotJoined, ErrorCode.RateLimited, ErrorCode.Internal]);
const ACK_TIMEOUT_MS = 10_000;
const TYPING_SHOWN_MS = 4_000;
const TYPING_THROTTLE_MS = 2_000;
/** `team:changed` hints often come in bursts (a page saving several things): one refresh for a burst. */
const TEAM_REFRESH_DEBOUNCE_MS = 300;

export const meetingKeys = {
  one: (meetingId: string) => ['meetings', meetingId] as const,
};

export class LiveMeetingClient {
  private socket: LiveSocket | null = null;
  private state: LiveState;
  private listeners = new Set<() => void>();
  private joined = false;
  private pumping = false;
  /** A gap in the events that stays: re-join with lastSeq and take what was missed. */
  private sequencer = new EventSequencer(() => {
    if (this.socket?.connected) void this.join();
  });
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastTypingSent = new Map<string, number>();
  private retries = new Map<string, number>();
  private idle = false;
  private stopped = false;
  private everConnected = false;
  /** The next join asks for a fresh snapshot (no lastSeq): something changed outside the event log. */
  private freshWanted = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** Called with the events applied (not with a snapshot), for announcements; `catchUp` after a re-join. */
  onApplied: (events: LiveEvent[], before: MeetingSnapshot, catchUp: boolean) => void = () => {};
  /** Called when the server refuses a command: the screen has rolled back; tell the person. */
  onRefused: (refused: Refused) => void = () => {};

  constructor(
    readonly meetingId: string,
    readonly userId: string,
    private readonly queryClient: QueryClient,
    private device: DeviceKind,
  ) {
    const outbox = loadOutbox(userId, meetingId);
    this.state = {
      status: typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'connecting',
      error: null,
      outbox,
      waiting: unacknowledged(outbox),
      typing: new Map(),
      clockOffsetMs: 0,
    };
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Store (for useSyncExternalStore)                                                               */
  /* ---------------------------------------------------------------------------------------------- */

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  private set(patch: Partial<LiveState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private setOutbox(outbox: PendingOp[]) {
    saveOutbox(this.userId, this.meetingId, outbox);
    this.set({ outbox, waiting: unacknowledged(outbox) });
  }

  private confirmed(): MeetingSnapshot | undefined {
    return this.queryClient.getQueryData<MeetingSnapshot>(meetingKeys.one(this.meetingId));
  }

  private setConfirmed(s: MeetingSnapshot) {
    this.queryClient.setQueryData(meetingKeys.one(this.meetingId), s);
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Connection                                                                                     */
  /* ---------------------------------------------------------------------------------------------- */

  start(): void {
    const socket: LiveSocket = io({
      ...SOCKET_OPTIONS,
      withCredentials: true,
      auth: { protocolVersion: PROTOCOL_VERSION },
      autoConnect: false,
    });
    this.socket = socket;

    socket.on('connect', () => {
      const reconnect = this.everConnected;
      this.everConnected = true;
      // Catch up on the log first (with lastSeq, so the re-join can be announced); REST changes made while
      // away were hinted to a socket that was not there, so refresh the team's data as well.
      void this.join().then(() => reconnect && this.teamChanged());
    });
    socket.on('disconnect', (reason) => {
      this.joined = false;
      // Emits made while the connection was dying must not leak into the next one before the join.
      socket.sendBuffer = [];
      if (this.stopped || this.isFinal()) return;
      this.set({ status: navigator.onLine === false ? 'offline' : 'reconnecting' });
      // A server-side disconnect (not a network loss) does not reconnect by itself.
      if (reason === 'io server disconnect' && navigator.onLine !== false) socket.connect();
    });
    socket.on('connect_error', (err: Error & { data?: ConnectErrorData }) => {
      const code = err.data?.code;
      if (code === 'PROTOCOL_MISMATCH') return this.set({ status: 'outdated' });
      if (code === 'UNAUTHENTICATED') {
        return this.set({ status: 'signed-out', error: { code: ErrorCode.Unauthenticated, message: err.message } });
      }
      if (code === 'FORBIDDEN')
        return this.set({ status: 'refused', error: { code: ErrorCode.Forbidden, message: err.message } });
      if (code === 'RATE_LIMITED') {
        // Refused by a middleware: socket.io does not retry those by itself.
        setTimeout(() => !this.stopped && navigator.onLine !== false && socket.connect(), 2_000);
      }
      this.set({ status: navigator.onLine === false ? 'offline' : 'reconnecting' });
    });
    socket.on('meeting:event', (event) => this.receive(event));
    socket.on('meeting:presence', (event) => this.presence(event));
    socket.on('meeting:typing', (event) => this.typingHint(event));
    socket.on('team:changed', (event) => this.teamChanged(event));
    socket.on('live:revoked', (event) => {
      this.set(
        event.reason === 'session'
          ? { status: 'signed-out', error: { code: ErrorCode.Unauthenticated, message: 'Session ended' } }
          : { status: 'refused', error: { code: ErrorCode.Forbidden, message: 'Removed from the team' } },
      );
    });

    // Browsers keep an open WebSocket alive when the network goes away (and Playwright's offline mode
    // does not cut it either): follow the browser's online/offline signal so the state is honest.
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    if (navigator.onLine !== false) socket.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.sequencer.stop();
    clearTimeout(this.refreshTimer);
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    if (this.socket) {
      if (this.joined) this.socket.emit('meeting:leave', { meetingId: this.meetingId });
      this.socket.disconnect();
      this.socket.removeAllListeners();
    }
    this.listeners.clear();
  }

  private goOffline = () => {
    if (this.isFinal()) return;
    this.set({ status: 'offline' });
    this.socket?.disconnect();
  };

  private goOnline = () => {
    if (this.isFinal()) return;
    this.set({ status: 'reconnecting' });
    this.socket?.connect();
  };

  private isFinal() {
    return this.state.status === 'outdated' || this.state.status === 'signed-out' || this.state.status === 'refused';
  }

  /** Reloads after the person fixed the cause (e.g. signed in again). */
  retry(): void {
    this.set({ status: 'connecting', error: null });
    this.socket?.disconnect().connect();
  }

  /**
   * Join (and re-join): with the last applied seq the server answers with the missed events; without it,
   * or when too far behind, with a snapshot.
   */
  private async join(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const current = this.confirmed();
    const fresh = this.freshWanted;
    this.freshWanted = false;
    const request = {
      meetingId: this.meetingId,
      device: this.device,
      ...(current && !fresh ? { lastSeq: current.lastSeq } : {}),
    };
    let ack: JoinAck;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('meeting:join', request);
    } catch {
      if (fresh) this.freshWanted = true;
      // Timed out or disconnected: the next 'connect' joins again; a live but silent socket is retried.
      if (socket.connected && !this.stopped) void this.join();
      return;
    }
    if (this.stopped) return;
    if (!ack.ok) {
      if (ack.error.code === ErrorCode.RateLimited) {
        if (fresh) this.freshWanted = true;
        setTimeout(() => socket.connected && void this.join(), (ack.error.retryAfterSeconds ?? 1) * 1000);
        return;
      }
      const status = ack.error.code === ErrorCode.Unauthenticated ? 'signed-out' : 'refused';
      this.set({ status, error: ack.error });
      return;
    }
    if (ack.mode === 'snapshot') {
      const s = ack.snapshot;
      this.set({ clockOffsetMs: Date.parse(s.serverNow) - Date.now() });
      this.sequencer.forget(s.lastSeq);
      this.setConfirmed(s);
      // Acknowledged commands the snapshot already holds are confirmed now (their event may never arrive).
      this.prune(s.lastSeq);
      this.drain(true);
    } else {
      this.set({ clockOffsetMs: Date.parse(ack.serverNow) - Date.now() });
      const before = this.confirmed();
      if (before) this.setConfirmed({ ...before, presence: ack.presence });
      for (const event of ack.events) this.sequencer.hold(event, undefined);
      this.drain(true);
    }
    this.joined = true;
    this.set({ status: 'connected', error: null });
    if (this.idle) socket.emit('meeting:presence', { meetingId: this.meetingId, idle: true });
    void this.pump();
  }

  /**
   * `team:changed` (or a reconnect, `event` undefined): something of the meeting's team changed outside a
   * command. Refetch the team's REST data (every key under `['teams', teamId]`, and this meeting's own REST
   * data beside the live snapshot) and, debounced, re-join WITHOUT lastSeq for a fresh snapshot. Only a hint:
   * nothing here touches the outbox; pending commands are re-sent after the join as always.
   */
  private teamChanged(event?: TeamChangedEvent): void {
    if (this.stopped) return;
    const teamId = this.confirmed()?.meeting.teamId;
    if (!teamId || (event && event.teamId !== teamId)) return;
    void this.queryClient.invalidateQueries({ queryKey: ['teams', teamId] });
    void this.queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'meetings' && q.queryKey[1] === this.meetingId && q.queryKey.length > 2,
    });
    this.freshWanted = true;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      // Not joined now: the next join (after 'connect') takes the fresh snapshot.
      if (this.joined && this.socket?.connected && !this.stopped) void this.join();
    }, TEAM_REFRESH_DEBOUNCE_MS);
  }

  setDevice(device: DeviceKind): void {
    if (device === this.device) return;
    this.device = device;
    if (this.joined) void this.join();
  }

  setIdle(idle: boolean): void {
    if (idle === this.idle) return;
    this.idle = idle;
    if (this.joined) this.socket?.emit('meeting:presence', { meetingId: this.meetingId, idle });
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Durable events: strictly in seq order                                                          */
  /* ---------------------------------------------------------------------------------------------- */

  private receive(event: LiveEvent): void {
    if (event.meetingId !== this.meetingId) return;
    const current = this.confirmed();
    if (!this.sequencer.hold(event, current?.lastSeq)) return;
    if (current) this.drain(false);
  }

  /** Applies held events that follow the applied seq (see sequencer.ts). */
  private drain(catchUp: boolean): void {
    const before = this.confirmed();
    if (!before) return;
    const { s, applied } = this.sequencer.drain(before);
    if (applied.length > 0) {
      this.setConfirmed(s);
      this.prune(s.lastSeq);
      this.onApplied(applied, before, catchUp);
    }
  }

  /** Acknowledged ops whose event is applied are confirmed state now: drop them from the outbox. */
  private prune(lastSeq: number): void {
    const outbox = confirmedUpTo(this.state.outbox, lastSeq);
    if (outbox.length !== this.state.outbox.length) this.setOutbox(outbox);
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Commands                                                                                       */
  /* ---------------------------------------------------------------------------------------------- */

  /** Puts a command in the outbox (the screen shows it at once) and sends it when connected. */
  enqueue(command: Command, opId: string = crypto.randomUUID()): PendingOp {
    const current = this.confirmed();
    const phase = current?.phases[current.meeting.currentPhaseIndex];
    const op = {
      ...command,
      opId,
      meetingId: this.meetingId,
      phaseId: phase?.id ?? null,
      at: new Date(Date.now() + this.state.clockOffsetMs).toISOString(),
    } as PendingOp;
    this.setOutbox([...this.state.outbox, op]);
    void this.pump();
    return op;
  }

  /** Resolves when the server answered `op` (accepted or refused), however many reconnects it takes. */
  settled(opId: string): Promise<CommandAck> {
    return new Promise((resolve) => {
      const check = () => {
        const op = this.state.outbox.find((o) => o.opId === opId);
        const answer = this.answers.get(opId);
        if (answer) {
          unsubscribe();
          resolve(answer);
        } else if (!op && !answer) {
          // Dropped without an answer (should not happen): treat as settled.
          unsubscribe();
          resolve({ ok: true, seq: 0, result: {} as never });
        }
      };
      const unsubscribe = this.subscribe(check);
      check();
    });
  }

  private answers = new Map<string, CommandAck>();

  /** Sends unacknowledged ops one at a time, in the order the person made them. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.joined && this.socket?.connected && !this.stopped) {
        const op = nextToSend(this.state.outbox);
        if (!op) break;
        const message = {
          opId: op.opId,
          meetingId: op.meetingId,
          type: op.type,
          payload: op.payload,
        } as CommandMessage;
        let ack: CommandAck;
        try {
          ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('meeting:command', message);
        } catch {
          continue; // timed out (resend, same opId) or disconnected (the loop ends; the next join resumes)
        }
        await this.settle(op, ack);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async settle(op: PendingOp, ack: CommandAck): Promise<void> {
    if (ack.ok) {
      this.retries.delete(op.opId);
      // Your own anonymous answer: only you learn that you answered (others see a count).
      if (op.type === 'kasam.answer' && op.phaseId) {
        const current = this.confirmed();
        if (current) this.setConfirmed(applyKasamAnswered(current, op.phaseId));
      }
      if (op.type === 'vote.cast' && op.phaseId && 'mine' in ack.result) {
        const current = this.confirmed();
        if (current) this.setConfirmed(applyMyVotes(current, op.phaseId, ack.result.mine));
      }
      this.answers.set(op.opId, ack);
      this.setOutbox(acknowledge(this.state.outbox, op.opId, ack.seq, ack.result));
      this.prune(this.confirmed()?.lastSeq ?? 0);
      // The event may have been missed (e.g. it came while a re-join was under way): fetch it.
      if (this.state.outbox.some((o) => o.opId === op.opId)) this.expect(ack.seq);
      return;
    }
    const code = ack.error.code;
    const tries = (this.retries.get(op.opId) ?? 0) + 1;
    this.retries.set(op.opId, tries);
    if (RETRYABLE.has(code) && tries <= 5) {
      if (code === ErrorCode.NotJoined) {
        this.joined = false;
        void this.join();
      } else {
        const wait = code === ErrorCode.RateLimited ? (ack.error.retryAfterSeconds ?? 1) * 1000 : 500 * tries;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      return;
    }
    if (code === ErrorCode.Unauthenticated) {
      this.set({ status: 'signed-out', error: ack.error });
      this.joined = false;
      return;
    }
    this.retries.delete(op.opId);
    this.answers.set(op.opId, ack);
    this.setOutbox(refuse(this.state.outbox, op.opId));
    this.onRefused({ op, error: ack.error });
  }

  /** After an ack, the event with `seq` should arrive at once; if it has not in a second, re-join. */
  private expect(seq: number): void {
    setTimeout(() => {
      const current = this.confirmed();
      if (current && current.lastSeq < seq && this.socket?.connected && !this.stopped) void this.join();
    }, GAP_WAIT_MS);
  }

  /* ---------------------------------------------------------------------------------------------- */
  /* Volatile: presence and typing                                                                  */
  /* ---------------------------------------------------------------------------------------------- */

  private presence(event: PresenceEvent): void {
    if (event.meetingId !== this.meetingId) return;
    const current = this.confirmed();
    if (!current) return;
    let presence: PresenceEntry[];
    if (event.kind === 'left') presence = current.presence.filter((p) => p.connectionId !== event.connectionId);
    else presence = [...current.presence.filter((p) => p.connectionId !== event.entry.connectionId), event.entry];
    this.setConfirmed({ ...current, presence });
  }

  private typingHint(event: TypingEvent): void {
    if (event.meetingId !== this.meetingId || event.userId === this.userId) return;
    clearTimeout(this.typingTimers.get(event.userId));
    this.set({ typing: new Map(this.state.typing).set(event.userId, event.target) });
    this.typingTimers.set(
      event.userId,
      setTimeout(() => {
        const typing = new Map(this.state.typing);
        typing.delete(event.userId);
        this.set({ typing });
      }, TYPING_SHOWN_MS),
    );
  }

  /** Tells the others "I am typing in `target`" (at most once per 2 s per target). */
  typing(target: string): void {
    if (!this.joined) return;
    const now = Date.now();
    if (now - (this.lastTypingSent.get(target) ?? 0) < TYPING_THROTTLE_MS) return;
    this.lastTypingSent.set(target, now);
    this.socket?.volatile.emit('meeting:typing', { meetingId: this.meetingId, target });
  }
}
