/** The orchestrator's side of the load generators: forks them, splits participants and rate, merges reports. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { track } from '../infra/processes.js';
import { Histogram } from '../stats.js';
import type {
  ConnectReport,
  FromWorker,
  LoadReport,
  ParticipantSpec,
  TargetKind,
  ToWorker,
  VerifyReport,
} from './messages.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

class Worker {
  private readonly waiters: { type: string; resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  exited = false;

  constructor(
    readonly proc: ChildProcess,
    readonly share: number,
  ) {
    proc.on('message', (m: FromWorker) => {
      const w = this.waiters.shift();
      if (!w) return;
      if (m.type === 'error') w.reject(new Error(`load generator: ${m.message}`));
      else if (m.type !== w.type) w.reject(new Error(`load generator answered ${m.type}, expected ${w.type}`));
      else w.resolve(m);
    });
    proc.on('exit', (code) => {
      this.exited = true;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`load generator exited (${code})`));
    });
  }

  request<T extends FromWorker>(msg: ToWorker, type: T['type']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiters.push({ type, resolve: resolve as (m: FromWorker) => void, reject });
      this.proc.send(msg);
    });
  }
}

export class LoadGenerators {
  private constructor(
    private readonly workers: Worker[],
    readonly target: TargetKind,
  ) {}

  /**
   * Forks `count` processes and deals the participants out so that each process holds some of every room and
   * of every node (participants alternate between nodes by index, so a plain round-robin would put a whole
   * node's participants in one process).
   */
  static async start(
    target: TargetKind,
    participants: ParticipantSpec[],
    count: number,
    failover = false,
  ): Promise<LoadGenerators> {
    const n = Math.max(1, Math.min(count, participants.length));
    const shares: ParticipantSpec[][] = Array.from({ length: n }, () => []);
    participants.forEach((p, i) => shares[(i + Math.floor(i / n)) % n]!.push(p));
    const workers = shares.map((share, i) => {
      const proc = track(
        fork(WORKER, [], { execArgv: ['--max-old-space-size=2048'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      );
      return { worker: new Worker(proc, share.length / participants.length), share, i };
    });
    await Promise.all(
      workers.map(({ worker, share, i }) =>
        worker.request({ type: 'init', workerId: i + 1, target, participants: share, failover }, 'ready'),
      ),
    );
    return new LoadGenerators(
      workers.map((w) => w.worker),
      target,
    );
  }

  get pids(): number[] {
    return this.workers.map((w) => w.proc.pid!);
  }

  async connect(storm = false, startAt = Date.now()): Promise<Omit<ConnectReport, 'type'>> {
    const reports = await Promise.all(
      this.workers.map((w) => w.request<ConnectReport>({ type: 'connect', storm, startAt }, 'connected')),
    );
    return {
      joined: sum(reports.map((r) => r.joined)),
      failed: sum(reports.map((r) => r.failed)),
      errors: reports.flatMap((r) => r.errors).slice(0, 5),
      snapshotMs: reports.flatMap((r) => r.snapshotMs),
    };
  }

  /** Open loop: `rate` commands/s in total from `startAt`, whatever the answers. */
  async load(
    rate: number,
    startAt: number,
    durationMs: number,
    ackTimeoutMs: number,
  ): Promise<Omit<LoadReport, 'type'>> {
    const reports = await Promise.all(
      this.workers.map((w) =>
        w.request<LoadReport>({ type: 'load', rate: rate * w.share, startAt, durationMs, ackTimeoutMs }, 'loaded'),
      ),
    );
    const refusedCodes: Record<string, number> = {};
    for (const r of reports)
      for (const [k, v] of Object.entries(r.refusedCodes)) refusedCodes[k] = (refusedCodes[k] ?? 0) + v;
    return {
      sent: sum(reports.map((r) => r.sent)),
      skipped: sum(reports.map((r) => r.skipped)),
      acked: reports.flatMap((r) => r.acked),
      refused: sum(reports.map((r) => r.refused)),
      refusedCodes,
      unacked: sum(reports.map((r) => r.unacked)),
      retried: sum(reports.map((r) => r.retried)),
    };
  }

  async verify(acked: [number, string][], drainMs: number) {
    const byMeeting: Record<string, number[]> = {};
    for (const [op, meetingId] of acked) (byMeeting[meetingId] ??= []).push(op);
    const reports = await Promise.all(
      this.workers.map((w) => w.request<VerifyReport>({ type: 'verify', acked: byMeeting, drainMs }, 'verified')),
    );
    const hist = new Histogram();
    for (const r of reports) hist.merge(r.hist);
    const minLastSeq: Record<string, number> = {};
    for (const r of reports)
      for (const [k, v] of Object.entries(r.minLastSeq)) minLastSeq[k] = Math.min(minLastSeq[k] ?? Infinity, v);
    return {
      hist,
      deliveries: sum(reports.map((r) => r.deliveries)),
      missing: sum(reports.map((r) => r.missing)),
      dropped: sum(reports.map((r) => r.dropped)),
      caughtUpAt: reports.flatMap((r) => r.caughtUpAt),
      notRecovered: sum(reports.map((r) => r.notRecovered)),
      missingAfterRecovery: sum(reports.map((r) => r.missingAfterRecovery)),
      gapRejoins: sum(reports.map((r) => r.gapRejoins)),
      minLastSeq,
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exited) return resolve();
            const timer = setTimeout(() => w.proc.kill('SIGKILL'), 5000);
            w.proc.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.proc.send({ type: 'close' } satisfies ToWorker);
          }),
      ),
    );
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
