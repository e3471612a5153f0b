/**
 * A run chart as a standalone SVG string (for reports: Markdown embeds it, the PDF draws it). Accessible on
 * its own: role="img" with <title> and <desc>. The web app draws the same layout with React.
 */
import type { ChartLayout } from './layout.js';

export interface SvgText {
  title: string;
  /** A full description in words (what the chart shows and its signals). */
  desc: string;
  median: string;
  goal: string;
  baseline: string;
  /** Formats a value for the axis (defaults to up to 2 decimals). */
  formatValue?: (v: number) => string;
  /** Formats a point's date for the x axis. */
  formatDate?: (d: string) => string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (n: number) => n.toFixed(1);
export const defaultFormat = (v: number) => String(Number(v.toFixed(2)));

export const CHART_COLOURS = {
  line: '#1f4e79',
  point: '#1f4e79',
  signal: '#b3261e',
  centre: '#555555',
  goal: '#1b6e3a',
  marker: '#6b4c9a',
  grid: '#dddddd',
  text: '#222222',
} as const;

export function renderRunChartSvg(layout: ChartLayout, text: SvgText): string {
  const c = CHART_COLOURS;
  const fmt = text.formatValue ?? defaultFormat;
  const fmtDate = text.formatDate ?? ((d: string) => d);
  const { plot } = layout;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="rc-title rc-desc" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<title id="rc-title">${esc(text.title)}</title>`,
    `<desc id="rc-desc">${esc(text.desc)}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  );
  for (const t of layout.yTicks) {
    parts.push(
      `<line x1="${f(plot.left)}" y1="${f(t.y)}" x2="${f(plot.right)}" y2="${f(t.y)}" stroke="${c.grid}" stroke-width="1"/>`,
      `<text x="${f(plot.left - 6)}" y="${f(t.y + 4)}" text-anchor="end" fill="${c.text}">${esc(fmt(t.value))}</text>`,
    );
  }
  for (const t of layout.xTicks) {
    // A date label (about 60 px) centred on the last point would be cut at the chart's right edge.
    const anchor = t.x + 32 > layout.width ? 'end' : 'middle';
    parts.push(
      `<text x="${f(t.x)}" y="${f(plot.bottom + 16)}" text-anchor="${anchor}" fill="${c.text}">${esc(fmtDate(t.label))}</text>`,
    );
  }
  parts.push(
    `<line x1="${f(plot.left)}" y1="${f(plot.bottom)}" x2="${f(plot.right)}" y2="${f(plot.bottom)}" stroke="${c.text}" stroke-width="1"/>`,
  );
  for (const m of layout.markers) {
    parts.push(
      `<line x1="${f(m.x)}" y1="${f(plot.top)}" x2="${f(m.x)}" y2="${f(plot.bottom)}" stroke="${c.marker}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${f(m.x + 3)}" y="${f(plot.top + 10)}" fill="${c.marker}">${esc(m.label)}</text>`,
    );
  }
  if (layout.goal) {
    parts.push(
      `<line x1="${f(plot.left)}" y1="${f(layout.goal.y)}" x2="${f(plot.right)}" y2="${f(layout.goal.y)}" stroke="${c.goal}" stroke-width="1.5" stroke-dasharray="8 4"/>`,
      `<text x="${f(plot.left + 4)}" y="${f(layout.goal.y - 4)}" fill="${c.goal}">${esc(`${text.goal} ${fmt(layout.goal.value)}`)}</text>`,
    );
  }
  if (layout.centre) {
    const { y, baselineEndX } = layout.centre;
    if (baselineEndX !== null) {
      parts.push(
        `<line x1="${f(plot.left)}" y1="${f(y)}" x2="${f(baselineEndX)}" y2="${f(y)}" stroke="${c.centre}" stroke-width="2"/>`,
        `<line x1="${f(baselineEndX)}" y1="${f(y)}" x2="${f(plot.right)}" y2="${f(y)}" stroke="${c.centre}" stroke-width="2" stroke-dasharray="6 4"/>`,
      );
    } else {
      parts.push(
        `<line x1="${f(plot.left)}" y1="${f(y)}" x2="${f(plot.right)}" y2="${f(y)}" stroke="${c.centre}" stroke-width="2"/>`,
      );
    }
    const label = `${baselineEndX !== null ? text.baseline : text.median} ${fmt(layout.centre.value)}`;
    parts.push(`<text x="${f(plot.right)}" y="${f(y - 5)}" text-anchor="end" fill="${c.centre}">${esc(label)}</text>`);
  }
  if (layout.points.length > 1) {
    parts.push(`<path d="${layout.path}" fill="none" stroke="${c.line}" stroke-width="1.5"/>`);
  }
  for (const p of layout.points) {
    parts.push(
      p.inSignal
        ? `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="5" fill="${c.signal}"/>`
        : `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="3.5" fill="${c.point}"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
