import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  MeetingHistoryQuery,
  type MeetingDto,
  type MeetingSnapshot,
  type PhaseTemplate,
  StartAdHocMeetingBody,
  StartMeetingBody,
} from '@tillit/protocol';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { Forum } from '../forums/forum.entity.js';
import { nextFacilitator } from '../forums/forums.service.js';
import { initialPhaseState, LIVE_RITUALS, type LiveRituals } from '../live/ritual.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { TeamMember } from '../teams/team.entity.js';
import { Meeting, MeetingPhase } from './meeting.entity.js';
import { toMeetingDto } from './meeting.dto.js';
import { readSnapshot } from './snapshot.js';

type StartBody = z.output<typeof StartMeetingBody>;
type AdHocBody = z.output<typeof StartAdHocMeetingBody>;

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
    @Inject(LIVE_RITUALS) private readonly rituals: LiveRituals,
  ) {}

  /** Any member may start a meeting of one of the team's forums (co-leadership: not only the manager). */
  async startFromForum(userId: string, teamId: string, forumId: string, body: StartBody): Promise<MeetingDto> {
    await this.access.require(userId, teamId, 'member');
    return this.db.transaction(async (m) => {
      const forum = await m.findOne(Forum, { where: { id: forumId, teamId }, lock: { mode: 'pessimistic_write' } });
      if (!forum) throw new AppError(ErrorCode.NotFound, 'No such forum');
      let facilitatorId = body.facilitatorId ?? null;
      if (facilitatorId) await this.assertMember(m, teamId, facilitatorId);
      else {
        facilitatorId = (await nextFacilitator(m, forum)) ?? userId;
        if (forum.facilitation.mode === 'rotating')
          await m.update(Forum, { id: forum.id }, { rotationIndex: forum.rotationIndex + 1 });
      }
      const meeting = await this.create(m, {
        teamId,
        forum,
        title: body.title ?? forum.name,
        phases: forum.phases,
        facilitatorId,
        scheduledFor: body.scheduledFor,
        createdById: userId,
      });
      return toMeetingDto(meeting);
    });
  }

  async startAdHoc(userId: string, teamId: string, body: AdHocBody): Promise<MeetingDto> {
    await this.access.require(userId, teamId, 'member');
    return this.db.transaction(async (m) => {
      if (body.facilitatorId) await this.assertMember(m, teamId, body.facilitatorId);
      const meeting = await this.create(m, {
        teamId,
        forum: null,
        title: body.title,
        phases: body.phases,
        facilitatorId: body.facilitatorId ?? userId,
        scheduledFor: body.scheduledFor,
        createdById: userId,
      });
      return toMeetingDto(meeting);
    });
  }

  private async assertMember(m: EntityManager, teamId: string, userId: string): Promise<void> {
    if (!(await m.existsBy(TeamMember, { teamId, userId }))) {
      throw new AppError(ErrorCode.ValidationFailed, 'The facilitator must be a member of the team', {
        issues: [{ path: 'facilitatorId', message: 'not a member of the team' }],
      });
    }
  }

  private async create(
    m: EntityManager,
    o: {
      teamId: string;
      forum: Forum | null;
      title: string;
      phases: PhaseTemplate[];
      facilitatorId: string;
      scheduledFor: string | undefined;
      createdById: string;
    },
  ): Promise<Meeting> {
    const now = new Date();
    const live = !o.scheduledFor;
    const meeting = await m.save(
      m.create(Meeting, {
        teamId: o.teamId,
        forumId: o.forum?.id ?? null,
        title: o.title,
        state: live ? 'live' : 'scheduled',
        facilitatorId: o.facilitatorId,
        facilitatorSeenAt: now,
        currentPhaseIndex: 0,
        inputLocked: false,
        timer: { status: 'idle', remainingMs: (o.phases[0]?.timeboxSeconds ?? 0) * 1000 },
        hands: [],
        ready: [],
        lastSeq: 0,
        minutes: null,
        scheduledFor: o.scheduledFor ? new Date(o.scheduledFor) : null,
        startedAt: live ? now : null,
        endedAt: null,
        createdById: o.createdById,
      }),
    );
    await m.insert(
      MeetingPhase,
      o.phases.map((p, position) => ({
        meetingId: meeting.id,
        position,
        kind: p.kind,
        title: p.title,
        timeboxSeconds: p.timeboxSeconds,
        settings: p.settings as never,
        state: initialPhaseState(this.rituals, p.kind, p.settings) as never,
      })),
    );
    meeting.forum = o.forum ?? undefined;
    return meeting;
  }

  async history(userId: string, teamId: string, query: z.output<typeof MeetingHistoryQuery>): Promise<MeetingDto[]> {
    await this.access.require(userId, teamId, 'member');
    const rows = await this.db.manager.find(Meeting, {
      where: {
        teamId,
        ...(query.forumId ? { forumId: query.forumId } : {}),
        ...(query.state ? { state: query.state } : {}),
      },
      relations: { forum: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
    return rows.map(toMeetingDto);
  }

  /** A meeting as the caller sees it: live state, or for an ended meeting its read-only record with minutes. */
  async snapshot(userId: string, meetingId: string): Promise<MeetingSnapshot> {
    const meeting = await this.db.manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) throw new AppError(ErrorCode.NotFound, 'Not found');
    await this.access.require(userId, meeting.teamId, 'member');
    return readSnapshot(this.rituals, this.db, meetingId, userId);
  }
}
