import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tillit/protocol';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { Loading, Page } from '../ui/Page';
import { useMe, useSignUp } from './auth.api';
import { safeNext } from './RequireAuth';

export function SignUpPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const me = useMe();
  const signUp = useSignUp();
  const next = safeNext(search);

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.signUpTitle')} lead={<p className="lead">{t('auth.intro')}</p>}>
      <form
        className="card stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          signUp.mutate({
            email: String(data.get('email')),
            displayName: String(data.get('displayName')),
            password: String(data.get('password')),
          });
        }}
      >
        <ErrorAlert error={signUp.error} />
        <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required maxLength={254} />
        <Field label={t('auth.displayName')} name="displayName" autoComplete="name" required maxLength={80} />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          hint={t('auth.passwordRules', { min: PASSWORD_MIN_LENGTH })}
        />
        <div>
          <button type="submit" disabled={signUp.isPending}>
            {t('auth.signUpButton')}
          </button>
        </div>
      </form>
      <p>
        {t('auth.haveAccount')}{' '}
        <Link to={`/sign-in${search.size ? `?${search.toString()}` : ''}`}>{t('auth.toSignIn')}</Link>
      </p>
    </Page>
  );
}
