import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SingleFieldForm } from '../ui/Field';
import { Loading, Page, Status } from '../ui/Page';
import { useCreateTeam, useOrganization, useRenameOrganization } from './organizations.api';

export function OrganizationPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const organization = useOrganization(orgId);
  const rename = useRenameOrganization(orgId);
  const createTeam = useCreateTeam(orgId);
  const navigate = useNavigate();

  if (organization.isPending) return <Loading />;
  if (organization.isError) return <ErrorAlert error={organization.error} />;
  const org = organization.data;
  const isAdmin = org.myRole === 'admin';

  return (
    <Page
      title={org.name}
      lead={<p className="lead">{isAdmin ? t('organization.admin') : t('organization.member')}</p>}
    >
      <section aria-labelledby="org-teams" className="card">
        <h2 id="org-teams">{t('organization.teams')}</h2>
        {org.teams.length === 0 ? (
          <p className="muted">{t('organization.noTeams')}</p>
        ) : (
          <ul className="link-list">
            {org.teams.map((team) => (
              <li key={team.id}>
                <Link to={`/teams/${team.id}`}>{team.name}</Link>
                {team.myRole && <span className="muted"> · {t(`roles.${team.myRole}`)}</span>}
              </li>
            ))}
          </ul>
        )}
        {isAdmin && (
          <>
            <h3>{t('organization.createTeam')}</h3>
            <ErrorAlert error={createTeam.error} />
            <SingleFieldForm
              label={t('organization.teamName')}
              submitLabel={t('organization.create')}
              maxLength={120}
              pending={createTeam.isPending}
              onSubmit={(name) =>
                createTeam.mutate({ name }, { onSuccess: (team) => void navigate(`/teams/${team.id}`) })
              }
            />
          </>
        )}
      </section>

      {isAdmin && (
        <section aria-labelledby="org-rename" className="card">
          <h2 id="org-rename">{t('organization.rename')}</h2>
          <ErrorAlert error={rename.error} />
          <Status>{rename.isSuccess ? t('app.saved') : null}</Status>
          <SingleFieldForm
            key={org.name}
            label={t('organization.name')}
            submitLabel={t('app.save')}
            initialValue={org.name}
            maxLength={120}
            pending={rename.isPending}
            onSubmit={(name) => rename.mutate({ name })}
          />
        </section>
      )}
    </Page>
  );
}
