import type { MeetingSnapshot, MinutesDto } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { useRituals } from './ritual';

/** The read-only record of an ended meeting: its summary, then what each ritual adds. */
export function Minutes({ s, minutes }: { s: MeetingSnapshot; minutes: MinutesDto }) {
  const { t } = useTranslation();
  const { minutesLeads, minutes: sections } = useRituals();
  const names = new Map(s.participants.map((p) => [p.userId, p.displayName]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? t('meeting.someone')) : t('meeting.someone'));
  const props = { s, minutes, nameOf };

  return (
    <section className="card minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('meeting.minutes.title')}</h2>
      {minutesLeads.map((Lead, i) => (
        <Lead key={i} {...props} />
      ))}
      <h3>{t('meeting.minutes.summary')}</h3>
      {minutes.summary ? (
        <p className="notes-text">{minutes.summary}</p>
      ) : (
        <p className="muted">{t('meeting.minutes.noSummary')}</p>
      )}
      {sections.map((Section, i) => (
        <Section key={i} {...props} />
      ))}
    </section>
  );
}
