import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../lib/api';

/** Shows an API error in the person's language, announced to screen readers (role="alert"). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const body = error instanceof ApiRequestError ? error.body : { code: 'INTERNAL' as const, message: '' };
  const message = errorMessage(t, body);
  // The server's issue texts are English; name the fields in the reader's language instead.
  const issues = 'issues' in body ? (body.issues ?? []) : [];
  const fields = [...new Set(issues.map((issue) => fieldName(t, issue.path)))];
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field}>{t('errors.fieldIssue', { field })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An API error (REST or live) in the reader's language. */
export function errorMessage(t: TFunction, body: ApiRequestError['body']): string {
  if (body.code === 'RATE_LIMITED') {
    return 'retryAfterSeconds' in body && body.retryAfterSeconds !== undefined
      ? t('errors.RATE_LIMITED', { seconds: body.retryAfterSeconds })
      : t('errors.RATE_LIMITED_NO_TIME');
  }
  return t(`errors.${body.code}`);
}

const FIELDS = ['email', 'password', 'displayName', 'name', 'locale', 'role', 'expiresInHours', 'maxUses'] as const;

function fieldName(t: TFunction, path: string): string {
  const field = FIELDS.find((f) => f === path);
  return field ? t(`fields.${field}`) : path;
}
