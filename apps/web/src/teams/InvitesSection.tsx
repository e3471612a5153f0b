import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type InviteDto, type TeamRole } from '@tillit/protocol';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { Loading, Status } from '../ui/Page';
import { useCreateInvite, useInvites, useRevokeInvite } from './teams.api';

const EXPIRY_HOURS = [1, 24, 168, 720] as const;

export function inviteUrl(token: string): string {
  return `${window.location.origin}/join/${encodeURIComponent(token)}`;
}

export function InvitesSection({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const create = useCreateInvite(teamId);
  const [link, setLink] = useState<string | null>(null);

  return (
    <section aria-labelledby="team-invites" className="card">
      <h2 id="team-invites">{t('invites.title')}</h2>
      <CreateInviteForm
        pending={create.isPending}
        onCreate={(body) =>
          create.mutate(body, { onSuccess: (invite) => setLink(invite.token ? inviteUrl(invite.token) : null) })
        }
      />
      <ErrorAlert error={create.error} />
      {link && <CreatedLink url={link} />}
      <InviteList teamId={teamId} />
    </section>
  );
}

function CreateInviteForm({
  pending,
  onCreate,
}: {
  pending: boolean;
  onCreate: (body: { role: TeamRole; expiresInHours: number; maxUses: number | null }) => void;
}) {
  const { t } = useTranslation();
  const roleId = useId();
  const expiryId = useId();
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onCreate({
          role: data.get('role') as TeamRole,
          expiresInHours: Number(data.get('expiresInHours')),
          maxUses: data.get('uses') === 'multi' ? null : 1,
        });
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={roleId}>{t('invites.role')}</label>
          <select id={roleId} name="role" defaultValue="member">
            {TEAM_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={expiryId}>{t('invites.expiry')}</label>
          <select id={expiryId} name="expiresInHours" defaultValue="168">
            {EXPIRY_HOURS.map((hours) => (
              <option key={hours} value={hours}>
                {t(`invites.expiry${hours}h`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t('invites.uses')}</legend>
        <label className="choice">
          <input type="radio" name="uses" value="single" defaultChecked /> {t('invites.singleUse')}
        </label>
        <label className="choice">
          <input type="radio" name="uses" value="multi" /> {t('invites.multiUse')}
        </label>
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          {t('invites.create')}
        </button>
      </div>
    </form>
  );
}

/** The new link in a read-only field (works without clipboard permission) and a copy button. */
function CreatedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      input.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <div className="created-link stack">
      <div className="field">
        <label htmlFor={id}>{t('invites.link')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('invites.linkHelp')}
        </p>
        <div className="copy-row">
          <input
            ref={input}
            id={id}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-hint`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            {t('invites.copy')}
          </button>
        </div>
      </div>
      <Status>
        {copyState === 'copied' ? t('invites.copied') : copyState === 'failed' ? t('invites.copyFailed') : null}
      </Status>
    </div>
  );
}

type InviteStatus = 'statusActive' | 'statusRevoked' | 'statusExpired' | 'statusUsedUp';

function inviteStatus(invite: InviteDto, now: number): InviteStatus {
  if (invite.revoked) return 'statusRevoked';
  if (Date.parse(invite.expiresAt) <= now) return 'statusExpired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'statusUsedUp';
  return 'statusActive';
}

function InviteList({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const invites = useInvites(teamId, true);
  const revoke = useRevokeInvite(teamId);
  const now = Date.now();
  const locale = i18n.resolvedLanguage ?? 'sv';

  return (
    <>
      <h3 id="invite-list">{t('invites.list')}</h3>
      <ErrorAlert error={invites.error ?? revoke.error} />
      {invites.isPending ? (
        <Loading />
      ) : !invites.data ? null : invites.data.length === 0 ? (
        <p className="muted">{t('invites.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="invite-list">
          <table aria-labelledby="invite-list">
            <thead>
              <tr>
                <th scope="col">{t('invites.colRole')}</th>
                <th scope="col">{t('invites.colExpires')}</th>
                <th scope="col">{t('invites.colUses')}</th>
                <th scope="col">{t('invites.colStatus')}</th>
                <th scope="col">{t('invites.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {invites.data.map((invite) => {
                const status = inviteStatus(invite, now);
                return (
                  <tr key={invite.id}>
                    <td>{t(`roles.${invite.role}`)}</td>
                    <td>{formatDateTime(invite.expiresAt, locale)}</td>
                    <td>
                      {invite.maxUses === null
                        ? t('invites.usesUnlimited', { uses: invite.uses })
                        : t('invites.usesOf', { uses: invite.uses, max: invite.maxUses })}
                    </td>
                    <td>{t(`invites.${status}`)}</td>
                    <td>
                      {status === 'statusActive' && (
                        <button
                          type="button"
                          className="secondary small"
                          disabled={revoke.isPending}
                          aria-label={t('invites.revokeCreated', { date: formatDateTime(invite.createdAt, locale) })}
                          onClick={() => revoke.mutate(invite.id)}
                        >
                          {t('invites.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
