/** The KASAM dialogue through applyEvent: the anonymous count, the reveal, factor groups, actions and follow-up. */
import { applyKasamAnswered, type KasamAggregate } from '../src/index.js';
import { ANNA, BO, draft, item, phase, play, snapshot } from './factories.js';

const aggregate: KasamAggregate = {
  n: 5,
  k: 5,
  dimensions: {
    comprehensibility: { distribution: [0, 0, 1, 1, 2, 1, 0], median: 5 },
    manageability: { distribution: [0, 1, 2, 1, 1, 0, 0], median: 3 },
    meaningfulness: { distribution: [0, 0, 0, 1, 1, 2, 1], median: 6 },
  },
  texts: { helps: ['Colleagues'], hinders: ['Rota changes'], important: [] },
};

test('others only see how many answered; you see that you did; the reveal shows the aggregate', () => {
  const reflection = phase(
    'kasam-reflection',
    { k: 5 },
    { answered: 0, iAnswered: false, revealed: false, result: null },
  );
  const s = snapshot({ phases: [reflection] });
  const counted = play(
    s,
    draft('kasam.answered', { phaseId: reflection.id, answered: 1 }),
    draft('kasam.answered', { phaseId: reflection.id, answered: 2 }),
  );
  expect(counted.phases[0]?.state).toEqual({ answered: 2, iAnswered: false, revealed: false, result: null });
  expect(applyKasamAnswered(counted, reflection.id).phases[0]?.state).toMatchObject({ iAnswered: true });
  const revealed = play(counted, draft('kasam.revealed', { phaseId: reflection.id, result: aggregate }));
  expect(revealed.phases[0]?.state).toEqual({ answered: 2, iAnswered: false, revealed: true, result: aggregate });
});

test('success factors go into groups and out again', () => {
  const factors = phase('kasam-factors', { prompt: '' }, { groups: {} });
  const a = item({ kind: 'success-factor', authorId: null });
  const b = item({ kind: 'success-factor', authorId: null });
  const after = play(
    snapshot({ phases: [factors], items: [a, b] }),
    draft('kasam.factor.grouped', { phaseId: factors.id, itemId: a.id, group: 'Team' }),
    draft('kasam.factor.grouped', { phaseId: factors.id, itemId: b.id, group: 'Team' }),
    draft('kasam.factor.grouped', { phaseId: factors.id, itemId: a.id, group: null }),
  );
  expect(after.phases[0]?.state).toEqual({ groups: { [b.id]: 'Team' } });
});

test('actions are added as items, and earlier actions are followed up', () => {
  const actions = phase('kasam-actions', { maxActions: 3 }, { outcomes: {} });
  const earlier = item({ kind: 'action', ownerId: BO, text: 'Fixed rota for a month' });
  const added = item({ kind: 'action', ownerId: ANNA, text: 'Monthly check-in' });
  const entry = { outcome: 'done' as const, comment: null, by: ANNA, at: '2026-03-02T08:50:00.000Z' };
  const after = play(
    snapshot({ phases: [actions], items: [earlier] }),
    draft('kasam.action.added', { phaseId: actions.id, item: added }),
    draft('kasam.followed-up', {
      phaseId: actions.id,
      itemId: earlier.id,
      entry,
      item: { ...earlier, status: 'done' },
    }),
  );
  expect(after.items).toEqual([{ ...earlier, status: 'done' }, added]);
  expect(after.phases[0]?.state).toEqual({ outcomes: { [earlier.id]: entry } });
});
