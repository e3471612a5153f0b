import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KasamFollowUpDto, KasamTrendPoint } from '@tillit/protocol';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { Forum } from '../forums/forum.entity.js';
import { Item } from '../items/item.entity.js';
import { toItemDto } from '../items/item.dto.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { KasamResult } from './kasam.entities.js';

/** Only what a trend needs: no texts (they stay in their meeting). */
const toTrendPoint = (r: KasamResult): KasamTrendPoint => ({
  meetingId: r.meetingId,
  forumId: r.forumId,
  heldOn: r.heldOn,
  n: r.aggregate.n,
  k: r.aggregate.k,
  dimensions: r.aggregate.dimensions,
});

@Injectable()
export class KasamService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  /** Revealed aggregates across meetings, oldest first. Only aggregates that met k exist (see kasam.reveal). */
  async trend(userId: string, teamId: string, forumId: string | undefined): Promise<KasamTrendPoint[]> {
    await this.access.require(userId, teamId, 'member');
    if (forumId && !(await this.db.manager.existsBy(Forum, { id: forumId, teamId }))) throw notFound('No such forum');
    const rows = await this.db.manager.find(KasamResult, {
      where: { teamId, ...(forumId ? { forumId } : {}) },
      order: { heldOn: 'ASC', id: 'ASC' },
      take: 200,
    });
    return rows.filter((r) => r.aggregate.n >= r.aggregate.k).map(toTrendPoint);
  }

  /** The actions of earlier KASAM dialogues of this forum still to follow up, and the last aggregate. */
  async followUp(userId: string, meetingId: string): Promise<KasamFollowUpDto> {
    const meeting = await this.db.manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) throw notFound();
    await this.access.require(userId, meeting.teamId, 'member');
    const actions = await this.db.manager
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
    const previous = await this.db.manager
      .createQueryBuilder(KasamResult, 'r')
      .innerJoin('meetings', 'mt', 'mt.id = r.meeting_id')
      .where('r.team_id = :teamId', { teamId: meeting.teamId })
      .andWhere('r.meeting_id <> :id', { id: meeting.id })
      .andWhere(meeting.forumId ? 'r.forum_id = :forumId' : '1=1', { forumId: meeting.forumId })
      .andWhere('mt.created_at < :at', { at: meeting.createdAt })
      .orderBy('r.held_on', 'DESC')
      .addOrderBy('mt.created_at', 'DESC')
      .getOne();
    return { actions: actions.map(toItemDto), previous: previous ? toTrendPoint(previous) : null };
  }
}
