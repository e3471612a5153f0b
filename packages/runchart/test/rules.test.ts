/**
 * The run-chart rules against worked examples from the literature. Each test names its source.
 *
 * - Anhøj J, Olesen AV. Run charts revisited: a simulation study of run chart rules for detection of
 *   non-random variation in health care processes. PLOS ONE 2014;9(11):e113825 (the shift and crossings
 *   rules with their limits, Table 1 "critical values").
 * - Anhøj J. "Run charts with R", the qicharts package vignette (limits table for n = 10–30, and the worked
 *   example of its Figure 2), and the qicharts2 documentation of summary.qic (n = 24 → limits 8 and 8).
 * - Wentzel-Larsen T, Anhøj J. Joint distribution for number of crossings and longest run in independent
 *   Bernoulli observations. The R package crossrun. PLOS ONE 2019;14(10):e0223233, and the authors' summary of
 *   it ("Improving tools for quality improvement: crossings, runs and crossrun", Science Trends 2019): a
 *   hypothetical sequence of 13 points with crossings from 3→4, 6→7, 7→8, 9→10 and 10→11.
 * - Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning from variation in
 *   healthcare processes. BMJ Qual Saf 2011;20:46–51, and Provost LP, Murray SK. The Health Care Data Guide:
 *   Learning from Data for Improvement. Jossey-Bass 2011 (shift: six or more points on one side of the
 *   median, points on the median neither add to nor break it; trend: five or more points all going up or
 *   all going down, like values neither make nor break it).
 */
import { analyse, crossingsLimit, findTrends, longestRunLimit, median, qbinom } from '../src/index.js';

describe('critical values (Anhøj & Olesen 2014, Table 1; qicharts vignette limits table)', () => {
  // n useful points → [upper limit for the longest run, lower limit for the number of crossings]
  const TABLE: Record<number, [number, number]> = {
    10: [6, 2],
    11: [6, 2],
    12: [7, 3],
    13: [7, 3],
    14: [7, 4],
    15: [7, 4],
    16: [7, 4],
    17: [7, 5],
    18: [7, 5],
    19: [7, 6],
    20: [7, 6],
    21: [7, 6],
    22: [7, 7],
    23: [8, 7],
    24: [8, 8],
    25: [8, 8],
    26: [8, 8],
    27: [8, 9],
    28: [8, 9],
    29: [8, 10],
    30: [8, 10],
  };
  test.each(Object.entries(TABLE))('n = %s', (n, [run, crossings]) => {
    expect(longestRunLimit(Number(n))).toBe(run);
    expect(crossingsLimit(Number(n))).toBe(crossings);
  });

  test('qicharts2 summary.qic example: 24 useful points → longest run limit 8, crossings limit 8', () => {
    expect([longestRunLimit(24), crossingsLimit(24)]).toEqual([8, 8]);
  });

  test('qbinom agrees with R for a few known values', () => {
    // R: qbinom(0.05, 9, 0.5) = 2; qbinom(0.05, 99, 0.5) = 41; qbinom(0.5, 10, 0.5) = 5; qbinom(0, 5, .5) = 0
    expect(qbinom(0.05, 9)).toBe(2);
    expect(qbinom(0.05, 99)).toBe(41);
    expect(qbinom(0.5, 10)).toBe(5);
    expect(qbinom(0, 5)).toBe(0);
    expect(qbinom(1, 5)).toBe(5);
    // Large series stay exact in log space (no underflow of 0.5^n).
    expect(qbinom(0.05, 2000)).toBe(963);
  });

  test('no useful points: no limits', () => {
    expect(longestRunLimit(0)).toBeNull();
    expect(crossingsLimit(0)).toBeNull();
  });
});

describe('qicharts vignette, Figure 2: 24 points, 2 on the median, longest run 10, 3 crossings', () => {
  // The vignette's data are random (set.seed(9); rpois); these values reproduce the situation it describes:
  // "24 data points of which 22 are not on the median. The longest run … is 10 … and the graph crosses the
  // median 3 times. Since the longest run is longer than predicted (7) and the number of crossings is
  // smaller than predicted (7), we may conclude that the process exhibits non-random variation."
  const y = [12, 14, 13, 15, 11, 18, 13, 15, 16, 14, 12, 16, 13, 14, 19, 21, 20, 22, 18, 23, 20, 24, 21, 19];
  const a = analyse(y);

  test('centre, useful points, longest run and crossings', () => {
    expect(a.n).toBe(24);
    expect(a.centre).toBe(16);
    expect(a.useful).toBe(22);
    expect(a.longestRun).toMatchObject({ length: 10, side: 'above', start: 14, end: 23 });
    expect(a.crossings).toBe(3);
    expect(a.longestRunLimit).toBe(7);
    expect(a.crossingsLimit).toBe(7);
  });

  test('both Anhøj signals fire; the run of 10 (and, here, one of 6 below) are also shifts', () => {
    expect(a.signals.map((s) => s.kind)).toEqual(['shift', 'shift', 'longest-run', 'crossings']);
    expect(a.shifts).toEqual([
      { start: 6, end: 13, length: 6, side: 'below' },
      { start: 14, end: 23, length: 10, side: 'above' },
    ]);
    expect(a.trends).toEqual([]);
  });
});

describe('crossrun (Wentzel-Larsen & Anhøj 2019): 13 points, 5 crossings, longest run 3', () => {
  // Sides: 1–3 above, 4–6 below, 7 above, 8–9 below, 10 above, 11–13 below, around a midline of 10 taken from
  // an earlier period. The authors: "there are five crossings, and the longest run is three" — no signal.
  const y = [12, 13, 11, 8, 9, 7, 12, 9, 8, 11, 9, 7, 8];
  const a = analyse(y, { centre: 10 });

  test('counts', () => {
    expect(a.crossings).toBe(5);
    expect(a.longestRun?.length).toBe(3);
    expect(a.longestRunLimit).toBe(7);
    expect(a.crossingsLimit).toBe(3);
  });

  test('no signal', () => {
    expect(a.signals).toEqual([]);
  });
});

describe('shift rule (Perla, Provost & Murray 2011; The Health Care Data Guide)', () => {
  test('six points on one side is a shift; five is not', () => {
    const six = analyse([5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 3, 3], { centre: 3 });
    expect(six.shifts.map((r) => [r.start, r.end, r.length, r.side])).toEqual([
      [0, 5, 6, 'above'],
      [6, 11, 6, 'below'],
    ]);
    const five = analyse([5, 5, 5, 5, 5, 1, 5, 1], { centre: 3 });
    expect(five.shifts).toEqual([]);
  });

  test('a point on the median neither breaks nor counts', () => {
    // 5 above, one on the median, 1 above: six useful points in a row on one side → a shift of 6.
    const a = analyse([5, 5, 5, 3, 5, 5, 5, 1], { centre: 3 });
    expect(a.sides).toEqual([1, 1, 1, 0, 1, 1, 1, -1]);
    expect(a.shifts).toEqual([{ start: 0, end: 6, length: 6, side: 'above' }]);
    // 5 above with a point on the median in between is still only 5.
    expect(analyse([5, 5, 3, 5, 5, 5, 1], { centre: 3 }).shifts).toEqual([]);
  });

  test('improvement follows the better direction', () => {
    const down = analyse([1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5], { centre: 3, better: 'down' });
    expect(down.signals.filter((s) => s.kind === 'shift').map((s) => 'improvement' in s && s.improvement)).toEqual([
      true,
      false,
    ]);
  });
});

describe('trend rule (Perla, Provost & Murray 2011; The Health Care Data Guide)', () => {
  test('five rising points is a trend; four is not', () => {
    expect(findTrends([1, 2, 3, 4, 5])).toEqual([{ start: 0, end: 4, length: 5, direction: 'rising' }]);
    expect(findTrends([1, 2, 3, 4, 2])).toEqual([]);
  });

  test('falling trends too, and the turning point belongs to both stretches', () => {
    expect(findTrends([1, 2, 3, 4, 5, 4, 3, 2, 1])).toEqual([
      { start: 0, end: 4, length: 5, direction: 'rising' },
      { start: 4, end: 8, length: 5, direction: 'falling' },
    ]);
  });

  test('like values neither make nor break a trend', () => {
    expect(findTrends([1, 2, 2, 3, 4, 5])).toEqual([{ start: 0, end: 5, length: 5, direction: 'rising' }]);
    expect(findTrends([1, 2, 2, 2, 3, 4])).toEqual([]);
  });

  test('shows up as a signal with its direction', () => {
    const a = analyse([10, 9, 8, 7, 6, 7, 8, 9, 10, 8], { better: 'down' });
    const trend = a.signals.find((s) => s.kind === 'trend');
    expect(trend).toMatchObject({ direction: 'falling', length: 5, improvement: true });
  });
});

describe('the centre line', () => {
  test('median of all points', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  test('a baseline frozen after N points is extended over the rest (qicharts: freeze)', () => {
    const y = [4, 5, 6, 5, 4, 6, 5, 4, 6, 5, 9, 9, 9, 9, 9, 9];
    const a = analyse(y, { baselinePoints: 10 });
    expect(a.frozen).toBe(true);
    expect(a.baselineCount).toBe(10);
    expect(a.centre).toBe(5);
    // Point 10 (index 9) sits on the baseline median: it neither breaks nor counts.
    expect(a.shifts.at(-1)).toMatchObject({ side: 'above', length: 7, start: 8, end: 15 });
    // Not enough points yet: the median of what there is, not frozen.
    const early = analyse(y.slice(0, 6), { baselinePoints: 10 });
    expect(early).toMatchObject({ frozen: false, baselineCount: 6, centre: 5 });
  });

  test('no points: nothing to say', () => {
    const a = analyse([]);
    expect(a).toMatchObject({ n: 0, centre: null, useful: 0, signals: [], longestRun: null, crossings: 0 });
  });

  test('refuses values that are not numbers', () => {
    expect(() => analyse([1, Number.NaN])).toThrow(RangeError);
  });
});
