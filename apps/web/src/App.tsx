import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AccountPage } from './auth/AccountPage';
import { RequireAuth } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { JoinPage } from './invites/JoinPage';
import { HomePage } from './organizations/HomePage';
import { OrganizationPage } from './organizations/OrganizationPage';
import { TeamPage } from './teams/TeamPage';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';

// The meeting room and the ritual pages are the heavy part of the app; a phone opening the sign-in page or
// the team page should not download them first.
// The room and the rituals it renders come together (the room imports no ritual: see meetings/README.md).
const MeetingPage = lazy(async () => {
  const [{ MeetingPage: Room }, { RITUALS }] = await Promise.all([
    import('./meetings/MeetingPage'),
    import('./rituals'),
  ]);
  return { default: () => <Room rituals={RITUALS} /> };
});
const SteeringPage = lazy(() => import('./steering/SteeringPage').then((m) => ({ default: m.SteeringPage })));
const BoardPage = lazy(() => import('./improvement/BoardPage').then((m) => ({ default: m.BoardPage })));
const IdeaPage = lazy(() => import('./improvement/IdeaPage').then((m) => ({ default: m.IdeaPage })));

/** A lazily loaded page, inside the layout: the header and navigation stay while it loads. */
function Lazy({ page: Page }: { page: ComponentType }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <Page />
    </Suspense>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/join/:token" element={<JoinPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/organizations/:orgId" element={<OrganizationPage />} />
          <Route path="/teams/:teamId" element={<TeamPage />} />
          <Route path="/teams/:teamId/steering/:view?" element={<Lazy page={SteeringPage} />} />
          <Route path="/teams/:teamId/improvement" element={<Lazy page={BoardPage} />} />
          <Route path="/teams/:teamId/improvement/:ideaId" element={<Lazy page={IdeaPage} />} />
          <Route path="/meetings/:meetingId" element={<Lazy page={MeetingPage} />} />
          <Route path="/account" element={<AccountPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
