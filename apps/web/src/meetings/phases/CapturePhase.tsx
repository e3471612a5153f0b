import { LIVE_LIMITS, type ItemKind, type PhaseView } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../room';
import { ItemRow, TypingHint } from './ItemRow';

type CapturePhaseView = Extract<PhaseView, { kind: 'capture' }>;

/** Everyone adds items of the phase's kinds; the list is what this meeting captured. */
export function CapturePhase({ phase }: { phase: CapturePhaseView }) {
  const { t } = useTranslation();
  const { s, layout } = useRoom();
  const kinds = phase.settings.itemKinds;
  const items = s.items.filter((i) => i.originMeetingId === s.meeting.id && kinds.includes(i.kind) && i.parentId === null);
  const form = layout !== 'wall' ? <CaptureForm kinds={kinds} /> : null;

  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {layout === 'phone' && form}
      <h3 id={`list-${phase.id}`}>{t('meeting.capture.list')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('meeting.capture.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`list-${phase.id}`}>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <TypingHint target="item:new" />
      {layout === 'laptop' && form}
    </div>
  );
}

export function CaptureForm({ kinds }: { kinds: ItemKind[] }) {
  const { t } = useTranslation();
  const { send, canInput, client } = useRoom();
  const id = useId();
  const [kind, setKind] = useState<ItemKind>(kinds[0] ?? 'note');
  const [text, setText] = useState('');
  const chosen = kinds.includes(kind) ? kind : (kinds[0] ?? 'note');
  return (
    <form
      className="inline-form capture-form"
      onSubmit={(event) => {
        event.preventDefault();
        const value = text.trim();
        if (!value) return;
        send({ type: 'item.add', payload: { kind: chosen, text: value } });
        setText('');
      }}
    >
      {kinds.length > 1 && (
        <div className="field field--narrow">
          <label htmlFor={`${id}-kind`}>{t('meeting.capture.kind')}</label>
          <select id={`${id}-kind`} value={chosen} onChange={(e) => setKind(e.target.value as ItemKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`itemKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('meeting.capture.newItem')}</label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          maxLength={LIVE_LIMITS.itemText}
          autoComplete="off"
          disabled={!canInput}
          onChange={(e) => {
            setText(e.target.value);
            client?.typing('item:new');
          }}
        />
      </div>
      <button type="submit" disabled={!canInput || !text.trim()}>
        {t('meeting.capture.add')}
      </button>
    </form>
  );
}
