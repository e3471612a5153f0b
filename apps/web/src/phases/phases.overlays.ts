/** What a not-yet-confirmed answer, review, vote, focus or summary of the generic phases looks like on screen. */
import type { MeetingSnapshot, PhaseView } from '@tillit/protocol';
import type { Overlays } from '../meetings/live/optimistic';

function mapPhase(s: MeetingSnapshot, phaseId: string | null, f: (p: PhaseView) => PhaseView): MeetingSnapshot {
  return { ...s, phases: s.phases.map((p) => (p.id === phaseId ? f(p) : p)) };
}

export const PHASES_OVERLAYS: Overlays = {
  'checkin.answer': (s, op, { me }) => {
    const answer = { text: 'text' in op.payload ? op.payload.text.trim() : null, at: op.at };
    return mapPhase(s, op.phaseId, (p) =>
      p.kind === 'check-in' ? { ...p, state: { ...p.state, answers: { ...p.state.answers, [me]: answer } } } : p,
    );
  },
  'review.update': (s, op, { me, markPending }) => {
    const { itemId, outcome, comment } = op.payload;
    markPending(itemId);
    const status = outcome === 'done' ? 'done' : outcome === 'closed' ? 'closed' : 'open';
    const next = mapPhase(s, op.phaseId, (p) =>
      p.kind === 'review'
        ? {
            ...p,
            state: {
              outcomes: { ...p.state.outcomes, [itemId]: { outcome, comment: comment ?? null, by: me, at: op.at } },
            },
          }
        : p,
    );
    return { ...next, items: next.items.map((i) => (i.id === itemId ? { ...i, status } : i)) };
  },
  'vote.cast': (s, op, { me }) => {
    const { itemId, delta } = op.payload;
    return mapPhase(s, op.phaseId, (p) => {
      if (p.kind !== 'voting') return p;
      // Once acknowledged, `mine` came from the server (applyMyVotes); only `used` waits for the event.
      const mine =
        op.ackedSeq === undefined
          ? { ...p.state.mine, [itemId]: Math.max(0, (p.state.mine[itemId] ?? 0) + delta) }
          : p.state.mine;
      const used = { ...p.state.used, [me]: Math.max(0, (p.state.used[me] ?? 0) + delta) };
      return { ...p, state: { ...p.state, mine, used } };
    });
  },
  'discussion.focus': (s, op) =>
    mapPhase(s, op.phaseId, (p) => (p.kind === 'discussion' ? { ...p, state: { focusItemId: op.payload.itemId } } : p)),
  'summary.edit': (s, op) =>
    mapPhase(s, op.phaseId, (p) => (p.kind === 'summary' ? { ...p, state: { text: op.payload.text } } : p)),
};
