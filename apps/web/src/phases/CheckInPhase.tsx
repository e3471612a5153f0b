import { LIVE_LIMITS, type PhaseView } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../meetings/room';
import { TypingHint } from '../meetings/items/ItemRow';

type CheckInView = Extract<PhaseView, { kind: 'check-in' }>;

/** A round: everyone answers the prompt (freely, or when given the turn); passing may be allowed. */
export function CheckInPhase({ phase }: { phase: CheckInView }) {
  const { t } = useTranslation('phases');
  const { s, me, isFacilitator, send, nameOf, layout } = useRoom();
  const { answers, turnUserId } = phase.state;
  const inTurn = phase.settings.mode === 'in-turn';
  const mine = answers[me];
  const form = layout !== 'wall' ? <AnswerForm phase={phase} /> : null;

  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {inTurn && (
        <p className="turn">{turnUserId ? t('checkIn.turn', { name: nameOf(turnUserId) }) : t('checkIn.noTurn')}</p>
      )}
      {mine && <p>{mine.text === null ? t('checkIn.youPassed') : t('checkIn.yourAnswer', { text: mine.text })}</p>}
      {layout === 'phone' && form}
      <h3 id={`answers-${phase.id}`}>{t('checkIn.answers')}</h3>
      <ul className="item-list" aria-labelledby={`answers-${phase.id}`}>
        {s.participants.map((p) => {
          const answer = answers[p.userId];
          return (
            <li key={p.userId} className={`item${turnUserId === p.userId ? ' item--turn' : ''}`}>
              <div className="item-body">
                <p className="item-text">
                  <strong>
                    {p.userId === me ? `${p.displayName} (${t('meeting.you', { ns: 'translation' })})` : p.displayName}:
                  </strong>{' '}
                  {answer ? (
                    (answer.text ?? <em>{t('checkIn.passed')}</em>)
                  ) : (
                    <span className="muted">{t('checkIn.notYet')}</span>
                  )}
                </p>
              </div>
              {inTurn && isFacilitator && layout !== 'wall' && turnUserId !== p.userId && (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => send({ type: 'checkin.turn', payload: { userId: p.userId } })}
                >
                  {t('checkIn.giveTurn', { name: p.displayName })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <TypingHint target={`checkin:${phase.id}`} />
      {layout === 'laptop' && form}
    </div>
  );
}

function AnswerForm({ phase }: { phase: CheckInView }) {
  const { t } = useTranslation('phases');
  const { me, isFacilitator, canInput, send, client } = useRoom();
  const id = useId();
  const [text, setText] = useState('');
  const myTurn = phase.settings.mode === 'free' || phase.state.turnUserId === me || isFacilitator;
  const enabled = canInput && myTurn;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const value = text.trim();
        if (!value) return;
        send({ type: 'checkin.answer', payload: { text: value } });
        setText('');
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-answer`}>{t('checkIn.answer')}</label>
        {!myTurn && (
          <p id={`${id}-hint`} className="hint">
            {t('checkIn.notYourTurn')}
          </p>
        )}
        <textarea
          id={`${id}-answer`}
          rows={2}
          value={text}
          maxLength={LIVE_LIMITS.checkInAnswer}
          disabled={!enabled}
          aria-describedby={myTurn ? undefined : `${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            client?.typing(`checkin:${phase.id}`);
          }}
        />
      </div>
      <div className="button-row">
        <button type="submit" disabled={!enabled || !text.trim()}>
          {t('checkIn.send')}
        </button>
        {phase.settings.allowPass && (
          <button
            type="button"
            className="secondary"
            disabled={!enabled}
            onClick={() => send({ type: 'checkin.answer', payload: { pass: true } })}
          >
            {t('checkIn.pass')}
          </button>
        )}
      </div>
    </form>
  );
}
