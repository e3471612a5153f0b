import type { EthicsMinutesDto, KasamMinutesDto, MeetingDto, MinutesDto, PhaseView, ReviewEntry } from '@tillit/protocol';
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
  minutes.ethics = ethicsMinutes(phases);
  minutes.kasam = kasamMinutes(meeting, phases, items);
  if (!minutes.ethics) delete minutes.ethics;
  if (!minutes.kasam) delete minutes.kasam;
  return minutes;
}

/**
 * The theme and the groups' SHARED summaries. Confidential notes live in `breakout_notes` only and are never
 * read here (the stored breakout state holds just their revision, which is left out as well).
 */
function ethicsMinutes(phases: MeetingPhase[]): EthicsMinutesDto | null {
  if (!phases.some((p) => p.kind === 'ethics-theme' || p.kind === 'breakout')) return null;
  const out: EthicsMinutesDto = { themes: [], groups: [] };
  for (const p of phases) {
    if (p.kind === 'ethics-theme') {
      const t = (p.state as unknown as StoredPhaseState['ethics-theme']).theme;
      if (t) {
        out.themes.push({
          phaseId: p.id,
          theme: t.source === 'builtin' ? { source: 'builtin', key: t.key } : { source: 'team', id: t.id, title: t.title },
        });
      }
    } else if (p.kind === 'breakout') {
      const s = p.state as unknown as StoredPhaseState['breakout'];
      s.groups.forEach((g, group) => {
        if (g.summary.trim()) out.groups.push({ phaseId: p.id, group, summary: g.summary });
      });
    }
  }
  return out;
}

/**
 * Only revealed aggregates (k was met) and of them only n, k and median + distribution per dimension; factors
 * without their authors; actions with their owners. Nothing ties an answer to a person.
 */
function kasamMinutes(meeting: Meeting, phases: MeetingPhase[], items: Item[]): KasamMinutesDto | null {
  const kinds = new Set(['kasam-reflection', 'kasam-factors', 'kasam-actions']);
  if (!phases.some((p) => kinds.has(p.kind))) return null;
  const out: KasamMinutesDto = { aggregates: [], factors: [], actions: [] };
  const groups = new Map<string, string>();
  const actionPhases = new Set<string>();
  for (const p of phases) {
    if (p.kind === 'kasam-reflection') {
      const s = p.state as StoredPhaseState['kasam-reflection'];
      if (s.revealed && s.result && s.result.n >= s.result.k) {
        out.aggregates.push({ phaseId: p.id, n: s.result.n, k: s.result.k, dimensions: s.result.dimensions });
      }
    } else if (p.kind === 'kasam-factors') {
      for (const [itemId, label] of Object.entries((p.state as unknown as StoredPhaseState['kasam-factors']).groups)) groups.set(itemId, label);
    } else if (p.kind === 'kasam-actions') {
      actionPhases.add(p.id);
    }
  }
  for (const i of items) {
    if (i.kind === 'success-factor' && (i.originMeetingId === meeting.id || groups.has(i.id))) {
      out.factors.push({ itemId: i.id, text: i.text, group: groups.get(i.id) ?? null });
    } else if (i.kind === 'action' && i.originMeetingId === meeting.id && i.originPhaseId && actionPhases.has(i.originPhaseId)) {
      out.actions.push({ itemId: i.id, text: i.text, ownerId: i.ownerId, dueDate: i.dueDate ?? null });
    }
  }
  return out;
}
