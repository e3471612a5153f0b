import type { PhaseView } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../meetings/room';
import { ItemRow, TypingHint } from '../meetings/items/ItemRow';
import { CaptureForm } from '../meetings/items/CaptureForm';

type CapturePhaseView = Extract<PhaseView, { kind: 'capture' }>;

/** Everyone adds items of the phase's kinds; the list is what this meeting captured. */
export function CapturePhase({ phase }: { phase: CapturePhaseView }) {
  const { t } = useTranslation('phases');
  const { s, layout } = useRoom();
  const kinds = phase.settings.itemKinds;
  const items = s.items.filter(
    (i) => i.originMeetingId === s.meeting.id && kinds.includes(i.kind) && i.parentId === null,
  );
  const form = layout !== 'wall' ? <CaptureForm kinds={kinds} /> : null;

  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {layout === 'phone' && form}
      <h3 id={`list-${phase.id}`}>{t('capture.list')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('capture.none')}</p>
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
