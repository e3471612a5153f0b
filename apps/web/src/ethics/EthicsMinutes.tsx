import type { EthicsMinutesDto } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import type { MinutesProps } from '../meetings/ritual';
import { builtinText } from './ethics.api';

/** An ethics forum in the minutes: the theme and the groups' shared summaries (never their confidential notes). */
export function EthicsMinutes({ minutes: { ethics: minutes } }: MinutesProps) {
  const { t, i18n } = useTranslation('ethics');
  if (!minutes) return null;
  const titleOf = (theme: EthicsMinutesDto['themes'][number]['theme']) =>
    theme.source === 'builtin' ? builtinText(theme.key, i18n.language).title : theme.title;
  return (
    <>
      <h3 id="minutes-ethics-theme">{t('minutes.theme')}</h3>
      {minutes.themes.length ? (
        <ul className="plain-list" aria-labelledby="minutes-ethics-theme">
          {minutes.themes.map((x) => (
            <li key={x.phaseId}>{titleOf(x.theme)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutes.noTheme')}</p>
      )}
      <h3 id="minutes-ethics-groups">{t('minutes.summaries')}</h3>
      {minutes.groups.length ? (
        <ul className="plain-list" aria-labelledby="minutes-ethics-groups">
          {minutes.groups.map((g) => (
            <li key={`${g.phaseId}-${g.group}`}>
              <strong>{t('groups.group', { n: g.group + 1 })}</strong>
              <p className="notes-text">{g.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutes.noSummaries')}</p>
      )}
    </>
  );
}
