import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../lib/api';

/** Shows an API error in the person's language, announced to screen readers (role="alert"). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const body = error instanceof ApiRequestError ? error.body : { code: 'INTERNAL' as const, message: '' };
  let message: string;
  if (body.code === 'RATE_LIMITED') {
    message =
      'retryAfterSeconds' in body && body.retryAfterSeconds !== undefined
        ? t('errors.RATE_LIMITED', { seconds: body.retryAfterSeconds })
        : t('errors.RATE_LIMITED_NO_TIME');
  } else {
    message = t(`errors.${body.code}`);
  }
  const issues = 'issues' in body ? (body.issues ?? []) : [];
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {t('errors.fieldIssue', { field: fieldName(t, issue.path), message: issue.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const FIELDS = ['email', 'password', 'displayName', 'name', 'locale', 'role', 'expiresInHours', 'maxUses'] as const;

function fieldName(t: ReturnType<typeof useTranslation>['t'], path: string): string {
  const field = FIELDS.find((f) => f === path);
  return field ? t(`fields.${field}`) : path;
}
