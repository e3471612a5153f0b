import { Route, Routes } from 'react-router';
import { AccountPage } from './auth/AccountPage';
import { RequireAuth } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { JoinPage } from './invites/JoinPage';
import { HomePage } from './organizations/HomePage';
import { OrganizationPage } from './organizations/OrganizationPage';
import { MeetingPage } from './meetings/MeetingPage';
import { TeamPage } from './teams/TeamPage';
import { SteeringPage } from './steering/SteeringPage';
import { BoardPage } from './improvement/BoardPage';
import { IdeaPage } from './improvement/IdeaPage';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';

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
          <Route path="/teams/:teamId/steering/:view?" element={<SteeringPage />} />
          <Route path="/teams/:teamId/improvement" element={<BoardPage />} />
          <Route path="/teams/:teamId/improvement/:ideaId" element={<IdeaPage />} />
          <Route path="/meetings/:meetingId" element={<MeetingPage />} />
          <Route path="/account" element={<AccountPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
