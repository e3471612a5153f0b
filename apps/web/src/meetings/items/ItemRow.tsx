import { formatDay, LIVE_LIMITS, type ItemDto } from '@tillit/protocol';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import { useRoom } from '../room';

export const formatDate = (date: string, locale: string): string => formatDay(date, locale);

/** One item: text, kind, author, owner and due date; edit and delete for its author and the facilitator. */
export function ItemRow({
  item,
  children,
  editable = true,
}: {
  item: ItemDto;
  children?: ReactNode;
  editable?: boolean;
}) {
  const { t } = useTranslation();
  const { view, me, isFacilitator, canInput, send, nameOf, layout, live } = useRoom();
  const [editing, setEditing] = useState(false);
  const id = useId();
  const locale = currentLocale();
  const pending = view.pendingItems.has(item.id);
  const unsent = view.unsentItems.has(item.id);
  const mayChange =
    editable &&
    layout !== 'wall' &&
    canInput &&
    !item.id.startsWith('pending:') &&
    (item.authorId === me || isFacilitator);

  return (
    <li className={`item${pending ? ' item--pending' : ''}`} data-item-id={item.id}>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
            if (text && text !== item.text) send({ type: 'item.edit', payload: { itemId: item.id, text } });
            setEditing(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('meeting.items.text')}</label>
            <input
              id={`${id}-text`}
              name="text"
              type="text"
              defaultValue={item.text}
              maxLength={LIVE_LIMITS.itemText}
              required
              autoFocus
            />
          </div>
          <button type="submit">{t('meeting.items.save')}</button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            {t('meeting.items.cancel')}
          </button>
        </form>
      ) : (
        <div className="item-body">
          <p className="item-text">{item.text}</p>
          <p className="item-meta">
            <span className="badge">{t(`itemKinds.${item.kind}`)}</span>{' '}
            <span className="muted">
              {t('meeting.by', { name: item.authorId === me ? t('meeting.you') : nameOf(item.authorId) })}
            </span>
            {item.ownerId && (
              <span className="muted"> · {t('meeting.items.owner', { name: nameOf(item.ownerId) })}</span>
            )}
            {item.dueDate && (
              <span className="muted"> · {t('meeting.items.due', { date: formatDate(item.dueDate, locale) })}</span>
            )}
            {item.status !== 'open' && <span className="muted"> · {t(`meeting.items.status.${item.status}`)}</span>}
            {unsent && (
              <span className="pending-label">
                {' '}
                · {live.status === 'connected' ? t('meeting.saving') : t('meeting.waiting')}
              </span>
            )}
          </p>
        </div>
      )}
      {children}
      {mayChange && !editing && (
        <div className="button-row item-actions">
          <button
            type="button"
            className="secondary small"
            aria-label={t('meeting.items.editNamed', { text: item.text })}
            onClick={() => setEditing(true)}
          >
            {t('meeting.items.edit')}
          </button>
          <button
            type="button"
            className="secondary small"
            aria-label={t('meeting.items.deleteNamed', { text: item.text })}
            onClick={() => send({ type: 'item.delete', payload: { itemId: item.id } })}
          >
            {t('meeting.items.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** "Anna and Bertil are typing…" for a target, from the volatile hints. */
export function TypingHint({ target }: { target: string }) {
  const { t } = useTranslation();
  const { live, nameOf } = useRoom();
  const names = [...live.typing.entries()].filter(([, tgt]) => tgt === target).map(([userId]) => nameOf(userId));
  return (
    <p className="typing-hint muted" aria-hidden={names.length === 0}>
      {names.length > 0 ? t('meeting.typing', { names: names.join(', ') }) : '\u00a0'}
    </p>
  );
}
