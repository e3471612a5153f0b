import { STEERING_LIMITS, type PhaseView, type SteeringCheckInAnswer } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useSteeringT } from '../steering.i18n';
import { useSteeringRoom } from './room';

type View = Extract<PhaseView, { kind: 'steering-check-in' }>;
const STEPS = [1, 2, 3, 4, 5] as const;

/** "How are you today?": a word, a step on a five-step scale, or skip. */
export function SteeringCheckInPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { room, people, inputs } = useSteeringRoom();
  const answers = phase.state.answers;
  const describe = (a: SteeringCheckInAnswer) =>
    a.word === null && a.scale === null
      ? t('checkIn.skipped')
      : [a.word, a.scale !== null ? t('checkIn.scaleValue', { n: a.scale }) : null].filter(Boolean).join(' · ');
  const mine = answers[room.me];
  const form = inputs ? <CheckInForm /> : null;
  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {mine && (
        <p>
          {mine.word === null && mine.scale === null
            ? t('checkIn.youSkipped')
            : t('checkIn.yours', { answer: describe(mine) })}
        </p>
      )}
      {room.layout === 'phone' && form}
      <h3 id={`checkins-${phase.id}`}>{t('checkIn.answers')}</h3>
      <ul className="item-list" aria-labelledby={`checkins-${phase.id}`}>
        {people.map((p) => {
          const a = answers[p.userId];
          return (
            <li key={p.userId} className="item">
              <p className="item-text">
                <strong>{p.displayName}:</strong>{' '}
                {a ? describe(a) : <span className="muted">{t('checkIn.notYet')}</span>}
              </p>
            </li>
          );
        })}
      </ul>
      {room.layout === 'laptop' && form}
    </div>
  );
}

function CheckInForm() {
  const t = useSteeringT();
  const { room } = useSteeringRoom();
  const id = useId();
  const [word, setWord] = useState('');
  const [scale, setScale] = useState<number | null>(null);
  const ready = word.trim().length > 0 || scale !== null;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        room.send({
          type: 'steering.checkin',
          payload: { ...(word.trim() ? { word: word.trim() } : {}), ...(scale !== null ? { scale } : {}) },
        });
        setWord('');
        setScale(null);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-w`}>{t('checkIn.yourWord')}</label>
        <input
          id={`${id}-w`}
          type="text"
          value={word}
          maxLength={STEERING_LIMITS.checkInWord}
          autoComplete="off"
          onChange={(e) => setWord(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('checkIn.scaleLegend')}</legend>
        <div className="choice-row scale">
          {STEPS.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name={`${id}-scale`} checked={scale === n} onChange={() => setScale(n)} />
              {t(`checkIn.step${n}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" disabled={!ready}>
          {t('checkIn.send')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => room.send({ type: 'steering.checkin', payload: { skip: true } })}
        >
          {t('checkIn.skip')}
        </button>
      </div>
    </form>
  );
}
