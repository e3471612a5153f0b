import { RitualSettingsFields } from '../ethics/RitualSettingsFields';
import { PdsaSettingsFields } from '../improvement/PdsaSettingsFields';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORUM_KINDS,
  ITEM_KINDS,
  LIVE_LIMITS,
  PHASE_KINDS,
  type CreateForumBody,
  type Facilitation,
  type ForumDto,
  type ForumKind,
  type ItemKind,
  type MemberDto,
  type PhaseKind,
  type PhaseTemplate,
} from '@tillit/protocol';
import { currentLocale } from '../lib/i18n';
import {
  describeSchedule,
  draftOf,
  EMPTY_SCHEDULE,
  toRRule,
  weekdayName,
  WEEKDAYS,
  type Repeat,
  type ScheduleDraft,
} from './schedule';
import { defaultPhases, defaultSettings } from './templates';

type PhaseDraft = PhaseTemplate & { key: string };
const withKey = (p: PhaseTemplate): PhaseDraft => ({ ...p, key: crypto.randomUUID() });
const REPEATS: Repeat[] = ['none', 'daily', 'weekly', 'monthly'];

/** Create or edit a forum: kind, name, schedule, phases (with time boxes and settings), facilitation. */
export function ForumForm({
  forum,
  members,
  pending,
  onSubmit,
  onCancel,
}: {
  forum?: ForumDto;
  members: MemberDto[];
  pending: boolean;
  onSubmit: (body: CreateForumBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ids = useId();
  const [kind, setKind] = useState<ForumKind>(forum?.kind ?? 'daily-morning');
  const [name, setName] = useState(forum?.name ?? t(`forums.kinds.${kind}`));
  const [nameTouched, setNameTouched] = useState(Boolean(forum));
  const [phases, setPhases] = useState<PhaseDraft[]>(() => (forum?.phases ?? defaultPhases(kind, t)).map(withKey));
  const [phasesTouched, setPhasesTouched] = useState(Boolean(forum));
  const initialDraft = draftOf(forum?.schedule ?? null);
  const [schedule, setSchedule] = useState<ScheduleDraft>(initialDraft ?? EMPTY_SCHEDULE);
  const [keepRaw, setKeepRaw] = useState(initialDraft === null);
  const [facilitation, setFacilitation] = useState<Facilitation>(forum?.facilitation ?? { mode: 'rotating' });
  const [newPhaseKind, setNewPhaseKind] = useState<PhaseKind>('capture');

  const rrule = keepRaw ? (forum?.schedule ?? null) : toRRule(schedule);
  const changePhases = (next: PhaseDraft[]) => {
    setPhasesTouched(true);
    setPhases(next);
  };
  const updatePhase = (index: number, next: PhaseTemplate) =>
    changePhases(phases.map((p, i) => (i === index ? { ...next, key: p.key } : p)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...phases];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    changePhases(next);
  };

  return (
    <form
      className="stack forum-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          kind,
          name: name.trim(),
          schedule: rrule,
          phases: phases.map(({ key: _key, ...p }) => p),
          facilitation,
        });
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('forums.kind')}</label>
          {!forum && (
            <p id={`${ids}-kind-hint`} className="hint">
              {t('forums.kindHint')}
            </p>
          )}
          <select
            id={`${ids}-kind`}
            value={kind}
            aria-describedby={forum ? undefined : `${ids}-kind-hint`}
            onChange={(event) => {
              const next = event.target.value as ForumKind;
              setKind(next);
              if (!nameTouched) setName(t(`forums.kinds.${next}`));
              if (!phasesTouched) setPhases(defaultPhases(next, t).map(withKey));
            }}
          >
            {FORUM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`forums.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('forums.name')}</label>
          <input
            id={`${ids}-name`}
            type="text"
            required
            maxLength={LIVE_LIMITS.forumName}
            value={name}
            onChange={(event) => {
              setNameTouched(true);
              setName(event.target.value);
            }}
          />
        </div>
      </div>

      <fieldset>
        <legend>{t('forums.schedule')}</legend>
        {keepRaw ? (
          <div className="stack">
            <p>{t('forums.advancedSchedule', { text: describeSchedule(forum?.schedule ?? null, t, locale) })}</p>
            <button type="button" className="secondary small" onClick={() => setKeepRaw(false)}>
              {t('forums.replaceSchedule')}
            </button>
          </div>
        ) : (
          <ScheduleFields draft={schedule} onChange={setSchedule} />
        )}
        <p className="hint" aria-live="polite">
          {t('forums.schedulePreview', { text: describeSchedule(rrule, t, locale) })}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t('forums.phases')}</legend>
        <ol className="phase-editor-list">
          {phases.map((phase, index) => (
            <li key={phase.key}>
              <PhaseFields
                phase={phase}
                n={index + 1}
                onChange={(next) => updatePhase(index, next)}
                onMoveUp={index > 0 ? () => move(index, -1) : undefined}
                onMoveDown={index < phases.length - 1 ? () => move(index, 1) : undefined}
                onRemove={phases.length > 1 ? () => changePhases(phases.filter((_, i) => i !== index)) : undefined}
              />
            </li>
          ))}
        </ol>
        {phases.length < LIVE_LIMITS.phasesPerMeeting && (
          <div className="inline-form">
            <div className="field">
              <label htmlFor={`${ids}-newphase`}>{t('forums.addPhaseKind')}</label>
              <select
                id={`${ids}-newphase`}
                value={newPhaseKind}
                onChange={(e) => setNewPhaseKind(e.target.value as PhaseKind)}
              >
                {PHASE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`phaseKinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                changePhases([
                  ...phases,
                  withKey({ ...defaultSettings(newPhaseKind), title: t(`phaseKinds.${newPhaseKind}`) }),
                ])
              }
            >
              {t('forums.addPhase')}
            </button>
          </div>
        )}
      </fieldset>

      <FacilitationFields value={facilitation} members={members} onChange={setFacilitation} />

      <div className="button-row">
        <button type="submit" disabled={pending}>
          {forum ? t('forums.save') : t('forums.create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function ScheduleFields({ draft, onChange }: { draft: ScheduleDraft; onChange: (d: ScheduleDraft) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  return (
    <div className="stack">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('forums.repeat')}</label>
          <select
            id={`${id}-repeat`}
            value={draft.repeat}
            onChange={(e) => {
              const repeat = e.target.value as Repeat;
              onChange({
                ...draft,
                repeat,
                days: repeat === 'weekly' && draft.days.length === 0 ? ['MO', 'TU', 'WE', 'TH', 'FR'] : draft.days,
                time: repeat !== 'none' && !draft.time ? '08:30' : draft.time,
              });
            }}
          >
            {REPEATS.map((r) => (
              <option key={r} value={r}>
                {t(`forums.repeats.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.repeat !== 'none' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-interval`}>{t('forums.interval')}</label>
              <select
                id={`${id}-interval`}
                value={draft.interval}
                onChange={(e) => onChange({ ...draft, interval: Number(e.target.value) })}
              >
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n === 1
                      ? t(`forums.intervalOne.${draft.repeat as 'daily'}`)
                      : t(`forums.intervalEvery.${draft.repeat as 'daily'}`, { n })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>{t('forums.time')}</label>
              <input
                id={`${id}-time`}
                type="time"
                value={draft.time}
                onChange={(e) => onChange({ ...draft, time: e.target.value })}
              />
            </div>
          </>
        )}
      </div>
      {draft.repeat === 'weekly' && (
        <fieldset>
          <legend>{t('forums.days')}</legend>
          <div className="choice-row">
            {WEEKDAYS.map((day) => (
              <label key={day} className="choice">
                <input
                  type="checkbox"
                  checked={draft.days.includes(day)}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      days: e.target.checked ? [...draft.days, day] : draft.days.filter((d) => d !== day),
                    })
                  }
                />
                {weekdayName(day, locale)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}

function PhaseFields({
  phase,
  n,
  onChange,
  onMoveUp,
  onMoveDown,
  onRemove,
}: {
  phase: PhaseDraft;
  n: number;
  onChange: (p: PhaseTemplate) => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const s = phase.settings as Record<string, unknown>;
  const setSettings = (patch: Record<string, unknown>) =>
    onChange({ ...phase, settings: { ...phase.settings, ...patch } } as PhaseTemplate);
  const itemKinds = 'itemKinds' in phase.settings ? phase.settings.itemKinds : null;

  return (
    <fieldset className="phase-editor">
      <legend>
        {t('forums.phaseN', { n })}: {phase.title || t(`phaseKinds.${phase.kind}`)}
      </legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('forums.phaseKind')}</label>
          <select
            id={`${id}-kind`}
            value={phase.kind}
            onChange={(e) => {
              const kind = e.target.value as PhaseKind;
              onChange({
                ...defaultSettings(kind, itemKinds ?? undefined),
                title: phase.title,
                timeboxSeconds: phase.timeboxSeconds,
              });
            }}
          >
            {PHASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`phaseKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('forums.phaseTitle')}</label>
          <input
            id={`${id}-title`}
            type="text"
            required
            maxLength={LIVE_LIMITS.phaseTitle}
            value={phase.title}
            onChange={(e) => onChange({ ...phase, title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-timebox`}>{t('forums.timebox')}</label>
          <input
            id={`${id}-timebox`}
            type="number"
            min={0}
            max={LIVE_LIMITS.timerSeconds / 60}
            inputMode="numeric"
            value={phase.timeboxSeconds === null ? '' : Math.round(phase.timeboxSeconds / 60)}
            onChange={(e) =>
              onChange({
                ...phase,
                timeboxSeconds: e.target.value === '' ? null : Math.max(0, Math.round(Number(e.target.value) * 60)),
              })
            }
          />
        </div>
      </div>
      {'prompt' in phase.settings && (
        <div className="field">
          <label htmlFor={`${id}-prompt`}>{t('forums.prompt')}</label>
          <input
            id={`${id}-prompt`}
            type="text"
            maxLength={LIVE_LIMITS.prompt}
            value={String(s.prompt ?? '')}
            onChange={(e) => setSettings({ prompt: e.target.value })}
          />
        </div>
      )}
      {phase.kind === 'check-in' && (
        <div className="field-row">
          <fieldset>
            <legend>{t('forums.checkInMode')}</legend>
            {(['free', 'in-turn'] as const).map((mode) => (
              <label key={mode} className="choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={phase.settings.mode === mode}
                  onChange={() => setSettings({ mode })}
                />
                {mode === 'free' ? t('forums.modeFree') : t('forums.modeInTurn')}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={phase.settings.allowPass}
              onChange={(e) => setSettings({ allowPass: e.target.checked })}
            />
            {t('forums.allowPass')}
          </label>
        </div>
      )}
      {itemKinds && (
        <fieldset>
          <legend>{t('forums.itemKinds')}</legend>
          <div className="choice-row">
            {ITEM_KINDS.map((k) => (
              <label key={k} className="choice">
                <input
                  type="checkbox"
                  checked={itemKinds.includes(k)}
                  // At least one kind: the last one cannot be unticked.
                  disabled={itemKinds.length === 1 && itemKinds.includes(k)}
                  onChange={(e) =>
                    setSettings({
                      itemKinds: e.target.checked ? [...itemKinds, k] : itemKinds.filter((x: ItemKind) => x !== k),
                    })
                  }
                />
                {t(`itemKinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {phase.kind === 'voting' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-votes`}>{t('forums.votesPerPerson')}</label>
            <input
              id={`${id}-votes`}
              type="number"
              min={1}
              max={LIVE_LIMITS.votesPerPerson}
              value={phase.settings.votesPerPerson}
              onChange={(e) => setSettings({ votesPerPerson: Number(e.target.value) || 1 })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('forums.maxPerItem')}</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              max={LIVE_LIMITS.votesPerPerson}
              value={phase.settings.maxPerItem}
              onChange={(e) => setSettings({ maxPerItem: Number(e.target.value) || 1 })}
            />
          </div>
        </div>
      )}
      <RitualSettingsFields phase={phase} setSettings={setSettings} />
      <PdsaSettingsFields phase={phase} setSettings={setSettings} />
      <div className="button-row">
        {onMoveUp && (
          <button
            type="button"
            className="secondary small"
            aria-label={t('forums.moveUpNamed', { n })}
            onClick={onMoveUp}
          >
            {t('forums.moveUp')}
          </button>
        )}
        {onMoveDown && (
          <button
            type="button"
            className="secondary small"
            aria-label={t('forums.moveDownNamed', { n })}
            onClick={onMoveDown}
          >
            {t('forums.moveDown')}
          </button>
        )}
        {onRemove && (
          <button type="button" className="secondary small" onClick={onRemove}>
            {t('forums.removePhase', { n })}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function FacilitationFields({
  value,
  members,
  onChange,
}: {
  value: Facilitation;
  members: MemberDto[];
  onChange: (f: Facilitation) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const first = members[0]?.userId;
  return (
    <fieldset>
      <legend>{t('forums.facilitationMode')}</legend>
      <label className="choice">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'fixed'}
          disabled={!first}
          onChange={() => first && onChange({ mode: 'fixed', userId: first })}
        />
        {t('forums.fixed')}
      </label>
      {value.mode === 'fixed' && (
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('forums.fixedPerson')}</label>
          <select
            id={`${id}-person`}
            value={value.userId}
            onChange={(e) => onChange({ mode: 'fixed', userId: e.target.value })}
          >
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="choice">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'rotating'}
          onChange={() => onChange({ mode: 'rotating' })}
        />
        {t('forums.rotating')}
      </label>
      {value.mode === 'rotating' && (
        <div className="stack nested">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-who`}
              checked={!value.userIds}
              onChange={() => onChange({ mode: 'rotating' })}
            />
            {t('forums.rotatingAll')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-who`}
              checked={Boolean(value.userIds)}
              onChange={() => onChange({ mode: 'rotating', userIds: members.map((m) => m.userId) })}
            />
            {t('forums.rotatingChosen')}
          </label>
          {value.userIds && (
            <div className="choice-row nested">
              {members.map((m) => {
                const chosen = value.userIds ?? [];
                return (
                  <label key={m.userId} className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(m.userId)}
                      disabled={chosen.length === 1 && chosen.includes(m.userId)}
                      onChange={(e) =>
                        onChange({
                          mode: 'rotating',
                          userIds: e.target.checked ? [...chosen, m.userId] : chosen.filter((u) => u !== m.userId),
                        })
                      }
                    />
                    {m.displayName}
                  </label>
                );
              })}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
