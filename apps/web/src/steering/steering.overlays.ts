/**
 * What a not-yet-confirmed daily-steering command looks like on screen: a tap on a person, a follow-up, an
 * absence or a check-in shows at once; the server's event replaces it (or the refusal rolls it back).
 */
import type { MeetingSnapshot, PlanItemDto, SteeringSnapshot } from '@tillit/protocol';
import type { Overlays } from '../meetings/live/optimistic';

const withSteering = (s: MeetingSnapshot, f: (st: SteeringSnapshot) => SteeringSnapshot): MeetingSnapshot =>
  s.steering ? { ...s, steering: f(s.steering) } : s;

const mapPlan = (s: MeetingSnapshot, id: string, f: (i: PlanItemDto) => PlanItemDto) =>
  withSteering(s, (st) => ({ ...st, planItems: st.planItems.map((i) => (i.id === id ? f(i) : i)) }));

export const STEERING_OVERLAYS: Overlays = {
  'plan.assign': (s, op) => {
    const { planItemId, add = [], remove = [] } = op.payload;
    return mapPlan(s, planItemId, (i) => ({
      ...i,
      assigneeIds: [...new Set([...i.assigneeIds.filter((u) => !remove.includes(u)), ...add])].sort(),
    }));
  },
  'plan.follow-up': (s, op) => {
    const p = op.payload;
    return mapPlan(s, p.planItemId, (i) => ({
      ...i,
      status: p.status,
      carryReason: p.status === 'carried' ? p.reason.trim() : null,
    }));
  },
  'absence.set': (s, op) => {
    const { userId, absent } = op.payload;
    return withSteering(s, (st) => ({
      ...st,
      absences: absent ? [...st.absences.filter((u) => u !== userId), userId] : st.absences.filter((u) => u !== userId),
    }));
  },
  'steering.checkin': (s, op, { me }) => {
    const answer =
      'skip' in op.payload
        ? { word: null, scale: null, at: op.at }
        : { word: op.payload.word?.trim() ?? null, scale: op.payload.scale ?? null, at: op.at };
    return {
      ...s,
      phases: s.phases.map((p) =>
        p.id === op.phaseId && p.kind === 'steering-check-in'
          ? { ...p, state: { answers: { ...p.state.answers, [me]: answer } } }
          : p,
      ),
    };
  },
};
