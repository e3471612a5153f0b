/**
 * Signals in plain words, Swedish and English: the same sentences on screen, in the Markdown report and in
 * the PDF. `labels` name the points (usually their dates); without them points are numbered from 1.
 */
import type { RunChartAnalysis, Signal } from './analyse.js';

export type Lang = 'sv' | 'en';

export interface DescribeOptions {
  /** One label per point, e.g. its date. */
  labels?: readonly string[];
}

const WORDS = {
  sv: {
    none: 'Inga signaler: variationen ser slumpmässig ut (vanlig variation).',
    noData: 'Inga mätvärden ännu.',
    few: (n: number) => `Bara ${n} punkter som inte ligger på medianen: reglerna säger lite innan det finns minst 10.`,
    above: 'över',
    below: 'under',
    better: ' Det är åt det bättre hållet.',
    worse: ' Det är åt det sämre hållet.',
    span: (a: string, b: string) => (a === b ? `(${a})` : `(${a} – ${b})`),
    point: (i: number) => `punkt ${i + 1}`,
    shift: (s: Extract<Signal, { kind: 'shift' }>, span: string, side: string) =>
      `Skift: ${s.length} punkter i rad ${side} medianen ${span}.`,
    trend: (s: Extract<Signal, { kind: 'trend' }>, span: string) =>
      `Trend: ${s.length} punkter i rad ${s.direction === 'rising' ? 'stigande' : 'fallande'} ${span}.`,
    longest: (s: Extract<Signal, { kind: 'longest-run' }>, useful: number, side: string) =>
      `Ovanligt lång serie (Anhøj): ${s.length} punkter i rad ${side} medianen; med ${useful} punkter är mer än ${s.limit} osannolikt av en slump.`,
    crossings: (s: Extract<Signal, { kind: 'crossings' }>, useful: number) =>
      `Ovanligt få korsningar (Anhøj): linjen korsar medianen ${s.crossings} ${s.crossings === 1 ? 'gång' : 'gånger'}; med ${useful} punkter är färre än ${s.limit} osannolikt av en slump.`,
    centre: (frozen: boolean, count: number) =>
      frozen
        ? `Mittlinjen är medianen av de första ${count} punkterna (baslinje), förlängd.`
        : 'Mittlinjen är medianen av alla punkter.',
  },
  en: {
    none: 'No signals: the variation looks random (common-cause variation).',
    noData: 'No data points yet.',
    few: (n: number) => `Only ${n} points off the median: the rules say little until there are at least 10.`,
    above: 'above',
    below: 'below',
    better: ' That is the better direction.',
    worse: ' That is the worse direction.',
    span: (a: string, b: string) => (a === b ? `(${a})` : `(${a} – ${b})`),
    point: (i: number) => `point ${i + 1}`,
    shift: (s: Extract<Signal, { kind: 'shift' }>, span: string, side: string) =>
      `Shift: ${s.length} points in a row ${side} the median ${span}.`,
    trend: (s: Extract<Signal, { kind: 'trend' }>, span: string) =>
      `Trend: ${s.length} points in a row ${s.direction === 'rising' ? 'rising' : 'falling'} ${span}.`,
    longest: (s: Extract<Signal, { kind: 'longest-run' }>, useful: number, side: string) =>
      `Unusually long run (Anhøj): ${s.length} points in a row ${side} the median; with ${useful} points, more than ${s.limit} is unlikely by chance.`,
    crossings: (s: Extract<Signal, { kind: 'crossings' }>, useful: number) =>
      `Unusually few crossings (Anhøj): the line crosses the median ${s.crossings} ${s.crossings === 1 ? 'time' : 'times'}; with ${useful} points, fewer than ${s.limit} is unlikely by chance.`,
    centre: (frozen: boolean, count: number) =>
      frozen
        ? `The centre line is the median of the first ${count} points (baseline), extended.`
        : 'The centre line is the median of all points.',
  },
} as const;

/** One sentence per signal. */
export function describeSignal(
  signal: Signal,
  analysis: RunChartAnalysis,
  lang: Lang,
  o: DescribeOptions = {},
): string {
  const w = WORDS[lang];
  const label = (i: number) => o.labels?.[i] ?? w.point(i);
  const direction = (improvement: boolean | null) => (improvement === null ? '' : improvement ? w.better : w.worse);
  switch (signal.kind) {
    case 'shift':
      return (
        w.shift(signal, w.span(label(signal.start), label(signal.end)), signal.side === 'above' ? w.above : w.below) +
        direction(signal.improvement)
      );
    case 'trend':
      return w.trend(signal, w.span(label(signal.start), label(signal.end))) + direction(signal.improvement);
    case 'longest-run':
      return (
        w.longest(signal, analysis.useful, signal.run.side === 'above' ? w.above : w.below) +
        direction(signal.improvement)
      );
    case 'crossings':
      return w.crossings(signal, analysis.useful);
  }
}

/** Everything a reader needs in words: each signal, or that there is none; and a note when points are few. */
export function describe(analysis: RunChartAnalysis, lang: Lang, o: DescribeOptions = {}): string[] {
  const w = WORDS[lang];
  if (analysis.n === 0) return [w.noData];
  const lines = analysis.signals.map((s) => describeSignal(s, analysis, lang, o));
  if (lines.length === 0) lines.push(w.none);
  if (analysis.fewPoints) lines.push(w.few(analysis.useful));
  return lines;
}

/** What the centre line is, in words. */
export function describeCentre(analysis: RunChartAnalysis, lang: Lang): string {
  return WORDS[lang].centre(analysis.frozen, analysis.baselineCount);
}
