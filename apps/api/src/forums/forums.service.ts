import { Injectable } from '@nestjs/common';
import { CreateForumBody, ErrorCode, type Facilitation, type ForumDto, UpdateForumBody } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError, notFound } from '../common/app-error.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { Forum } from './forum.entity.js';
import { ForumsRepository } from './forums.repository.js';

type CreateForum = z.output<typeof CreateForumBody>;
type UpdateForum = z.output<typeof UpdateForumBody>;

/** The members a rotation goes through: the listed ones still in the team, or every member by join date. */
export function rotation(m: EntityManager, teamId: string, facilitation: Facilitation): Promise<string[]> {
  return rotationIn(new TeamsRepository(m), teamId, facilitation);
}

async function rotationIn(teams: TeamsRepository, teamId: string, facilitation: Facilitation): Promise<string[]> {
  if (facilitation.mode !== 'rotating') return [facilitation.userId];
  const members = await teams.memberIdsByJoinDate(teamId);
  if (!facilitation.userIds) return members;
  const present = new Set(members);
  return facilitation.userIds.filter((u) => present.has(u));
}

/** Who facilitates the forum's next meeting (null when nobody in the rotation is still a member). */
export function nextFacilitator(m: EntityManager, forum: Forum): Promise<string | null> {
  return nextFacilitatorIn(new TeamsRepository(m), forum);
}

async function nextFacilitatorIn(teams: TeamsRepository, forum: Forum): Promise<string | null> {
  if (forum.facilitation.mode === 'fixed') {
    const member = await teams.isMember(forum.teamId, forum.facilitation.userId);
    return member ? forum.facilitation.userId : null;
  }
  const list = await rotationIn(teams, forum.teamId, forum.facilitation);
  return list.length ? list[forum.rotationIndex % list.length]! : null;
}

@Injectable()
export class ForumsService {
  constructor(
    private readonly forums: ForumsRepository,
    private readonly teams: TeamsRepository,
    private readonly access: TeamAccessService,
  ) {}

  private async toDto(forum: Forum): Promise<ForumDto> {
    return {
      id: forum.id,
      teamId: forum.teamId,
      kind: forum.kind,
      name: forum.name,
      schedule: forum.schedule,
      phases: forum.phases,
      facilitation: forum.facilitation,
      nextFacilitatorId: await nextFacilitatorIn(this.teams, forum),
      createdAt: forum.createdAt.toISOString(),
      updatedAt: forum.updatedAt.toISOString(),
    };
  }

  /** Everyone named in a facilitation must be a member of the team. */
  private async assertMembers(teamId: string, facilitation: Facilitation): Promise<void> {
    const ids = facilitation.mode === 'fixed' ? [facilitation.userId] : (facilitation.userIds ?? []);
    if (ids.length === 0) return;
    const unique = [...new Set(ids)];
    const found = await this.teams.countMembersAmong(teamId, unique);
    if (found !== unique.length) {
      throw new AppError(ErrorCode.ValidationFailed, 'Facilitators must be members of the team', {
        issues: [{ path: 'facilitation', message: 'not a member of the team' }],
      });
    }
  }

  async list(userId: string, teamId: string): Promise<ForumDto[]> {
    await this.access.require(userId, teamId, 'member');
    const forums = await this.forums.ofTeam(teamId);
    return Promise.all(forums.map((f) => this.toDto(f)));
  }

  async get(userId: string, teamId: string, forumId: string): Promise<ForumDto> {
    await this.access.require(userId, teamId, 'member');
    return this.toDto(await this.find(teamId, forumId));
  }

  async find(teamId: string, forumId: string): Promise<Forum> {
    const forum = await this.forums.find(teamId, forumId);
    if (!forum) throw notFound('No such forum');
    return forum;
  }

  async create(userId: string, teamId: string, body: CreateForum): Promise<ForumDto> {
    await this.access.require(userId, teamId, 'facilitator');
    await this.assertMembers(teamId, body.facilitation);
    const forum = await this.forums.create({
      teamId,
      kind: body.kind,
      name: body.name,
      schedule: body.schedule,
      phases: body.phases,
      facilitation: body.facilitation,
      createdById: userId,
    });
    return this.toDto(forum);
  }

  async update(userId: string, teamId: string, forumId: string, body: UpdateForum): Promise<ForumDto> {
    await this.access.require(userId, teamId, 'facilitator');
    const forum = await this.find(teamId, forumId);
    if (body.facilitation) await this.assertMembers(teamId, body.facilitation);
    if (body.kind !== undefined) forum.kind = body.kind;
    if (body.name !== undefined) forum.name = body.name;
    if (body.schedule !== undefined) forum.schedule = body.schedule;
    if (body.phases !== undefined) forum.phases = body.phases;
    if (body.facilitation !== undefined) {
      forum.facilitation = body.facilitation;
      forum.rotationIndex = 0;
    }
    return this.toDto(await this.forums.save(forum));
  }

  /** Deleting a forum keeps its meetings (and their minutes) as ad-hoc history. */
  async remove(userId: string, teamId: string, forumId: string): Promise<void> {
    await this.access.require(userId, teamId, 'facilitator');
    if (!(await this.forums.delete(teamId, forumId))) throw notFound('No such forum');
  }
}
