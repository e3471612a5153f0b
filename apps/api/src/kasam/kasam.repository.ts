import { RepositoryBase } from '../common/repository.js';
import { Forum } from '../forums/forum.entity.js';
import { Item } from '../items/item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { KasamResult } from './kasam.entities.js';

export class KasamRepository extends RepositoryBase {
  forumInTeam(teamId: string, forumId: string): Promise<boolean> {
    return this.m.existsBy(Forum, { id: forumId, teamId });
  }

  meeting(id: string): Promise<Meeting | null> {
    return this.m.findOneBy(Meeting, { id });
  }

  /** The team's results (of one forum, when given), oldest first. */
  results(teamId: string, forumId: string | undefined, limit: number): Promise<KasamResult[]> {
    return this.m.find(KasamResult, {
      where: { teamId, ...(forumId ? { forumId } : {}) },
      order: { heldOn: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Actions agreed in the KASAM dialogues of the meeting's forum (of the whole team, when it has none),
   * other than this meeting's, still open or touched in this meeting; oldest first.
   */
  actionsToFollowUp(meeting: Meeting): Promise<Item[]> {
    return this.m
      .createQueryBuilder(Item, 'i')
      .innerJoin('meeting_phases', 'p', 'p.id = i.origin_phase_id')
      .innerJoin('meetings', 'mt', 'mt.id = p.meeting_id')
      .where('i.team_id = :teamId', { teamId: meeting.teamId })
      .andWhere(`i.kind = 'action' AND p.kind = 'kasam-actions' AND mt.id <> :id`, { id: meeting.id })
      .andWhere(meeting.forumId ? 'mt.forum_id = :forumId' : '1=1', { forumId: meeting.forumId })
      .andWhere(`(i.status = 'open' OR i.last_meeting_id = :id)`, { id: meeting.id })
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
  }

  /** The latest result of the forum before this meeting. */
  previousResult(meeting: Meeting): Promise<KasamResult | null> {
    return this.m
      .createQueryBuilder(KasamResult, 'r')
      .innerJoin('meetings', 'mt', 'mt.id = r.meeting_id')
      .where('r.team_id = :teamId', { teamId: meeting.teamId })
      .andWhere('r.meeting_id <> :id', { id: meeting.id })
      .andWhere(meeting.forumId ? 'r.forum_id = :forumId' : '1=1', { forumId: meeting.forumId })
      .andWhere('mt.created_at < :at', { at: meeting.createdAt })
      .orderBy('r.held_on', 'DESC')
      .addOrderBy('mt.created_at', 'DESC')
      .getOne();
  }
}
