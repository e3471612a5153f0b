import { IDEA_STATUSES, IMPROVEMENT_LIMITS, type IdeaDto, type IdeaStatus } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/auth.api';
import { useMembers, useTeam } from '../teams/teams.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading, Page, Status } from '../ui/Page';
import { ImprovementContext } from './actions';
import { useBoard, useBoardMutations } from './improvement.api';
import { useBoardActions } from './useBoardActions';
import './improvement.css';

/**
 * The team's improvement board: one column per status (idea → planning → testing → adopted / abandoned).
 * Ideas move with buttons (keyboard and tap alike; no drag needed), and every move is announced.
 */
export function BoardPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('improvement');
  const team = useTeam(teamId);
  const board = useBoard(teamId);
  const me = useMe();
  const members = useMembers(teamId);
  const actions = useBoardActions(teamId, me.data?.id ?? '', board.data, members.data);
  const m = useBoardMutations(teamId);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  if (board.isPending || team.isPending) return <Loading />;
  if (board.isError) return <ErrorAlert error={board.error} />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  const ideas = board.data.ideas;

  const move = (idea: IdeaDto, status: IdeaStatus) => {
    m.updateIdea.mutate({ ideaId: idea.id, status });
    setAnnouncement(t('moved', { title: idea.title, status: t(`status.${status}`) }));
  };

  return (
    <ImprovementContext.Provider value={actions}>
      <Page
        title={t('board')}
        lead={
          <p className="lead">
            <Link to={`/teams/${teamId}`}>{team.data.name}</Link> · {t('boardLead')}
          </p>
        }
      >
        <NewIdea teamId={teamId} />
        <ErrorAlert error={m.updateIdea.error} />
        <Status>{announcement}</Status>
        <div className="board">
          {IDEA_STATUSES.map((status, col) => {
            const here = ideas.filter((i) => i.status === status);
            return (
              <section key={status} className="board-column card" aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {t(`status.${status}`)} <span className="muted">({here.length})</span>
                </h2>
                {here.length === 0 ? (
                  <p className="muted">{t('noIdeas')}</p>
                ) : (
                  <ul className="board-list">
                    {here.map((idea) => {
                      const prev = IDEA_STATUSES[col - 1];
                      const next = IDEA_STATUSES[col + 1];
                      return (
                        <li key={idea.id} className="board-card" data-idea-id={idea.id}>
                          <Link
                            to={`/teams/${teamId}/improvement/${idea.id}`}
                            aria-label={t('openIdea', { title: idea.title })}
                          >
                            {idea.title}
                          </Link>
                          <p className="muted">
                            {idea.ownerId ? actions?.nameOf(idea.ownerId) : t('noOwner')}
                            {idea.origin && ` · ${t(`originKind.${idea.origin.kind}`)}`}
                          </p>
                          <div className="button-row">
                            {prev && (
                              <button
                                type="button"
                                className="secondary small"
                                aria-label={t('moveLeft', { title: idea.title, status: t(`status.${prev}`) })}
                                onClick={() => move(idea, prev)}
                              >
                                ← {t(`status.${prev}`)}
                              </button>
                            )}
                            {next && (
                              <button
                                type="button"
                                className="secondary small"
                                aria-label={t('moveRight', { title: idea.title, status: t(`status.${next}`) })}
                                onClick={() => move(idea, next)}
                              >
                                {t(`status.${next}`)} →
                              </button>
                            )}
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </Page>
    </ImprovementContext.Provider>
  );
}

function NewIdea({ teamId }: { teamId: string }) {
  const { t } = useTranslation('improvement');
  const id = useId();
  const board = useBoard(teamId);
  const m = useBoardMutations(teamId);
  const [title, setTitle] = useState('');
  const [origin, setOrigin] = useState('');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('newIdea')}</h2>
      <ErrorAlert error={m.createIdea.error} />
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          m.createIdea.mutate({ title: title.trim(), originId: origin || null }, { onSuccess: () => setTitle('') });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('ideaTitle')}</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={IMPROVEMENT_LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-origin`}>{t('origin')}</label>
          <select id={`${id}-origin`} value={origin} onChange={(e) => setOrigin(e.target.value)}>
            <option value="">{t('originFree')}</option>
            {(board.data?.origins ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {t(`originKind.${o.kind}`)}: {o.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" disabled={!title.trim() || m.createIdea.isPending}>
            {t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}
