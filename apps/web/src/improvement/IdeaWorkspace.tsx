import {
  type CYCLE_FIELDS,
  fieldKey,
  IDEA_STATUSES,
  type CycleDto,
  type IdeaDto,
  ideaCycles,
  IMPROVEMENT_LIMITS,
  type MeasureDto,
  PDSA_DECISIONS,
  type PdsaDecision,
  todayIn,
} from '@tillit/protocol';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerField } from '../ui/ActionForm';
import { useImprovement } from './actions';
import { CoField } from './CoField';
import { RunChart } from './RunChart';

type CycleField = (typeof CYCLE_FIELDS)[number];

/** One idea: the three questions, its measures with run charts and data entry, and its PDSA cycles. */
export function IdeaWorkspace({ idea, headingLevel = 2 }: { idea: IdeaDto; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const H = `h${headingLevel}` as 'h2';
  const H2 = `h${headingLevel + 1}` as 'h3';
  const cycles = ideaCycles(a.state, idea.id);
  const measures = a.state.measures.filter((m) => m.ideaId === idea.id);
  return (
    <div className="idea-workspace stack">
      <IdeaMeta idea={idea} />
      <section aria-labelledby={`q-${idea.id}`} className="stack">
        <H id={`q-${idea.id}`}>{t('questions')}</H>
        <CoField fieldKey={fieldKey.idea(idea.id, 'aim')} label={t('aim')} rows={2} />
        <CoField fieldKey={fieldKey.idea(idea.id, 'measure')} label={t('measure')} rows={2} />
        <CoField fieldKey={fieldKey.idea(idea.id, 'change')} label={t('change')} rows={2} />
      </section>
      <section aria-labelledby={`m-${idea.id}`} className="stack">
        <H id={`m-${idea.id}`}>{t('measures')}</H>
        {measures.length === 0 && <p className="muted">{t('noMeasures')}</p>}
        {measures.map((m) => (
          <MeasureBlock key={m.id} measure={m} cycles={cycles} Heading={H2} />
        ))}
        {a.canInput && <MeasureForm ideaId={idea.id} />}
      </section>
      <section aria-labelledby={`c-${idea.id}`} className="stack">
        <H id={`c-${idea.id}`}>{t('cycles')}</H>
        {cycles.length === 0 && <p className="muted">{t('noCycles')}</p>}
        {cycles.map((c) => (
          <CycleBlock key={c.id} cycle={c} Heading={H2} />
        ))}
        {a.canInput && (
          <div>
            <button type="button" onClick={() => a.addCycle(idea.id)}>
              {t('addCycle')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

function IdeaMeta({ idea }: { idea: IdeaDto }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  return (
    <div className="field-row idea-meta">
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('statusLabel')}</label>
        <select
          id={`${id}-status`}
          value={idea.status}
          disabled={!a.canInput}
          onChange={(e) => a.updateIdea(idea.id, { status: e.target.value as IdeaDto['status'] })}
        >
          {IDEA_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <OwnerField
        label={t('owner')}
        noneLabel={t('noOwner')}
        people={a.people}
        value={idea.ownerId ?? ''}
        disabled={!a.canInput}
        onChange={(ownerId) => a.updateIdea(idea.id, { ownerId: ownerId || null })}
      />
      <p className="muted idea-origin">
        {t('origin')}: {idea.origin ? `${t(`originKind.${idea.origin.kind}`)}: ${idea.origin.text}` : t('originFree')}
      </p>
    </div>
  );
}

function CycleBlock({ cycle, Heading }: { cycle: CycleDto; Heading: 'h3' }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  const f = (name: CycleField, rows = 2) => (
    <CoField fieldKey={fieldKey.cycle(cycle.id, name)} label={t(`fields.${name}`)} rows={rows} />
  );
  return (
    <article className="cycle card-inset" aria-labelledby={`${id}-h`} data-cycle={cycle.number}>
      <Heading id={`${id}-h`}>
        {t('cycle', { n: cycle.number })}{' '}
        <span className="muted cycle-meta">
          · {t('startedOn')} {cycle.startedOn} · {cycle.decision ? t(`decisions.${cycle.decision}`) : t('running')}
        </span>
      </Heading>
      <div className="pdsa-grid">
        <fieldset className="pdsa-part">
          <legend>{t('plan')}</legend>
          {f('objective')}
          {cycle.questionIds.map((q, i) => (
            <div key={q} className="pdsa-question">
              <CoField
                fieldKey={fieldKey.question(cycle.id, q, 'question')}
                label={t('question', { n: i + 1 })}
                rows={1}
              />
              <CoField
                fieldKey={fieldKey.question(cycle.id, q, 'prediction')}
                label={t('prediction', { n: i + 1 })}
                rows={1}
              />
              {a.canInput && cycle.questionIds.length > 1 && (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => a.updateCycle(cycle.id, { removeQuestionId: q })}
                >
                  {t('removeQuestion', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          {a.canInput && cycle.questionIds.length < IMPROVEMENT_LIMITS.questionsPerCycle && (
            <button
              type="button"
              className="secondary small"
              onClick={() => a.updateCycle(cycle.id, { addQuestion: true })}
            >
              {t('addQuestion')}
            </button>
          )}
          <div className="field-row">
            {f('who', 1)}
            {f('where', 1)}
            {f('when', 1)}
          </div>
          {f('dataPlan')}
        </fieldset>
        <fieldset className="pdsa-part">
          <legend>{t('do')}</legend>
          {f('observations', 3)}
          {f('deviations')}
        </fieldset>
        <fieldset className="pdsa-part">
          <legend>{t('study')}</legend>
          {cycle.questionIds.map((q, i) => (
            <CoField
              key={q}
              fieldKey={fieldKey.question(cycle.id, q, 'result')}
              label={t('result', { n: i + 1 })}
              rows={1}
            />
          ))}
          {f('learning', 3)}
        </fieldset>
        <fieldset className="pdsa-part">
          <legend>{t('act')}</legend>
          <div className="field">
            <label htmlFor={`${id}-decision`}>{t('decision')}</label>
            <select
              id={`${id}-decision`}
              value={cycle.decision ?? ''}
              disabled={!a.canInput}
              onChange={(e) => a.updateCycle(cycle.id, { decision: (e.target.value || null) as PdsaDecision | null })}
            >
              <option value="">{t('decisionNone')}</option>
              {PDSA_DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`decisions.${d}`)}
                </option>
              ))}
            </select>
          </div>
          {f('nextStep')}
        </fieldset>
      </div>
    </article>
  );
}

function MeasureBlock({
  measure,
  cycles,
  Heading,
}: {
  measure: MeasureDto;
  cycles: CycleDto[];
  Heading: 'h3';
}): ReactNode {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  return (
    <article className="measure card-inset" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>
        {measure.name}
        {measure.unit && <span className="muted"> ({measure.unit})</span>}
      </Heading>
      {measure.definition && <p className="muted">{measure.definition}</p>}
      <p className="muted">
        {t('better')} {measure.better === 'up' ? t('betterUp') : t('betterDown')}
        {measure.goal !== null && ` · ${t('goal')}: ${measure.goal}`}
      </p>
      <RunChart measure={measure} cycles={cycles} />
      {a.canInput && <PointForm measure={measure} />}
      {a.canInput && measure.points.length > 0 && (
        <details>
          <summary>{t('removePoints')}</summary>
          <ul className="point-list">
            {measure.points.map((p) => (
              <li key={p.id}>
                {(p.authorId === a.me || a.mayFacilitate) && (
                  <button type="button" className="secondary small" onClick={() => a.deletePoint(p.id)}>
                    {t('deletePoint', { date: p.date, value: p.value })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

function PointForm({ measure }: { measure: MeasureDto }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  const [date, setDate] = useState(() => todayIn());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const parsed = Number(value.replace(',', '.'));
  const valid = value.trim() !== '' && Number.isFinite(parsed) && /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <form
      className="point-form"
      aria-label={t('pointFor', { name: measure.name })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        a.addPoint(measure.id, { date, value: parsed, note: note.trim() });
        setValue('');
        setNote('');
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('date')}</label>
          <input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>{t('value')}</label>
          <input
            id={`${id}-value`}
            type="text"
            inputMode="decimal"
            value={value}
            required
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('note')}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={IMPROVEMENT_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      <div>
        <button type="submit" disabled={!valid}>
          {t('addPoint')}
        </button>
      </div>
    </form>
  );
}

function MeasureForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [definition, setDefinition] = useState('');
  const [better, setBetter] = useState<'up' | 'down'>('up');
  const [goal, setGoal] = useState('');
  const [baseline, setBaseline] = useState('');
  if (!open) {
    return (
      <div>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('addMeasure')}
        </button>
      </div>
    );
  }
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  return (
    <form
      className="stack measure-form card-inset"
      aria-label={t('addMeasure')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        const b = num(baseline);
        a.saveMeasure(ideaId, {
          name: name.trim(),
          unit: unit.trim(),
          definition: definition.trim(),
          better,
          goal: num(goal),
          baselinePoints: b !== null && Number.isInteger(b) && b >= 2 ? b : null,
        });
        setOpen(false);
        setName('');
        setUnit('');
        setDefinition('');
        setGoal('');
        setBaseline('');
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('measureName')}</label>
          <input
            id={`${id}-name`}
            value={name}
            required
            maxLength={IMPROVEMENT_LIMITS.measureName}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('unit')}</label>
          <input
            id={`${id}-unit`}
            value={unit}
            maxLength={IMPROVEMENT_LIMITS.unit}
            onChange={(e) => setUnit(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-def`}>{t('definition')}</label>
        <textarea
          id={`${id}-def`}
          rows={2}
          value={definition}
          maxLength={IMPROVEMENT_LIMITS.definition}
          onChange={(e) => setDefinition(e.target.value)}
        />
      </div>
      <div className="field-row">
        <fieldset>
          <legend>{t('better')}</legend>
          {(['up', 'down'] as const).map((b) => (
            <label key={b} className="choice">
              <input type="radio" name={`${id}-better`} checked={better === b} onChange={() => setBetter(b)} />
              {b === 'up' ? t('betterUp') : t('betterDown')}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-goal`}>{t('goal')}</label>
          <input id={`${id}-goal`} inputMode="decimal" value={goal} onChange={(e) => setGoal(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-base`}>{t('baselinePoints')}</label>
          <input id={`${id}-base`} inputMode="numeric" value={baseline} onChange={(e) => setBaseline(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" disabled={!name.trim()}>
          {t('saveMeasure')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('app.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  );
}
