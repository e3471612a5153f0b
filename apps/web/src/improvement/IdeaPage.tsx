import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/auth.api';
import { currentLocale } from '../lib/i18n';
import { useMembers } from '../teams/teams.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { NotFoundPage } from '../ui/NotFoundPage';
import { Loading, Page } from '../ui/Page';
import { ImprovementContext } from './actions';
import { IdeaWorkspace } from './IdeaWorkspace';
import { reportUrl, useBoard } from './improvement.api';
import { useBoardActions } from './useBoardActions';
import './improvement.css';

/** One idea between meetings: the three questions, cycles, measures, and the PDSA report to download. */
export function IdeaPage() {
  const { teamId = '', ideaId = '' } = useParams();
  const { t } = useTranslation('improvement');
  const board = useBoard(teamId);
  const me = useMe();
  const members = useMembers(teamId);
  const actions = useBoardActions(teamId, me.data?.id ?? '', board.data, members.data);
  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorAlert error={board.error} />;
  const idea = board.data.ideas.find((i) => i.id === ideaId);
  if (!idea) return <NotFoundPage />;
  const lang = currentLocale();
  return (
    <ImprovementContext.Provider value={actions}>
      <Page
        title={idea.title}
        lead={
          <p className="lead">
            <Link to={`/teams/${teamId}/improvement`}>{t('back')}</Link> · {t(`status.${idea.status}`)}
          </p>
        }
      >
        <nav className="button-row" aria-label={t('export')}>
          <a className="button secondary" href={reportUrl(teamId, idea.id, 'pdf', lang)} download>
            {t('exportPdf')}
          </a>
          <a className="button secondary" href={reportUrl(teamId, idea.id, 'md', lang)} download>
            {t('exportMd')}
          </a>
        </nav>
        {actions && <IdeaWorkspace idea={idea} />}
      </Page>
    </ImprovementContext.Provider>
  );
}
