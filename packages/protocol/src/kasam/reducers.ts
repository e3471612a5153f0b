/** The KASAM dialogue's reducer cases. */
import { type Reducers, updatePhase, upsertItem } from '../live/apply.js';
import type { MeetingSnapshot } from '../live/model.js';
import type { KasamEventType } from './events.js';

export const KASAM_REDUCERS: Reducers<KasamEventType> = {
  'kasam.answered': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-reflection', (p) => ({
      ...p,
      state: { ...p.state, answered: e.payload.answered },
    })),
  'kasam.revealed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-reflection', (p) => ({
      ...p,
      state: { ...p.state, revealed: true, result: e.payload.result },
    })),
  'kasam.factor.grouped': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'kasam-factors', (p) => {
      const groups = { ...p.state.groups };
      if (e.payload.group === null) delete groups[e.payload.itemId];
      else groups[e.payload.itemId] = e.payload.group;
      return { ...p, state: { groups } };
    }),
  'kasam.action.added': (s, e) => ({ ...s, items: upsertItem(s.items, e.payload.item) }),
  'kasam.followed-up': (s, e) => ({
    ...updatePhase(s, e.payload.phaseId, 'kasam-actions', (p) => ({
      ...p,
      state: { outcomes: { ...p.state.outcomes, [e.payload.itemId]: e.payload.entry } },
    })),
    items: upsertItem(s.items, e.payload.item),
  }),
};

/** After your own `kasam.answer` was acknowledged: you have answered (others only ever see the count). */
export function applyKasamAnswered(s: MeetingSnapshot, phaseId: string): MeetingSnapshot {
  return updatePhase(s, phaseId, 'kasam-reflection', (p) => ({ ...p, state: { ...p.state, iAnswered: true } }));
}
