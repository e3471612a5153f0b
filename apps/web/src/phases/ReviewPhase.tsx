import { LIVE_LIMITS, REVIEW_OUTCOMES, type ItemDto, type PhaseView, type ReviewOutcome } from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../meetings/room';
import { ItemRow } from '../meetings/items/ItemRow';

type ReviewView = Extract<PhaseView, { kind: 'review' }>;
const BUTTON: Record<ReviewOutcome, 'done' | 'carryOver' | 'close'> = {
  done: 'done',
  'carry-over': 'carryOver',
  closed: 'close',
};

/** Walk through the team's open items from earlier meetings: done, carry over or close, with a comment. */
export function ReviewPhase({ phase }: { phase: ReviewView }) {
  const { t } = useTranslation('phases');
  const { s } = useRoom();
  const kinds = phase.settings.itemKinds;
  const outcomes = phase.state.outcomes;
  const items = s.items.filter(
    (i) => kinds.includes(i.kind) && i.originMeetingId !== s.meeting.id && (i.status === 'open' || outcomes[i.id]),
  );
  return (
    <div className="stack">
      <h3 id={`review-${phase.id}`}>{t('review.list')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`review-${phase.id}`}>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} editable={false}>
              <ReviewControls item={item} phase={phase} />
            </ItemRow>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReviewControls({ item, phase }: { item: ItemDto; phase: ReviewView }) {
  const { t } = useTranslation('phases');
  const { canInput, send, layout, nameOf } = useRoom();
  const id = useId();
  const entry = phase.state.outcomes[item.id];
  const [comment, setComment] = useState(entry?.comment ?? '');
  if (layout === 'wall' || !canInput) {
    return entry ? (
      <p className="review-outcome">
        {t(`review.outcome.${entry.outcome}`)} ({nameOf(entry.by)}){entry.comment ? `: ${entry.comment}` : ''}
      </p>
    ) : null;
  }
  return (
    <div className="review-controls">
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('review.comment', { text: item.text })}</label>
        <input
          id={`${id}-comment`}
          type="text"
          value={comment}
          maxLength={LIVE_LIMITS.reviewComment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="button-row" role="group" aria-label={item.text}>
        {REVIEW_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={entry?.outcome === outcome ? 'small' : 'secondary small'}
            aria-pressed={entry?.outcome === outcome}
            aria-label={t('review.outcomeFor', { outcome: t(`review.${BUTTON[outcome]}`), text: item.text })}
            onClick={() =>
              send({
                type: 'review.update',
                payload: { itemId: item.id, outcome, ...(comment.trim() ? { comment: comment.trim() } : {}) },
              })
            }
          >
            {t(`review.${BUTTON[outcome]}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
