import { ITEM_KINDS, LIVE_LIMITS, type PhaseView } from '@tillit/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Status } from '../ui/Page';
import { useRoom } from '../meetings/room';
import { ItemRow } from '../meetings/items/ItemRow';

type SummaryView = Extract<PhaseView, { kind: 'summary' }>;

/** The facilitator writes the summary; everyone sees what the meeting produced (it becomes the minutes). */
export function SummaryPhase({ phase }: { phase: SummaryView }) {
  const { t } = useTranslation('phases');
  const { s, isFacilitator, send, layout } = useRoom();
  const id = useId();
  const [draft, setDraft] = useState(phase.state.text);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft(phase.state.text);
  }, [phase.state.text, dirty]);
  const produced = s.items.filter((i) => i.originMeetingId === s.meeting.id);

  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {isFacilitator && layout !== 'wall' ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            send({ type: 'summary.edit', payload: { text: draft } });
            setDirty(false);
            setSaved(true);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-summary`}>{t('summary.text')}</label>
            <textarea
              id={`${id}-summary`}
              rows={6}
              value={draft}
              maxLength={LIVE_LIMITS.summaryText}
              onChange={(e) => {
                setDraft(e.target.value);
                setDirty(true);
                setSaved(false);
              }}
            />
          </div>
          <div>
            <button type="submit" disabled={!dirty}>
              {t('summary.save')}
            </button>
          </div>
          <Status>{saved ? t('summary.saved') : null}</Status>
        </form>
      ) : phase.state.text ? (
        <p className="notes-text">{phase.state.text}</p>
      ) : (
        <p className="muted">{t('summary.empty')}</p>
      )}
      <h3>{t('summary.produced')}</h3>
      {produced.length === 0 ? (
        <p className="muted">{t('summary.nothing')}</p>
      ) : (
        ITEM_KINDS.map((kind) => {
          const items = produced.filter((i) => i.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind}>
              <h4 id={`produced-${kind}`}>{t(`itemKinds.${kind}`, { ns: 'translation' })}</h4>
              <ul className="item-list" aria-labelledby={`produced-${kind}`}>
                {items.map((item) => (
                  <ItemRow key={item.id} item={item} editable={false} />
                ))}
              </ul>
            </div>
          );
        })
      )}
    </div>
  );
}
