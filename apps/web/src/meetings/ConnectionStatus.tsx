import { useTranslation } from 'react-i18next';
import type { LiveState } from './live/client';

/** Connected / reconnecting / offline, and how many of the person's changes wait to be sent. */
export function ConnectionStatus({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  return (
    <div className={`connection connection--${live.status}`}>
      <span className="connection-dot" aria-hidden="true" />
      {/* Only the state is announced; the count is visible but would be noisy to hear on every change. */}
      <span role="status" className="connection-state">
        {t(`meeting.connection.${live.status}`)}
      </span>
      {live.waiting > 0 && (
        <span className="connection-waiting"> · {t('meeting.waitingCount', { count: live.waiting })}</span>
      )}
    </div>
  );
}
