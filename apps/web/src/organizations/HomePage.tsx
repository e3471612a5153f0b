import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth.api';
import { useTeams } from '../teams/teams.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SingleFieldForm } from '../ui/Field';
import { Loading, Page } from '../ui/Page';
import { useCreateOrganization, useOrganizations } from './organizations.api';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useOrganizations();
  const teams = useTeams();
  const createOrganization = useCreateOrganization();
  const navigate = useNavigate();

  return (
    <Page
      title={t('home.title')}
      lead={<p className="lead">{t('home.greeting', { name: me.data?.displayName ?? '' })}</p>}
    >
      <section aria-labelledby="my-teams" className="card">
        <h2 id="my-teams">{t('home.teams')}</h2>
        {teams.isPending ? (
          <Loading />
        ) : teams.isError ? (
          <ErrorAlert error={teams.error} />
        ) : teams.data.length === 0 ? (
          <p className="muted">{t('home.noTeams')}</p>
        ) : (
          <ul className="link-list">
            {teams.data.map((team) => (
              <li key={team.id}>
                <Link to={`/teams/${team.id}`}>{team.name}</Link>{' '}
                <span className="muted">
                  {team.organizationName}
                  {team.myRole && ` · ${t(`roles.${team.myRole}`)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-organizations" className="card">
        <h2 id="my-organizations">{t('home.organizations')}</h2>
        {organizations.isPending ? (
          <Loading />
        ) : organizations.isError ? (
          <ErrorAlert error={organizations.error} />
        ) : organizations.data.length === 0 ? (
          <p className="muted">{t('home.noOrganizations')}</p>
        ) : (
          <ul className="link-list">
            {organizations.data.map((org) => (
              <li key={org.id}>
                <Link to={`/organizations/${org.id}`}>{org.name}</Link>{' '}
                <span className="muted">
                  {org.myRole === 'admin' ? t('organization.admin') : t('organization.member')}
                </span>
              </li>
            ))}
          </ul>
        )}

        <h3>{t('home.createOrganization')}</h3>
        <ErrorAlert error={createOrganization.error} />
        <SingleFieldForm
          label={t('home.organizationName')}
          submitLabel={t('home.createOrganization')}
          maxLength={120}
          pending={createOrganization.isPending}
          onSubmit={(name) =>
            createOrganization.mutate({ name }, { onSuccess: (org) => void navigate(`/organizations/${org.id}`) })
          }
        />
      </section>
    </Page>
  );
}
