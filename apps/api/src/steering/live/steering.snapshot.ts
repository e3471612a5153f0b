/** The steering part of a meeting's snapshot (MeetingSnapshot.steering): the same for every viewer. */
import type { PhaseKind, SteeringSnapshot } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { Meeting } from '../../meetings/meeting.entity.js';
import { feedbackRound } from '../feedback/feedback.js';
import { absencesOn, meetingPlanItems, toPlanDtos } from '../plans/plans.js';
import { Escalation, Risk } from '../risks/risk.entity.js';
import { toEscalationDtos, toRiskDto } from '../risks/risks.js';
import { SteeringSettings } from '../settings/steering-settings.entity.js';
import { isSteeringKind, isSteeringMeeting, meetingDay } from './meeting-day.js';

async function meetingRisks(
  m: EntityManager,
  teamId: string,
  meetingId: string,
): Promise<{ risks: Risk[]; escalations: Escalation[] }> {
  const risks = await m
    .createQueryBuilder(Risk, 'r')
    .where('r.team_id = :teamId', { teamId })
    .andWhere(`(r.status <> 'resolved' OR r.last_meeting_id = :meetingId)`, { meetingId })
    .orderBy('r.created_at', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
  const escalations = risks.length
    ? await m
        .createQueryBuilder(Escalation, 'e')
        .where('e.risk_id IN (:...ids)', { ids: risks.map((r) => r.id) })
        .andWhere(`(e.status = 'open' OR e.last_meeting_id = :meetingId)`, { meetingId })
        .orderBy('e.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany()
    : [];
  return { risks, escalations };
}

/** The steering part of a snapshot: the same for every viewer (no private feedback in it). */
export async function steeringSnapshot(
  m: EntityManager,
  meeting: Meeting,
  phases?: { kind: PhaseKind }[],
): Promise<SteeringSnapshot | null> {
  // The caller usually has the phases already: no query for the many meetings that are not daily steering.
  if (phases ? !phases.some((p) => isSteeringKind(p.kind)) : !(await isSteeringMeeting(m, meeting))) return null;
  const day = await meetingDay(m, meeting);
  const settings = await m.findOneBy(SteeringSettings, { teamId: meeting.teamId });
  const { risks, escalations } = await meetingRisks(m, meeting.teamId, meeting.id);
  return {
    day,
    planItems: await toPlanDtos(m, await meetingPlanItems(m, meeting.teamId, day, meeting.id)),
    absences: await absencesOn(m, meeting.teamId, day),
    risks: risks.map(toRiskDto),
    escalations: await toEscalationDtos(m, escalations),
    feedback: await feedbackRound(m, meeting.id),
    valueTags: settings?.valueTags ?? [],
    riskCategories: settings?.riskCategories ?? [],
  };
}
