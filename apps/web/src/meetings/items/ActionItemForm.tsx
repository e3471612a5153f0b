import { LIVE_LIMITS } from '@tillit/protocol';
import { ActionForm, type ActionFormLabels } from '../../ui/ActionForm';
import { useRoom } from '../room';

/** A new action under an item or an idea in the live meeting (`item.add`), owned by one of the team. */
export function ActionItemForm({ parentId, labels }: { parentId: string; labels: ActionFormLabels }) {
  const { s, send, canInput, announce } = useRoom();
  return (
    <ActionForm
      labels={labels}
      people={s.participants}
      maxLength={LIVE_LIMITS.itemText}
      canInput={canInput}
      announce={announce}
      onAdd={({ text, ownerId, dueDate }) =>
        send({ type: 'item.add', payload: { kind: 'action', text, parentId, ownerId, dueDate } })
      }
    />
  );
}
