import type { TimerState } from '@tillit/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from './room';
import { beep, setSoundEnabled, soundEnabled } from './sound';

/** Milliseconds left on the server's timer, read on the server's clock (Date.now() + offset). */
export function remainingMs(timer: TimerState, clockOffsetMs: number, now: number): number {
  if (timer.status === 'running') return Math.max(0, Date.parse(timer.endsAt) - (now + clockOffsetMs));
  return timer.remainingMs;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The meeting's timer, alike on every screen; a visible and (unless turned off) audible cue at zero. */
export function Timer() {
  const { t } = useTranslation();
  const { s, live, announce } = useRoom();
  const timer = s.timer;
  const [now, setNow] = useState(() => Date.now());
  const [sound, setSound] = useState(soundEnabled);
  const wasRunning = useRef<string | null>(null);

  useEffect(() => {
    if (timer.status !== 'running') return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [timer.status]);

  const left = remainingMs(timer, live.clockOffsetMs, now);
  const up = timer.status === 'running' && left <= 0;
  const running = timer.status === 'running' ? timer.endsAt : null;

  // The cue sounds once per run, and only when the end happens while this page watches.
  useEffect(() => {
    if (running && !up) wasRunning.current = running;
    if (up && running && wasRunning.current === running) {
      wasRunning.current = null;
      announce(t('meeting.announce.timeUp'));
      if (soundEnabled()) beep();
    }
  }, [running, up, announce, t]);

  const hasTime = timer.status !== 'idle' || timer.remainingMs > 0;
  const label =
    timer.status === 'running'
      ? up
        ? t('meeting.timer.up')
        : t('meeting.timer.running')
      : timer.status === 'paused'
        ? t('meeting.timer.paused')
        : hasTime
          ? t('meeting.timer.idle')
          : t('meeting.timer.none');

  return (
    <div
      className={`timer${up ? ' timer--up' : ''}${timer.status === 'running' && left < 60_000 && !up ? ' timer--soon' : ''}`}
    >
      <p className="timer-clock" role="timer" aria-label={t('meeting.timer.label')}>
        {hasTime ? formatClock(left) : '–:––'}
      </p>
      <p className="timer-state">{label}</p>
      <label className="choice sound-toggle">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            setSound(e.target.checked);
            setSoundEnabled(e.target.checked);
          }}
        />
        {t('meeting.sound')}
      </label>
    </div>
  );
}
