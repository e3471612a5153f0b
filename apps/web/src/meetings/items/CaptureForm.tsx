import { LIVE_LIMITS, type ItemKind } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../room';

/** Add an item of one of `kinds` (the capture phase, and rituals that collect items the same way). */
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
          <label htmlFor={`${id}-kind`}>{t('meeting.itemForm.kind')}</label>
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
        <label htmlFor={`${id}-text`}>{t('meeting.itemForm.newItem')}</label>
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
        {t('meeting.itemForm.add')}
      </button>
    </form>
  );
}
