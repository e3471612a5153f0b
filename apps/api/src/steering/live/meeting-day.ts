/** Whether a meeting is a daily-steering one, and the day it plans. */
import { dayOf, STEERING_PHASE_KINDS, type PhaseKind } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { Meeting } from '../../meetings/meeting.entity.js';
import { SteeringMeetingDay } from '../settings/steering-settings.entity.js';

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
