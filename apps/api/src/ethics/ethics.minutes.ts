/** What an ethics forum leaves in its minutes (MinutesDto.ethics). */
import type { EthicsMinutesDto } from '@tillit/protocol';
import { stateOf } from '../live/phase-state.js';
import type { MinutesPart } from '../live/ritual.js';
import type { MeetingPhase } from '../meetings/meeting.entity.js';

/**
 * The theme and the groups' SHARED summaries. Confidential notes live in `breakout_notes` only and are never
 * read here (the stored breakout state holds just their revision, which is left out as well).
 */
function ethicsMinutes(phases: MeetingPhase[]): EthicsMinutesDto | null {
  if (!phases.some((p) => p.kind === 'ethics-theme' || p.kind === 'breakout')) return null;
  const out: EthicsMinutesDto = { themes: [], groups: [] };
  for (const p of phases) {
    if (p.kind === 'ethics-theme') {
      const t = stateOf(p, 'ethics-theme').theme;
      if (t) {
        out.themes.push({
          phaseId: p.id,
          theme:
            t.source === 'builtin' ? { source: 'builtin', key: t.key } : { source: 'team', id: t.id, title: t.title },
        });
      }
    } else if (p.kind === 'breakout') {
      const s = stateOf(p, 'breakout');
      s.groups.forEach((g, group) => {
        if (g.summary.trim()) out.groups.push({ phaseId: p.id, group, summary: g.summary });
      });
    }
  }
  return out;
}

/** Only in an ethics forum's minutes: other meetings' minutes have no `ethics` field. */
export const ethicsMinutesPart: MinutesPart = async (_m, _meeting, phases) => {
  const ethics = ethicsMinutes(phases);
  return ethics ? { ethics } : {};
};
