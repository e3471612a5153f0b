import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../common/app-error.js';
import type { OrganizationMember } from '../organizations/organization.entity.js';
import type { Team } from '../teams/team.entity.js';
import { type AccessRule, type Standing, verdict } from './access.policy.js';
import { findTeam, orgMembership, teamStanding } from './access.repository.js';

export interface TeamAccess extends Standing {
  team: Team;
}

/**
 * REST's door to the access policy: looks the standing up (always from the database) and answers as the
 * policy decides. Someone outside the team's organisation gets 404, never a hint that the team exists.
 */
@Injectable()
export class TeamAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Anyone who sees the team (a member, or an admin of its organisation). */
  access(userId: string, teamId: string, manager?: EntityManager): Promise<TeamAccess> {
    return this.require(userId, teamId, 'member', manager);
  }

  /** Whoever passes `rule` on the team (see access.policy.ts). */
  async require(
    userId: string,
    teamId: string,
    rule: AccessRule,
    manager: EntityManager = this.db.manager,
  ): Promise<TeamAccess> {
    const team = await findTeam(manager, teamId);
    if (!team) throw notFound();
    const standing = await teamStanding(manager, team, userId);
    const answer = verdict(rule, standing, 'team');
    if (answer === 'hidden') throw notFound();
    if (answer === 'forbidden') throw forbidden();
    return { team, ...standing };
  }

  async orgRole(userId: string, organizationId: string): Promise<OrganizationMember> {
    const m = await orgMembership(this.db.manager, userId, organizationId);
    if (!m) throw notFound();
    return m;
  }
}
