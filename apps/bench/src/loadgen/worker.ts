/**
 * A load-generator process (forked by the orchestrator, so it never shares the API's process): holds a
 * share of the participants' sockets, sends their commands on an open-loop schedule, timestamps every
 * receipt of a broadcast, and accounts for every acknowledged op.
 */
import type { LiveEvent } from '@tillit/protocol';
import { Histogram } from '../stats.js';
import {
  type AckResult,
  connected,
  createClient,
  newOpId,
  now,
  opText,
  parseOpText,
  type TargetClient,
} from './clients.js';
import type { FromWorker, ParticipantSpec, TargetKind, ToWorker } from './messages.js';

const CONNECT_CONCURRENCY = 25;
const GAP_REJOIN_MS = 1000;

let workerId = 0;
let target: TargetKind = 'tillit';
let failover = false;
let participants: Participant[] = [];
const hist = new Histogram();
let deliveries = 0;
let gapRejoins = 0;

interface Pending {
  p: Participant;
  opId: string;
  text: string;
  opNum: number;
  sentAt: number;
}
const pending = new Map<number, Pending>();
let acked: [number, string][] = [];
let refused = 0;
let refusedCodes: Record<string, number> = {};
let retried = 0;
let opCounter = 0;

const send = (m: FromWorker) => process.send!(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Participant {
  client?: TargetClient;
  urlIndex = 0;
  joined = false;
  /** Lost its connection at least once (excluded from "stayed connected" accounting). */
  dropped = false;
  caughtUpAt: number | null = null;
  /** Ops this participant has seen, live or through a join. */
  readonly received = new Set<number>();
  lastSeq = 0;
  private readonly buffer = new Map<number, LiveEvent>();
  gapSince: number | null = null;
  private rejoining = false;
  private joinedOnce = false;
  closing = false;

  constructor(readonly spec: ParticipantSpec) {}

  get meetingId(): string {
    return this.spec.meetingId;
  }

  /** Connects to its current node and joins; resolves with an error text or null. */
  async connectAndJoin(): Promise<string | null> {
    const client = createClient(target, this.spec.urls[this.urlIndex]!, this.spec);
    this.client = client;
    client.onEvent((item) => this.receive(item.text, item.event, true));
    try {
      await connected(client);
    } catch (err) {
      client.close();
      return (err as Error).message;
    }
    client.socket.on('disconnect', (reason: string) => this.lost(client, reason));
    return this.join();
  }

  private async join(): Promise<string | null> {
    const client = this.client!;
    const res = await client.join(
      target === 'tillit' && (this.lastSeq > 0 || this.joinedOnce) ? this.lastSeq : undefined,
    );
    if (!res.ok) return res.error ?? 'join failed';
    for (const t of res.texts) this.receive(t, undefined, false);
    if (res.lastSeq !== undefined) {
      if (res.events) {
        for (const e of res.events) if (e.seq > this.lastSeq) this.buffer.set(e.seq, e);
      } else {
        // A snapshot replaces the state.
        this.lastSeq = res.lastSeq;
        for (const seq of [...this.buffer.keys()]) if (seq <= this.lastSeq) this.buffer.delete(seq);
      }
      this.drain();
    }
    this.joined = true;
    this.joinedOnce = true;
    return null;
  }

  private receive(text: string, event: LiveEvent | undefined, live: boolean): void {
    const op = text ? parseOpText(text) : null;
    if (op && !this.received.has(op.opNum)) {
      this.received.add(op.opNum);
      if (live && op.sender !== this.spec.idx) {
        hist.record(now() - op.sentAt);
        deliveries++;
      }
    }
    if (event && target === 'tillit') {
      if (event.seq <= this.lastSeq) return;
      this.buffer.set(event.seq, event);
      this.drain();
    }
  }

  private drain(): void {
    while (this.buffer.has(this.lastSeq + 1)) {
      this.buffer.delete(this.lastSeq + 1);
      this.lastSeq++;
    }
    for (const seq of [...this.buffer.keys()]) if (seq <= this.lastSeq) this.buffer.delete(seq);
    this.gapSince = this.buffer.size > 0 ? (this.gapSince ?? now()) : null;
  }

  /** The protocol's rule: a gap not filled within ~1 s means re-join with lastSeq. */
  async checkGap(): Promise<void> {
    if (this.gapSince === null || this.rejoining || !this.joined || now() - this.gapSince < GAP_REJOIN_MS) return;
    this.rejoining = true;
    gapRejoins++;
    try {
      await this.join();
    } finally {
      this.rejoining = false;
    }
  }

  private lost(client: TargetClient, _reason: string): void {
    if (client !== this.client || this.closing) return;
    this.joined = false;
    this.dropped = true;
    this.caughtUpAt = null;
    if (failover) void this.failOver();
  }

  /** As the web client would behind a proxy: wait 0.5–1.5 s, reconnect (to a live node), rejoin, resend. */
  private async failOver(): Promise<void> {
    for (let attempt = 0; attempt < 30 && !this.closing; attempt++) {
      await sleep(Math.min(5000, 1000 * 2 ** Math.min(attempt, 2)) * (0.5 + Math.random()));
      this.urlIndex = (this.urlIndex + 1) % this.spec.urls.length;
      const error = await this.connectAndJoin();
      if (!error) {
        this.caughtUpAt = now();
        for (const op of pending.values()) {
          if (op.p !== this) continue;
          retried++;
          this.emitAdd(op);
        }
        return;
      }
    }
  }

  emitAdd(op: Pending): void {
    const client = this.client!;
    client.add(op.text, op.opId, (ack: AckResult) => {
      if (!pending.has(op.opNum)) return;
      pending.delete(op.opNum);
      if (ack.ok) acked.push([op.opNum, this.meetingId]);
      else {
        refused++;
        refusedCodes[ack.code ?? '?'] = (refusedCodes[ack.code ?? '?'] ?? 0) + 1;
      }
    });
  }

  close(): void {
    this.closing = true;
    this.client?.close();
  }
}

async function connectAll(storm: boolean, startAt: number): Promise<void> {
  const errors: string[] = [];
  const snapshotMs: number[] = [];
  let joined = 0;
  let failed = 0;
  const one = async (p: Participant) => {
    const t0 = now();
    const error = await p.connectAndJoin();
    if (error) {
      failed++;
      if (errors.length < 5) errors.push(error);
    } else {
      joined++;
      if (storm) snapshotMs.push(now() - t0);
    }
  };
  if (storm) {
    await Promise.all(
      participants.map(async (p) => {
        await sleep(Math.max(0, startAt + (p.spec.joinAtMs ?? 0) - now()));
        await one(p);
      }),
    );
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECT_CONCURRENCY }, async () => {
        while (next < participants.length) await one(participants[next++]!);
      }),
    );
  }
  send({ type: 'connected', joined, failed, errors, snapshotMs });
}

async function load(rate: number, startAt: number, durationMs: number, ackTimeoutMs: number): Promise<void> {
  hist.reset();
  deliveries = 0;
  acked = [];
  refused = 0;
  refusedCodes = {};
  retried = 0;
  const total = Math.round((rate * durationMs) / 1000);
  let sent = 0;
  let skipped = 0;
  let cursor = 0;
  await sleep(Math.max(0, startAt - now()));
  while (sent < total) {
    const due = Math.min(total, Math.floor(((now() - startAt) * rate) / 1000));
    while (sent < due) {
      // Round-robin over the participants that are in the meeting now.
      let p: Participant | undefined;
      for (let i = 0; i < participants.length && !p; i++) {
        const candidate = participants[cursor++ % participants.length]!;
        if (candidate.joined) p = candidate;
      }
      sent++;
      if (!p) {
        skipped++;
        continue;
      }
      const opNum = workerId * 10_000_000 + ++opCounter;
      const sentAt = now();
      const op: Pending = { p, opId: newOpId(), text: opText(opNum, p.spec.idx, sentAt), opNum, sentAt };
      pending.set(opNum, op);
      p.emitAdd(op);
    }
    await sleep(2);
  }
  const deadline = now() + ackTimeoutMs;
  while (pending.size > 0 && now() < deadline) await sleep(20);
  const unacked = pending.size;
  pending.clear();
  send({ type: 'loaded', sent, skipped, acked, refused, refusedCodes, unacked, retried });
}

async function verify(ackedByMeeting: Record<string, number[]>, drainMs: number): Promise<void> {
  const deadline = now() + drainMs;
  const missingOf = (p: Participant) => {
    let n = 0;
    for (const op of ackedByMeeting[p.meetingId] ?? []) if (!p.received.has(op)) n++;
    return n;
  };
  let missing: number;
  let missingAfterRecovery: number;
  for (;;) {
    missing = 0;
    missingAfterRecovery = 0;
    for (const p of participants) {
      if (!p.dropped) missing += missingOf(p);
      else if (p.joined) missingAfterRecovery += missingOf(p);
    }
    const recovering = failover && participants.some((p) => p.dropped && !p.joined);
    if ((missing === 0 && missingAfterRecovery === 0 && !recovering) || now() > deadline) break;
    await sleep(50);
  }
  const minLastSeq: Record<string, number> = {};
  for (const p of participants) {
    if (!p.joined) continue;
    minLastSeq[p.meetingId] = Math.min(minLastSeq[p.meetingId] ?? Infinity, p.lastSeq);
  }
  send({
    type: 'verified',
    hist: hist.toJSON(),
    deliveries,
    missing,
    dropped: participants.filter((p) => p.dropped).length,
    caughtUpAt: participants.flatMap((p) => (p.dropped && p.caughtUpAt !== null ? [p.caughtUpAt] : [])),
    notRecovered: participants.filter((p) => p.dropped && !p.joined).length,
    missingAfterRecovery,
    gapRejoins,
    minLastSeq,
  });
}

const gapTimer = setInterval(() => {
  for (const p of participants) void p.checkGap();
}, 250);
gapTimer.unref();

process.on('message', (m: ToWorker) => {
  const run = async () => {
    switch (m.type) {
      case 'init':
        workerId = m.workerId;
        target = m.target;
        failover = m.failover;
        participants = m.participants.map((s) => new Participant(s));
        send({ type: 'ready' });
        return;
      case 'connect':
        return connectAll(m.storm, m.startAt);
      case 'load':
        return load(m.rate, m.startAt, m.durationMs, m.ackTimeoutMs);
      case 'verify':
        return verify(m.acked, m.drainMs);
      case 'close':
        for (const p of participants) p.close();
        await sleep(100);
        process.exit(0);
    }
  };
  run().catch((err: unknown) => send({ type: 'error', message: String((err as Error)?.stack ?? err) }));
});
// The orchestrator going away ends this process: no orphaned load.
process.on('disconnect', () => process.exit(0));
