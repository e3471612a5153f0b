import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH } from '@tillit/protocol';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { Loading, Page } from '../ui/Page';
import { useMe, useSignIn } from './auth.api';
import { safeNext } from './RequireAuth';

export function SignInPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const next = safeNext(search);

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.signInTitle')} lead={<p className="lead">{t('auth.intro')}</p>}>
      <form
        className="card stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          signIn.mutate({ email: String(data.get('email')), password: String(data.get('password')) });
        }}
      >
        <ErrorAlert error={signIn.error} />
        <Field label={t('auth.email')} name="email" type="email" autoComplete="username" required maxLength={254} />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX_LENGTH}
        />
        <div>
          <button type="submit" disabled={signIn.isPending}>
            {t('auth.signInButton')}
          </button>
        </div>
      </form>
      <p>
        {t('auth.noAccount')}{' '}
        <Link to={`/sign-up${search.size ? `?${search.toString()}` : ''}`}>{t('auth.toSignUp')}</Link>
      </p>
    </Page>
  );
}
