/** What a daily-steering meeting leaves in its minutes (MinutesDto.steering). */
import type { SteeringMinutesDto } from '@tillit/protocol';
import { type EntityManager, In } from 'typeorm';
import type { Meeting } from '../../meetings/meeting.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { absencesOn, dayItems, toPlanDtos } from '../plans/plans.js';
import { Escalation, Risk } from '../risks/risk.entity.js';
import { toEscalationDtos, toRiskDto } from '../risks/risks.js';
import { isSteeringMeeting, meetingDay } from './meeting-day.js';

/** Frozen into the minutes when the meeting ends. Counts feedback; never copies its text. */
export async function steeringMinutes(m: EntityManager, meeting: Meeting): Promise<SteeringMinutesDto | null> {
  if (!(await isSteeringMeeting(m, meeting))) return null;
  const day = await meetingDay(m, meeting);
  const touched = await m.find(Risk, {
    where: { teamId: meeting.teamId, lastMeetingId: meeting.id },
    order: { createdAt: 'ASC' },
  });
  const raised = await m.find(Risk, {
    where: { teamId: meeting.teamId, originMeetingId: meeting.id },
    order: { createdAt: 'ASC' },
  });
  const raisedIds = new Set(raised.map((r) => r.id));
  const escalations = await m.find(Escalation, {
    where: [
      { teamId: meeting.teamId, lastMeetingId: meeting.id },
      ...(raised.length ? [{ teamId: meeting.teamId, riskId: In([...raisedIds]) }] : []),
    ],
    order: { createdAt: 'ASC' },
  });
  return {
    day,
    plan: await toPlanDtos(m, await dayItems(m, meeting.teamId, day)),
    absences: await absencesOn(m, meeting.teamId, day),
    risksRaised: raised.map(toRiskDto),
    risksUpdated: touched.filter((r) => !raisedIds.has(r.id)).map(toRiskDto),
    escalations: await toEscalationDtos(m, escalations),
    feedbackCount: await m.countBy(Feedback, { meetingId: meeting.id }),
  };
}
