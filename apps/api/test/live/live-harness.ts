/** Real socket.io clients for the live tests, and a world with a forum and a live meeting. */
import { randomUUID } from 'node:crypto';
import {
  applyEvent,
  applyMyVotes,
  type CommandAck,
  type CommandPayloadInput,
  type CreateForumBody,
  type ForumDto,
  type JoinAck,
  type LiveCommandType,
  type LiveEvent,
  type MeetingDto,
  type MeetingSnapshot,
  PROTOCOL_VERSION,
  SOCKET_OPTIONS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@tillit/protocol';
import { io, type Socket } from 'socket.io-client';
import { LiveGateway } from '../../src/live/live.gateway.js';
import { world, type Person } from '../factories.js';
import { scaled } from '../time.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  cookie?: string | null;
  origin?: string;
  protocolVersion?: number;
  reconnection?: boolean;
}

/** A raw socket; resolves once connected, rejects with the connect_error (err.data holds the typed code). */
export function connectSocket(url: string, person: Person | null, o: ConnectOptions = {}): Promise<ClientSocket> {
  const cookie = o.cookie !== undefined ? o.cookie : person ? person.client.cookieHeader : null;
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (o.origin) headers.origin = o.origin;
  const socket: ClientSocket = io(url, {
    ...SOCKET_OPTIONS,
    extraHeaders: headers,
    auth: { protocolVersion: o.protocolVersion ?? PROTOCOL_VERSION },
    reconnection: o.reconnection ?? false,
    forceNew: true,
    timeout: scaled(5000),
  });
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      socket.off('connect', onConnect);
      socket.close();
      reject(err);
    };
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
}

/**
 * A participant's client as the web app will be: keeps the meeting state, applies events in seq order
 * (buffering out-of-order ones), and re-joins with its lastSeq after a reconnect.
 */
export class LiveClient {
  state: MeetingSnapshot | null = null;
  /** Every event applied, in the order applied. */
  readonly applied: LiveEvent[] = [];
  private readonly buffer = new Map<number, LiveEvent>();
  meetingId: string | null = null;
  /** Generous: a loaded CI machine runs one meeting's commands one at a time. */
  ackTimeoutMs = scaled(30_000);

  constructor(
    readonly socket: ClientSocket,
    readonly person: Person,
  ) {
    socket.on('meeting:event', (e) => this.receive(e));
  }

  static async connect(url: string, person: Person, o: ConnectOptions = {}): Promise<LiveClient> {
    return new LiveClient(await connectSocket(url, person, o), person);
  }

  get lastSeq(): number {
    return this.state?.lastSeq ?? 0;
  }

  private receive(e: LiveEvent): void {
    if (!this.state || e.meetingId !== this.meetingId) return;
    if (e.seq <= this.state.lastSeq) return;
    this.buffer.set(e.seq, e);
    this.drain();
  }

  private drain(): void {
    while (this.state && this.buffer.has(this.state.lastSeq + 1)) {
      const next = this.buffer.get(this.state.lastSeq + 1)!;
      this.buffer.delete(next.seq);
      this.state = applyEvent(this.state, next);
      this.applied.push(next);
    }
  }

  async join(
    meetingId: string,
    opts: { lastSeq?: number; device?: 'phone' | 'laptop' | 'wall' } = {},
  ): Promise<JoinAck> {
    const ack = await this.socket.timeout(scaled(30_000)).emitWithAck('meeting:join', { meetingId, ...opts });
    if (ack.ok) {
      this.meetingId = meetingId;
      if (ack.mode === 'snapshot') {
        this.state = ack.snapshot;
        for (const seq of [...this.buffer.keys()]) if (seq <= ack.snapshot.lastSeq) this.buffer.delete(seq);
      } else {
        for (const e of ack.events) if (this.state && e.seq > this.state.lastSeq) this.buffer.set(e.seq, e);
      }
      this.drain();
    }
    return ack;
  }

  /** Re-joins with what it has (as after a reconnect). */
  rejoin(): Promise<JoinAck> {
    return this.join(this.meetingId!, this.state ? { lastSeq: this.state.lastSeq } : {});
  }

  async cmd<T extends LiveCommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    opId: string = randomUUID(),
    meetingId: string = this.meetingId!,
  ): Promise<CommandAck<T>> {
    const ack = (await this.socket
      .timeout(this.ackTimeoutMs)
      .emitWithAck('meeting:command', { opId, meetingId, type, payload } as never)) as CommandAck<T>;
    if (ack.ok && type === 'vote.cast' && this.state) {
      const phase = this.state.phases[this.state.meeting.currentPhaseIndex];
      if (phase) this.state = applyMyVotes(this.state, phase.id, (ack.result as { mine: Record<string, number> }).mine);
    }
    return ack;
  }

  /** Sends and expects success; returns the seq. */
  async ok<T extends LiveCommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    opId?: string,
  ): Promise<Extract<CommandAck<T>, { ok: true }>> {
    const ack = await this.cmd(type, payload, opId);
    if (!ack.ok) throw new Error(`${type} refused: ${JSON.stringify(ack.error)}`);
    return ack;
  }

  async waitForSeq(seq: number, timeoutMs = scaled(20_000)): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastSeq < seq) {
      if (Date.now() > deadline)
        throw new Error(`${this.person.user.displayName} stuck at seq ${this.lastSeq}, wanted ${seq}`);
      await sleep(10);
    }
  }

  close(): void {
    this.socket.close();
  }

  /* Resilience, as the web client must have it ------------------------------------------------------ */

  /** Commands sent and not yet acknowledged, by opId. */
  readonly unacked = new Map<string, { type: LiveCommandType; payload: unknown }>();
  private rejoined: Promise<unknown> = Promise.resolve();

  /** On every reconnect: re-join with lastSeq (unacknowledged commands are retried by `send`). */
  resilient(): this {
    this.socket.on('connect', () => {
      if (this.meetingId) this.rejoined = this.rejoin().catch(() => undefined);
    });
    return this;
  }

  /** Sends until the server answers, retrying with the SAME opId across timeouts and reconnects. */
  async send<T extends LiveCommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    deadlineMs = scaled(60_000),
  ): Promise<CommandAck<T>> {
    const opId = randomUUID();
    this.unacked.set(opId, { type, payload });
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      if (!this.socket.connected) {
        await sleep(50);
        continue;
      }
      await this.rejoined;
      try {
        const ack = await this.cmd(type, payload, opId);
        if (!ack.ok && ack.error.code === 'NOT_JOINED') continue; // reached the server before the re-join
        this.unacked.delete(opId);
        return ack;
      } catch {
        /* no answer (timeout or connection lost): send again with the same opId */
      }
    }
    throw new Error(`${type} never acknowledged`);
  }
}

/** Tests that send hundreds of commands a second widen the per-person rate limit (rate-limit.test keeps it). */
export function relaxRateLimit(app: { get<T>(type: new (...args: never[]) => T): T }, rate = 100_000): void {
  const gateway = app.get(LiveGateway);
  gateway.limiter.rate = rate;
  gateway.limiter.burst = rate;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A forum template with one phase of every kind. */
export const EVERY_PHASE: CreateForumBody['phases'] = [
  {
    kind: 'check-in',
    title: 'Incheckning',
    timeboxSeconds: 120,
    settings: { prompt: 'Hur mår du idag?', mode: 'free' },
  },
  { kind: 'capture', title: 'Dagens plan', timeboxSeconds: 300, settings: { itemKinds: ['plan', 'risk'] } },
  { kind: 'review', title: 'Uppföljning', settings: { itemKinds: ['plan', 'risk', 'action'] } },
  {
    kind: 'voting',
    title: 'Prioritera',
    settings: { itemKinds: ['plan', 'risk', 'idea'], votesPerPerson: 3, maxPerItem: 2 },
  },
  { kind: 'discussion', title: 'Diskussion', settings: { itemKinds: ['plan', 'risk', 'idea'] } },
  { kind: 'summary', title: 'Sammanfattning', settings: {} },
  { kind: 'ethics-theme', title: 'Tema', settings: {} },
  { kind: 'breakout', title: 'Smågrupper', timeboxSeconds: 900, settings: {} },
  { kind: 'kasam-reflection', title: 'Egen reflektion', settings: { k: 3 } },
  { kind: 'kasam-factors', title: 'Friskfaktorer', settings: {} },
  { kind: 'kasam-actions', title: 'Åtgärder', settings: {} },
  { kind: 'steering-check-in', title: 'Hur mår du?', settings: { prompt: 'Ett ord eller en siffra' } },
  { kind: 'steering-carry-over', title: 'Från i går', settings: {} },
  { kind: 'steering-plan', title: 'Dagens plan', settings: {} },
  { kind: 'steering-follow-up', title: 'Uppföljning', settings: {} },
  { kind: 'steering-risks', title: 'Risker och störningar', settings: {} },
  { kind: 'steering-feedback', title: 'Positiv återkoppling', settings: {} },
  { kind: 'pdsa', title: 'PDSA-cykeln', settings: { part: 'cycle' } },
];

export async function createForum(p: Person, teamId: string, body: Partial<CreateForumBody> = {}): Promise<ForumDto> {
  const res = await p.client.post<ForumDto>(`/api/teams/${teamId}/forums`, {
    kind: 'daily-morning',
    name: 'Morgonmöte',
    schedule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
    phases: EVERY_PHASE,
    ...body,
  });
  if (res.status !== 201) throw new Error(`create forum failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function startMeeting(
  p: Person,
  teamId: string,
  forumId: string,
  body: Record<string, unknown> = {},
): Promise<MeetingDto> {
  const res = await p.client.post<MeetingDto>(`/api/teams/${teamId}/forums/${forumId}/meetings`, body);
  if (res.status !== 201) throw new Error(`start meeting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** world() plus a forum with every phase kind and a live meeting that the facilitator facilitates. */
export async function meetingWorld(baseUrl: string) {
  const w = await world(baseUrl);
  const forum = await createForum(w.facilitator, w.team.id, {
    facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
  });
  const meeting = await startMeeting(w.member, w.team.id, forum.id);
  return { ...w, forum, meeting };
}

/** The parts of a snapshot that every client must agree on with the database. */
export function shared(s: MeetingSnapshot) {
  return {
    meeting: s.meeting,
    phases: s.phases.map((p) => (p.kind === 'voting' ? { ...p, state: { ...p.state, mine: null } } : p)),
    items: [...s.items].sort((a, b) => (a.id < b.id ? -1 : 1)),
    timer: s.timer,
    hands: s.hands,
    ready: [...s.ready].sort(),
    minutes: s.minutes,
    lastSeq: s.lastSeq,
  };
}
