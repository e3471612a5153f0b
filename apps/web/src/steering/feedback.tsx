/** Positive feedback: the form and the card, in the feedback round and on the feedback wall. */
import {
  FEEDBACK_REACTIONS,
  STEERING_LIMITS,
  type FeedbackDto,
  type FeedbackReaction,
  type FeedbackVisibility,
  type GiveFeedbackBody,
} from '@tillit/protocol';
import { useId, useState } from 'react';
import type { Person } from '../ui/ActionForm';
import { useSteeringT, namesList } from './steering.i18n';
import { PeopleChecklist } from './PeopleChecklist';
import './steering.css';

export const REACTION_EMOJI: Record<FeedbackReaction, string> = { heart: '❤️', clap: '👏', thanks: '🙏', star: '⭐' };

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
        <textarea
          id={`${id}-t`}
          rows={2}
          value={text}
          maxLength={STEERING_LIMITS.feedbackText}
          onChange={(e) => setText(e.target.value)}
          disabled={disabled}
        />
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
          <span className="muted">
            {f.giverId === me
              ? t('feedback.fromYou', { names })
              : t('feedback.from', { name: nameOf(f.giverId), names })}
          </span>
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
