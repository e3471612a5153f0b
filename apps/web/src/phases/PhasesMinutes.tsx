import type { ItemDto } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';
import { formatDate } from '../meetings/items/ItemRow';
import type { MinutesProps } from '../meetings/ritual';

/** What the generic phases leave in the minutes: items captured, actions, the review, the votes and the rounds. */
export function PhasesMinutes({ s, minutes, nameOf }: MinutesProps) {
  const { t } = useTranslation();
  const { t: tp } = useTranslation('phases');
  const locale = currentLocale();
  const itemText = new Map<string, string>();
  for (const i of [...s.items, ...minutes.created, ...minutes.actions]) itemText.set(i.id, i.text);
  const list = (ids: string[]) => (ids.length ? ids.map(nameOf).join(', ') : t('meeting.minutes.nobody'));
  const itemLine = (i: ItemDto) => (
    <li key={i.id}>
      <span className="badge">{t(`itemKinds.${i.kind}`)}</span> {i.text}
      {i.ownerId && <span className="muted"> · {t('meeting.items.owner', { name: nameOf(i.ownerId) })}</span>}
      {i.dueDate && <span className="muted"> · {t('meeting.items.due', { date: formatDate(i.dueDate, locale) })}</span>}
    </li>
  );

  return (
    <>
      <h3 id="minutes-created">{t('meeting.minutes.created')}</h3>
      {minutes.created.length ? (
        <ul className="plain-list" aria-labelledby="minutes-created">
          {minutes.created.map(itemLine)}
        </ul>
      ) : (
        <p className="muted">{t('meeting.minutes.none')}</p>
      )}

      <h3 id="minutes-actions">{t('meeting.minutes.actions')}</h3>
      {minutes.actions.length ? (
        <ul className="plain-list" aria-labelledby="minutes-actions">
          {minutes.actions.map(itemLine)}
        </ul>
      ) : (
        <p className="muted">{t('meeting.minutes.none')}</p>
      )}

      {minutes.reviewed.length > 0 && (
        <>
          <h3 id="minutes-reviewed">{t('meeting.minutes.reviewed')}</h3>
          <ul className="plain-list" aria-labelledby="minutes-reviewed">
            {minutes.reviewed.map((r) => (
              <li key={r.itemId}>
                {r.text}: <strong>{tp(`review.outcome.${r.outcome}`)}</strong>
                {r.comment && <> – {r.comment}</>}
              </li>
            ))}
          </ul>
        </>
      )}

      {minutes.votes.map((v) => {
        const ranked = Object.entries(v.tallies).sort((a, b) => b[1] - a[1]);
        return (
          <div key={v.phaseId}>
            <h3 id={`minutes-votes-${v.phaseId}`}>{t('meeting.minutes.votes', { title: v.title })}</h3>
            <ol className="plain-list" aria-labelledby={`minutes-votes-${v.phaseId}`}>
              {ranked.map(([itemId, n]) => (
                <li key={itemId}>
                  {itemText.get(itemId) ?? '…'}: {tp('voting.total', { count: n })}
                </li>
              ))}
            </ol>
          </div>
        );
      })}

      {minutes.checkIns.length > 0 && (
        <>
          <h3 id="minutes-checkins">{t('meeting.minutes.checkIns')}</h3>
          <ul className="plain-list" aria-labelledby="minutes-checkins">
            {minutes.checkIns.map((c) => {
              const title = s.phases.find((p) => p.id === c.phaseId)?.title ?? '';
              return (
                <li key={c.phaseId}>
                  <strong>{title}</strong>: {t('meeting.minutes.answered', { names: list(c.answered) })}
                  {c.passed.length > 0 && <>; {t('meeting.minutes.passed', { names: list(c.passed) })}</>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
