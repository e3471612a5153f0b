/** The ethics forum's reducer cases (the theme phase and breakout groups). */
import { type Reducers, updatePhase } from '../live/apply.js';
import type { EthicsEventType } from './events.js';

export const ETHICS_REDUCERS: Reducers<EthicsEventType> = {
  'ethics.theme.chosen': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'ethics-theme', (p) => ({ ...p, state: { theme: e.payload.theme } })),
  'breakout.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({ ...p, state: e.payload.state })),
  'breakout.summary.edited': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: {
        ...p.state,
        groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, summary: e.payload.text } : g)),
      },
    })),
  'breakout.timer.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: {
        ...p.state,
        groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, timer: e.payload.timer } : g)),
      },
    })),
  'breakout.notes.changed': (s, e) =>
    updatePhase(s, e.payload.phaseId, 'breakout', (p) => ({
      ...p,
      state: {
        ...p.state,
        groups: p.state.groups.map((g, i) => (i === e.payload.group ? { ...g, notesRev: e.payload.rev } : g)),
      },
    })),
};
