import { Injectable } from '@nestjs/common';
import type { KasamFollowUpDto, KasamTrendPoint } from '@tillit/protocol';
import { notFound } from '../common/app-error.js';
import { toItemDto } from '../items/item.dto.js';
import { TeamAccessService } from '../access/team-access.service.js';
import type { KasamResult } from './kasam.entities.js';
import { KasamRepository } from './kasam.repository.js';

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
    private readonly kasam: KasamRepository,
    private readonly access: TeamAccessService,
  ) {}

  /** Revealed aggregates across meetings, oldest first. Only aggregates that met k exist (see kasam.reveal). */
  async trend(userId: string, teamId: string, forumId: string | undefined): Promise<KasamTrendPoint[]> {
    await this.access.require(userId, teamId, 'member');
    if (forumId && !(await this.kasam.forumInTeam(teamId, forumId))) throw notFound('No such forum');
    const rows = await this.kasam.results(teamId, forumId, 200);
    return rows.filter((r) => r.aggregate.n >= r.aggregate.k).map(toTrendPoint);
  }

  /** The actions of earlier KASAM dialogues of this forum still to follow up, and the last aggregate. */
  async followUp(userId: string, meetingId: string): Promise<KasamFollowUpDto> {
    const meeting = await this.kasam.meeting(meetingId);
    if (!meeting) throw notFound();
    await this.access.require(userId, meeting.teamId, 'member');
    const actions = await this.kasam.actionsToFollowUp(meeting);
    const previous = await this.kasam.previousResult(meeting);
    return { actions: actions.map(toItemDto), previous: previous ? toTrendPoint(previous) : null };
  }
}
