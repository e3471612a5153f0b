import { LIVE_LIMITS, type ItemDto, type MeetingSnapshot, type PhaseView } from '@tillit/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Status } from '../ui/Page';
import { useRoom } from '../meetings/room';
import { ActionItemForm } from '../meetings/items/ActionItemForm';
import { ItemRow, TypingHint } from '../meetings/items/ItemRow';

type DiscussionView = Extract<PhaseView, { kind: 'discussion' }>;

/** Votes from this meeting's revealed voting phases, to order what to discuss first. */
function revealedVotes(s: MeetingSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of s.phases) {
    if (p.kind !== 'voting' || !p.state.tallies) continue;
    for (const [itemId, n] of Object.entries(p.state.tallies)) out[itemId] = (out[itemId] ?? 0) + n;
  }
  return out;
}

/** One item at a time (the facilitator picks), with shared notes and actions (owner, due date). */
export function DiscussionPhase({ phase }: { phase: DiscussionView }) {
  const { t } = useTranslation('phases');
  const { s, isFacilitator, send, layout } = useRoom();
  const votes = revealedVotes(s);
  const focusId = phase.state.focusItemId;
  const candidates = s.items
    .filter(
      (i) =>
        phase.settings.itemKinds.includes(i.kind) && i.kind !== 'action' && (i.status === 'open' || i.id === focusId),
    )
    .sort((a, b) => (votes[b.id] ?? 0) - (votes[a.id] ?? 0));
  const focus = s.items.find((i) => i.id === focusId) ?? null;

  return (
    <div className="stack">
      {focus ? <FocusItem item={focus} /> : <p className="muted">{t('discussion.noFocus')}</p>}
      <h3 id={`discuss-${phase.id}`}>{t('discussion.list')}</h3>
      {candidates.length === 0 ? (
        <p className="muted">{t('discussion.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`discuss-${phase.id}`}>
          {candidates.map((item) => (
            <ItemRow key={item.id} item={item} editable={false}>
              <div className="vote-row">
                {votes[item.id] !== undefined && (
                  <p className="tally">{t('discussion.votes', { count: votes[item.id] ?? 0 })}</p>
                )}
                {item.id === focusId ? (
                  <p className="badge">{t('discussion.inFocus')}</p>
                ) : (
                  isFacilitator &&
                  layout !== 'wall' && (
                    <button
                      type="button"
                      className="secondary small"
                      disabled={item.id.startsWith('pending:')}
                      aria-label={t('discussion.focusNamed', { text: item.text })}
                      onClick={() => send({ type: 'discussion.focus', payload: { itemId: item.id } })}
                    >
                      {t('discussion.focus')}
                    </button>
                  )
                )}
              </div>
            </ItemRow>
          ))}
        </ul>
      )}
    </div>
  );
}

function FocusItem({ item }: { item: ItemDto }) {
  const { t } = useTranslation('phases');
  const { s, layout } = useRoom();
  const actions = s.items.filter((i) => i.kind === 'action' && i.parentId === item.id);
  return (
    <section className="focus card-inset" aria-labelledby={`focus-${item.id}`}>
      <p className="badge">{t('discussion.inFocus')}</p>
      <h3 id={`focus-${item.id}`} className="focus-title">
        {item.text}
      </h3>
      <Notes item={item} />
      <h4 id={`actions-${item.id}`}>{t('discussion.actions')}</h4>
      {actions.length === 0 ? (
        <p className="muted">{t('discussion.noActions')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`actions-${item.id}`}>
          {actions.map((a) => (
            <ItemRow key={a.id} item={a} />
          ))}
        </ul>
      )}
      {layout !== 'wall' && (
        <ActionItemForm
          parentId={item.id}
          labels={{
            text: t('discussion.actionText'),
            owner: t('discussion.owner'),
            noOwner: t('discussion.noOwner'),
            due: t('discussion.due'),
            submit: t('discussion.addAction'),
          }}
        />
      )}
    </section>
  );
}

/** Shared notes: anyone writes; saved with a button (or when leaving the field); others see them live. */
function Notes({ item }: { item: ItemDto }) {
  const { t } = useTranslation('phases');
  const { send, canInput, client, layout } = useRoom();
  const id = useId();
  const [draft, setDraft] = useState(item.notes);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  // Someone else saved: show theirs unless this person is in the middle of writing.
  useEffect(() => {
    if (!dirty) setDraft(item.notes);
  }, [item.notes, dirty]);
  const save = () => {
    if (!dirty) return;
    send({ type: 'item.edit', payload: { itemId: item.id, notes: draft } });
    setDirty(false);
    setSaved(true);
  };
  if (layout === 'wall' || !canInput) {
    return item.notes ? <p className="notes-text">{item.notes}</p> : null;
  }
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('discussion.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          value={draft}
          maxLength={LIVE_LIMITS.itemNotes}
          onChange={(e) => {
            setDraft(e.target.value);
            setDirty(true);
            setSaved(false);
            client?.typing(`notes:${item.id}`);
          }}
          onBlur={save}
        />
      </div>
      <TypingHint target={`notes:${item.id}`} />
      <div className="button-row">
        <button type="button" className="secondary" disabled={!dirty} onClick={save}>
          {t('discussion.saveNotes')}
        </button>
      </div>
      <Status>{saved ? t('discussion.notesSaved') : null}</Status>
    </div>
  );
}
