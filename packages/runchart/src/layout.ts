/**
 * Where everything goes on a run chart, as numbers: the web draws it with React, the server as an SVG
 * string (svg.ts) for the reports. Points are spaced evenly in time order (a run chart's x axis is the
 * order of the observations; dates label it).
 */
import type { RunChartAnalysis } from './analyse.js';

export interface ChartPointInput {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface ChartInput {
  points: readonly ChartPointInput[];
  analysis: RunChartAnalysis;
  goal?: number | null;
  /** Where each PDSA cycle started (YYYY-MM-DD), with its label. */
  markers?: readonly { date: string; label: string }[];
}

export interface LayoutOptions {
  width?: number;
  height?: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  points: { x: number; y: number; value: number; date: string; index: number; side: -1 | 0 | 1; inSignal: boolean }[];
  /** SVG path data of the line through the points. */
  path: string;
  /** `baselineEndX`: where the frozen baseline ends (the line is extended from there), or null. */
  centre: { y: number; value: number; baselineEndX: number | null } | null;
  goal: { y: number; value: number } | null;
  markers: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; label: string }[];
}

/** Round-number ticks covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 0.5; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

export function layoutRunChart(input: ChartInput, o: LayoutOptions = {}): ChartLayout {
  const width = o.width ?? 640;
  const height = o.height ?? 320;
  const plot = { left: 56, top: 16, right: width - 16, bottom: height - 48 };
  const { points, analysis } = input;
  const values = points.map((p) => p.value);
  const extra = [analysis.centre, input.goal].filter((v): v is number => typeof v === 'number');
  const all = [...values, ...extra];
  const ticks = all.length ? niceTicks(Math.min(...all), Math.max(...all)) : [0, 1];
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const y = (v: number) => plot.bottom - ((v - lo) / (hi - lo || 1)) * (plot.bottom - plot.top);
  const n = points.length;
  const x = (i: number) =>
    n <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i * (plot.right - plot.left)) / (n - 1);

  const flagged = new Set<number>();
  for (const s of analysis.signals) {
    const span = s.kind === 'shift' || s.kind === 'trend' ? s : s.kind === 'longest-run' ? s.run : null;
    if (!span) continue;
    for (let i = span.start; i <= span.end; i++) if (s.kind === 'trend' || analysis.sides[i] !== 0) flagged.add(i);
  }
  const laid = points.map((p, i) => ({
    x: x(i),
    y: y(p.value),
    value: p.value,
    date: p.date,
    index: i,
    side: analysis.sides[i] ?? 0,
    inSignal: flagged.has(i),
  }));
  const path = laid.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

  const centre =
    analysis.centre === null
      ? null
      : {
          y: y(analysis.centre),
          value: analysis.centre,
          baselineEndX: analysis.frozen && analysis.baselineCount < n ? x(analysis.baselineCount - 1) : null,
        };
  const goal = typeof input.goal === 'number' ? { y: y(input.goal), value: input.goal } : null;

  const markers = (input.markers ?? []).map((m) => {
    const i = points.findIndex((p) => p.date >= m.date);
    const mx = i === -1 ? plot.right : i === 0 ? plot.left : (x(i - 1) + x(i)) / 2;
    return { x: mx, label: m.label };
  });

  // At most ~8 date labels, evenly picked, always the first and the last.
  const every = Math.max(1, Math.ceil(n / 8));
  const xTicks = laid.filter((p, i) => i % every === 0 || i === n - 1).map((p) => ({ x: p.x, label: p.date }));

  return {
    width,
    height,
    plot,
    points: laid,
    path,
    centre,
    goal,
    markers,
    yTicks: ticks.map((v) => ({ y: y(v), value: v })),
    xTicks,
  };
}
