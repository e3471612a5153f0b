import { KASAM_DIMENSIONS, KASAM_LIMITS, type ItemDto, type PhaseView } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemRow } from '../meetings/items/ItemRow';
import { useRoom } from '../meetings/room';
import { ActionForm } from '../ui/ActionForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useKasamFollowUp } from './kasam.api';

type ActionsView = Extract<PhaseView, { kind: 'kasam-actions' }>;
const OUTCOMES = [
  ['done', 'done'],
  ['carry-over', 'carryOver'],
  ['closed', 'closed'],
] as const;

/** Last time's actions followed up, then one to three new actions with owners. */
export function KasamActionsPhase({ phase }: { phase: ActionsView }) {
  const { t } = useTranslation('kasam');
  const { s, layout, nameOf } = useRoom();
  const followUp = useKasamFollowUp(s.meeting.id);
  const mine = s.items.filter((i) => i.kind === 'action' && i.originPhaseId === phase.id);
  const max = phase.settings.maxActions;
  // Live state wins over the REST list (statuses change in this meeting).
  const previous = (followUp.data?.actions ?? []).map((a) => s.items.find((i) => i.id === a.id) ?? a);

  return (
    <div className="stack">
      <section aria-labelledby={`followup-${phase.id}`} className="stack">
        <h3 id={`followup-${phase.id}`}>{t('actions.followUp')}</h3>
        <ErrorAlert error={followUp.error} />
        {followUp.data?.previous && (
          <p className="muted">
            {t('actions.previous', { date: followUp.data.previous.heldOn })}:{' '}
            {KASAM_DIMENSIONS.map(
              (d) => `${t(`dimensions.${d}`)} ${followUp.data!.previous!.dimensions[d].median}`,
            ).join(' · ')}
          </p>
        )}
        {followUp.data && previous.length === 0 && <p className="muted">{t('actions.noFollowUp')}</p>}
        {previous.length > 0 && (
          <ul className="item-list">
            {previous.map((item) => (
              <ItemRow key={item.id} item={item} editable={false}>
                <FollowUpControls item={item} phase={phase} />
              </ItemRow>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`new-${phase.id}`} className="stack">
        <h3 id={`new-${phase.id}`}>{t('actions.new', { max })}</h3>
        {mine.length === 0 ? (
          <p className="muted">{t('actions.none')}</p>
        ) : (
          <ul className="item-list">
            {mine.map((item) => (
              <ItemRow key={item.id} item={item}>
                <p className="item-meta">
                  {t('actions.owner', { name: nameOf(item.ownerId) })}
                  {item.dueDate && <> · {t('actions.due', { date: item.dueDate })}</>}
                </p>
              </ItemRow>
            ))}
          </ul>
        )}
        {layout !== 'wall' &&
          (mine.length < max ? <NewActionForm /> : <p className="notice">{t('actions.full', { max })}</p>)}
      </section>
    </div>
  );
}

function FollowUpControls({ item, phase }: { item: ItemDto; phase: ActionsView }) {
  const { t } = useTranslation('kasam');
  const { send, canInput, layout } = useRoom();
  const entry = phase.state.outcomes[item.id];
  return (
    <div className="stack">
      {entry && (
        <p className="review-outcome">
          {t('actions.outcome', { outcome: t(`actions.${OUTCOMES.find(([o]) => o === entry.outcome)![1]}`) })}
        </p>
      )}
      {layout !== 'wall' && (
        <div className="button-row" role="group" aria-label={item.text}>
          {OUTCOMES.map(([outcome, key]) => (
            <button
              key={outcome}
              type="button"
              className={entry?.outcome === outcome ? 'small' : 'secondary small'}
              aria-pressed={entry?.outcome === outcome}
              disabled={!canInput}
              onClick={() => send({ type: 'kasam.followup', payload: { itemId: item.id, outcome } })}
            >
              {t(`actions.${key}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function NewActionForm() {
  const { t } = useTranslation('kasam');
  const { s, me, send, canInput, announce } = useRoom();
  const id = useId();
  const [factorId, setFactorId] = useState('');
  const factors = s.items.filter(
    (i) => i.kind === 'success-factor' && i.status === 'open' && !i.id.startsWith('pending:'),
  );
  return (
    <ActionForm
      labels={{
        text: t('actions.text'),
        owner: t('actions.ownerField'),
        due: t('actions.dueField'),
        submit: t('actions.add'),
      }}
      people={s.participants}
      maxLength={KASAM_LIMITS.actionText}
      canInput={canInput}
      announce={announce}
      defaultOwnerId={me}
      keepOwner
      onAdd={({ text, ownerId, dueDate }) =>
        send({
          type: 'kasam.action.add',
          payload: { text, ownerId: ownerId ?? me, dueDate, factorId: factorId || null },
        })
      }
    >
      {factors.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-factor`}>{t('actions.factorField')}</label>
          <select id={`${id}-factor`} value={factorId} onChange={(e) => setFactorId(e.target.value)}>
            <option value="">{t('actions.noFactor')}</option>
            {factors.map((f) => (
              <option key={f.id} value={f.id}>
                {f.text}
              </option>
            ))}
          </select>
        </div>
      )}
    </ActionForm>
  );
}
