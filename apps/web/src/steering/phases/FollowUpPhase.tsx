import { STEERING_LIMITS, type PhaseView, type PlanItemDto } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useSteeringT } from '../steering.i18n';
import { DayControl } from './DayControl';
import { PlanRow } from './PlanPhase';
import { useSteeringRoom } from './room';

type View = Extract<PhaseView, { kind: 'steering-follow-up' }>;

/** Today's plan followed up: done, or not done and carried to tomorrow with a short reason. */
export function FollowUpPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { today } = useSteeringRoom();
  const count = (s: PlanItemDto['status']) => today.filter((i) => i.status === s).length;
  return (
    <div className="stack">
      <DayControl />
      <h3 id={`followup-${phase.id}`}>{t('followUp.list')}</h3>
      <p className="muted">
        {t('followUp.summary', { done: count('done'), carried: count('carried'), open: count('open') })}
      </p>
      {today.length === 0 ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`followup-${phase.id}`}>
          {today.map((item) => (
            <PlanRow key={item.id} item={item}>
              <FollowUpControls item={item} />
            </PlanRow>
          ))}
        </ul>
      )}
    </div>
  );
}

function FollowUpControls({ item }: { item: PlanItemDto }) {
  const t = useSteeringT();
  const { room, inputs } = useSteeringRoom();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!inputs) return null;
  if (item.status !== 'open') {
    return (
      <div className="button-row">
        <button
          type="button"
          className="secondary small"
          aria-label={t('followUp.undoNamed', { title: item.title })}
          onClick={() => room.send({ type: 'plan.follow-up', payload: { planItemId: item.id, status: 'open' } })}
        >
          {t('followUp.undo')}
        </button>
      </div>
    );
  }
  return asking ? (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        room.send({
          type: 'plan.follow-up',
          payload: { planItemId: item.id, status: 'carried', reason: reason.trim() },
        });
        setAsking(false);
        setReason('');
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-r`}>{t('followUp.reasonFor', { title: item.title })}</label>
        <input
          id={`${id}-r`}
          type="text"
          value={reason}
          maxLength={STEERING_LIMITS.carryReason}
          required
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" disabled={!reason.trim()}>
        {t('followUp.carry')}
      </button>
    </form>
  ) : (
    <div className="button-row">
      <button
        type="button"
        className="small"
        aria-label={t('followUp.doneNamed', { title: item.title })}
        onClick={() => room.send({ type: 'plan.follow-up', payload: { planItemId: item.id, status: 'done' } })}
      >
        {t('followUp.done')}
      </button>
      <button
        type="button"
        className="secondary small"
        aria-label={t('followUp.notDoneNamed', { title: item.title })}
        onClick={() => setAsking(true)}
      >
        {t('followUp.notDone')}
      </button>
    </div>
  );
}
