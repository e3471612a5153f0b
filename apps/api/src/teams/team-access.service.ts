import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamRole } from '@tillit/protocol';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../common/app-error.js';
import { OrganizationMember } from '../organizations/organization.entity.js';
import { Team, TeamMember } from './team.entity.js';

export interface TeamAccess {
  team: Team;
  /** null: an organisation admin who is not a member of this team. */
  role: TeamRole | null;
  isOrgAdmin: boolean;
}

/**
 * The one place that decides who may see and change a team, always from the database.
 * Someone outside the team's organisation gets 404, never a hint that the team exists.
 */
@Injectable()
export class TeamAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async access(userId: string, teamId: string, manager: EntityManager = this.db.manager): Promise<TeamAccess> {
    const team = await manager.findOneBy(Team, { id: teamId });
    if (!team) throw notFound();
    const [membership, orgMembership] = await Promise.all([
      manager.findOneBy(TeamMember, { teamId, userId }),
      manager.findOneBy(OrganizationMember, { organizationId: team.organizationId, userId }),
    ]);
    const isOrgAdmin = orgMembership?.role === 'admin';
    if (!membership && !isOrgAdmin) throw notFound();
    return { team, role: membership?.role ?? null, isOrgAdmin };
  }

  /** Members see the team; only the listed roles (or an organisation admin) may go on. */
  async require(
    userId: string,
    teamId: string,
    roles: readonly TeamRole[],
    manager?: EntityManager,
  ): Promise<TeamAccess> {
    const access = await this.access(userId, teamId, manager);
    if (access.isOrgAdmin || (access.role && roles.includes(access.role))) return access;
    throw forbidden();
  }

  async orgRole(userId: string, organizationId: string): Promise<OrganizationMember> {
    const m = await this.db.manager.findOneBy(OrganizationMember, { organizationId, userId });
    if (!m) throw notFound();
    return m;
  }
}

export const ANY_MEMBER: readonly TeamRole[] = ['manager', 'facilitator', 'member'];
export const MANAGERS: readonly TeamRole[] = ['manager'];
export const FACILITATORS: readonly TeamRole[] = ['manager', 'facilitator'];
