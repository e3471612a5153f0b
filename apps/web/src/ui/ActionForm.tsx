import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { Status } from './Page';

export interface Person {
  userId: string;
  displayName: string;
}

/**
 * Picks a person of the team by name. `noneLabel` adds a first option with the value '' (no owner, or "any
 * owner" in a filter); without it someone must be chosen.
 */
export function OwnerField({
  label,
  people,
  value,
  onChange,
  noneLabel,
  disabled,
  className = 'field',
}: {
  label: string;
  people: readonly Person[];
  value: string;
  onChange: (userId: string) => void;
  noneLabel?: string;
  disabled?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface NewAction {
  text: string;
  ownerId: string | null;
  dueDate: string | null;
}

export interface ActionFormLabels {
  text: string;
  owner: string;
  /** The "no owner" choice; without it an owner must be chosen. */
  noOwner?: string;
  /** The due date's label; without it the form has no due date. */
  due?: string;
  submit: string;
}

/**
 * A new action: what, who owns it, and by when. Each place says what its labels are and what the submit sends.
 *
 * An empty text or a half-typed date is refused with a message tied to its field and announced (through
 * `announce`, the meeting room's live region, or the form's own). When `onAdd` returns a promise (a REST
 * mutation) the form is busy until it settles and keeps what was written if it fails; live commands are
 * optimistic (the list shows them as unconfirmed), so the form is free again at once. After an add the form
 * is cleared and the text field has the focus, ready for the next action.
 */
export function ActionForm({
  labels,
  people,
  maxLength,
  onAdd,
  canInput = true,
  defaultOwnerId = '',
  keepOwner = false,
  announce,
  children,
}: {
  labels: ActionFormLabels;
  people: readonly Person[];
  maxLength: number;
  onAdd: (action: NewAction) => void | Promise<unknown>;
  /** False while the person may not add (the meeting is not live, input is locked). */
  canInput?: boolean;
  /** The owner chosen at first, and again after each add unless `keepOwner`. */
  defaultOwnerId?: string;
  keepOwner?: boolean;
  announce?: (text: string) => void;
  /** More fields, after the standard ones. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLInputElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(defaultOwnerId);
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<{ text?: string; due?: string }>({});
  const [busy, setBusy] = useState(false);
  // Without `announce`: the form's own live region; the counter makes a repeated message new, so it is read again.
  const [said, setSaid] = useState<{ n: number; text: string } | null>(null);
  const say = (message: string) =>
    announce ? announce(message) : setSaid((old) => ({ n: (old?.n ?? 0) + 1, text: message }));

  const added = (value: string) => {
    setText('');
    setDueDate('');
    if (!keepOwner) setOwnerId(defaultOwnerId);
    textRef.current?.focus();
    say(t('actionForm.added', { text: value }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !canInput) return;
    const value = text.trim();
    const found = {
      text: value ? undefined : t('actionForm.textRequired'),
      // A date input whose date is only partly typed has the value '': it would be dropped without a word.
      due: dueRef.current?.validity.badInput ? t('actionForm.dueInvalid') : undefined,
    };
    setErrors(found);
    if (found.text || found.due) {
      (found.text ? textRef : dueRef).current?.focus();
      say([found.text, found.due].filter(Boolean).join(' '));
      return;
    }
    const result = onAdd({ text: value, ownerId: ownerId || null, dueDate: dueDate || null });
    if (!(result instanceof Promise)) return added(value);
    setBusy(true);
    result
      .then(
        () => added(value),
        () => undefined, // the caller shows the error; what was written stays
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="stack action-form" noValidate aria-busy={busy || undefined} onSubmit={submit}>
      <div className="field-row">
        <Field
          ref={textRef}
          label={labels.text}
          type="text"
          value={text}
          maxLength={maxLength}
          required
          autoComplete="off"
          error={errors.text}
          onChange={(e) => {
            setText(e.target.value);
            if (errors.text) setErrors((old) => ({ ...old, text: undefined }));
          }}
        />
        <OwnerField
          label={labels.owner}
          noneLabel={labels.noOwner}
          people={people}
          value={ownerId}
          onChange={setOwnerId}
        />
        {labels.due !== undefined && (
          <Field
            ref={dueRef}
            label={labels.due}
            type="date"
            value={dueDate}
            error={errors.due}
            onChange={(e) => {
              setDueDate(e.target.value);
              if (errors.due) setErrors((old) => ({ ...old, due: undefined }));
            }}
          />
        )}
      </div>
      {children}
      <div>
        {/* Busy: aria-disabled, not disabled, so that the focus stays on the button. */}
        <button type="submit" disabled={!canInput} aria-disabled={busy || undefined}>
          {labels.submit}
        </button>
      </div>
      {!announce && <Status>{said && <span key={said.n}>{said.text}</span>}</Status>}
    </form>
  );
}
