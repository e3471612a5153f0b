import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { label: string; hint?: ReactNode };

/** A labelled input; a hint is tied to it with aria-describedby so screen readers read it too. */
export function Field({ label, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
    </div>
  );
}

/** A one-field form with a submit button, for "create X" and "rename X". */
export function SingleFieldForm({
  label,
  submitLabel,
  initialValue = '',
  maxLength,
  pending,
  onSubmit,
  resetOnSubmit = false,
}: {
  label: string;
  submitLabel: string;
  initialValue?: string;
  maxLength: number;
  pending: boolean;
  onSubmit: (value: string) => void;
  resetOnSubmit?: boolean;
}) {
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const value = new FormData(form).get('value');
        if (typeof value === 'string' && value.trim()) {
          onSubmit(value.trim());
          if (resetOnSubmit) form.reset();
        }
      }}
    >
      <Field label={label} name="value" defaultValue={initialValue} required maxLength={maxLength} autoComplete="off" />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
