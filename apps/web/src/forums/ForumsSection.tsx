import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  FORUM_KINDS,
  LIVE_LIMITS,
  type ForumDto,
  type ForumKind,
  type MemberDto,
  type TeamDto,
} from '@tillit/protocol';
import { currentLocale } from '../lib/i18n';
import { useMembers } from '../teams/teams.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { Loading, Status } from '../ui/Page';
import { ForumForm } from './ForumForm';
import {
  canManageForums,
  useCreateForum,
  useDeleteForum,
  useForums,
  useMeetingHistory,
  useStartAdHocMeeting,
  useStartMeeting,
  useUpdateForum,
} from './forums.api';
import { describeSchedule } from './schedule';
import { defaultPhases } from './templates';

/** The team's forums: what they are, when they meet, who leads; start a meeting; create and edit. */
export function ForumsSection({ team }: { team: TeamDto }) {
  const { t } = useTranslation();
  const forums = useForums(team.id);
  const members = useMembers(team.id);
  const create = useCreateForum(team.id);
  const update = useUpdateForum(team.id);
  const remove = useDeleteForum(team.id);
  const start = useStartMeeting(team.id);
  const navigate = useNavigate();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const manage = canManageForums(team);
  const people = members.data ?? [];

  return (
    <section aria-labelledby="team-forums" className="card">
      <h2 id="team-forums">{t('forums.title')}</h2>
      <ErrorAlert error={forums.error ?? start.error ?? remove.error} />
      <Status>{announcement}</Status>
      {forums.isPending ? (
        <Loading />
      ) : forums.data && forums.data.length === 0 ? (
        <p className="muted">{t('forums.none')}</p>
      ) : (
        <ul className="forum-list" aria-label={t('forums.list')}>
          {forums.data?.map((forum) =>
            editing === forum.id ? (
              <li key={forum.id} className="forum">
                <h3>{t('forums.editTitle', { name: forum.name })}</h3>
                <ErrorAlert error={update.error} />
                <ForumForm
                  forum={forum}
                  members={people}
                  pending={update.isPending}
                  onCancel={() => setEditing(null)}
                  onSubmit={(body) =>
                    update.mutate(
                      { forumId: forum.id, body },
                      {
                        onSuccess: () => {
                          setEditing(null);
                          setAnnouncement(t('forums.saved'));
                        },
                      },
                    )
                  }
                />
              </li>
            ) : (
              <ForumItem
                key={forum.id}
                forum={forum}
                members={people}
                manage={manage}
                starting={start.isPending}
                deleting={remove.isPending}
                onStart={() =>
                  start.mutate(
                    { forumId: forum.id },
                    { onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`) },
                  )
                }
                onEdit={() => setEditing(forum.id)}
                onDelete={() => remove.mutate(forum.id)}
              />
            ),
          )}
        </ul>
      )}

      {manage &&
        (editing === 'new' ? (
          <div className="stack">
            <h3 id="forum-new">{t('forums.createTitle')}</h3>
            <ErrorAlert error={create.error} />
            <ForumForm
              members={people}
              pending={create.isPending}
              onCancel={() => setEditing(null)}
              onSubmit={(body) =>
                create.mutate(body, {
                  onSuccess: (forum) => {
                    setEditing(null);
                    setAnnouncement(t('forums.created', { name: forum.name }));
                  },
                })
              }
            />
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              {t('forums.create')}
            </button>
          </p>
        ))}

      {team.myRole && <AdHocMeeting teamId={team.id} />}
    </section>
  );
}

function facilitationText(forum: ForumDto, members: MemberDto[], t: TFunction): string {
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.displayName ?? t('forums.unknownPerson');
  const f = forum.facilitation;
  if (f.mode === 'fixed') return t('forums.fixedShort', { name: nameOf(f.userId) });
  return f.userIds ? t('forums.rotatingSome', { count: f.userIds.length }) : t('forums.rotatingAllShort');
}

function ForumItem({
  forum,
  members,
  manage,
  starting,
  deleting,
  onStart,
  onEdit,
  onDelete,
}: {
  forum: ForumDto;
  members: MemberDto[];
  manage: boolean;
  starting: boolean;
  deleting: boolean;
  onStart: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const next = forum.nextFacilitatorId ? members.find((m) => m.userId === forum.nextFacilitatorId) : undefined;
  return (
    <li className="forum">
      <div className="forum-info">
        <h3 className="forum-name">{forum.name}</h3>
        <p className="badge">{t(`forums.kinds.${forum.kind}`)}</p>
        <dl className="facts">
          <dt>{t('forums.schedule')}</dt>
          <dd>{describeSchedule(forum.schedule, t, currentLocale())}</dd>
          <dt>{t('forums.facilitation')}</dt>
          <dd>
            {facilitationText(forum, members, t)}
            {next && <> · {t('forums.nextFacilitator', { name: next.displayName })}</>}
          </dd>
          <dt>{t('forums.phases')}</dt>
          <dd>{forum.phases.map((p) => p.title).join(' → ')}</dd>
        </dl>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={starting}
          aria-label={t('forums.startNamed', { name: forum.name })}
          onClick={onStart}
        >
          {t('forums.start')}
        </button>
        {manage && (
          <button
            type="button"
            className="secondary"
            aria-label={t('forums.editNamed', { name: forum.name })}
            onClick={onEdit}
          >
            {t('forums.edit')}
          </button>
        )}
        {manage && !confirming && (
          <button
            type="button"
            className="secondary"
            aria-label={t('forums.deleteNamed', { name: forum.name })}
            onClick={() => setConfirming(true)}
          >
            {t('forums.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="stack">
          <p>{t('forums.confirmDelete', { name: forum.name })}</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={deleting} onClick={onDelete}>
              {t('forums.confirmDeleteButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function AdHocMeeting({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const start = useStartAdHocMeeting(teamId);
  const navigate = useNavigate();
  const [kind, setKind] = useState<ForumKind>('custom');
  return (
    <details className="adhoc">
      <summary>{t('meetings.adHoc')}</summary>
      <ErrorAlert error={start.error} />
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const title = String(new FormData(event.currentTarget).get('title') ?? '').trim();
          if (!title) return;
          start.mutate(
            { title, phases: defaultPhases(kind, t) },
            { onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`) },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('meetings.adHocTitle')}</label>
          <input
            id={`${id}-title`}
            name="title"
            type="text"
            required
            maxLength={LIVE_LIMITS.meetingTitle}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('meetings.adHocKind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ForumKind)}>
            {FORUM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`forums.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={start.isPending}>
          {t('meetings.adHocStart')}
        </button>
      </form>
    </details>
  );
}

/** The team's meetings: join a live one, read the minutes of an ended one. */
export function MeetingsSection({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const history = useMeetingHistory(teamId);
  const locale = currentLocale();
  return (
    <section aria-labelledby="team-meetings" className="card">
      <h2 id="team-meetings">{t('meetings.title')}</h2>
      <ErrorAlert error={history.error} />
      {history.isPending ? (
        <Loading />
      ) : history.data && history.data.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <ul className="link-list meeting-list" aria-labelledby="team-meetings">
          {history.data?.map((m) => (
            <li key={m.id}>
              <span className={`badge state-${m.state}`}>{t(`meetings.${m.state}`)}</span>{' '}
              <Link
                to={`/meetings/${m.id}`}
                aria-label={
                  m.state === 'live'
                    ? t('meetings.joinNamed', { title: m.title })
                    : m.state === 'ended'
                      ? t('meetings.minutesNamed', { title: m.title })
                      : undefined
                }
              >
                {m.title}
              </Link>{' '}
              <span className="muted">
                {m.state === 'ended' && m.endedAt
                  ? t('meetings.endedAt', { date: formatDateTime(m.endedAt, locale) })
                  : m.state === 'live' && m.startedAt
                    ? t('meetings.startedAt', { date: formatDateTime(m.startedAt, locale) })
                    : m.scheduledFor
                      ? t('meetings.scheduledFor', { date: formatDateTime(m.scheduledFor, locale) })
                      : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
