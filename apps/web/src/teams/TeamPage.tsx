import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth.api';
import { ForumsSection, MeetingsSection } from '../forums/ForumsSection';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SingleFieldForm } from '../ui/Field';
import { Loading, Page, Status } from '../ui/Page';
import { SteeringSection } from '../steering/SteeringSection';
import { InvitesSection } from './InvitesSection';
import { MembersSection } from './MembersSection';
import { teamPermissions, useLeaveTeam, useRenameTeam, useTeam } from './teams.api';

export function TeamPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const team = useTeam(teamId);
  const me = useMe();
  const rename = useRenameTeam(teamId);

  if (team.isPending) return <Loading />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  const data = team.data;
  const can = teamPermissions(data);

  return (
    <Page
      title={data.name}
      lead={
        <p className="lead">
          <Link to={`/organizations/${data.organizationId}`}>
            {t('team.inOrganization', { organization: data.organizationName })}
          </Link>
          {' · '}
          {data.myRole ? t('team.yourRole', { role: t(`roles.${data.myRole}`) }) : t('team.orgAdminOnly')}
        </p>
      }
    >
      <SteeringSection team={data} />

      <ForumsSection team={data} />

      <section aria-labelledby="team-improvement" className="card">
        <h2 id="team-improvement">{t('board', { ns: 'improvement' })}</h2>
        <p>{t('boardLead', { ns: 'improvement' })}</p>
        <Link to={`/teams/${data.id}/improvement`}>{t('open', { ns: 'improvement' })}</Link>
      </section>

      <MeetingsSection teamId={data.id} />

      <MembersSection team={data} meId={me.data?.id} />

      {can.invite && <InvitesSection teamId={data.id} />}

      {can.rename && (
        <section aria-labelledby="team-rename" className="card">
          <h2 id="team-rename">{t('team.rename')}</h2>
          <ErrorAlert error={rename.error} />
          <Status>{rename.isSuccess ? t('app.saved') : null}</Status>
          <SingleFieldForm
            key={data.name}
            label={t('team.name')}
            submitLabel={t('app.save')}
            initialValue={data.name}
            maxLength={120}
            pending={rename.isPending}
            onSubmit={(name) => rename.mutate({ name })}
          />
        </section>
      )}

      {can.leave && me.data && <LeaveTeam teamId={data.id} meId={me.data.id} />}
    </Page>
  );
}

function LeaveTeam({ teamId, meId }: { teamId: string; meId: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const leave = useLeaveTeam(teamId, meId);

  return (
    <section aria-labelledby="team-leave" className="card">
      <h2 id="team-leave">{t('team.leave')}</h2>
      <ErrorAlert error={leave.error} />
      {confirming ? (
        <div className="stack">
          <p>{t('team.confirmLeave')}</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={leave.isPending} onClick={() => leave.mutate()}>
              {t('team.confirmLeaveButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t('team.leave')}
        </button>
      )}
    </section>
  );
}
