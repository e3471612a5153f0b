import type { MeetingDto, MinutesDto, PhaseView, ReviewEntry } from '@tillit/protocol';
import type { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import { type StoredPhaseState, tallies, viewPhaseState } from '../live/phases/phase-kinds.js';
import type { Meeting, MeetingPhase } from './meeting.entity.js';

export const toMeetingDto = (m: Meeting): MeetingDto => ({
  id: m.id,
  teamId: m.teamId,
  forumId: m.forumId,
  forumKind: m.forum?.kind ?? null,
  title: m.title,
  state: m.state,
  facilitatorId: m.facilitatorId,
  currentPhaseIndex: m.currentPhaseIndex,
  inputLocked: m.inputLocked,
  scheduledFor: m.scheduledFor?.toISOString() ?? null,
  startedAt: m.startedAt?.toISOString() ?? null,
  endedAt: m.endedAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

export const toPhaseView = (p: MeetingPhase, viewerId: string): PhaseView =>
  ({
    id: p.id,
    index: p.position,
    kind: p.kind,
    title: p.title,
    timeboxSeconds: p.timeboxSeconds,
    settings: p.settings,
    state: viewPhaseState(p.kind, p.state, viewerId),
  }) as PhaseView;

/** The minutes: what the meeting produced, frozen when it ends. */
export function buildMinutes(meeting: Meeting, phases: MeetingPhase[], items: Item[]): MinutesDto {
  const byId = new Map(items.map((i) => [i.id, i]));
  const minutes: MinutesDto = { summary: '', created: [], actions: [], reviewed: [], votes: [], checkIns: [] };
  for (const i of items) {
    if (i.originMeetingId !== meeting.id) continue;
    if (i.kind === 'action') minutes.actions.push(toItemDto(i));
    else minutes.created.push(toItemDto(i));
  }
  for (const p of phases) {
    if (p.kind === 'summary') {
      const s = p.state as StoredPhaseState['summary'];
      if (s.text) minutes.summary = minutes.summary ? `${minutes.summary}\n\n${s.text}` : s.text;
    } else if (p.kind === 'review') {
      const s = p.state as StoredPhaseState['review'];
      for (const [itemId, e] of Object.entries(s.outcomes) as [string, ReviewEntry][]) {
        minutes.reviewed.push({ itemId, text: byId.get(itemId)?.text ?? '', outcome: e.outcome, comment: e.comment });
      }
    } else if (p.kind === 'voting') {
      const s = p.state as StoredPhaseState['voting'];
      if (s.revealed) minutes.votes.push({ phaseId: p.id, title: p.title, tallies: tallies(s.votes) });
    } else if (p.kind === 'check-in') {
      const s = p.state as StoredPhaseState['check-in'];
      const entries = Object.entries(s.answers);
      minutes.checkIns.push({
        phaseId: p.id,
        answered: entries.filter(([, a]) => a.text !== null).map(([u]) => u),
        passed: entries.filter(([, a]) => a.text === null).map(([u]) => u),
      });
    }
  }
  return minutes;
}
