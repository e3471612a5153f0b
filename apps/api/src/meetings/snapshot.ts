import type { MeetingSnapshot, MinutesDto, ParticipantDto, PresenceEntry } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { Item } from '../items/item.entity.js';
import { steeringSnapshot } from '../steering/live/steering-meeting.js';
import { meetingImprovementState } from '../improvement/improvement.repository.js';
import { toItemDto } from '../items/item.dto.js';
import { TeamMember } from '../teams/team.entity.js';
import { User } from '../users/user.entity.js';
import { Meeting, MeetingPhase } from './meeting.entity.js';
import { toMeetingDto, toPhaseView } from './meeting.dto.js';

/** The team's open items and every item this meeting made or changed, oldest first. */
export function meetingItems(m: EntityManager, meeting: Pick<Meeting, 'id' | 'teamId'>): Promise<Item[]> {
  return m
    .createQueryBuilder(Item, 'i')
    .where('i.team_id = :teamId', { teamId: meeting.teamId })
    .andWhere("(i.status = 'open' OR i.origin_meeting_id = :id OR i.last_meeting_id = :id)", { id: meeting.id })
    .orderBy('i.created_at', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .getMany();
}

export function loadPhases(m: EntityManager, meetingId: string): Promise<MeetingPhase[]> {
  return m.find(MeetingPhase, { where: { meetingId }, order: { position: 'ASC' } });
}

async function participants(m: EntityManager, meeting: Meeting): Promise<ParticipantDto[]> {
  const members = await m.find(TeamMember, {
    where: { teamId: meeting.teamId },
    relations: { user: true },
    order: { createdAt: 'ASC' },
  });
  const out: ParticipantDto[] = members.map((tm) => ({ userId: tm.userId, displayName: tm.user!.displayName, role: tm.role }));
  if (meeting.facilitatorId && !out.some((p) => p.userId === meeting.facilitatorId)) {
    const u = await m.findOneBy(User, { id: meeting.facilitatorId });
    if (u) out.push({ userId: u.id, displayName: u.displayName, role: null });
  }
  return out;
}

/**
 * The meeting as `viewerId` sees it. Run it inside a REPEATABLE READ transaction so that every part
 * (meeting row, phases, items) is from the same moment as `lastSeq`.
 */
export async function buildSnapshot(
  m: EntityManager,
  meetingId: string,
  viewerId: string,
  presence: PresenceEntry[] = [],
): Promise<MeetingSnapshot> {
  const meeting = await m.findOne(Meeting, { where: { id: meetingId }, relations: { forum: true } });
  if (!meeting) throw notFound();
  const [phases, items, people] = [await loadPhases(m, meetingId), await meetingItems(m, meeting), await participants(m, meeting)];
  return {
    meeting: toMeetingDto(meeting),
    phases: phases.map((p) => toPhaseView(p, viewerId)),
    items: items.map(toItemDto),
    timer: meeting.timer,
    hands: meeting.hands,
    ready: meeting.ready,
    participants: people,
    presence,
    minutes: (meeting.minutes as MinutesDto | null) ?? null,
    steering: await steeringSnapshot(m, meeting),
    improvement: phases.some((p) => p.kind === 'pdsa') ? await meetingImprovementState(m, meeting) : null,
    lastSeq: meeting.lastSeq,
    serverNow: new Date().toISOString(),
  };
}
