import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Page';
import { useMe } from './auth.api';

/** Renders its routes for a signed-in person; sends anyone else to sign in and back here after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** A same-site path to return to after sign-in, from `?next=`; home when missing or unsafe. */
export function safeNext(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
