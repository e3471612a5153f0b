import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
  /** What is wrong with the value: shown under the input, which is marked aria-invalid and described by it. */
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input; a hint and an error are tied to it with aria-describedby so screen readers read them too. */
export function Field({ label, hint, error, ref, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={ref}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
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
