import { type BreakoutGroup, ETHICS_LIMITS, type PhaseView, type TimerState } from '@tillit/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Status } from '../ui/Page';
import { useRoom } from '../meetings/room';
import { formatClock, remainingMs } from '../meetings/Timer';
import { useGroupNotes } from './ethics.api';

type BreakoutView = Extract<PhaseView, { kind: 'breakout' }>;

/**
 * Breakout groups: the facilitator forms them (random, mixed or by hand), sends them off, moves people,
 * calls everyone back and runs the share-back. Each group has its own timer, a shared summary and
 * confidential notes that only its members ever receive (fetched over REST, never in the live state).
 */
export function BreakoutPhase({ phase }: { phase: BreakoutView }) {
  const { t } = useTranslation('ethics');
  const { me, isFacilitator, layout } = useRoom();
  const { stage, groups, sharing } = phase.state;
  const mine = groups.findIndex((g) => g.members.includes(me));
  const order = groups.map((_, i) => i);
  if (mine >= 0 && !isFacilitator) order.sort((a, b) => (a === mine ? -1 : b === mine ? 1 : a - b));
  const facilitating = isFacilitator && layout !== 'wall';

  return (
    <div className="stack breakout">
      {stage === 'setup' && <p>{t('groups.intro')}</p>}
      {stage === 'running' && <p className="notice">{t('groups.running')}</p>}
      {stage === 'recalled' && <p className="notice">{t('groups.recalled')}</p>}
      {facilitating && <FacilitatorControls phase={phase} />}
      {stage === 'share-back' && <ShareBack phase={phase} />}
      {groups.length > 0 && mine < 0 && stage !== 'setup' && !isFacilitator && (
        <p className="muted">{t('groups.notInGroup')}</p>
      )}
      {groups.length > 0 && (
        <div className="group-grid">
          {order.map((i) => (
            <GroupCard
              key={i}
              phase={phase}
              index={i}
              group={groups[i]!}
              mine={i === mine}
              highlighted={sharing === i && stage === 'share-back'}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function FacilitatorControls({ phase }: { phase: BreakoutView }) {
  const { t } = useTranslation('ethics');
  const { send } = useRoom();
  const { stage, groups, formedBy, repeatedPairs } = phase.state;
  return (
    <div className="stack card-inset">
      {stage === 'setup' && <GroupForm phase={phase} />}
      {formedBy && repeatedPairs !== null && groups.length > 0 && stage === 'setup' && (
        <p>
          {t('groups.formed', { count: groups.length })}{' '}
          {repeatedPairs > 0 ? t('groups.repeats', { count: repeatedPairs }) : t('groups.noRepeats')}
        </p>
      )}
      <div className="button-row">
        {(stage === 'setup' || stage === 'recalled' || stage === 'share-back') &&
          groups.some((g) => g.members.length > 0) && (
            <button type="button" onClick={() => send({ type: 'breakout.open', payload: {} })}>
              {stage === 'setup' ? t('groups.open') : t('groups.reopen')}
            </button>
          )}
        {stage === 'running' && (
          <button type="button" onClick={() => send({ type: 'breakout.recall', payload: {} })}>
            {t('groups.recall')}
          </button>
        )}
      </div>
      {stage !== 'setup' && groups.length > 0 && (
        <div className="stack">
          <h3>{t('groups.shareBack')}</h3>
          <div className="button-row">
            {groups.map((g, i) => (
              <button
                key={i}
                type="button"
                className={phase.state.sharing === i && stage === 'share-back' ? '' : 'secondary'}
                aria-pressed={phase.state.sharing === i && stage === 'share-back'}
                disabled={g.members.length === 0}
                onClick={() => send({ type: 'breakout.share', payload: { group: i } })}
              >
                {t('groups.shareGroup', { n: i + 1 })}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** Forming groups: who takes part (everyone connected, to begin with), the size and how. */
function GroupForm({ phase }: { phase: BreakoutView }) {
  const { t } = useTranslation('ethics');
  const { s, send } = useRoom();
  const id = useId();
  const present = new Set(s.presence.map((p) => p.userId));
  const [size, setSize] = useState(phase.settings.groupSize);
  const [mode, setMode] = useState<'random' | 'balanced' | 'manual'>(phase.settings.mode);
  const [picked, setPicked] = useState<Set<string>>(
    () => new Set(s.participants.filter((p) => present.has(p.userId)).map((p) => p.userId)),
  );
  const [manual, setManual] = useState<Record<string, number>>({});
  const people = s.participants.filter((p) => picked.has(p.userId));
  const count = Math.max(1, Math.ceil(people.length / size));

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === 'manual') {
          const groups: string[][] = Array.from({ length: count }, () => []);
          people.forEach((p, i) => groups[Math.min(count - 1, manual[p.userId] ?? i % count)]!.push(p.userId));
          send({ type: 'breakout.form', payload: { mode: 'manual', groups } });
        } else {
          send({ type: 'breakout.form', payload: { mode, groupSize: size, userIds: people.map((p) => p.userId) } });
        }
      }}
    >
      <h3>{t('groups.form')}</h3>
      <div className="field">
        <label htmlFor={`${id}-size`}>{t('groups.size')}</label>
        <input
          id={`${id}-size`}
          type="number"
          min={ETHICS_LIMITS.groupSizeMin}
          max={ETHICS_LIMITS.groupSizeMax}
          value={size}
          onChange={(e) =>
            setSize(
              Math.min(ETHICS_LIMITS.groupSizeMax, Math.max(ETHICS_LIMITS.groupSizeMin, Number(e.target.value) || 2)),
            )
          }
        />
      </div>
      <fieldset>
        <legend>{t('groups.mode')}</legend>
        {(['random', 'balanced', 'manual'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
            {t(`groups.${m}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('groups.people')}</legend>
        {s.participants.map((p) => (
          <div key={p.userId} className="person-pick">
            <label className="choice">
              <input
                type="checkbox"
                checked={picked.has(p.userId)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(p.userId);
                  else next.delete(p.userId);
                  setPicked(next);
                }}
              />{' '}
              {p.displayName}
            </label>
            {mode === 'manual' && picked.has(p.userId) && (
              <select
                aria-label={t('groups.manualGroup', { name: p.displayName })}
                value={manual[p.userId] ?? people.findIndex((x) => x.userId === p.userId) % count}
                onChange={(e) => setManual({ ...manual, [p.userId]: Number(e.target.value) })}
              >
                {Array.from({ length: count }, (_, i) => (
                  <option key={i} value={i}>
                    {t('groups.moveTo', { n: i + 1 })}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={people.length === 0}>
          {t('groups.formButton')}
        </button>
      </div>
    </form>
  );
}

function ShareBack({ phase }: { phase: BreakoutView }) {
  const { t } = useTranslation('ethics');
  const { sharing, groups } = phase.state;
  const g = sharing !== null ? groups[sharing] : undefined;
  if (!g || sharing === null) return null;
  return (
    <section className="share-back card-inset" aria-labelledby={`sharing-${phase.id}`}>
      <h3 id={`sharing-${phase.id}`}>{t('groups.sharing', { n: sharing + 1 })}</h3>
      {g.summary ? (
        <p className="notes-text share-summary">{g.summary}</p>
      ) : (
        <p className="muted">{t('groups.noSummary')}</p>
      )}
    </section>
  );
}

function GroupCard({
  phase,
  index,
  group,
  mine,
  highlighted,
}: {
  phase: BreakoutView;
  index: number;
  group: BreakoutGroup;
  mine: boolean;
  highlighted: boolean;
}) {
  const { t } = useTranslation('ethics');
  const { me, isFacilitator, layout, nameOf, send, s } = useRoom();
  const headingId = `group-${phase.id}-${index}`;
  const { stage } = phase.state;
  const started = stage !== 'setup';
  const canWrite = layout !== 'wall' && started && (mine || isFacilitator);
  return (
    <section
      className={`group-card${mine ? ' group-card--mine' : ''}${highlighted ? ' group-card--sharing' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {t('groups.group', { n: index + 1 })}
        {mine && <span className="badge">{t('groups.yourGroup')}</span>}
      </h3>
      {group.members.length === 0 ? (
        <p className="muted">{t('groups.empty')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('groups.members')}>
          {group.members.map((u) => (
            <li key={u}>
              {u === me ? `${nameOf(u)} (${t('meeting.you', { ns: 'translation' })})` : nameOf(u)}
              {isFacilitator && layout !== 'wall' && (
                <select
                  className="small"
                  aria-label={t('groups.move', { name: nameOf(u) })}
                  value={index}
                  onChange={(e) => {
                    const v = e.target.value;
                    send({ type: 'breakout.move', payload: { userId: u, group: v === 'out' ? null : Number(v) } });
                  }}
                >
                  {phase.state.groups.map((_, i) => (
                    <option key={i} value={i}>
                      {t('groups.moveTo', { n: i + 1 })}
                    </option>
                  ))}
                  {phase.state.groups.length < ETHICS_LIMITS.groups && (
                    <option value={phase.state.groups.length}>{t('groups.moveNew')}</option>
                  )}
                  <option value="out">{t('groups.moveOut')}</option>
                </select>
              )}
            </li>
          ))}
        </ul>
      )}
      {isFacilitator && layout !== 'wall' && <Unplaced phase={phase} index={index} />}
      {started && (
        <GroupTimer
          phase={phase}
          index={index}
          timer={group.timer}
          canControl={layout !== 'wall' && (mine || isFacilitator)}
        />
      )}
      {started &&
        (canWrite ? (
          <SummaryEditor phase={phase} index={index} text={group.summary} />
        ) : group.summary ? (
          <p className="notes-text">{group.summary}</p>
        ) : null)}
      {mine && started && layout !== 'wall' && (
        <ConfidentialNotes meetingId={s.meeting.id} phaseId={phase.id} index={index} rev={group.notesRev} />
      )}
    </section>
  );
}

/** People in the meeting who are in no group yet: the facilitator can put them in this one. */
function Unplaced({ phase, index }: { phase: BreakoutView; index: number }) {
  const { t } = useTranslation('ethics');
  const { s, send } = useRoom();
  if (index !== 0 || phase.state.groups.length === 0) return null;
  const placed = new Set(phase.state.groups.flatMap((g) => g.members));
  const out = s.participants.filter((p) => !placed.has(p.userId));
  if (out.length === 0) return null;
  return (
    <div className="stack">
      <p className="muted">{t('groups.moveOut')}</p>
      <ul className="plain-list">
        {out.map((p) => (
          <li key={p.userId}>
            {p.displayName}{' '}
            <select
              className="small"
              aria-label={t('groups.move', { name: p.displayName })}
              value="out"
              onChange={(e) =>
                e.target.value !== 'out' &&
                send({ type: 'breakout.move', payload: { userId: p.userId, group: Number(e.target.value) } })
              }
            >
              <option value="out">{t('groups.moveOut')}</option>
              {phase.state.groups.map((_, i) => (
                <option key={i} value={i}>
                  {t('groups.moveTo', { n: i + 1 })}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupTimer({
  phase,
  index,
  timer,
  canControl,
}: {
  phase: BreakoutView;
  index: number;
  timer: TimerState;
  canControl: boolean;
}) {
  const { t } = useTranslation('ethics');
  const { live, send } = useRoom();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.status !== 'running') return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [timer.status]);
  const left = remainingMs(timer, live.clockOffsetMs, now);
  const hasTime = timer.status !== 'idle' || timer.remainingMs > 0;
  const minutes = Math.max(1, Math.round((phase.timeboxSeconds ?? 600) / 60));
  return (
    <div className="group-timer">
      <p
        className="group-clock"
        role="timer"
        aria-label={`${t('groups.timer')}, ${t('groups.group', { n: index + 1 })}`}
      >
        {hasTime ? formatClock(left) : '–:––'}
      </p>
      {canControl && (
        <div className="button-row">
          {timer.status === 'running' ? (
            <button
              type="button"
              className="secondary small"
              onClick={() => send({ type: 'breakout.timer', payload: { group: index, action: 'pause' } })}
            >
              {t('groups.timerPause')}
            </button>
          ) : timer.status === 'paused' ? (
            <button
              type="button"
              className="secondary small"
              onClick={() => send({ type: 'breakout.timer', payload: { group: index, action: 'resume' } })}
            >
              {t('groups.timerResume')}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary small"
            onClick={() =>
              send({ type: 'breakout.timer', payload: { group: index, action: 'start', seconds: minutes * 60 } })
            }
          >
            {t('groups.timerStart', { minutes })}
          </button>
        </div>
      )}
    </div>
  );
}

function SummaryEditor({ phase, index, text }: { phase: BreakoutView; index: number; text: string }) {
  const { t } = useTranslation('ethics');
  const { send, canInput } = useRoom();
  const id = useId();
  const [draft, setDraft] = useState(text);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft(text);
  }, [text, dirty]);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        send({ type: 'breakout.summary', payload: { group: index, text: draft } });
        setDirty(false);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('groups.summary')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('groups.summaryHint')}
        </p>
        <textarea
          id={`${id}-summary`}
          aria-describedby={`${id}-hint`}
          rows={3}
          value={draft}
          maxLength={ETHICS_LIMITS.groupSummary}
          disabled={!canInput}
          onChange={(e) => {
            setDraft(e.target.value);
            setDirty(true);
          }}
        />
      </div>
      <div>
        <button type="submit" className="secondary" disabled={!dirty || !canInput} data-phase={phase.id}>
          {t('groups.saveSummary')}
        </button>
      </div>
    </form>
  );
}

/** Only rendered for the group's own members; the server would refuse anyone else anyway. */
function ConfidentialNotes({
  meetingId,
  phaseId,
  index,
  rev,
}: {
  meetingId: string;
  phaseId: string;
  index: number;
  rev: number;
}) {
  const { t } = useTranslation('ethics');
  const { send } = useRoom();
  const id = useId();
  const notes = useGroupNotes(meetingId, phaseId, index, rev);
  const [draft, setDraft] = useState('');
  const [dirty, setDirty] = useState(false);
  const [savedRev, setSavedRev] = useState<number | null>(null);
  const server = notes.data;
  useEffect(() => {
    if (server && !dirty) setDraft(server.text);
  }, [server, dirty]);
  const changedByOther = dirty && server && server.rev > 0 && savedRev !== server.rev && server.text !== draft;
  return (
    <form
      className="stack confidential"
      onSubmit={(e) => {
        e.preventDefault();
        send({ type: 'breakout.notes', payload: { group: index, text: draft } });
        setDirty(false);
        setSavedRev(rev + 1);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('groups.notes')}</label>
        <p id={`${id}-hint`} className="hint">
          🔒 {t('groups.notesHint')}
        </p>
        <textarea
          id={`${id}-notes`}
          aria-describedby={`${id}-hint`}
          rows={5}
          value={draft}
          maxLength={ETHICS_LIMITS.groupNotes}
          onChange={(e) => {
            setDraft(e.target.value);
            setDirty(true);
          }}
        />
      </div>
      {changedByOther && <p className="notice">{t('groups.notesChanged')}</p>}
      <div>
        <button type="submit" className="secondary" disabled={!dirty}>
          {t('groups.saveNotes')}
        </button>
      </div>
      <Status>{!dirty && savedRev !== null && server?.rev === savedRev ? t('groups.notesSaved') : null}</Status>
    </form>
  );
}
