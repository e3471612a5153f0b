import type { CycleDto, MeasureDto } from '@tillit/protocol';
import { analyse, CHART_COLOURS, describe, describeCentre, layoutRunChart } from '@tillit/runchart';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';

const fmt = (v: number) => String(Number(v.toFixed(2)));

/**
 * A measure's run chart as accessible SVG: role="img" with a title and a description, the signals in plain
 * words beside it, and the data as a table for anyone who cannot see the chart. The rules come from
 * @tillit/runchart (the same as the server's reports).
 */
export function RunChart({ measure, cycles }: { measure: MeasureDto; cycles: CycleDto[] }) {
  const { t } = useTranslation('improvement');
  const id = useId();
  const lang = currentLocale() === 'en' ? 'en' : 'sv';
  const values = measure.points.map((p) => p.value);
  const analysis = analyse(values, { better: measure.better, baselinePoints: measure.baselinePoints });
  const signals = describe(analysis, lang, { labels: measure.points.map((p) => p.date) });
  const c = CHART_COLOURS;
  const layout = layoutRunChart({
    points: measure.points,
    analysis,
    goal: measure.goal,
    markers: cycles.map((cy) => ({ date: cy.startedOn, label: t('chart.marker', { n: cy.number }) })),
  });
  const name = measure.unit ? `${measure.name} (${measure.unit})` : measure.name;
  const title = t('chart.title', { name });
  const desc = `${t('chart.desc', { count: values.length, median: analysis.centre === null ? '–' : fmt(analysis.centre) })} ${signals.join(' ')}`;
  const { plot } = layout;
  return (
    <figure className="run-chart" data-measure-id={measure.id}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="run-chart-svg"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {layout.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke={c.grid} />
            <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" fontSize="12" fill={c.text}>
              {fmt(tick.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.x} x={tick.x} y={plot.bottom + 18} textAnchor="middle" fontSize="11" fill={c.text}>
            {tick.label.slice(5)}
          </text>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={c.text} />
        {layout.markers.map((m) => (
          <g key={`${m.label}-${m.x}`} className="run-chart-marker">
            <line
              x1={m.x}
              x2={m.x}
              y1={plot.top}
              y2={plot.bottom}
              stroke={c.marker}
              strokeWidth={1.5}
              strokeDasharray="2 3"
            />
            <text x={m.x + 3} y={plot.top + 11} fontSize="11" fill={c.marker}>
              {m.label}
            </text>
          </g>
        ))}
        {layout.goal && (
          <g className="run-chart-goal">
            <line
              x1={plot.left}
              x2={plot.right}
              y1={layout.goal.y}
              y2={layout.goal.y}
              stroke={c.goal}
              strokeWidth={1.5}
              strokeDasharray="8 4"
            />
            <text x={plot.left + 4} y={layout.goal.y - 4} fontSize="12" fill={c.goal}>
              {t('chart.goal')} {fmt(layout.goal.value)}
            </text>
          </g>
        )}
        {layout.centre && (
          <g className="run-chart-median" data-median={layout.centre.value}>
            <line
              x1={plot.left}
              x2={layout.centre.baselineEndX ?? plot.right}
              y1={layout.centre.y}
              y2={layout.centre.y}
              stroke={c.centre}
              strokeWidth={2}
            />
            {layout.centre.baselineEndX !== null && (
              <line
                x1={layout.centre.baselineEndX}
                x2={plot.right}
                y1={layout.centre.y}
                y2={layout.centre.y}
                stroke={c.centre}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
            )}
            <text x={plot.right} y={layout.centre.y - 5} textAnchor="end" fontSize="12" fill={c.centre}>
              {t('chart.median')} {fmt(layout.centre.value)}
              {layout.centre.baselineEndX !== null && ` (${t('chart.baseline').toLowerCase()})`}
            </text>
          </g>
        )}
        {layout.points.length > 1 && <path d={layout.path} fill="none" stroke={c.line} strokeWidth={1.5} />}
        {layout.points.map((p) => (
          <circle key={p.index} cx={p.x} cy={p.y} r={p.inSignal ? 5 : 3.5} fill={p.inSignal ? c.signal : c.point} />
        ))}
      </svg>
      <figcaption>
        <h5 className="run-chart-signals-title">{t('chart.signals')}</h5>
        <ul className="run-chart-signals" aria-live="polite">
          {signals.map((s) => (
            <li key={s}>{s}</li>
          ))}
          <li className="muted">{describeCentre(analysis, lang)}</li>
        </ul>
        <details>
          <summary>{t('chart.table')}</summary>
          <table className="run-chart-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('value')}</th>
                <th scope="col">{t('note')}</th>
              </tr>
            </thead>
            <tbody>
              {measure.points.map((p) => (
                <tr key={p.id}>
                  <td>{p.date}</td>
                  <td>{fmt(p.value)}</td>
                  <td>{p.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
