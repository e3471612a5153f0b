import type { MeetingSnapshot, MinutesDto, ParticipantDto, PresenceEntry } from '@tillit/protocol';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import type { LiveRituals, RitualSnapshotField } from '../live/ritual.js';
import { Meeting, MeetingPhase } from './meeting.entity.js';
import { toMeetingDto, toPhaseView } from './meeting.dto.js';

/** The team's open items and every item this meeting made or changed, oldest first. */
export async function meetingItems(m: EntityManager, meeting: Pick<Meeting, 'id' | 'teamId'>): Promise<Item[]> {
  // Raw SQL: a join of a big board spent most of its CPU in TypeORM's hydration. Same fields as the entity.
  return (await m.query(
    `SELECT i.id, i.team_id AS "teamId", i.kind, i.text, i.status, i.author_id AS "authorId", i.owner_id AS "ownerId",
            i.due_date::text AS "dueDate", i.parent_id AS "parentId", i.notes, i.origin_meeting_id AS "originMeetingId",
            i.origin_phase_id AS "originPhaseId", i.last_meeting_id AS "lastMeetingId", i.created_at AS "createdAt",
            i.updated_at AS "updatedAt"
       FROM items i
      WHERE i.team_id = $1 AND (i.status = 'open' OR i.origin_meeting_id = $2 OR i.last_meeting_id = $2)
      ORDER BY i.created_at ASC, i.id ASC`,
    [meeting.teamId, meeting.id],
  )) as Item[];
}

export function loadPhases(m: EntityManager, meetingId: string): Promise<MeetingPhase[]> {
  return m.find(MeetingPhase, { where: { meetingId }, order: { position: 'ASC' } });
}

async function participants(m: EntityManager, meeting: Meeting): Promise<ParticipantDto[]> {
  // The team's members, then a facilitator from outside the team (an organisation admin), in one query.
  return (await m.query(
    `SELECT p."userId", p."displayName", p.role FROM (
       SELECT tm.user_id AS "userId", u.display_name AS "displayName", tm.role, 0 AS part, tm.created_at
         FROM team_members tm JOIN users u ON u.id = tm.user_id
        WHERE tm.team_id = $1
       UNION ALL
       SELECT u.id, u.display_name, NULL, 1, NULL
         FROM users u
        WHERE u.id = $2 AND NOT EXISTS (SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2)
     ) p
     ORDER BY p.part, p.created_at`,
    [meeting.teamId, meeting.facilitatorId],
  )) as ParticipantDto[];
}

/**
 * The meeting as `viewerId` sees it, every part (meeting row, phases, items) from the same moment as `lastSeq`:
 * a read-only REPEATABLE READ transaction, opened in one round trip (TypeORM's `transaction()` takes two, and a
 * join storm is made of round trips).
 */
export async function readSnapshot(
  rituals: LiveRituals,
  db: DataSource,
  meetingId: string,
  viewerId: string,
  presence: PresenceEntry[] = [],
): Promise<MeetingSnapshot> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await buildSnapshot(rituals, runner.manager, meetingId, viewerId, presence);
    await runner.query('COMMIT');
    return snapshot;
  } catch (err) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await runner.release();
  }
}

/** See `readSnapshot`; run inside a REPEATABLE READ transaction. */
export async function buildSnapshot(
  rituals: LiveRituals,
  m: EntityManager,
  meetingId: string,
  viewerId: string,
  presence: PresenceEntry[] = [],
): Promise<MeetingSnapshot> {
  // One query (`findOne` with a relation makes two: a DISTINCT id query, then the row).
  const meeting = await m
    .createQueryBuilder(Meeting, 'mt')
    .leftJoinAndSelect('mt.forum', 'forum')
    .where('mt.id = :meetingId', { meetingId })
    .getOne();
  if (!meeting) throw notFound();
  const [phases, items, people] = [
    await loadPhases(m, meetingId),
    await meetingItems(m, meeting),
    await participants(m, meeting),
  ];
  // Each ritual's field (steering, improvement …), read one after the other in this same transaction.
  const parts: Partial<Pick<MeetingSnapshot, RitualSnapshotField>> = {};
  for (const field of Object.keys(rituals.snapshot) as RitualSnapshotField[]) {
    Object.assign(parts, { [field]: await rituals.snapshot[field](m, meeting, phases, viewerId) });
  }
  return {
    meeting: toMeetingDto(meeting),
    phases: phases.map((p) => toPhaseView(rituals, p, viewerId)),
    items: items.map(toItemDto),
    timer: meeting.timer,
    hands: meeting.hands,
    ready: meeting.ready,
    participants: people,
    presence,
    minutes: (meeting.minutes as MinutesDto | null) ?? null,
    ...parts,
    lastSeq: meeting.lastSeq,
    serverNow: new Date().toISOString(),
  };
}
