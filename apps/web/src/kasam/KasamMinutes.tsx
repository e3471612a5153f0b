import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';
import { formatDate } from '../meetings/items/ItemRow';
import type { MinutesProps } from '../meetings/ritual';
import { Dimensions } from './KasamReflectionPhase';

/**
 * A KASAM dialogue in the minutes: the aggregate only if it was revealed (k met), the success factors and the
 * actions with their owners. Nothing here ties an answer to a person.
 */
export function KasamMinutes({ minutes: { kasam: minutes }, nameOf }: MinutesProps) {
  const { t } = useTranslation('kasam');
  if (!minutes) return null;
  const locale = currentLocale();
  return (
    <>
      {minutes.aggregates.length ? (
        minutes.aggregates.map((a) => (
          <div key={a.phaseId}>
            <h3>{t('minutes.aggregate', { n: a.n, k: a.k })}</h3>
            <Dimensions dimensions={a.dimensions} />
          </div>
        ))
      ) : (
        <p className="muted">{t('minutes.notRevealed')}</p>
      )}
      <h3 id="minutes-kasam-factors">{t('minutes.factors')}</h3>
      {minutes.factors.length ? (
        <ul className="plain-list" aria-labelledby="minutes-kasam-factors">
          {minutes.factors.map((f) => (
            <li key={f.itemId}>
              {f.group && <span className="badge">{f.group}</span>} {f.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutes.noFactors')}</p>
      )}
      <h3 id="minutes-kasam-actions">{t('minutes.actions')}</h3>
      {minutes.actions.length ? (
        <ul className="plain-list" aria-labelledby="minutes-kasam-actions">
          {minutes.actions.map((a) => (
            <li key={a.itemId}>
              {a.text}
              <span className="muted"> · {t('actions.owner', { name: nameOf(a.ownerId) })}</span>
              {a.dueDate && (
                <span className="muted"> · {t('actions.due', { date: formatDate(a.dueDate, locale) })}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutes.noActions')}</p>
      )}
    </>
  );
}
