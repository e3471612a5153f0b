import type { PhaseView } from '@tillit/protocol';
import { useEffect } from 'react';
import { useMyFeedback } from '../steering.api';
import { FeedbackCard, FeedbackForm } from '../feedback';
import { namesList, useSteeringT } from '../steering.i18n';
import { useSteeringRoom } from './room';

type View = Extract<PhaseView, { kind: 'steering-feedback' }>;

/**
 * The feedback round. Everyone sees who has NOT yet received any (never who gave what to whom), the
 * feedback shared with the team, and — each for themselves — what was given to them.
 */
export function FeedbackPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { room, st, people, nameOf, inputs } = useSteeringRoom();
  const mine = useMyFeedback(room.s.meeting.teamId);
  const count = st?.feedback.count ?? 0;
  const refetch = mine.refetch;
  const iReceived = st?.feedback.received.includes(room.me) ?? false;
  // Private feedback to me is not in the shared state: fetch it when the round says I received something.
  useEffect(() => {
    if (iReceived) void refetch();
  }, [count, iReceived, refetch]);
  if (!st) return null;
  const present = people.filter((p) => !st.absences.includes(p.userId));
  const waiting = present.filter((p) => !st.feedback.received.includes(p.userId));
  const toMe = (mine.data?.received ?? []).filter((f) => f.meetingId === room.s.meeting.id);
  const form = inputs ? (
    <FeedbackForm
      colleagues={people.filter((p) => p.userId !== room.me)}
      valueTags={st.valueTags}
      onSubmit={(body) => room.send({ type: 'feedback.give', payload: body })}
    />
  ) : null;
  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      <p className={waiting.length ? 'notice not-received' : 'notice everyone-received'}>
        {waiting.length
          ? t('feedback.notReceived', {
              names: namesList(
                waiting.map((p) => p.userId),
                room.nameOf,
              ),
            })
          : t('feedback.everyone')}
      </p>
      <p className="muted">{t('feedback.count', { count })}</p>
      {room.layout === 'phone' && form}
      {room.layout !== 'wall' && toMe.length > 0 && (
        <section aria-labelledby={`tome-${phase.id}`}>
          <h3 id={`tome-${phase.id}`}>{t('feedback.toYou')}</h3>
          <ul className="item-list">
            {toMe.map((f) => (
              <FeedbackCard key={f.id} feedback={f} me={room.me} nameOf={nameOf} />
            ))}
          </ul>
        </section>
      )}
      <h3 id={`shared-${phase.id}`}>{t('feedback.shared')}</h3>
      {st.feedback.shared.length === 0 ? (
        <p className="muted">{t('feedback.noneShared')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`shared-${phase.id}`}>
          {st.feedback.shared.map((f) => (
            <FeedbackCard key={f.id} feedback={f} me={room.me} nameOf={nameOf} />
          ))}
        </ul>
      )}
      {room.layout === 'laptop' && form}
    </div>
  );
}
