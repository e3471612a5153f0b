/**
 * How a simulated participant talks to each target: Tillit's real wire protocol (session cookie, protocol
 * version, `meeting:join`, `meeting:command` `item.add`, `meeting:event`) or the baseline's bare one.
 */
import { randomUUID } from 'node:crypto';
import {
  type ClientToServerEvents,
  type CommandAck,
  type JoinAck,
  type LiveEvent,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_OPTIONS,
} from '@tillit/protocol';
import { io, type Socket } from 'socket.io-client';
import type { BaselineAck, BaselineClientEvents, BaselineServerEvents } from '../baseline/protocol.js';
import type { ParticipantSpec, TargetKind } from './messages.js';

/** Texts carry what latency and loss accounting need: `bench <opNum> <senderIdx> <epoch ms of the emit>`. */
export const opText = (opNum: number, sender: number, sentAt: number) =>
  `bench ${opNum} ${sender} ${sentAt.toFixed(3)}`;
export function parseOpText(text: string): { opNum: number; sender: number; sentAt: number } | null {
  const parts = text.split(' ');
  if (parts.length !== 4 || parts[0] !== 'bench') return null;
  return { opNum: Number(parts[1]), sender: Number(parts[2]), sentAt: Number(parts[3]) };
}

/** Wall-clock ms with sub-ms resolution; comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();

export interface JoinResult {
  ok: boolean;
  error?: string;
  /** Everything the join brought: a snapshot's items or the missed events' items (op texts). */
  texts: string[];
  /** Tillit: the seq the state is at after this join; events to apply in order. */
  lastSeq?: number;
  events?: LiveEvent[];
}

export interface AckResult {
  ok: boolean;
  code?: string;
}

export interface LiveItem {
  text: string;
  /** Tillit: the event's seq. */
  seq?: number;
  event?: LiveEvent;
}

/** One connection of one participant; created per (re)connect. */
export interface TargetClient {
  readonly socket: Socket;
  join(lastSeq: number | undefined): Promise<JoinResult>;
  add(text: string, opId: string, cb: (ack: AckResult) => void): void;
  onEvent(cb: (item: LiveItem) => void): void;
  close(): void;
}

class TillitClient implements TargetClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    url: string,
    private readonly spec: ParticipantSpec,
  ) {
    this.socket = io(url, {
      ...SOCKET_OPTIONS,
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
      extraHeaders: spec.cookie ? { cookie: spec.cookie } : {},
      auth: { protocolVersion: PROTOCOL_VERSION },
    });
  }

  join(lastSeq: number | undefined): Promise<JoinResult> {
    return new Promise((resolve) => {
      this.socket
        .timeout(30_000)
        .emit(
          'meeting:join',
          { meetingId: this.spec.meetingId, ...(lastSeq !== undefined ? { lastSeq } : {}) },
          (err: Error | null, ack: JoinAck) => {
            if (err) return resolve({ ok: false, error: `join: ${err.message}`, texts: [] });
            if (!ack.ok) return resolve({ ok: false, error: `join: ${ack.error.code}`, texts: [] });
            if (ack.mode === 'snapshot') {
              resolve({ ok: true, texts: ack.snapshot.items.map((i) => i.text), lastSeq: ack.snapshot.lastSeq });
            } else {
              const texts = ack.events.flatMap((e) => (e.type === 'item.added' ? [e.payload.item.text] : []));
              resolve({ ok: true, texts, lastSeq: ack.lastSeq, events: ack.events });
            }
          },
        );
    });
  }

  add(text: string, opId: string, cb: (ack: AckResult) => void): void {
    this.socket.emit(
      'meeting:command',
      { opId, meetingId: this.spec.meetingId, type: 'item.add', payload: { kind: 'idea', text } },
      (ack: CommandAck) => cb(ack.ok ? { ok: true } : { ok: false, code: ack.error.code }),
    );
  }

  onEvent(cb: (item: LiveItem) => void): void {
    this.socket.on('meeting:event', (e) => {
      if (e.meetingId !== this.spec.meetingId) return;
      cb({ text: e.type === 'item.added' ? e.payload.item.text : '', seq: e.seq, event: e });
    });
  }

  close(): void {
    this.socket.close();
  }
}

class BaselineClient implements TargetClient {
  readonly socket: Socket<BaselineServerEvents, BaselineClientEvents>;

  constructor(
    url: string,
    private readonly spec: ParticipantSpec,
  ) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
    });
  }

  join(): Promise<JoinResult> {
    return new Promise((resolve) => {
      this.socket
        .timeout(30_000)
        .emit('join', { room: this.spec.meetingId }, (err: Error | null) =>
          resolve(err ? { ok: false, error: `join: ${err.message}`, texts: [] } : { ok: true, texts: [] }),
        );
    });
  }

  add(text: string, _opId: string, cb: (ack: AckResult) => void): void {
    this.socket.emit('add', { room: this.spec.meetingId, text }, (ack: BaselineAck) =>
      cb(ack.ok ? { ok: true } : { ok: false, code: 'ERROR' }),
    );
  }

  onEvent(cb: (item: LiveItem) => void): void {
    this.socket.on('item', (item) => cb({ text: item.text }));
  }

  close(): void {
    this.socket.close();
  }
}

export function createClient(target: TargetKind, url: string, spec: ParticipantSpec): TargetClient {
  return target === 'tillit' ? new TillitClient(url, spec) : new BaselineClient(url, spec);
}

/** Resolves when the socket is connected; rejects with the connect error. */
export function connected(client: TargetClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
      reject(new Error(`connect: ${err.data?.code ?? err.message}`)),
    );
  });
}

export const newOpId = () => randomUUID();
