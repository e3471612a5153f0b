/** The daily-steering reducer cases: they change `MeetingSnapshot.steering` (and the check-in phase). */
import { type Reducers, upsertAllById } from '../live/apply.js';
import type { MeetingSnapshot } from '../live/model.js';
import type { SteeringEventType } from './events.js';
import type { SteeringSnapshot } from './meeting.js';

const withSteering = (s: MeetingSnapshot, f: (st: SteeringSnapshot) => SteeringSnapshot): MeetingSnapshot =>
  s.steering ? { ...s, steering: f(s.steering) } : s;

export const STEERING_REDUCERS: Reducers<SteeringEventType> = {
  'steering.checked-in': (s, e) => ({
    ...s,
    phases: s.phases.map((p) =>
      p.id === e.payload.phaseId && p.kind === 'steering-check-in'
        ? { ...p, state: { answers: { ...p.state.answers, [e.payload.userId]: e.payload.answer } } }
        : p,
    ),
  }),
  'steering.day-changed': (s, e) => ({ ...s, steering: e.payload.steering }),
  'plan.changed': (s, e) =>
    withSteering(s, (st) => ({ ...st, planItems: upsertAllById(st.planItems, e.payload.items) })),
  'plan.deleted': (s, e) =>
    withSteering(s, (st) => ({
      ...st,
      planItems: st.planItems
        .filter((i) => i.id !== e.payload.planItemId)
        .map((i) => ({
          ...i,
          carriedFromId: i.carriedFromId === e.payload.planItemId ? null : i.carriedFromId,
          carriedToId: i.carriedToId === e.payload.planItemId ? null : i.carriedToId,
        })),
    })),
  'absence.changed': (s, e) =>
    withSteering(s, (st) =>
      st.day !== e.payload.day
        ? st
        : {
            ...st,
            absences: e.payload.absent
              ? [...st.absences.filter((u) => u !== e.payload.userId), e.payload.userId]
              : st.absences.filter((u) => u !== e.payload.userId),
          },
    ),
  'risk.changed': (s, e) => withSteering(s, (st) => ({ ...st, risks: upsertAllById(st.risks, [e.payload.risk]) })),
  'escalation.changed': (s, e) =>
    withSteering(s, (st) => ({ ...st, escalations: upsertAllById(st.escalations, [e.payload.escalation]) })),
  'feedback.given': (s, e) =>
    withSteering(s, (st) => ({
      ...st,
      feedback: {
        shared: e.payload.shared ? upsertAllById(st.feedback.shared, [e.payload.shared]) : st.feedback.shared,
        received: e.payload.received,
        count: e.payload.count,
      },
    })),
};
