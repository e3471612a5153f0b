import type { RiskDto } from '@tillit/protocol';
import { currentLocale } from '../lib/i18n';
import type { MinutesProps } from '../meetings/ritual';
import { SeverityBadge } from './risks';
import { formatDay, namesList, useSteeringT } from './steering.i18n';

/** The daily-steering part of an ended meeting's minutes: plan and people, risks, escalations, how much feedback. */
export function SteeringMinutes({ s, minutes: { steering: minutes } }: MinutesProps) {
  const t = useSteeringT();
  if (!minutes) return null;
  const names = new Map(s.participants.map((p) => [p.userId, p.displayName]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '?') : '?');
  const risk = (r: RiskDto) => (
    <li key={r.id}>
      <span className="badge">{t(`risks.typeShort.${r.type}`)}</span> {r.description}{' '}
      <SeverityBadge severity={r.severity} />{' '}
      <span className="muted">
        · {t(`risks.statuses.${r.status}`)}
        {r.ownerId && <> · {t('risks.ownerName', { name: nameOf(r.ownerId) })}</>}
        {r.followUpDate && <> · {t('risks.followUpDate', { date: formatDay(r.followUpDate) })}</>}
      </span>
      {r.learning && <p className="learning">{r.learning}</p>}
    </li>
  );
  return (
    <div className="steering-minutes">
      <h3 id="minutes-plan">{t('minutes.plan', { date: formatDay(minutes.day) })}</h3>
      {minutes.plan.length === 0 ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="minutes-plan">
          {minutes.plan.map((i) => (
            <li key={i.id}>
              <strong>{i.title}</strong>
              {[i.time, i.place].filter(Boolean).length > 0 && (
                <> – {[i.time, i.place].filter(Boolean).join(', ')}</>
              )} – {i.assigneeIds.length ? namesList(i.assigneeIds, nameOf) : t('plan.nobody')}{' '}
              <span className="muted">
                · {t(`plan.status.${i.status}`)}
                {i.carryReason && <> · {t('plan.reason', { reason: i.carryReason })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {minutes.absences.length > 0 && <p>{t('minutes.absent', { names: namesList(minutes.absences, nameOf) })}</p>}
      {minutes.risksRaised.length > 0 && (
        <>
          <h3 id="minutes-risks-raised">{t('minutes.risksRaised')}</h3>
          <ul className="plain-list" aria-labelledby="minutes-risks-raised">
            {minutes.risksRaised.map(risk)}
          </ul>
        </>
      )}
      {minutes.risksUpdated.length > 0 && (
        <>
          <h3 id="minutes-risks-updated">{t('minutes.risksUpdated')}</h3>
          <ul className="plain-list" aria-labelledby="minutes-risks-updated">
            {minutes.risksUpdated.map(risk)}
          </ul>
        </>
      )}
      {minutes.escalations.length > 0 && (
        <>
          <h3 id="minutes-escalations">{t('minutes.escalations')}</h3>
          <ul className="plain-list" aria-labelledby="minutes-escalations">
            {minutes.escalations.map((e) => (
              <li key={e.id}>
                <strong>{e.riskDescription}</strong> –{' '}
                {e.status === 'open' ? t('escalation.openToday') : t('escalation.closed')}
                {e.note && <> · {e.note}</>}
                {e.messages.length > 0 && (
                  <ul className="plain-list thread">
                    {e.messages.map((m) => (
                      <li key={m.id}>
                        <strong>{nameOf(m.authorId)}:</strong> {m.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('feedback.heading')}</h3>
      <p>{t('minutes.feedbackCount', { count: minutes.feedbackCount })}</p>
    </div>
  );
}

/** Download links for any ended meeting's minutes (the API renders them in the reader's language). */
export function MinutesExport({ s }: MinutesProps) {
  const t = useSteeringT();
  const lang = currentLocale();
  const base = `/api/meetings/${encodeURIComponent(s.meeting.id)}`;
  return (
    <p className="minutes-export">
      {t('minutes.export')}:{' '}
      <a href={`${base}/minutes.md?lang=${lang}`} download>
        {t('minutes.markdown')}
      </a>{' '}
      ·{' '}
      <a href={`${base}/minutes.pdf?lang=${lang}`} download>
        {t('minutes.pdf')}
      </a>
    </p>
  );
}
