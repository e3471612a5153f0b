import { KASAM_LIMITS, type ItemDto, type PhaseView } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptureForm } from '../meetings/items/CaptureForm';
import { ItemRow } from '../meetings/items/ItemRow';
import { useRoom } from '../meetings/room';

type FactorsView = Extract<PhaseView, { kind: 'kasam-factors' }>;

/** Success factors (friskfaktorer): everyone adds them, and the group sorts them into groups it names. */
export function KasamFactorsPhase({ phase }: { phase: FactorsView }) {
  const { t } = useTranslation('kasam');
  const { s, layout } = useRoom();
  const groups = phase.state.groups;
  const factors = s.items.filter(
    (i) => i.kind === 'success-factor' && (i.status === 'open' || i.originMeetingId === s.meeting.id),
  );
  const current = factors.filter((i) => i.originMeetingId === s.meeting.id);
  const earlier = factors.filter((i) => i.originMeetingId !== s.meeting.id);
  const labels = [...new Set(Object.values(groups))].sort((a, b) => a.localeCompare(b));
  const byGroup = new Map<string, ItemDto[]>();
  for (const f of current) {
    const g = groups[f.id] ?? '';
    byGroup.set(g, [...(byGroup.get(g) ?? []), f]);
  }
  const listId = `factor-groups-${phase.id}`;
  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {layout !== 'wall' && <CaptureForm kinds={['success-factor']} />}
      <datalist id={listId}>
        {labels.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      {current.length === 0 && <p className="muted">{t('factors.none')}</p>}
      {[...byGroup.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([label, items]) => (
          <section key={label || '-'} className="factor-group" aria-label={label || t('factors.ungrouped')}>
            <h3>{label || t('factors.ungrouped')}</h3>
            <ul className="item-list">
              {items.map((item) => (
                <ItemRow key={item.id} item={item}>
                  {layout !== 'wall' && !item.id.startsWith('pending:') && (
                    <GroupField item={item} phaseId={phase.id} current={groups[item.id] ?? ''} listId={listId} />
                  )}
                </ItemRow>
              ))}
            </ul>
          </section>
        ))}
      {earlier.length > 0 && (
        <section aria-labelledby={`earlier-${phase.id}`}>
          <h3 id={`earlier-${phase.id}`}>{t('factors.earlier')}</h3>
          <ul className="item-list">
            {earlier.map((item) => (
              <ItemRow key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function GroupField({ item, current, listId }: { item: ItemDto; phaseId: string; current: string; listId: string }) {
  const { t } = useTranslation('kasam');
  const { send, canInput } = useRoom();
  const id = useId();
  const [value, setValue] = useState(current);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const group = value.trim() || null;
        send({ type: 'kasam.factor.group', payload: { itemId: item.id, group } });
      }}
    >
      <label htmlFor={`${id}-group`} className="visually-hidden">
        {t('factors.group', { text: item.text })}
      </label>
      <input
        id={`${id}-group`}
        list={listId}
        value={value}
        maxLength={KASAM_LIMITS.groupLabel}
        placeholder={t('factors.ungrouped')}
        disabled={!canInput}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="secondary small" disabled={!canInput || value.trim() === current}>
        {t('factors.setGroup')}
      </button>
    </form>
  );
}
