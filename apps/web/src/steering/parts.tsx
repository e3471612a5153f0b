/**
 * Pieces the live meeting and the pages between meetings share. They take data and callbacks, not the
 * room or a query, so one risk card or feedback form serves both (live commands or REST).
 */
import {
  ageInDays,
  formatDay as formatDayIn,
  FEEDBACK_REACTIONS,
  RISK_SEVERITIES,
  RISK_STATUSES,
  STEERING_LIMITS,
  type CreateRiskBody,
  type EscalationDto,
  type FeedbackDto,
  type FeedbackReaction,
  type FeedbackVisibility,
  type GiveFeedbackBody,
  type RiskDto,
  type RiskSeverity,
  type RiskStatus,
  type RiskType,
} from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';
import { OwnerField, type Person } from '../ui/ActionForm';
import { Field } from '../ui/Field';
import './steering.css';

export type { Person };

export const REACTION_EMOJI: Record<FeedbackReaction, string> = { heart: '❤️', clap: '👏', thanks: '🙏', star: '⭐' };

export function useSteeringT() {
  return useTranslation('steering').t;
}

/** A day in the steering screens' long form ("onsdag 2 december"). */
export const formatDay = (day: string): string => formatDayIn(day, currentLocale(), 'long');

/** Names in alphabetical order (never in the order of who did what). */
export const namesList = (ids: readonly string[], nameOf: (id: string) => string) =>
  ids
    .map(nameOf)
    .sort((a, b) => a.localeCompare(b, 'sv'))
    .join(', ');

/** Tick people (receivers of feedback, people on a new plan item). */
export function PeopleChecklist({
  legend,
  people,
  chosen,
  onChange,
  disabled,
}: {
  legend: string;
  people: Person[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="people-checklist">
      <legend>{legend}</legend>
      <div className="choice-row">
        {people.map((p) => (
          <label key={p.userId} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(p.userId)}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? [...chosen, p.userId] : chosen.filter((u) => u !== p.userId))}
            />
            {p.displayName}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SeverityBadge({ severity }: { severity: RiskSeverity }) {
  const t = useSteeringT();
  return <span className={`badge severity severity--${severity}`}>{t(`risks.severities.${severity}`)}</span>;
}

/** A new risk or disturbance. */
export function RiskForm({
  people,
  categories,
  disabled,
  onSubmit,
}: {
  people: Person[];
  categories: string[];
  disabled?: boolean;
  onSubmit: (body: CreateRiskBody) => void;
}) {
  const t = useSteeringT();
  const id = useId();
  const [type, setType] = useState<RiskType>('risk');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState<RiskSeverity>('medium');
  const [ownerId, setOwnerId] = useState('');
  const [followUpDate, setFollowUpDate] = useState('');
  const [learning, setLearning] = useState('');
  return (
    <form
      className="stack risk-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!description.trim()) return;
        onSubmit({
          type,
          description: description.trim(),
          severity,
          category: category || null,
          ownerId: ownerId || null,
          followUpDate: followUpDate || null,
          ...(learning.trim() ? { learning: learning.trim() } : {}),
        });
        setDescription('');
        setLearning('');
      }}
    >
      <h3 id={`${id}-h`}>{t('risks.newHeading')}</h3>
      <fieldset>
        <legend>{t('risks.type')}</legend>
        <div className="choice-row">
          {(['risk', 'disturbance'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-type`} checked={type === k} onChange={() => setType(k)} />
              {t(`risks.types.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('risks.description')}</label>
        <textarea id={`${id}-d`} rows={2} value={description} maxLength={STEERING_LIMITS.riskDescription} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('risks.category')}</label>
          <select id={`${id}-c`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('risks.noCategory')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('risks.severity')}</label>
          <select id={`${id}-s`} value={severity} onChange={(e) => setSeverity(e.target.value as RiskSeverity)}>
            {RISK_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`risks.severities.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <OwnerField label={t('risks.owner')} noneLabel={t('risks.noOwner')} people={people} value={ownerId} onChange={setOwnerId} />
        <Field label={t('risks.followUp')} type="date" value={followUpDate} onChange={(e) => setFollowUpDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-l`}>{t('risks.learning')}</label>
        <textarea id={`${id}-l`} rows={2} value={learning} maxLength={STEERING_LIMITS.learning} onChange={(e) => setLearning(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" disabled={disabled || !description.trim()}>
          {t('risks.add')}
        </button>
      </div>
    </form>
  );
}

export interface RiskActions {
  onStatus?: (status: RiskStatus) => void;
  onLearning?: (learning: string) => void;
  onEscalate?: (note: string) => void;
  onReply?: (escalationId: string, text: string) => void;
  onClose?: (escalationId: string) => void;
  mayClose?: (e: EscalationDto) => boolean;
}

/** One risk or disturbance with its status, learning note and escalation (and its thread). */
export function RiskCard({
  risk,
  escalations,
  nameOf,
  managers,
  actions,
  compact,
}: {
  risk: RiskDto;
  escalations: EscalationDto[];
  nameOf: (id: string | null) => string;
  managers: Set<string>;
  actions: RiskActions;
  compact?: boolean;
}) {
  const t = useSteeringT();
  const id = useId();
  const [learning, setLearning] = useState(risk.learning);
  const [escalating, setEscalating] = useState(false);
  const [note, setNote] = useState('');
  const open = escalations.find((e) => e.status === 'open');
  return (
    <li className={`item risk risk--${risk.status}`} data-risk-id={risk.id}>
      <div className="item-body">
        <p className="item-text">
          <span className="badge">{t(`risks.typeShort.${risk.type}`)}</span> {risk.description}
        </p>
        <p className="item-meta">
          <SeverityBadge severity={risk.severity} />
          {risk.category && <span className="muted"> · {risk.category}</span>}
          <span className="muted"> · {t(`risks.statuses.${risk.status}`)}</span>
          {risk.ownerId && <span className="muted"> · {t('risks.ownerName', { name: nameOf(risk.ownerId) })}</span>}
          {risk.followUpDate && <span className="muted"> · {t('risks.followUpDate', { date: formatDay(risk.followUpDate) })}</span>}
          <span className="muted"> · {t('risks.age', { count: ageInDays(risk.createdAt) })}</span>
        </p>
        {risk.learning && compact && <p className="learning">{risk.learning}</p>}
      </div>
      {!compact && actions.onStatus && (
        <div className="field-row risk-controls">
          <div className="field field--narrow">
            <label htmlFor={`${id}-st`}>{t('risks.statusFor', { text: risk.description })}</label>
            <select id={`${id}-st`} value={risk.status} onChange={(e) => actions.onStatus?.(e.target.value as RiskStatus)}>
              {RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`risks.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {!compact && actions.onLearning && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            actions.onLearning?.(learning.trim());
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-l`}>{t('risks.learning')}</label>
            <input id={`${id}-l`} type="text" value={learning} maxLength={STEERING_LIMITS.learning} onChange={(e) => setLearning(e.target.value)} />
          </div>
          <button type="submit" className="secondary" disabled={learning.trim() === risk.learning}>
            {t('risks.saveLearning')}
          </button>
        </form>
      )}
      {escalations.map((e) => (
        <EscalationThread key={e.id} escalation={e} nameOf={nameOf} managers={managers} actions={actions} />
      ))}
      {!open && actions.onEscalate && risk.status !== 'resolved' && (
        escalating ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              actions.onEscalate?.(note.trim());
              setEscalating(false);
              setNote('');
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-n`}>{t('risks.escalateNote')}</label>
              <input id={`${id}-n`} type="text" value={note} maxLength={STEERING_LIMITS.escalationNote} onChange={(e) => setNote(e.target.value)} autoFocus />
            </div>
            <button type="submit">{t('risks.send')}</button>
          </form>
        ) : (
          <div className="button-row">
            <button type="button" className="secondary small" aria-label={t('risks.escalateNamed', { text: risk.description })} onClick={() => setEscalating(true)}>
              {t('risks.escalate')}
            </button>
          </div>
        )
      )}
    </li>
  );
}

/** An escalation: its age while open, the note, the thread, and a reply form for everyone in the team. */
export function EscalationThread({
  escalation: e,
  nameOf,
  managers,
  actions,
}: {
  escalation: EscalationDto;
  nameOf: (id: string | null) => string;
  managers: Set<string>;
  actions: RiskActions;
}) {
  const t = useSteeringT();
  const id = useId();
  const [text, setText] = useState('');
  const age = ageInDays(e.createdAt);
  return (
    <div className={`escalation escalation--${e.status}`} data-escalation-id={e.id}>
      <p className="escalation-state">
        <strong>{e.status === 'open' ? (age === 0 ? t('escalation.openToday') : t('escalation.open', { count: age })) : t('escalation.closed')}</strong>
        {e.note && <> · {t('escalation.by', { name: nameOf(e.escalatedById), note: e.note })}</>}
      </p>
      <h4 className="visually-hidden" id={`${id}-h`}>
        {t('escalation.thread')}
      </h4>
      {e.messages.length === 0 ? (
        <p className="muted">{t('escalation.noReplies')}</p>
      ) : (
        <ul className="plain-list thread" aria-labelledby={`${id}-h`}>
          {e.messages.map((m) => (
            <li key={m.id} className={m.authorId && managers.has(m.authorId) ? 'thread-manager' : undefined}>
              <strong>
                {nameOf(m.authorId)}
                {m.authorId && managers.has(m.authorId) ? ` (${t('escalation.manager')})` : ''}:
              </strong>{' '}
              {m.text}
            </li>
          ))}
        </ul>
      )}
      {actions.onReply && (
        <form
          className="inline-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!text.trim()) return;
            actions.onReply?.(e.id, text.trim());
            setText('');
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-r`}>{t('escalation.replyLabel', { text: e.riskDescription })}</label>
            <input id={`${id}-r`} type="text" value={text} maxLength={STEERING_LIMITS.escalationMessage} onChange={(ev) => setText(ev.target.value)} />
          </div>
          <button type="submit" disabled={!text.trim()}>
            {t('escalation.send')}
          </button>
          {e.status === 'open' && actions.onClose && actions.mayClose?.(e) && (
            <button type="button" className="secondary" onClick={() => actions.onClose?.(e.id)}>
              {t('escalation.close')}
            </button>
          )}
        </form>
      )}
    </div>
  );
}

/** Positive feedback to one or more colleagues: text, an optional value, who may see it. */
export function FeedbackForm({
  colleagues,
  valueTags,
  disabled,
  onSubmit,
}: {
  colleagues: Person[];
  valueTags: string[];
  disabled?: boolean;
  onSubmit: (body: GiveFeedbackBody) => void;
}) {
  const t = useSteeringT();
  const id = useId();
  const [to, setTo] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [visibility, setVisibility] = useState<FeedbackVisibility>('team');
  const ready = to.length > 0 && text.trim().length > 0;
  return (
    <form
      className="stack feedback-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onSubmit({ receiverIds: to, text: text.trim(), visibility, ...(tag ? { valueTag: tag } : {}) });
        setTo([]);
        setText('');
        setTag('');
      }}
    >
      <h3 id={`${id}-h`}>{t('feedback.give')}</h3>
      <PeopleChecklist legend={t('feedback.to')} people={colleagues} chosen={to} onChange={setTo} disabled={disabled} />
      <div className="field">
        <label htmlFor={`${id}-t`}>{t('feedback.text')}</label>
        <textarea id={`${id}-t`} rows={2} value={text} maxLength={STEERING_LIMITS.feedbackText} onChange={(e) => setText(e.target.value)} disabled={disabled} />
      </div>
      <div className="field-row">
        {valueTags.length > 0 && (
          <div className="field field--narrow">
            <label htmlFor={`${id}-v`}>{t('feedback.valueTag')}</label>
            <select id={`${id}-v`} value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">{t('feedback.noTag')}</option>
              {valueTags.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset>
          <legend>{t('feedback.visibility')}</legend>
          <div className="choice-row">
            {(['team', 'receivers'] as const).map((v) => (
              <label key={v} className="choice">
                <input type="radio" name={`${id}-vis`} checked={visibility === v} onChange={() => setVisibility(v)} />
                {t(`feedback.visibilities.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="button-row">
        <button type="submit" disabled={disabled || !ready}>
          {t('feedback.send')}
        </button>
      </div>
    </form>
  );
}

/** One piece of feedback, with reaction toggles when `onReact` is given. */
export function FeedbackCard({
  feedback: f,
  me,
  nameOf,
  onReact,
}: {
  feedback: FeedbackDto;
  me: string;
  nameOf: (id: string | null) => string;
  onReact?: (reaction: FeedbackReaction, on: boolean) => void;
}) {
  const t = useSteeringT();
  const names = namesList(f.receiverIds, (u) => nameOf(u));
  return (
    <li className="item feedback" data-feedback-id={f.id}>
      <div className="item-body">
        <p className="item-text">{f.text}</p>
        <p className="item-meta">
          <span className="muted">{f.giverId === me ? t('feedback.fromYou', { names }) : t('feedback.from', { name: nameOf(f.giverId), names })}</span>
          {f.valueTag && <span className="badge"> {f.valueTag}</span>}
          {f.visibility === 'receivers' && <span className="muted"> · {t('feedback.private')}</span>}
        </p>
      </div>
      {onReact && (
        <div className="button-row reactions" role="group" aria-label={f.text}>
          {FEEDBACK_REACTIONS.map((r) => {
            const entry = f.reactions.find((x) => x.reaction === r);
            const mine = entry?.mine ?? false;
            return (
              <button
                key={r}
                type="button"
                className="secondary small"
                aria-pressed={mine}
                aria-label={t('feedback.react', { reaction: t(`feedback.reactions.${r}`), count: entry?.count ?? 0 })}
                onClick={() => onReact(r, !mine)}
              >
                <span aria-hidden="true">{REACTION_EMOJI[r]}</span> {entry?.count ? entry.count : ''}
              </button>
            );
          })}
        </div>
      )}
    </li>
  );
}
