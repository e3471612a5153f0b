/** The generic phase kinds through applyEvent: check-in, review, voting (votes released), discussion, summary. */
import { applyMyVotes, type PhaseKind, type PhaseStateMap, type PhaseView } from '../src/index.js';
import { ANNA, BO, CARL, draft, item, phase, play, snapshot } from './factories.js';

const stateOf = <K extends PhaseKind>(phases: PhaseView[], kind: K): PhaseStateMap[K] =>
  phases.find((p) => p.kind === kind)!.state as PhaseStateMap[K];

test('check-in: answers and passes by person, and the turn', () => {
  const checkIn = phase(
    'check-in',
    { prompt: 'How are you?', mode: 'in-turn', allowPass: true },
    { turnUserId: null, answers: {} },
  );
  const after = play(
    snapshot({ phases: [checkIn] }),
    draft('checkin.turn', { phaseId: checkIn.id, userId: BO }),
    draft('checkin.answered', {
      phaseId: checkIn.id,
      userId: BO,
      answer: { text: 'Tired but fine', at: '2026-03-02T08:31:00.000Z' },
    }),
    draft('checkin.turn', { phaseId: checkIn.id, userId: CARL }),
    draft('checkin.answered', {
      phaseId: checkIn.id,
      userId: CARL,
      answer: { text: null, at: '2026-03-02T08:32:00.000Z' },
    }),
  );
  expect(stateOf(after.phases, 'check-in')).toEqual({
    turnUserId: CARL,
    answers: {
      [BO]: { text: 'Tired but fine', at: '2026-03-02T08:31:00.000Z' },
      [CARL]: { text: null, at: '2026-03-02T08:32:00.000Z' },
    },
  });
});

test('an event for another phase kind changes nothing', () => {
  const summary = phase('summary', { prompt: '' }, { text: 'kept' });
  const s = snapshot({ phases: [summary] });
  const after = play(s, draft('checkin.turn', { phaseId: summary.id, userId: BO }));
  expect(after.phases).toEqual(s.phases);
});

describe('voting', () => {
  const gloves = item({ text: 'Gloves' });
  const rota = item({ text: 'Rota' });
  const voting = () =>
    phase(
      'voting',
      { itemKinds: ['note'], votesPerPerson: 3, maxPerItem: 3 },
      { revealed: false, used: {}, tallies: null, mine: {} },
    );

  test('others see how many votes each person used, then the tallies at the reveal', () => {
    const v = voting();
    const after = play(
      snapshot({ phases: [v], items: [gloves, rota] }),
      draft('vote.changed', { phaseId: v.id, userId: BO, used: 1 }),
      draft('vote.changed', { phaseId: v.id, userId: BO, used: 2 }),
      draft('vote.changed', { phaseId: v.id, userId: CARL, used: 1 }),
      draft('votes.revealed', { phaseId: v.id, tallies: { [gloves.id]: 2, [rota.id]: 1 } }),
    );
    expect(stateOf(after.phases, 'voting')).toEqual({
      revealed: true,
      used: { [BO]: 2, [CARL]: 1 },
      tallies: { [gloves.id]: 2, [rota.id]: 1 },
      mine: {},
    });
  });

  test('your own votes come with your ack, only for items still there', () => {
    const v = voting();
    const after = applyMyVotes(snapshot({ phases: [v], items: [gloves] }), v.id, { [gloves.id]: 2, [rota.id]: 1 });
    expect(stateOf(after.phases, 'voting').mine).toEqual({ [gloves.id]: 2 });
  });

  test('a deleted item gives its votes back and forgets its tally', () => {
    const v = {
      ...voting(),
      state: {
        revealed: true,
        used: { [BO]: 3 },
        tallies: { [gloves.id]: 2, [rota.id]: 1 },
        mine: { [gloves.id]: 2, [rota.id]: 1 },
      },
    };
    const after = play(
      snapshot({ phases: [v], items: [gloves, rota] }),
      draft('item.deleted', {
        itemId: gloves.id,
        votesReleased: [{ phaseId: v.id, itemIds: [gloves.id], used: { [BO]: 1 } }],
      }),
    );
    expect(after.items).toEqual([rota]);
    expect(stateOf(after.phases, 'voting')).toEqual({
      revealed: true,
      used: { [BO]: 1 },
      tallies: { [rota.id]: 1 },
      mine: { [rota.id]: 1 },
    });
  });

  test('an item closed before the reveal leaves the board and gives its votes back', () => {
    const v = { ...voting(), state: { revealed: false, used: { [BO]: 2 }, tallies: null, mine: { [rota.id]: 2 } } };
    const after = play(
      snapshot({ phases: [v], items: [gloves, rota] }),
      draft('item.updated', {
        item: { ...rota, status: 'closed' },
        votesReleased: [{ phaseId: v.id, itemIds: [rota.id], used: { [BO]: 0 } }],
      }),
    );
    expect(after.items.find((i) => i.id === rota.id)?.status).toBe('closed');
    expect(stateOf(after.phases, 'voting')).toEqual({ revealed: false, used: { [BO]: 0 }, tallies: null, mine: {} });
  });
});

test('review: the outcome per item, the item with its new status, and votes on it go back', () => {
  const gloves = item();
  const review = phase('review', { itemKinds: ['note'] }, { outcomes: {} });
  const v = phase(
    'voting',
    { itemKinds: ['note'], votesPerPerson: 3, maxPerItem: 3 },
    { revealed: false, used: { [BO]: 1 }, tallies: null, mine: {} },
    1,
  );
  const entry = { outcome: 'done' as const, comment: 'Supplier changed', by: ANNA, at: '2026-03-02T08:33:00.000Z' };
  const after = play(
    snapshot({ phases: [review, v], items: [gloves] }),
    draft('review.updated', {
      phaseId: review.id,
      itemId: gloves.id,
      entry,
      item: { ...gloves, status: 'done' },
      votesReleased: [{ phaseId: v.id, itemIds: [gloves.id], used: { [BO]: 0 } }],
    }),
  );
  expect(stateOf(after.phases, 'review').outcomes).toEqual({ [gloves.id]: entry });
  expect(after.items).toEqual([{ ...gloves, status: 'done' }]);
  expect(stateOf(after.phases, 'voting').used).toEqual({ [BO]: 0 });
});

test('discussion: the focus moves, and leaves an item that was deleted', () => {
  const gloves = item();
  const rota = item();
  const discussion = phase('discussion', { itemKinds: ['note'] }, { focusItemId: null });
  const s = snapshot({ phases: [discussion], items: [gloves, rota] });
  const focused = play(s, draft('discussion.focused', { phaseId: discussion.id, itemId: gloves.id }));
  expect(stateOf(focused.phases, 'discussion').focusItemId).toBe(gloves.id);
  const otherGone = play(focused, draft('item.deleted', { itemId: rota.id }));
  expect(stateOf(otherGone.phases, 'discussion').focusItemId).toBe(gloves.id);
  const focusGone = play(otherGone, draft('item.deleted', { itemId: gloves.id }));
  expect(stateOf(focusGone.phases, 'discussion').focusItemId).toBeNull();
});

test("summary: the facilitator's text replaces the last", () => {
  const summary = phase('summary', { prompt: '' }, { text: '' });
  const after = play(
    snapshot({ phases: [summary] }),
    draft('summary.edited', { phaseId: summary.id, text: 'Gloves' }),
    draft('summary.edited', { phaseId: summary.id, text: 'Gloves: Bo calls the supplier.' }),
  );
  expect(stateOf(after.phases, 'summary').text).toBe('Gloves: Bo calls the supplier.');
});
