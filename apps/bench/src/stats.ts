/**
 * A latency histogram that load generators fill and the orchestrator merges: fixed buckets (0.05 ms up to
 * 100 ms, 1 ms up to 10 s, 10 ms up to 120 s), so merging is adding counts and quantiles are exact to the
 * bucket. Only non-empty buckets travel over IPC.
 */
const FINE_MS = 100;
const FINE_STEP = 0.05;
const MID_MS = 10_000;
const MID_STEP = 1;
const COARSE_MS = 120_000;
const COARSE_STEP = 10;
const FINE_N = FINE_MS / FINE_STEP;
const MID_N = (MID_MS - FINE_MS) / MID_STEP;
const COARSE_N = (COARSE_MS - MID_MS) / COARSE_STEP;
const SIZE = FINE_N + MID_N + COARSE_N + 1;

function bucketOf(ms: number): number {
  if (ms < 0) ms = 0;
  if (ms < FINE_MS) return Math.floor(ms / FINE_STEP);
  if (ms < MID_MS) return FINE_N + Math.floor((ms - FINE_MS) / MID_STEP);
  if (ms < COARSE_MS) return FINE_N + MID_N + Math.floor((ms - MID_MS) / COARSE_STEP);
  return SIZE - 1;
}

/** The upper edge of a bucket: quantiles are reported pessimistically. */
function upperEdge(b: number): number {
  if (b < FINE_N) return (b + 1) * FINE_STEP;
  if (b < FINE_N + MID_N) return FINE_MS + (b - FINE_N + 1) * MID_STEP;
  if (b < SIZE - 1) return MID_MS + (b - FINE_N - MID_N + 1) * COARSE_STEP;
  return Infinity;
}

export type HistogramData = { buckets: [number, number][]; count: number; max: number };

export class Histogram {
  private readonly counts = new Uint32Array(SIZE);
  count = 0;
  max = 0;

  record(ms: number): void {
    this.counts[bucketOf(ms)]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
  }

  merge(d: HistogramData): void {
    for (const [b, n] of d.buckets) this.counts[b]! += n;
    this.count += d.count;
    if (d.max > this.max) this.max = d.max;
  }

  /** The q-quantile (0..1) in ms, null when empty. Never above the exact max. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let b = 0; b < SIZE; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return Math.min(upperEdge(b), this.max);
    }
    return this.max;
  }

  toJSON(): HistogramData {
    const buckets: [number, number][] = [];
    for (let b = 0; b < SIZE; b++) if (this.counts[b]) buckets.push([b, this.counts[b]!]);
    return { buckets, count: this.count, max: this.max };
  }
}

/** Exact quantile of a small sample (join times): nearest rank. */
export function quantileOf(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (v: number | null | undefined, digits = 1): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;
