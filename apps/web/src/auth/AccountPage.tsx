import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, SessionDto } from '@tillit/protocol';
import { LOCALES } from '../lib/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { Loading, Page, Status } from '../ui/Page';
import { useChangeLocale, useMe, useRevokeOtherSessions, useRevokeSession, useSessions, useUpdateMe } from './auth.api';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')}>
      <ProfileSection />
      <SessionsSection />
    </Page>
  );
}

function ProfileSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useUpdateMe();
  const changeLocale = useChangeLocale();
  const languageId = useId();
  if (!me.data) return null;
  const user = me.data;

  return (
    <section aria-labelledby="account-profile" className="card">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <dl className="facts">
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
      </dl>
      <ErrorAlert error={update.error} />
      <Status>{update.isSuccess ? t('app.saved') : null}</Status>
      <form
        key={user.displayName}
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const displayName = String(new FormData(event.currentTarget).get('displayName')).trim();
          if (displayName) update.mutate({ displayName });
        }}
      >
        <Field
          label={t('account.displayName')}
          name="displayName"
          defaultValue={user.displayName}
          required
          maxLength={80}
          autoComplete="name"
        />
        <button type="submit" disabled={update.isPending}>
          {t('app.save')}
        </button>
      </form>
      <div className="field">
        <label htmlFor={languageId}>{t('account.language')}</label>
        <select
          id={languageId}
          value={i18n.resolvedLanguage}
          onChange={(event) => void changeLocale(event.target.value as Locale)}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

function deviceName(session: SessionDto, unknown: string): string {
  const ua = session.userAgent;
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser && os ? `${browser}, ${os}` : (browser ?? os ?? ua.slice(0, 60));
}

function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const locale = i18n.resolvedLanguage ?? 'sv';
  const others = sessions.data?.filter((s) => !s.current) ?? [];

  return (
    <section aria-labelledby="account-sessions" className="card">
      <h2 id="account-sessions">{t('account.sessions')}</h2>
      <p className="muted">{t('account.sessionsHelp')}</p>
      <ErrorAlert error={sessions.error ?? revoke.error ?? revokeOthers.error} />
      {sessions.isPending ? (
        <Loading />
      ) : sessions.data ? (
        <>
          <ul className="session-list" aria-labelledby="account-sessions">
            {sessions.data.map((session) => {
              const device = deviceName(session, t('account.unknownDevice'));
              return (
                <li key={session.id} className="session">
                  <div>
                    <p className="member-name">
                      {device} {session.current && <span className="badge">{t('account.thisDevice')}</span>}
                    </p>
                    <p className="muted">
                      {t('account.createdAt', { date: formatDateTime(session.createdAt, locale) })}
                      {' · '}
                      {t('account.lastSeen', { date: formatDateTime(session.lastSeenAt, locale) })}
                    </p>
                  </div>
                  {!session.current && (
                    <button
                      type="button"
                      className="secondary small"
                      disabled={revoke.isPending}
                      aria-label={t('account.revokeNamed', { device })}
                      onClick={() => revoke.mutate(session.id)}
                    >
                      {t('account.revoke')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {others.length > 0 ? (
            <button
              type="button"
              className="secondary"
              disabled={revokeOthers.isPending}
              onClick={() => revokeOthers.mutate()}
            >
              {t('account.revokeOthers')}
            </button>
          ) : (
            <p className="muted">{t('account.onlyThis')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
