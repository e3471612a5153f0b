import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberDto, type TeamDto, type TeamRole } from '@tillit/protocol';
import { RevocationBus } from '../auth/revocation.bus.js';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { type TeamAccess, TeamAccessService } from '../access/team-access.service.js';
import type { Team, TeamMember } from './team.entity.js';
import { TeamsRepository } from './teams.repository.js';
import { provisionSteering } from '../steering/settings/ready-made.js';

const toTeamDto = (team: Team, orgName: string, access: Pick<TeamAccess, 'role' | 'isOrgAdmin'>): TeamDto => ({
  id: team.id,
  organizationId: team.organizationId,
  organizationName: orgName,
  name: team.name,
  myRole: access.role,
  isOrgAdmin: access.isOrgAdmin,
});

const toMemberDto = (m: TeamMember): MemberDto => ({
  userId: m.userId,
  displayName: m.user!.displayName,
  email: m.user!.email,
  role: m.role,
  joinedAt: m.createdAt.toISOString(),
});

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly access: TeamAccessService,
    private readonly revocations: RevocationBus,
  ) {}

  /** Organisation admins create teams; the creator becomes the team's first manager. */
  async create(userId: string, organizationId: string, name: string): Promise<TeamDto> {
    const orgMember = await this.access.orgRole(userId, organizationId);
    if (orgMember.role !== 'admin') throw forbidden();
    return this.teams.transaction(async (m) => {
      const teams = new TeamsRepository(m);
      const team = await teams.create(organizationId, name);
      await teams.addMember(team.id, userId, 'manager');
      // Every new team starts with the two ready-made daily-steering forums, in its creator's language.
      await provisionSteering(m, team.id, userId);
      const org = await new OrganizationsRepository(m).get(organizationId);
      return toTeamDto(team, org.name, { role: 'manager', isOrgAdmin: true });
    });
  }

  async listMine(userId: string): Promise<TeamDto[]> {
    const rows = await this.teams.membershipsOf(userId, true);
    const adminOf = await this.organizations.adminOf(userId);
    return rows.map((r) =>
      toTeamDto(r.team!, r.team!.organization!.name, { role: r.role, isOrgAdmin: adminOf.has(r.team!.organizationId) }),
    );
  }

  async get(userId: string, teamId: string): Promise<TeamDto> {
    const access = await this.access.access(userId, teamId);
    const org = await this.organizations.get(access.team.organizationId);
    return toTeamDto(access.team, org.name, access);
  }

  async rename(userId: string, teamId: string, name: string): Promise<TeamDto> {
    const access = await this.access.require(userId, teamId, 'manager');
    await this.teams.rename(teamId, name);
    access.team.name = name;
    const org = await this.organizations.get(access.team.organizationId);
    return toTeamDto(access.team, org.name, access);
  }

  async members(userId: string, teamId: string): Promise<MemberDto[]> {
    await this.access.require(userId, teamId, 'member');
    return (await this.teams.members(teamId)).map(toMemberDto);
  }

  async changeRole(userId: string, teamId: string, memberId: string, role: TeamRole): Promise<MemberDto> {
    return this.teams.transaction(async (m) => {
      await this.access.require(userId, teamId, 'manager', m);
      const teams = new TeamsRepository(m);
      const member = await this.lockedMember(teams, teamId, memberId);
      if (member.role === 'manager' && role !== 'manager') await this.assertAnotherManager(teams, teamId);
      member.role = role;
      await teams.setRole(teamId, memberId, role);
      return toMemberDto(member);
    });
  }

  /** Managers remove members; anyone may remove themselves (leave). Their live connections are dropped. */
  async removeMember(userId: string, teamId: string, memberId: string): Promise<void> {
    await this.teams.transaction(async (m) => {
      if (memberId === userId) await this.access.access(userId, teamId, m);
      else await this.access.require(userId, teamId, 'manager', m);
      const teams = new TeamsRepository(m);
      const member = await this.lockedMember(teams, teamId, memberId);
      if (member.role === 'manager') await this.assertAnotherManager(teams, teamId);
      await teams.removeMember(teamId, memberId);
    });
    this.revocations.membershipRemoved(teamId, memberId);
  }

  /**
   * The member, after locking the team row: role changes and removals in one team then run one at a time,
   * so two managers stepping down together cannot both pass the last-manager check.
   */
  private async lockedMember(teams: TeamsRepository, teamId: string, memberId: string): Promise<TeamMember> {
    await teams.lock(teamId);
    const member = await teams.member(teamId, memberId);
    if (!member) throw notFound();
    return member;
  }

  /** A team always keeps a manager: the last one hands the role on before stepping down or leaving. */
  private async assertAnotherManager(teams: TeamsRepository, teamId: string): Promise<void> {
    if ((await teams.countManagers(teamId)) <= 1) {
      throw new AppError(ErrorCode.LastAdmin, 'The team must keep a manager: make someone else manager first');
    }
  }
}
