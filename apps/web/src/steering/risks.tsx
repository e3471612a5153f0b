/** Risks and disturbances with their escalations: the same cards in the meeting room and on the steering pages. */
import {
  ageInDays,
  RISK_SEVERITIES,
  RISK_STATUSES,
  STEERING_LIMITS,
  type CreateRiskBody,
  type EscalationDto,
  type RiskDto,
  type RiskSeverity,
  type RiskStatus,
  type RiskType,
} from '@tillit/protocol';
import { useId, useState } from 'react';
import { OwnerField, type Person } from '../ui/ActionForm';
import { Field } from '../ui/Field';
import { useSteeringT, formatDay } from './steering.i18n';
import './steering.css';

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
        <textarea
          id={`${id}-d`}
          rows={2}
          value={description}
          maxLength={STEERING_LIMITS.riskDescription}
          onChange={(e) => setDescription(e.target.value)}
        />
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
        <OwnerField
          label={t('risks.owner')}
          noneLabel={t('risks.noOwner')}
          people={people}
          value={ownerId}
          onChange={setOwnerId}
        />
        <Field
          label={t('risks.followUp')}
          type="date"
          value={followUpDate}
          onChange={(e) => setFollowUpDate(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-l`}>{t('risks.learning')}</label>
        <textarea
          id={`${id}-l`}
          rows={2}
          value={learning}
          maxLength={STEERING_LIMITS.learning}
          onChange={(e) => setLearning(e.target.value)}
        />
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
          {risk.followUpDate && (
            <span className="muted"> · {t('risks.followUpDate', { date: formatDay(risk.followUpDate) })}</span>
          )}
          <span className="muted"> · {t('risks.age', { count: ageInDays(risk.createdAt) })}</span>
        </p>
        {risk.learning && compact && <p className="learning">{risk.learning}</p>}
      </div>
      {!compact && actions.onStatus && (
        <div className="field-row risk-controls">
          <div className="field field--narrow">
            <label htmlFor={`${id}-st`}>{t('risks.statusFor', { text: risk.description })}</label>
            <select
              id={`${id}-st`}
              value={risk.status}
              onChange={(e) => actions.onStatus?.(e.target.value as RiskStatus)}
            >
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
            <input
              id={`${id}-l`}
              type="text"
              value={learning}
              maxLength={STEERING_LIMITS.learning}
              onChange={(e) => setLearning(e.target.value)}
            />
          </div>
          <button type="submit" className="secondary" disabled={learning.trim() === risk.learning}>
            {t('risks.saveLearning')}
          </button>
        </form>
      )}
      {escalations.map((e) => (
        <EscalationThread key={e.id} escalation={e} nameOf={nameOf} managers={managers} actions={actions} />
      ))}
      {!open &&
        actions.onEscalate &&
        risk.status !== 'resolved' &&
        (escalating ? (
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
              <input
                id={`${id}-n`}
                type="text"
                value={note}
                maxLength={STEERING_LIMITS.escalationNote}
                onChange={(e) => setNote(e.target.value)}
                autoFocus
              />
            </div>
            <button type="submit">{t('risks.send')}</button>
          </form>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="secondary small"
              aria-label={t('risks.escalateNamed', { text: risk.description })}
              onClick={() => setEscalating(true)}
            >
              {t('risks.escalate')}
            </button>
          </div>
        ))}
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
        <strong>
          {e.status === 'open'
            ? age === 0
              ? t('escalation.openToday')
              : t('escalation.open', { count: age })
            : t('escalation.closed')}
        </strong>
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
            <input
              id={`${id}-r`}
              type="text"
              value={text}
              maxLength={STEERING_LIMITS.escalationMessage}
              onChange={(ev) => setText(ev.target.value)}
            />
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
