import type { TeamDto } from '@tillit/protocol';
import { Link } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useSteeringT } from './steering.i18n';
import './steering.css';
import { useEscalations, useSteeringSettings } from './steering.api';

/**
 * The team page's entry to daily steering. Loading the settings also gives a team made before daily
 * steering existed its two ready-made forums (once).
 */
export function SteeringSection({ team }: { team: TeamDto }) {
  const t = useSteeringT();
  const settings = useSteeringSettings(team.id);
  const open = useEscalations(team.id, 'open');
  const count = open.data?.length ?? 0;
  const base = `/teams/${team.id}/steering`;
  return (
    <section aria-labelledby="team-steering" className="card">
      <h2 id="team-steering">{t('title')}</h2>
      <ErrorAlert error={settings.error} />
      <p>{t('intro')}</p>
      {count > 0 && (
        <p className="notice">
          <Link to={`${base}/escalations`}>{t('openEscalations', { count })}</Link>
        </p>
      )}
      <ul className="link-list steering-links">
        <li>
          <Link to={`${base}/plan`}>{t('nav.plan')}</Link>
        </li>
        <li>
          <Link to={`${base}/risks`}>{t('nav.risks')}</Link>
        </li>
        <li>
          <Link to={`${base}/escalations`}>{t('nav.escalations')}</Link>
        </li>
        <li>
          <Link to={`${base}/feedback`}>{t('nav.feedback')}</Link>
        </li>
        <li>
          <Link to={`${base}/settings`}>{t('nav.settings')}</Link>
        </li>
      </ul>
    </section>
  );
}
