import { LIVE_LIMITS } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase, useRoom } from './room';

/** Phases, timer, input lock, handover and ending: for the facilitator (and managers). */
export function FacilitatorControls() {
  const { t } = useTranslation();
  const { s, me, send } = useRoom();
  const id = useId();
  const [minutes, setMinutes] = useState('');
  const [passTo, setPassTo] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const index = s.meeting.currentPhaseIndex;
  const phase = currentPhase(s);
  const timer = s.timer;
  const scheduled = s.meeting.state === 'scheduled';
  const others = s.participants.filter((p) => p.userId !== me);
  const chosen = others.some((p) => p.userId === passTo) ? passTo : (others[0]?.userId ?? '');

  return (
    <section className="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('meeting.controls.title')}</h2>
      {scheduled ? (
        <p>
          <button type="button" onClick={() => send({ type: 'meeting.start', payload: {} })}>
            {t('meeting.controls.start')}
          </button>
        </p>
      ) : (
        <>
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              disabled={index <= 0}
              onClick={() => send({ type: 'phase.goto', payload: { index: index - 1 } })}
            >
              ← {t('meeting.controls.previous')}
            </button>
            <button
              type="button"
              disabled={index >= s.phases.length - 1}
              onClick={() => send({ type: 'phase.goto', payload: { index: index + 1 } })}
            >
              {t('meeting.controls.next')} →
            </button>
          </div>

          <form
            className="inline-form timer-form"
            onSubmit={(event) => {
              event.preventDefault();
              const m = Number(minutes.replace(',', '.'));
              const seconds =
                Number.isFinite(m) && m > 0 ? Math.min(LIVE_LIMITS.timerSeconds, Math.round(m * 60)) : undefined;
              send({ type: 'timer.start', payload: seconds ? { seconds } : {} });
            }}
          >
            <div className="field field--narrow">
              <label htmlFor={`${id}-minutes`}>{t('meeting.controls.timerMinutes')}</label>
              <input
                id={`${id}-minutes`}
                type="number"
                min={1}
                max={LIVE_LIMITS.timerSeconds / 60}
                inputMode="decimal"
                placeholder={phase?.timeboxSeconds ? String(Math.round(phase.timeboxSeconds / 60)) : ''}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </div>
            <button type="submit" className="secondary" disabled={!minutes && !phase?.timeboxSeconds}>
              {timer.status === 'idle' ? t('meeting.controls.timerStart') : t('meeting.controls.timerRestart')}
            </button>
          </form>
          <div className="button-row">
            {timer.status === 'running' && (
              <button type="button" className="secondary" onClick={() => send({ type: 'timer.pause', payload: {} })}>
                {t('meeting.controls.timerPause')}
              </button>
            )}
            {timer.status === 'paused' && (
              <button type="button" className="secondary" onClick={() => send({ type: 'timer.resume', payload: {} })}>
                {t('meeting.controls.timerResume')}
              </button>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => send({ type: 'timer.extend', payload: { seconds: 60 } })}
            >
              {t('meeting.controls.plusMinute')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={timer.status === 'idle' && timer.remainingMs <= 0}
              onClick={() => send({ type: 'timer.extend', payload: { seconds: -60 } })}
            >
              {t('meeting.controls.minusMinute')}
            </button>
          </div>

          <div className="button-row">
            <button
              type="button"
              className="secondary"
              onClick={() => send({ type: 'input.lock', payload: { locked: !s.meeting.inputLocked } })}
            >
              {s.meeting.inputLocked ? t('meeting.controls.unlock') : t('meeting.controls.lock')}
            </button>
          </div>
        </>
      )}

      {others.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) send({ type: 'facilitator.pass', payload: { userId: chosen } });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('meeting.controls.passTo')}</label>
            <select id={`${id}-pass`} value={chosen} onChange={(e) => setPassTo(e.target.value)}>
              {others.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('meeting.controls.pass')}
          </button>
        </form>
      )}

      {!scheduled &&
        (confirmEnd ? (
          <div className="stack">
            <p>{t('meeting.controls.confirmEnd')}</p>
            <div className="button-row">
              <button type="button" className="danger" onClick={() => send({ type: 'meeting.end', payload: {} })}>
                {t('meeting.controls.confirmEndButton')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
                {t('app.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" className="danger" onClick={() => setConfirmEnd(true)}>
              {t('meeting.controls.end')}
            </button>
          </p>
        ))}
    </section>
  );
}
