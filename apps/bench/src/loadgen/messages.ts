/** What the orchestrator and its load-generator processes say to each other over IPC. */
import type { HistogramData } from '../stats.js';

export type TargetKind = 'tillit' | 'baseline';

/** One simulated participant: a real Tillit account (session cookie) or an anonymous baseline client. */
export interface ParticipantSpec {
  /** Global index, unique in the run of one scenario. */
  idx: number;
  /** Tillit: the meeting id; baseline: the room name. */
  meetingId: string;
  /** The node this participant connects to first; the others are where it fails over to. */
  urls: string[];
  /** Tillit: the `Cookie` header carrying the session. */
  cookie?: string;
  /** Join storm: when to start connecting, in ms after the storm starts. */
  joinAtMs?: number;
}

export type ToWorker =
  | { type: 'init'; workerId: number; target: TargetKind; participants: ParticipantSpec[]; failover: boolean }
  /** Connect and join everyone (bounded concurrency), or in a storm spread by each `joinAtMs` from `startAt`. */
  | { type: 'connect'; storm: boolean; startAt: number }
  /** Send `rate` commands per second from this worker's participants, from `startAt` (epoch ms) for `durationMs`. */
  | { type: 'load'; rate: number; startAt: number; durationMs: number; ackTimeoutMs: number }
  /** Wait (up to `drainMs`) until every participant has every acknowledged op of its meeting, then report. */
  | { type: 'verify'; acked: Record<string, number[]>; drainMs: number }
  | { type: 'close' };

export interface ConnectReport {
  type: 'connected';
  joined: number;
  failed: number;
  errors: string[];
  /** Per participant (storm only): ms from starting to connect until the join ack (a full snapshot). */
  snapshotMs: number[];
}

export interface LoadReport {
  type: 'loaded';
  sent: number;
  /** Slots in the schedule when none of this process's participants was in the meeting (reconnecting). */
  skipped: number;
  /** [opNum, meetingId] of every acknowledged command. */
  acked: [number, string][];
  refused: number;
  refusedCodes: Record<string, number>;
  /** Never acknowledged within ackTimeoutMs (after retries on failover). */
  unacked: number;
  retried: number;
}

export interface VerifyReport {
  type: 'verified';
  /** Fan-out latency: sender's emit → another participant's receipt. */
  hist: HistogramData;
  /** Receipts of the broadcast by participants other than the sender. */
  deliveries: number;
  /** Acknowledged ops that a participant who stayed connected never received. */
  missing: number;
  /** Participants that lost their connection at some point during the scenario. */
  dropped: number;
  /** Failover: per participant that reconnected, epoch ms when it had rejoined and caught up. */
  caughtUpAt: number[];
  /** Failover: participants that lost their connection and never caught up. */
  notRecovered: number;
  /** Failover: acknowledged ops missing from a participant's final state (reconnected or not). */
  missingAfterRecovery: number;
  /** Tillit: rejoins because a seq gap was not filled within a second. */
  gapRejoins: number;
  /** Tillit: per meeting, the lowest seq that a joined participant has applied without gaps (checked against the DB). */
  minLastSeq: Record<string, number>;
}

export type FromWorker =
  { type: 'ready' } | ConnectReport | LoadReport | VerifyReport | { type: 'error'; message: string };
