/**
 * Per meeting on this node: a transaction runs alone (its handler holds the row lock over several round
 * trips, so others would only wait in the pool, blocked on it); direct writes go as batches of those waiting
 * at the head of the queue (one statement each), at most DIRECT_IN_FLIGHT at once. First come, first served;
 * other meetings are never held up. Only a performance device: the row lock keeps correctness, also across
 * nodes.
 */
export class MeetingQueue<D extends { guardKey: string }, R> {
  private readonly lanes = new Map<string, Lane<D, R>>();

  constructor(private readonly runBatch: (meetingId: string, batch: QueuedDirect<D, R>[]) => Promise<void>) {}

  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue(key, { kind: 'tx', run: () => task().then(resolve, reject) });
    });
  }

  /** Resolves with the write, or null when the meeting no longer matched what was authorized. */
  direct(key: string, stmt: D): Promise<R | null> {
    return new Promise<R | null>((resolve, reject) => {
      this.enqueue(key, { kind: 'direct', unit: { stmt, resolve, reject } });
    });
  }

  private enqueue(key: string, entry: Entry<D, R>): void {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { running: 0, exclusive: false, waiting: [] };
      this.lanes.set(key, lane);
    }
    lane.waiting.push(entry);
    this.pump(key, lane);
  }

  private pump(key: string, lane: Lane<D, R>): void {
    for (;;) {
      const head = lane.waiting[0];
      if (!head) {
        if (lane.running === 0) this.lanes.delete(key);
        return;
      }
      if (lane.exclusive) return;
      if (head.kind === 'tx' ? lane.running > 0 : lane.running >= DIRECT_IN_FLIGHT) return;
      lane.waiting.shift();
      lane.running++;
      let work: Promise<unknown>;
      if (head.kind === 'tx') {
        lane.exclusive = true;
        work = head.run();
      } else {
        const batch = [head.unit];
        while (batch.length < BATCH_MAX) {
          const next = lane.waiting[0];
          if (next?.kind !== 'direct' || next.unit.stmt.guardKey !== head.unit.stmt.guardKey) break;
          lane.waiting.shift();
          batch.push(next.unit);
        }
        work = this.runBatch(key, batch);
      }
      void work
        .catch(() => undefined)
        .then(() => {
          lane.running--;
          if (head.kind === 'tx') lane.exclusive = false;
          this.pump(key, lane);
        });
    }
  }
}

/** One direct write waiting in the queue: settled by the batch it goes in. */
export interface QueuedDirect<D, R> {
  stmt: D;
  resolve(done: R | null): void;
  reject(err: unknown): void;
}

const BATCH_MAX = 50;
/**
 * Direct batches of one meeting in flight at once. The second waits on the row lock inside PostgreSQL rather
 * than in this queue, so its round trip and parsing overlap the first's execution: under load a command waits
 * for less than one statement instead of about one and a half. Seqs stay gap-free (each statement reads the
 * seq under the lock); broadcasts of two batches may leave out of seq order, which clients already handle.
 */
const DIRECT_IN_FLIGHT = 2;

type Entry<D, R> = { kind: 'tx'; run: () => Promise<unknown> } | { kind: 'direct'; unit: QueuedDirect<D, R> };

interface Lane<D, R> {
  /** Writes in flight: one transaction (`exclusive`), or up to DIRECT_IN_FLIGHT direct batches. */
  running: number;
  exclusive: boolean;
  waiting: Entry<D, R>[];
}
