/** A daily-steering meeting's day, its shared state (MeetingSnapshot.steering) and its minutes. */
import { dayOf, STEERING_PHASE_KINDS, type PhaseKind, type SteeringMinutesDto, type SteeringSnapshot } from '@tillit/protocol';
import { type EntityManager, In } from 'typeorm';
import type { Meeting } from '../../meetings/meeting.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { feedbackRound } from '../feedback/feedback.js';
import { absencesOn, dayItems, meetingPlanItems, toPlanDtos } from '../plans/plans.js';
import { Escalation, Risk } from '../risks/risk.entity.js';
import { toEscalationDtos, toRiskDto } from '../risks/risks.js';
import { SteeringMeetingDay, SteeringSettings } from '../settings/steering-settings.entity.js';

const STEERING_KINDS = new Set<string>(STEERING_PHASE_KINDS);
export const isSteeringKind = (kind: PhaseKind) => STEERING_KINDS.has(kind);

/** Is this a daily-steering meeting (a forum of that kind, or any steering phase)? */
export async function isSteeringMeeting(m: EntityManager, meeting: Pick<Meeting, 'id'>): Promise<boolean> {
  const rows = (await m.query(`SELECT 1 FROM meeting_phases WHERE meeting_id = $1 AND kind = ANY($2) LIMIT 1`, [
    meeting.id,
    STEERING_PHASE_KINDS,
  ])) as unknown[];
  return rows.length > 0;
}

/** The day the meeting plans: set by its facilitator, else the day it was scheduled for or started. */
export async function meetingDay(m: EntityManager, meeting: Meeting): Promise<string> {
  const set = await m.findOneBy(SteeringMeetingDay, { meetingId: meeting.id });
  return set?.day ?? dayOf(meeting.scheduledFor ?? meeting.startedAt ?? meeting.createdAt);
}

export async function setMeetingDay(m: EntityManager, meetingId: string, day: string): Promise<void> {
  await m.upsert(SteeringMeetingDay, { meetingId, day }, ['meetingId']);
}

async function meetingRisks(m: EntityManager, teamId: string, meetingId: string): Promise<{ risks: Risk[]; escalations: Escalation[] }> {
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
export async function steeringSnapshot(m: EntityManager, meeting: Meeting, phases?: { kind: PhaseKind }[]): Promise<SteeringSnapshot | null> {
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

/** Frozen into the minutes when the meeting ends. Counts feedback; never copies its text. */
export async function steeringMinutes(m: EntityManager, meeting: Meeting): Promise<SteeringMinutesDto | null> {
  if (!(await isSteeringMeeting(m, meeting))) return null;
  const day = await meetingDay(m, meeting);
  const touched = await m.find(Risk, { where: { teamId: meeting.teamId, lastMeetingId: meeting.id }, order: { createdAt: 'ASC' } });
  const raised = await m.find(Risk, { where: { teamId: meeting.teamId, originMeetingId: meeting.id }, order: { createdAt: 'ASC' } });
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
