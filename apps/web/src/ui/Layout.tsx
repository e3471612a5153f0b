import { Link, NavLink, Outlet, useMatch, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../auth/auth.api';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // The meeting room uses the whole width (side panels on a laptop, large type on a wall display).
  const wide = useMatch('/meetings/:meetingId') !== null;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {me.data && (
            <nav aria-label={t('app.mainNav')}>
              <ul className="nav-list">
                <li>
                  <NavLink to="/" end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">{t('nav.account')}</NavLink>
                </li>
                <li>
                  <button
                    type="button"
                    className="link-button"
                    disabled={signOut.isPending}
                    onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
                  >
                    {t('nav.signOut')}
                  </button>
                </li>
              </ul>
            </nav>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={wide ? 'container container--wide' : 'container'}>
        <Outlet />
      </main>
    </>
  );
}
