import { describe, expect, it } from 'vitest';
import { ANNA, aSnapshot, anItem, anOp } from '../meetings/live/meeting.factory';
import { acknowledge } from '../meetings/live/outbox';
import { withPending } from '../meetings/live/optimistic';
import { PHASES_OVERLAYS } from './phases.overlays';

describe('the generic phases before the server confirms', () => {
  it('a vote shows at once in my votes and in how many I used; once acknowledged, my votes come from the server', () => {
    const item = anItem('item-1', 'Fler pauser');
    const confirmed = aSnapshot({ items: [item] });
    const vote = anOp('vote.cast', { itemId: item.id, delta: 1 });
    const phase = withPending(confirmed, [vote], ANNA, PHASES_OVERLAYS).s.phases[0];
    expect(phase?.kind === 'voting' && phase.state).toMatchObject({ mine: { [item.id]: 1 }, used: { [ANNA]: 1 } });

    const acked = withPending(confirmed, acknowledge([vote], vote.opId, 1, { mine: {} }), ANNA, PHASES_OVERLAYS).s
      .phases[0];
    expect(acked?.kind === 'voting' && acked.state).toMatchObject({ mine: {}, used: { [ANNA]: 1 } });
  });
});
