import { LIVE_LIMITS, type PresenceEntry } from '@tillit/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from './room';

/** How long (ms) the facilitator has been away as this page saw it; null while present. */
function useFacilitatorAway(): number | null {
  const { s } = useRoom();
  const facilitatorId = s.meeting.facilitatorId;
  const present = s.presence.some((p) => p.userId === facilitatorId);
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setSince(present ? null : Date.now());
  }, [present, facilitatorId]);
  useEffect(() => {
    if (since === null) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [since]);
  return since === null ? null : Math.max(0, now - since);
}

/** Who is in the team and who is here (device, idle), ready, hands; the person's own signals. */
export function Participants() {
  const { t } = useTranslation();
  const { s, me, nameOf } = useRoom();
  const byUser = new Map<string, PresenceEntry[]>();
  for (const p of s.presence) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
  const people = [...s.participants];
  for (const p of s.presence) {
    if (!people.some((x) => x.userId === p.userId))
      people.push({ userId: p.userId, displayName: p.displayName, role: null });
  }
  const hereCount = byUser.size;

  return (
    <section className="card participants" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('meeting.participants.title')}{' '}
        <span className="muted">({t('meeting.participants.here', { count: hereCount })})</span>
      </h2>
      <ul className="participant-list">
        {people.map((p) => {
          const connections = byUser.get(p.userId) ?? [];
          const here = connections.length > 0;
          const idle = here && connections.every((c) => c.idle);
          const devices = [...new Set(connections.map((c) => c.device))];
          const hand = s.hands.findIndex((h) => h.userId === p.userId);
          return (
            <li key={p.userId} className={`participant${here ? ' participant--here' : ''}`}>
              <span
                className={`presence-dot${here ? (idle ? ' presence-dot--idle' : ' presence-dot--here') : ''}`}
                aria-hidden="true"
              />
              <span className="participant-name">
                {p.userId === me ? `${nameOf(p.userId)} (${t('meeting.you')})` : nameOf(p.userId)}
              </span>
              <span className="participant-status">
                {here
                  ? [
                      t('meeting.participants.present'),
                      devices.map((d) => t(`meeting.participants.devices.${d}`)).join(', '),
                      idle ? t('meeting.participants.idle') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : t('meeting.participants.absent')}
                {s.meeting.facilitatorId === p.userId && (
                  <>
                    {' '}
                    · <strong>{t('meeting.participants.facilitator')}</strong>
                  </>
                )}
                {s.ready.includes(p.userId) && <> · ✓ {t('meeting.participants.ready')}</>}
                {hand >= 0 && (
                  <>
                    {' '}
                    · {t('meeting.participants.hand')} ({hand + 1})
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The person's own signals: ready, raise hand; and taking the facilitator role when it is free. */
export function MySignals() {
  const { t } = useTranslation();
  const { s, me, send } = useRoom();
  const away = useFacilitatorAway();
  const ready = s.ready.includes(me);
  const hand = s.hands.some((h) => h.userId === me);
  const live = s.meeting.state === 'live';
  const mayTake =
    s.meeting.facilitatorId !== me &&
    (s.meeting.facilitatorId === null || (away !== null && away >= LIVE_LIMITS.facilitatorGraceSeconds * 1000));

  return (
    <section className="card my-signals" aria-labelledby="my-signals-title">
      <h2 id="my-signals-title">{t('meeting.me.title')}</h2>
      <div className="button-row">
        <button
          type="button"
          className={ready ? '' : 'secondary'}
          aria-pressed={ready}
          disabled={!live}
          onClick={() => send({ type: 'ready.set', payload: { ready: !ready } })}
        >
          {ready && <span aria-hidden="true">✓ </span>}
          {t('meeting.me.ready')}
        </button>
        <button
          type="button"
          className={hand ? '' : 'secondary'}
          disabled={!live}
          onClick={() => send({ type: hand ? 'hand.lower' : 'hand.raise', payload: {} })}
        >
          {hand ? t('meeting.me.lowerHand') : t('meeting.me.raiseHand')}
        </button>
      </div>
      {live && mayTake && (
        <div className="stack take-role">
          <p>{t('meeting.me.takeRoleHint')}</p>
          <button type="button" onClick={() => send({ type: 'facilitator.take', payload: {} })}>
            {t('meeting.me.takeRole')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Raised hands, first raised first; the facilitator lowers them once people have spoken. */
export function Hands() {
  const { t } = useTranslation();
  const { s, nameOf, isFacilitator, send, layout } = useRoom();
  return (
    <section className="card hands" aria-labelledby="hands-title">
      <h2 id="hands-title">{t('meeting.hands.title')}</h2>
      {s.hands.length === 0 ? (
        <p className="muted">{t('meeting.hands.none')}</p>
      ) : (
        <ol className="hand-list">
          {s.hands.map((h) => (
            <li key={h.userId}>
              <span>{nameOf(h.userId)}</span>
              {isFacilitator && layout !== 'wall' && (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => send({ type: 'hand.dismiss', payload: { userId: h.userId } })}
                >
                  {t('meeting.hands.dismiss', { name: nameOf(h.userId) })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
