/**
 * Run-chart analysis: a pure function from values in time order to the centre line, the runs, and the
 * signals of non-random variation.
 *
 * Rules (see README.md for sources):
 * - shift: `shiftLength` (6) or more consecutive points on the same side of the median; points ON the median
 *   neither break nor count (Provost & Murray, The Health Care Data Guide; Perla, Provost & Murray 2011);
 * - trend: `trendLength` (5) or more consecutive points all rising or all falling; equal neighbours are
 *   counted once, so they neither make nor break a trend (same sources);
 * - Anhøj: the longest run is longer than round(log2(n) + 3), or the line crosses the median fewer times than
 *   qbinom(0.05, n − 1, 0.5), with n the number of useful points (Anhøj & Olesen 2014).
 */
import { crossingsLimit, longestRunLimit, median } from './stats.js';

export type Better = 'up' | 'down';
export type Side = -1 | 0 | 1;

export interface AnalyseOptions {
  /** Freeze the centre line at the median of the first N points (a baseline), extended over the rest. */
  baselinePoints?: number | null;
  /** A centre line given from outside (e.g. the median of an earlier, stable period); wins over the median. */
  centre?: number | null;
  /** Which direction is an improvement; lets signals say whether they point the good way. */
  better?: Better | null;
  shiftLength?: number;
  trendLength?: number;
}

export interface Run {
  /** Index of the first and last point of the run (points on the median inside it are skipped). */
  start: number;
  end: number;
  /** Useful points in the run (points on the median do not count). */
  length: number;
  side: 'above' | 'below';
}

export interface Trend {
  start: number;
  end: number;
  /** Points in the trend, equal neighbours counted once. */
  length: number;
  direction: 'rising' | 'falling';
}

export type Signal =
  | ({ kind: 'shift'; improvement: boolean | null } & Run)
  | ({ kind: 'trend'; improvement: boolean | null } & Trend)
  | { kind: 'longest-run'; length: number; limit: number; run: Run; improvement: boolean | null }
  | { kind: 'crossings'; crossings: number; limit: number };

export interface RunChartAnalysis {
  /** Number of points. */
  n: number;
  /** The centre line (median of all points, or of the baseline when frozen); null without points. */
  centre: number | null;
  /** The centre line is the median of the first `baselineCount` points, extended. */
  frozen: boolean;
  /** Points the centre line is computed from. */
  baselineCount: number;
  /** Per point: above (1), below (-1) or on (0) the centre line. */
  sides: Side[];
  /** Points not on the centre line. */
  useful: number;
  runs: Run[];
  longestRun: Run | null;
  longestRunLimit: number | null;
  crossings: number;
  crossingsLimit: number | null;
  shifts: Run[];
  trends: Trend[];
  /** Every signal, in the order shift, trend, Anhøj longest run, Anhøj crossings. */
  signals: Signal[];
  /** Fewer than 10 useful points: the rules say little yet. */
  fewPoints: boolean;
}

/** Values this close to the centre line count as on it (guards against floating-point noise). */
const onLine = (value: number, centre: number) => Math.abs(value - centre) <= 1e-9 * Math.max(1, Math.abs(centre));

const improvementOf = (better: Better | null | undefined, up: boolean): boolean | null =>
  better ? (better === 'up') === up : null;

export function analyse(values: readonly number[], options: AnalyseOptions = {}): RunChartAnalysis {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError('values must be finite numbers');
  const shiftLength = options.shiftLength ?? 6;
  const trendLength = options.trendLength ?? 5;
  const n = values.length;
  const baseline = options.baselinePoints ?? null;
  const frozen = baseline !== null && baseline > 0 && n >= baseline;
  const baselineCount = frozen ? baseline : n;
  const given = options.centre ?? null;
  const centre = given ?? median(values.slice(0, baselineCount));

  const sides: Side[] = values.map((v) => (centre === null || onLine(v, centre) ? 0 : v > centre ? 1 : -1));
  const runs: Run[] = [];
  let current: Run | null = null;
  sides.forEach((side, i) => {
    if (side === 0) return; // on the median: neither breaks nor counts
    const s = side === 1 ? 'above' : 'below';
    if (current && current.side === s) {
      current.end = i;
      current.length += 1;
    } else {
      current = { start: i, end: i, length: 1, side: s };
      runs.push(current);
    }
  });
  const useful = runs.reduce((a, r) => a + r.length, 0);
  const longestRun = runs.reduce<Run | null>((best, r) => (!best || r.length > best.length ? r : best), null);
  const crossings = Math.max(runs.length - 1, 0);
  const lrLimit = longestRunLimit(useful);
  const crLimit = crossingsLimit(useful);
  const shifts = runs.filter((r) => r.length >= shiftLength);
  const trends = findTrends(values, trendLength);

  const signals: Signal[] = [
    ...shifts.map((r) => ({
      kind: 'shift' as const,
      ...r,
      improvement: improvementOf(options.better, r.side === 'above'),
    })),
    ...trends.map((t) => ({
      kind: 'trend' as const,
      ...t,
      improvement: improvementOf(options.better, t.direction === 'rising'),
    })),
  ];
  if (longestRun && lrLimit !== null && longestRun.length > lrLimit) {
    signals.push({
      kind: 'longest-run',
      length: longestRun.length,
      limit: lrLimit,
      run: longestRun,
      improvement: improvementOf(options.better, longestRun.side === 'above'),
    });
  }
  if (crLimit !== null && crossings < crLimit) signals.push({ kind: 'crossings', crossings, limit: crLimit });

  return {
    n,
    centre,
    frozen,
    baselineCount,
    sides,
    useful,
    runs,
    longestRun,
    longestRunLimit: lrLimit,
    crossings,
    crossingsLimit: crLimit,
    shifts,
    trends,
    signals,
    fewPoints: useful < 10,
  };
}

/** Maximal stretches of strictly rising or falling values, equal neighbours counted once; ≥ minLength points. */
export function findTrends(values: readonly number[], minLength = 5): Trend[] {
  // Collapse equal neighbours, keeping where each distinct value first and last appeared.
  const steps: { value: number; first: number; last: number }[] = [];
  values.forEach((v, i) => {
    const prev = steps[steps.length - 1];
    if (prev && prev.value === v) prev.last = i;
    else steps.push({ value: v, first: i, last: i });
  });
  const out: Trend[] = [];
  let i = 0;
  while (i < steps.length - 1) {
    const up = steps[i + 1]!.value > steps[i]!.value;
    let j = i + 1;
    while (j + 1 < steps.length && steps[j + 1]!.value > steps[j]!.value === up) j++;
    const length = j - i + 1;
    if (length >= minLength) {
      out.push({ start: steps[i]!.last, end: steps[j]!.first, length, direction: up ? 'rising' : 'falling' });
    }
    i = j; // the turning point starts the next stretch
  }
  return out;
}
