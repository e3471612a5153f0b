import type { EthicsMinutesDto } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { builtinText } from './ethics.api';

/** An ethics forum in the minutes: the theme and the groups' shared summaries (never their confidential notes). */
export function EthicsMinutes({ minutes }: { minutes: EthicsMinutesDto }) {
  const { t, i18n } = useTranslation();
  const titleOf = (theme: EthicsMinutesDto['themes'][number]['theme']) =>
    theme.source === 'builtin' ? builtinText(theme.key, i18n.language).title : theme.title;
  return (
    <>
      <h3 id="minutes-ethics-theme">{t('ethicsForum.minutes.theme')}</h3>
      {minutes.themes.length ? (
        <ul className="plain-list" aria-labelledby="minutes-ethics-theme">
          {minutes.themes.map((x) => (
            <li key={x.phaseId}>{titleOf(x.theme)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ethicsForum.minutes.noTheme')}</p>
      )}
      <h3 id="minutes-ethics-groups">{t('ethicsForum.minutes.summaries')}</h3>
      {minutes.groups.length ? (
        <ul className="plain-list" aria-labelledby="minutes-ethics-groups">
          {minutes.groups.map((g) => (
            <li key={`${g.phaseId}-${g.group}`}>
              <strong>{t('ethicsForum.groups.group', { n: g.group + 1 })}</strong>
              <p className="notes-text">{g.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ethicsForum.minutes.noSummaries')}</p>
      )}
    </>
  );
}
