import type { PhaseView } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../meetings/room';
import { ItemRow } from '../meetings/items/ItemRow';

type VotingView = Extract<PhaseView, { kind: 'voting' }>;

/** Dot voting with buttons: votes stay hidden (only how many each person used) until revealed. */
export function VotingPhase({ phase }: { phase: VotingView }) {
  const { t } = useTranslation('phases');
  const { s, me, canInput, isFacilitator, send, nameOf, layout } = useRoom();
  const { votesPerPerson, maxPerItem, itemKinds } = phase.settings;
  const { revealed, tallies, mine, used } = phase.state;
  const myUsed = used[me] ?? 0;
  const left = Math.max(0, votesPerPerson - myUsed);
  let items = s.items.filter((i) => itemKinds.includes(i.kind) && (i.status === 'open' || (tallies?.[i.id] ?? 0) > 0));
  if (revealed && tallies) items = [...items].sort((a, b) => (tallies[b.id] ?? 0) - (tallies[a.id] ?? 0));
  const voting = layout !== 'wall' && !revealed;

  return (
    <div className="stack">
      {!revealed && <p>{t('voting.hidden')}</p>}
      {voting && <p className="votes-left">{t('voting.left', { left, total: votesPerPerson })}</p>}
      {isFacilitator && !revealed && layout !== 'wall' && (
        <p>
          <button type="button" onClick={() => send({ type: 'vote.reveal', payload: {} })}>
            {t('voting.reveal')}
          </button>
        </p>
      )}
      <h3 id={`vote-${phase.id}`}>{t('voting.list')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('voting.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`vote-${phase.id}`}>
          {items.map((item) => {
            const myVotes = mine[item.id] ?? 0;
            return (
              <ItemRow key={item.id} item={item} editable={false}>
                <div className="vote-row">
                  {revealed && tallies && (
                    <p className="tally">{t('voting.total', { count: tallies[item.id] ?? 0 })}</p>
                  )}
                  {!revealed && <p className="my-votes">{t('voting.mine', { count: myVotes })}</p>}
                  {voting && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="small"
                        disabled={!canInput || left === 0 || myVotes >= maxPerItem || item.id.startsWith('pending:')}
                        aria-label={`+1 ${t('voting.vote', { text: item.text })}`}
                        onClick={() => send({ type: 'vote.cast', payload: { itemId: item.id, delta: 1 } })}
                      >
                        +1 {t('voting.voteShort')}
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        disabled={!canInput || myVotes === 0}
                        aria-label={`−1 ${t('voting.unvote', { text: item.text })}`}
                        onClick={() => send({ type: 'vote.cast', payload: { itemId: item.id, delta: -1 } })}
                      >
                        −1 {t('voting.unvoteShort')}
                      </button>
                    </div>
                  )}
                </div>
              </ItemRow>
            );
          })}
        </ul>
      )}
      <h3 id={`used-${phase.id}`}>{t('voting.used')}</h3>
      <ul className="plain-list" aria-labelledby={`used-${phase.id}`}>
        {s.participants.map((p) => (
          <li key={p.userId}>
            {t('voting.usedBy', { name: nameOf(p.userId), used: used[p.userId] ?? 0, total: votesPerPerson })}
          </li>
        ))}
      </ul>
    </div>
  );
}
