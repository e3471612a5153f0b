import { KASAM_DIMENSIONS } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { useKasamTrend } from './kasam.api';

const COLORS = { comprehensibility: '#1f6f8b', manageability: '#a0522d', meaningfulness: '#2e7d32' } as const;

/** Medians across dialogues (only aggregates that met k exist): a small line chart and the same as a table. */
export function KasamTrend({
  teamId,
  forumId,
  refreshKey,
}: {
  teamId: string;
  forumId: string | null;
  refreshKey?: string;
}) {
  const { t } = useTranslation('kasam');
  const trend = useKasamTrend(teamId, forumId, refreshKey);
  const points = trend.data ?? [];
  const W = 320;
  const H = 140;
  const pad = 24;
  const x = (i: number) => (points.length <= 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - ((v - 1) / 6) * (H - 2 * pad);
  return (
    <section className="kasam-trend" aria-labelledby="kasam-trend">
      <h3 id="kasam-trend">{t('trend')}</h3>
      {points.length === 0 ? (
        <p className="muted">{t('trendEmpty')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('trendCaption')} className="trend-chart">
            {[1, 4, 7].map((v) => (
              <g key={v}>
                <line x1={pad} x2={W - pad} y1={y(v)} y2={y(v)} stroke="#ccc" strokeDasharray="2 3" />
                <text x={4} y={y(v) + 4} fontSize="10">
                  {v}
                </text>
              </g>
            ))}
            {KASAM_DIMENSIONS.map((d) => (
              <g key={d}>
                <polyline
                  fill="none"
                  stroke={COLORS[d]}
                  strokeWidth={2}
                  points={points.map((p, i) => `${x(i)},${y(p.dimensions[d].median)}`).join(' ')}
                />
                {points.map((p, i) => (
                  <circle key={i} cx={x(i)} cy={y(p.dimensions[d].median)} r={3} fill={COLORS[d]} />
                ))}
              </g>
            ))}
          </svg>
          <ul className="trend-legend plain-list">
            {KASAM_DIMENSIONS.map((d) => (
              <li key={d}>
                <span className="swatch" style={{ background: COLORS[d] }} aria-hidden="true" /> {t(`dimensions.${d}`)}
              </li>
            ))}
          </ul>
          <table className="trend-table">
            <caption>{t('trendCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                {KASAM_DIMENSIONS.map((d) => (
                  <th key={d} scope="col">
                    {t(`dimensions.${d}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.meetingId}>
                  <th scope="row">{p.heldOn}</th>
                  {KASAM_DIMENSIONS.map((d) => (
                    <td key={d}>{p.dimensions[d].median}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
