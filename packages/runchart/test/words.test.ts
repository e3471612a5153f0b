/** Signals in plain words, and the chart as accessible SVG. */
import { analyse, describe as describeRun, describeCentre, layoutRunChart, renderRunChartSvg } from '../src/index.js';

// Twelve daily values of "minutes to find the keys": six before a change (the frozen baseline), six after.
const points = [
  ['2026-03-01', 12],
  ['2026-03-02', 9],
  ['2026-03-03', 13],
  ['2026-03-04', 8],
  ['2026-03-05', 14],
  ['2026-03-06', 10],
  ['2026-03-07', 6],
  ['2026-03-08', 5],
  ['2026-03-09', 7],
  ['2026-03-10', 6],
  ['2026-03-11', 5],
  ['2026-03-12', 4],
].map(([date, value]) => ({ date: date as string, value: value as number }));
const a = analyse(
  points.map((p) => p.value),
  { better: 'down', baselinePoints: 6 },
);

test('Swedish and English sentences name the signal, its span and its direction', () => {
  const labels = points.map((p) => p.date);
  expect(a.centre).toBe(11);
  expect(describeRun(a, 'sv', { labels })).toEqual([
    'Skift: 7 punkter i rad under medianen (2026-03-06 – 2026-03-12). Det är åt det bättre hållet.',
  ]);
  expect(describeRun(a, 'en', { labels })).toEqual([
    'Shift: 7 points in a row below the median (2026-03-06 – 2026-03-12). That is the better direction.',
  ]);
  expect(describeRun(a, 'en')[0]).toContain('(point 6 – point 12)');
  expect(describeCentre(a, 'sv')).toBe('Mittlinjen är medianen av de första 6 punkterna (baslinje), förlängd.');
  expect(describeCentre(analyse([1, 2]), 'en')).toBe('The centre line is the median of all points.');
});

test('no signal, and no data, in words', () => {
  expect(describeRun(analyse([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]), 'en')).toEqual([
    'No signals: the variation looks random (common-cause variation).',
  ]);
  expect(describeRun(analyse([]), 'sv')).toEqual(['Inga mätvärden ännu.']);
  expect(describeRun(analyse([1, 2, 3]), 'en')).toContain(
    'Only 2 points off the median: the rules say little until there are at least 10.',
  );
});

test('the layout places a marker before the first point of a cycle and flags the shift', () => {
  const layout = layoutRunChart({ points, analysis: a, goal: 5, markers: [{ date: '2026-03-07', label: 'PDSA 2' }] });
  expect(layout.points).toHaveLength(12);
  expect(layout.points.filter((p) => p.inSignal).map((p) => p.index)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  const [m] = layout.markers;
  expect(m!.x).toBeGreaterThan(layout.points[5]!.x);
  expect(m!.x).toBeLessThan(layout.points[6]!.x);
  expect(layout.centre?.baselineEndX).toBe(layout.points[5]!.x);
  expect(layout.centre?.value).toBe(a.centre);
  expect(layout.goal?.value).toBe(5);
});

test('the SVG has a title and a description, the median, the goal and the markers', () => {
  const layout = layoutRunChart({ points, analysis: a, goal: 5, markers: [{ date: '2026-03-06', label: 'PDSA <2>' }] });
  const svg = renderRunChartSvg(layout, {
    title: 'Minuter',
    desc: 'Skift & mer',
    median: 'Median',
    goal: 'Mål',
    baseline: 'Baslinje',
  });
  expect(svg).toMatch(/^<svg [^>]*role="img"/);
  expect(svg).toContain('<title id="rc-title">Minuter</title>');
  expect(svg).toContain('<desc id="rc-desc">Skift &amp; mer</desc>');
  expect(svg).toContain('Mål 5');
  expect(svg).toContain('PDSA &lt;2&gt;');
  expect(svg.match(/<circle /g)).toHaveLength(12);
  expect(svg).toContain('Baslinje 11');
});
