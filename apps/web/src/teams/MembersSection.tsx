import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type MemberDto, type TeamDto, type TeamRole } from '@tillit/protocol';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading, Status } from '../ui/Page';
import { teamPermissions, useChangeRole, useMembers, useRemoveMember } from './teams.api';

export function MembersSection({ team, meId }: { team: TeamDto; meId: string | undefined }) {
  const { t } = useTranslation();
  const members = useMembers(team.id);
  const changeRole = useChangeRole(team.id);
  const remove = useRemoveMember(team.id);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const can = teamPermissions(team);

  return (
    <section aria-labelledby="team-members" className="card">
      <h2 id="team-members">{t('team.members')}</h2>
      <ErrorAlert error={members.error ?? changeRole.error ?? remove.error} />
      <Status>{announcement}</Status>
      {members.isPending ? (
        <Loading />
      ) : members.data ? (
        <ul className="member-list" aria-labelledby="team-members">
          {members.data.map((member) => (
            <MemberItem
              key={member.userId}
              member={member}
              isMe={member.userId === meId}
              canManage={can.manageMembers && member.userId !== meId}
              pending={changeRole.isPending || remove.isPending}
              onChangeRole={(role) =>
                changeRole.mutate(
                  { userId: member.userId, role },
                  {
                    onSuccess: () =>
                      setAnnouncement(t('team.roleChanged', { name: member.displayName, role: t(`roles.${role}`) })),
                  },
                )
              }
              onRemove={() => remove.mutate(member.userId)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MemberItem({
  member,
  isMe,
  canManage,
  pending,
  onChangeRole,
  onRemove,
}: {
  member: MemberDto;
  isMe: boolean;
  canManage: boolean;
  pending: boolean;
  onChangeRole: (role: TeamRole) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const [role, setRole] = useState<TeamRole>(member.role);
  const [confirming, setConfirming] = useState(false);

  return (
    <li className="member">
      <div className="member-info">
        <p className="member-name">
          {member.displayName} {isMe && <span className="muted">{t('team.you')}</span>}
        </p>
        <p className="muted member-email">{member.email}</p>
        <p className="badge">{t(`roles.${member.role}`)}</p>
      </div>
      {canManage && (
        <div className="member-actions">
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (role !== member.role) onChangeRole(role);
            }}
          >
            <div className="field">
              <label htmlFor={selectId}>{t('team.roleFor', { name: member.displayName })}</label>
              <select id={selectId} value={role} onChange={(event) => setRole(event.target.value as TeamRole)}>
                {TEAM_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary" disabled={pending || role === member.role}>
              {t('team.changeRole')}
            </button>
          </form>
          {confirming ? (
            <div className="stack">
              <p>{t('team.confirmRemove', { name: member.displayName })}</p>
              <div className="button-row">
                <button type="button" className="danger" disabled={pending} onClick={onRemove}>
                  {t('team.confirmRemoveButton')}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="secondary"
              aria-label={t('team.removeNamed', { name: member.displayName })}
              onClick={() => setConfirming(true)}
            >
              {t('team.remove')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
