import {
  ACTIVE_IDEA_STATUSES,
  type IdeaDto,
  ideaCycles,
  type ImprovementState,
  type MeetingSnapshot,
  type PhaseView,
} from '@tillit/protocol';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionItemForm } from '../meetings/items/ActionItemForm';
import { ItemRow } from '../meetings/items/ItemRow';
import { useRoom } from '../meetings/room';
import { type ImprovementActions, ImprovementContext } from './actions';
import { IdeaWorkspace } from './IdeaWorkspace';
import { RunChart } from './RunChart';
import './improvement.css';

type PdsaView = Extract<PhaseView, { kind: 'pdsa' }>;
const EMPTY: ImprovementState = { ideas: [], cycles: [], fields: {}, measures: [], conflicts: [] };

/** Votes from this meeting's revealed voting phases. */
function votesOf(s: MeetingSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of s.phases) {
    if (p.kind !== 'voting' || !p.state.tallies) continue;
    for (const [id, n] of Object.entries(p.state.tallies)) out[id] = (out[id] ?? 0) + n;
  }
  return out;
}

/** The idea this phase works on: its own choice, else the choice of the meeting's last earlier pdsa phase. */
function focusOf(s: MeetingSnapshot, phase: PdsaView): string | null {
  if (phase.state.ideaId) return phase.state.ideaId;
  for (let i = phase.index - 1; i >= 0; i--) {
    const p = s.phases[i];
    if (p?.kind === 'pdsa' && p.state.ideaId) return p.state.ideaId;
  }
  return null;
}

/** The improvement actions inside a live meeting: commands over the socket, applied from events. */
function useLiveActions(): ImprovementActions {
  const room = useRoom();
  const { s, send, me, client, live, nameOf, canInput, isFacilitator } = room;
  return useMemo(
    () => ({
      live: true,
      teamId: s.meeting.teamId,
      me,
      state: s.improvement ?? EMPTY,
      nowMs: () => Date.now() + live.clockOffsetMs,
      nameOf,
      people: s.participants.map((p) => ({ userId: p.userId, displayName: p.displayName })),
      canInput: canInput && room.layout !== 'wall',
      mayFacilitate: isFacilitator,
      updateIdea: (ideaId, changes) => send({ type: 'idea.update', payload: { ideaId, ...changes } }),
      addCycle: (ideaId) => send({ type: 'cycle.add', payload: { ideaId } }),
      updateCycle: (cycleId, changes) => send({ type: 'cycle.update', payload: { cycleId, ...changes } }),
      claim: (key) => send({ type: 'field.claim', payload: { key } }),
      release: (key) => send({ type: 'field.release', payload: { key } }),
      save: (key, text, baseRev, release) => send({ type: 'field.save', payload: { key, text, baseRev, release } }),
      dismissConflict: (conflictId) => send({ type: 'conflict.dismiss', payload: { conflictId } }),
      saveMeasure: (ideaId, measure, measureId) =>
        send({ type: 'measure.save', payload: { ideaId, ...(measureId ? { measureId } : {}), ...measure } }),
      addPoint: (measureId, point) => send({ type: 'point.add', payload: { measureId, ...point } }),
      deletePoint: (pointId) => send({ type: 'point.delete', payload: { pointId } }),
      typing: (key) => client?.typing(`field:${key}`),
    }),
    [s, send, me, client, live.clockOffsetMs, nameOf, canInput, isFacilitator, room.layout],
  );
}

/**
 * The improvement meeting's `pdsa` phase, in one of three parts: the review of running cycles, work on the
 * chosen idea's cycle (co-edited live, with its measures and run charts), and its actions.
 */
export function PdsaPhase({ phase }: { phase: PdsaView }) {
  const actions = useLiveActions();
  return (
    <ImprovementContext.Provider value={actions}>
      {phase.settings.part === 'review' ? <RunningCycles /> : <FocusedIdea phase={phase} />}
    </ImprovementContext.Provider>
  );
}

function RunningCycles() {
  const { t } = useTranslation('improvement');
  const { s } = useRoom();
  const state = s.improvement ?? EMPTY;
  const running = state.ideas.filter((i) => i.status === 'planning' || i.status === 'testing');
  if (running.length === 0) return <p className="muted">{t('phase.noRunning')}</p>;
  return (
    <ul className="running-cycles stack">
      {running.map((idea) => {
        const cycles = ideaCycles(state, idea.id);
        const last = cycles[cycles.length - 1];
        return (
          <li key={idea.id} className="card-inset">
            <h3>{idea.title}</h3>
            <p className="muted">
              {t(`status.${idea.status}`)}
              {last &&
                ` · ${t('cycle', { n: last.number })} · ${last.decision ? t(`decisions.${last.decision}`) : t('running')}`}
            </p>
            {state.measures
              .filter((m) => m.ideaId === idea.id)
              .map((m) => (
                <div key={m.id}>
                  <h4>{m.name}</h4>
                  <RunChart measure={m} cycles={cycles} />
                </div>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

function FocusedIdea({ phase }: { phase: PdsaView }) {
  const { t } = useTranslation('improvement');
  const { s, isFacilitator, send, layout } = useRoom();
  const state = s.improvement ?? EMPTY;
  const focusId = focusOf(s, phase);
  const idea = state.ideas.find((i) => i.id === focusId) ?? null;
  const votes = votesOf(s);
  const candidates = state.ideas
    .filter((i) => ACTIVE_IDEA_STATUSES.includes(i.status))
    .sort((a, b) => (votes[b.id] ?? 0) - (votes[a.id] ?? 0));
  const top = candidates[0];
  return (
    <div className="stack">
      {isFacilitator && layout !== 'wall' && (phase.settings.part === 'cycle' || !idea) && (
        <IdeaPicker phase={phase} candidates={candidates} votes={votes} current={focusId} />
      )}
      {!idea ? (
        <p className="muted">
          {t('phase.noFocus')}
          {top && votes[top.id] ? ` ${t('phase.suggested', { title: top.title, count: votes[top.id] ?? 0 })}` : ''}
        </p>
      ) : (
        <section className="focus card-inset" aria-labelledby={`focus-${idea.id}`}>
          <p className="badge">{t('phase.focus')}</p>
          <h3 id={`focus-${idea.id}`} className="focus-title">
            {idea.title}
          </h3>
          {phase.settings.part === 'actions' ? (
            <IdeaActions idea={idea} />
          ) : (
            <IdeaWorkspace idea={idea} headingLevel={3} />
          )}
        </section>
      )}
      {phase.settings.part === 'actions' && <MeetingActions />}
      {!idea && top && isFacilitator && layout !== 'wall' && (
        <div>
          <button type="button" onClick={() => send({ type: 'pdsa.focus', payload: { ideaId: top.id } })}>
            {t('phase.workOn', { title: top.title })}
          </button>
        </div>
      )}
    </div>
  );
}

function IdeaPicker({
  phase,
  candidates,
  votes,
  current,
}: {
  phase: PdsaView;
  candidates: IdeaDto[];
  votes: Record<string, number>;
  current: string | null;
}) {
  const { t } = useTranslation('improvement');
  const { send } = useRoom();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-pick`}>{t('phase.pickIdea')}</label>
      <select
        id={`${id}-pick`}
        value={current ?? ''}
        onChange={(e) => send({ type: 'pdsa.focus', payload: { ideaId: e.target.value || null } })}
        data-phase-id={phase.id}
      >
        <option value="">–</option>
        {candidates.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
            {votes[i.id] ? ` (${votes[i.id]})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function IdeaActions({ idea }: { idea: IdeaDto }) {
  const { t } = useTranslation('improvement');
  const { s, layout } = useRoom();
  const id = useId();
  const actions = s.items.filter((i) => i.kind === 'action' && i.parentId === idea.id);
  return (
    <div className="stack">
      <h4 id={`${id}-h`}>{t('phase.actions', { title: idea.title })}</h4>
      {actions.length === 0 ? (
        <p className="muted">{t('phase.noActions')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`${id}-h`}>
          {actions.map((a) => (
            <ItemRow key={a.id} item={a} />
          ))}
        </ul>
      )}
      {layout !== 'wall' && (
        <ActionItemForm
          parentId={idea.id}
          labels={{
            text: t('phase.actionText'),
            owner: t('owner'),
            noOwner: t('noOwner'),
            due: t('phase.due'),
            submit: t('phase.addAction'),
          }}
        />
      )}
    </div>
  );
}

function MeetingActions() {
  const { t } = useTranslation('improvement');
  const { s } = useRoom();
  const id = useId();
  const actions = s.items.filter((i) => i.kind === 'action' && i.originMeetingId === s.meeting.id);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('phase.meetingActions')}</h3>
      <ul className="item-list">
        {actions.map((a) => (
          <ItemRow key={a.id} item={a} />
        ))}
      </ul>
    </section>
  );
}
