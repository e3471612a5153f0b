/** What the generic phases add to the minutes: the summary, review outcomes, revealed votes, who checked in. */
import type { MinutesDto, ReviewEntry } from '@tillit/protocol';
import { stateOf } from '../live/phase-state.js';
import type { MinutesPart } from '../live/ritual.js';
import { tallies } from './voting.js';

export const phasesMinutes: MinutesPart = async (_m, _meeting, phases, items) => {
  const byId = new Map(items.map((i) => [i.id, i]));
  const minutes: Pick<MinutesDto, 'summary' | 'reviewed' | 'votes' | 'checkIns'> = {
    summary: '',
    reviewed: [],
    votes: [],
    checkIns: [],
  };
  for (const p of phases) {
    if (p.kind === 'summary') {
      const s = stateOf(p, 'summary');
      if (s.text) minutes.summary = minutes.summary ? `${minutes.summary}\n\n${s.text}` : s.text;
    } else if (p.kind === 'review') {
      const s = stateOf(p, 'review');
      for (const [itemId, e] of Object.entries(s.outcomes) as [string, ReviewEntry][]) {
        minutes.reviewed.push({ itemId, text: byId.get(itemId)?.text ?? '', outcome: e.outcome, comment: e.comment });
      }
    } else if (p.kind === 'voting') {
      const s = stateOf(p, 'voting');
      if (s.revealed) minutes.votes.push({ phaseId: p.id, title: p.title, tallies: tallies(s.votes) });
    } else if (p.kind === 'check-in') {
      const s = stateOf(p, 'check-in');
      const entries = Object.entries(s.answers);
      minutes.checkIns.push({
        phaseId: p.id,
        answered: entries.filter(([, a]) => a.text !== null).map(([u]) => u),
        passed: entries.filter(([, a]) => a.text === null).map(([u]) => u),
      });
    }
  }
  return minutes;
};
