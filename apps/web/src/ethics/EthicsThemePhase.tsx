import { ETHICS_LIMITS, type PhaseView } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForums } from '../forums/forums.api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Status } from '../ui/Page';
import { useRoom } from '../meetings/room';
import { builtinText, parseRefKey, refKey, themeText, useCreateTheme, useThemeLibrary } from './ethics.api';

type ThemeView = Extract<PhaseView, { kind: 'ethics-theme' }>;

/** The theme of the day: its case and questions for everyone; the facilitator picks from the library. */
export function EthicsThemePhase({ phase }: { phase: ThemeView }) {
  const { t, i18n } = useTranslation('ethics');
  const { isFacilitator, layout } = useRoom();
  const theme = phase.state.theme;
  const text = theme ? themeText(theme, i18n.language) : null;

  return (
    <div className="stack ethics-theme">
      {text ? (
        <article className="theme-card" aria-labelledby={`theme-${phase.id}`}>
          <h3 id={`theme-${phase.id}`} className="theme-title">
            {text.title}
          </h3>
          {text.case && (
            <>
              <h4>{t('theme.case')}</h4>
              <p className="theme-case">{text.case}</p>
            </>
          )}
          {text.questions.length > 0 && (
            <>
              <h4>{t('theme.questions')}</h4>
              <ol className="theme-questions">
                {text.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ol>
            </>
          )}
        </article>
      ) : (
        <p className="muted">{isFacilitator ? t('theme.none') : t('theme.waiting')}</p>
      )}
      {isFacilitator && layout !== 'wall' && <ThemePicker />}
      <NextFacilitator />
    </div>
  );
}

/** Rotating facilitation: who leads the forum's next meeting, shown ahead so they can prepare. */
function NextFacilitator() {
  const { t } = useTranslation('ethics');
  const { s, nameOf } = useRoom();
  const forums = useForums(s.meeting.teamId);
  const forum = forums.data?.find((f) => f.id === s.meeting.forumId);
  if (!forum || forum.facilitation.mode !== 'rotating' || !forum.nextFacilitatorId) return null;
  return <p className="muted">{t('rotation.next', { name: nameOf(forum.nextFacilitatorId) })}</p>;
}

function ThemePicker() {
  const { t, i18n } = useTranslation('ethics');
  const { s, send } = useRoom();
  const id = useId();
  const library = useThemeLibrary(s.meeting.teamId, s.meeting.forumId);
  const [choice, setChoice] = useState('');
  if (!library.data) return <ErrorAlert error={library.error} />;
  const lib = library.data;
  const titleOf = (key: string) => {
    const ref = parseRefKey(key);
    if (!ref) return '';
    if ('builtin' in ref) return builtinText(ref.builtin, i18n.language).title;
    return lib.team.find((x) => x.id === ref.teamThemeId)?.title ?? '';
  };
  const used = (u: { lastUsedOn: string | null }) =>
    u.lastUsedOn ? t('theme.lastUsed', { date: u.lastUsedOn }) : t('theme.neverUsed');
  const suggestion = lib.suggestion ? refKey(lib.suggestion) : null;
  const suggestionUse = suggestion
    ? [
        ...lib.builtin.map((b) => ({ ...b, key: `builtin:${b.key}` })),
        ...lib.team.map((x) => ({ ...x, key: `team:${x.id}` })),
      ].find((x) => x.key === suggestion)
    : undefined;
  const selected = choice || suggestion || '';

  return (
    <div className="stack card-inset">
      {suggestion && (
        <p className="suggestion">
          {suggestionUse?.timesUsed
            ? t('theme.suggestedOld', { title: titleOf(suggestion) })
            : t('theme.suggested', { title: titleOf(suggestion) })}
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const ref = parseRefKey(selected);
          if (ref) send({ type: 'ethics.theme.choose', payload: { theme: ref } });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-theme`}>{t('theme.chooseLabel')}</label>
          <select id={`${id}-theme`} value={selected} onChange={(e) => setChoice(e.target.value)}>
            {lib.team.length > 0 && (
              <optgroup label={t('theme.teamGroup')}>
                {lib.team.map((x) => (
                  <option key={x.id} value={`team:${x.id}`}>
                    {x.title} ({used(x)})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('theme.builtinGroup')}>
              {lib.builtin.map((b) => (
                <option key={b.key} value={`builtin:${b.key}`}>
                  {builtinText(b.key, i18n.language).title} ({used(b)})
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit" disabled={!selected}>
          {t('theme.choose')}
        </button>
      </form>
      <OwnThemeForm />
    </div>
  );
}

function OwnThemeForm() {
  const { t } = useTranslation('ethics');
  const { s } = useRoom();
  const id = useId();
  const create = useCreateTheme(s.meeting.teamId);
  const [title, setTitle] = useState('');
  const [kase, setKase] = useState('');
  const [questions, setQuestions] = useState('');
  return (
    <details>
      <summary>{t('theme.ownTitle')}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const qs = questions
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean)
            .slice(0, ETHICS_LIMITS.themeQuestions);
          create.mutate(
            { title: title.trim(), case: kase.trim(), questions: qs },
            {
              onSuccess: () => {
                setTitle('');
                setKase('');
                setQuestions('');
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('theme.title')}</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={ETHICS_LIMITS.themeTitle}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-case`}>{t('theme.caseField')}</label>
          <textarea
            id={`${id}-case`}
            rows={3}
            value={kase}
            maxLength={ETHICS_LIMITS.themeCase}
            onChange={(e) => setKase(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-questions`}>{t('theme.questionsField')}</label>
          <textarea id={`${id}-questions`} rows={3} value={questions} onChange={(e) => setQuestions(e.target.value)} />
        </div>
        <div>
          <button type="submit" className="secondary" disabled={!title.trim() || create.isPending}>
            {t('theme.add')}
          </button>
        </div>
        <ErrorAlert error={create.error} />
        <Status>{create.isSuccess ? t('theme.added') : null}</Status>
      </form>
    </details>
  );
}
