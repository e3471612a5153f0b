import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { Loading, Page } from '../ui/Page';
import { useAcceptInvite, useInvitePreview } from './invites.api';

/** /join/:token: who invites you where; sign in or up first if needed, then join. */
export function JoinPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const preview = useInvitePreview(token);
  const me = useMe();
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  const back = encodeURIComponent(`/join/${token}`);

  return (
    <Page title={t('join.title')}>
      {preview.isPending || me.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} />
      ) : (
        <div className="card stack">
          <p className="lead">
            {t('join.invitedTo', { team: preview.data.teamName, organization: preview.data.organizationName })}
          </p>
          <p>{t('join.asRole', { role: t(`roles.${preview.data.role}`) })}</p>
          <p className="muted">
            {t('join.expires', { date: formatDateTime(preview.data.expiresAt, i18n.resolvedLanguage ?? 'sv') })}
          </p>
          {me.data ? (
            <>
              <p>{t('join.signedInAs', { name: me.data.displayName })}</p>
              <ErrorAlert error={accept.error} />
              <div>
                <button
                  type="button"
                  disabled={accept.isPending}
                  onClick={() => accept.mutate(undefined, { onSuccess: (r) => void navigate(`/teams/${r.teamId}`) })}
                >
                  {t('join.accept')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t('join.signInFirst')}</p>
              <div className="button-row">
                <Link className="button" to={`/sign-up?next=${back}`}>
                  {t('join.signUp')}
                </Link>
                <Link className="button secondary" to={`/sign-in?next=${back}`}>
                  {t('join.signIn')}
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </Page>
  );
}
