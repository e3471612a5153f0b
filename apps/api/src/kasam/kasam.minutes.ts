/** What a KASAM dialogue leaves in its minutes (MinutesDto.kasam). */
import type { KasamMinutesDto } from '@tillit/protocol';
import type { Item } from '../items/item.entity.js';
import { stateOf } from '../live/phase-state.js';
import type { MinutesPart } from '../live/ritual.js';
import type { Meeting, MeetingPhase } from '../meetings/meeting.entity.js';

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
      const s = stateOf(p, 'kasam-reflection');
      if (s.revealed && s.result && s.result.n >= s.result.k) {
        out.aggregates.push({ phaseId: p.id, n: s.result.n, k: s.result.k, dimensions: s.result.dimensions });
      }
    } else if (p.kind === 'kasam-factors') {
      for (const [itemId, label] of Object.entries(stateOf(p, 'kasam-factors').groups)) groups.set(itemId, label);
    } else if (p.kind === 'kasam-actions') {
      actionPhases.add(p.id);
    }
  }
  for (const i of items) {
    if (i.kind === 'success-factor' && (i.originMeetingId === meeting.id || groups.has(i.id))) {
      out.factors.push({ itemId: i.id, text: i.text, group: groups.get(i.id) ?? null });
    } else if (
      i.kind === 'action' &&
      i.originMeetingId === meeting.id &&
      i.originPhaseId &&
      actionPhases.has(i.originPhaseId)
    ) {
      out.actions.push({ itemId: i.id, text: i.text, ownerId: i.ownerId, dueDate: i.dueDate ?? null });
    }
  }
  return out;
}

/** Only in a KASAM dialogue's minutes: other meetings' minutes have no `kasam` field. */
export const kasamMinutesPart: MinutesPart = async (_m, meeting, phases, items) => {
  const kasam = kasamMinutes(meeting, phases, items);
  return kasam ? { kasam } : {};
};
