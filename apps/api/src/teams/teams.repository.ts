import type { TeamRole } from '@tillit/protocol';
import { In } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import { Team, TeamMember } from './team.entity.js';

/** Teams and who is in them. */
export class TeamsRepository extends RepositoryBase {
  create(organizationId: string, name: string): Promise<Team> {
    return this.m.save(this.m.create(Team, { organizationId, name }));
  }

  get(id: string): Promise<Team> {
    return this.m.findOneByOrFail(Team, { id });
  }

  inOrganization(organizationId: string): Promise<Team[]> {
    return this.m.find(Team, { where: { organizationId }, order: { name: 'ASC' } });
  }

  async rename(id: string, name: string): Promise<void> {
    await this.m.update(Team, { id }, { name });
  }

  /**
   * Locks the team's row for the rest of the transaction: membership changes in one team then run one at a
   * time.
   */
  async lock(id: string): Promise<void> {
    await this.m.findOne(Team, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async addMember(teamId: string, userId: string, role: TeamRole): Promise<void> {
    await this.m.insert(TeamMember, { teamId, userId, role });
  }

  member(teamId: string, userId: string): Promise<TeamMember | null> {
    return this.m.findOne(TeamMember, { where: { teamId, userId }, relations: { user: true } });
  }

  isMember(teamId: string, userId: string): Promise<boolean> {
    return this.m.existsBy(TeamMember, { teamId, userId });
  }

  /** The team's members with their accounts, by join date. */
  members(teamId: string): Promise<TeamMember[]> {
    return this.m.find(TeamMember, { where: { teamId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  /** The team's member ids by join date (ties by id: a stable rotation order). */
  async memberIdsByJoinDate(teamId: string): Promise<string[]> {
    return (await this.m.find(TeamMember, { where: { teamId }, order: { createdAt: 'ASC', userId: 'ASC' } })).map(
      (tm) => tm.userId,
    );
  }

  /** Which of these people are members of the team. */
  async membersAmong(teamId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    return (
      await this.m.find(TeamMember, { where: { teamId, userId: In([...userIds]) }, select: { userId: true } })
    ).map((tm) => tm.userId);
  }

  countMembersAmong(teamId: string, userIds: readonly string[]): Promise<number> {
    return this.m.countBy(TeamMember, { teamId, userId: In([...userIds]) });
  }

  countManagers(teamId: string): Promise<number> {
    return this.m.countBy(TeamMember, { teamId, role: 'manager' });
  }

  /** The person's memberships with their teams and organisations, oldest first. */
  membershipsOf(userId: string, withTeams = false): Promise<TeamMember[]> {
    return this.m.find(TeamMember, {
      where: { userId },
      ...(withTeams ? { relations: { team: { organization: true } } } : {}),
      order: { createdAt: 'ASC' },
    });
  }

  async setRole(teamId: string, userId: string, role: TeamRole): Promise<void> {
    await this.m.update(TeamMember, { teamId, userId }, { role });
  }

  async removeMember(teamId: string, userId: string): Promise<void> {
    await this.m.delete(TeamMember, { teamId, userId });
  }

  /** Display names of the team's members. */
  async memberNames(teamId: string): Promise<Map<string, string>> {
    return new Map(
      (await this.m.find(TeamMember, { where: { teamId }, relations: { user: true } })).map((tm) => [
        tm.userId,
        tm.user!.displayName,
      ]),
    );
  }
}
