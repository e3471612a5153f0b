import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type MemberDto, type TeamDto, type TeamRole } from '@tillit/protocol';
import { DataSource, type EntityManager } from 'typeorm';
import { RevocationBus } from '../auth/revocation.bus.js';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { Organization, OrganizationMember } from '../organizations/organization.entity.js';
import { type TeamAccess, TeamAccessService } from '../access/team-access.service.js';
import { Team, TeamMember } from './team.entity.js';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
    private readonly revocations: RevocationBus,
  ) {}

  /** Organisation admins create teams; the creator becomes the team's first manager. */
  async create(userId: string, organizationId: string, name: string): Promise<TeamDto> {
    const orgMember = await this.access.orgRole(userId, organizationId);
    if (orgMember.role !== 'admin') throw forbidden();
    return this.db.transaction(async (m) => {
      const team = await m.save(m.create(Team, { organizationId, name }));
      await m.insert(TeamMember, { teamId: team.id, userId, role: 'manager' });
      // Every new team starts with the two ready-made daily-steering forums, in its creator's language.
      await provisionSteering(m, team.id, userId);
      const org = await m.findOneByOrFail(Organization, { id: organizationId });
      return toTeamDto(team, org.name, { role: 'manager', isOrgAdmin: true });
    });
  }

  async listMine(userId: string): Promise<TeamDto[]> {
    const rows = await this.db.manager.find(TeamMember, {
      where: { userId },
      relations: { team: { organization: true } },
      order: { createdAt: 'ASC' },
    });
    const adminOf = new Set(
      (await this.db.manager.find(OrganizationMember, { where: { userId, role: 'admin' } })).map((o) => o.organizationId),
    );
    return rows.map((r) =>
      toTeamDto(r.team!, r.team!.organization!.name, { role: r.role, isOrgAdmin: adminOf.has(r.team!.organizationId) }),
    );
  }

  async get(userId: string, teamId: string): Promise<TeamDto> {
    const access = await this.access.access(userId, teamId);
    const org = await this.db.manager.findOneByOrFail(Organization, { id: access.team.organizationId });
    return toTeamDto(access.team, org.name, access);
  }

  async rename(userId: string, teamId: string, name: string): Promise<TeamDto> {
    const access = await this.access.require(userId, teamId, 'manager');
    await this.db.manager.update(Team, { id: teamId }, { name });
    access.team.name = name;
    const org = await this.db.manager.findOneByOrFail(Organization, { id: access.team.organizationId });
    return toTeamDto(access.team, org.name, access);
  }

  async members(userId: string, teamId: string): Promise<MemberDto[]> {
    await this.access.require(userId, teamId, 'member');
    const rows = await this.db.manager.find(TeamMember, {
      where: { teamId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toMemberDto);
  }

  async changeRole(userId: string, teamId: string, memberId: string, role: TeamRole): Promise<MemberDto> {
    return this.db.transaction(async (m) => {
      await this.access.require(userId, teamId, 'manager', m);
      const member = await this.lockedMember(m, teamId, memberId);
      if (member.role === 'manager' && role !== 'manager') await this.assertAnotherManager(m, teamId);
      member.role = role;
      await m.update(TeamMember, { teamId, userId: memberId }, { role });
      return toMemberDto(member);
    });
  }

  /** Managers remove members; anyone may remove themselves (leave). Their live connections are dropped. */
  async removeMember(userId: string, teamId: string, memberId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (memberId === userId) await this.access.access(userId, teamId, m);
      else await this.access.require(userId, teamId, 'manager', m);
      const member = await this.lockedMember(m, teamId, memberId);
      if (member.role === 'manager') await this.assertAnotherManager(m, teamId);
      await m.delete(TeamMember, { teamId, userId: memberId });
    });
    this.revocations.membershipRemoved(teamId, memberId);
  }

  /**
   * The member, after locking the team row: role changes and removals in one team then run one at a time,
   * so two managers stepping down together cannot both pass the last-manager check.
   */
  private async lockedMember(m: EntityManager, teamId: string, memberId: string): Promise<TeamMember> {
    await m.findOne(Team, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
    const member = await m.findOne(TeamMember, { where: { teamId, userId: memberId }, relations: { user: true } });
    if (!member) throw notFound();
    return member;
  }

  /** A team always keeps a manager: the last one hands the role on before stepping down or leaving. */
  private async assertAnotherManager(m: EntityManager, teamId: string): Promise<void> {
    if ((await m.countBy(TeamMember, { teamId, role: 'manager' })) <= 1) {
      throw new AppError(ErrorCode.LastAdmin, 'The team must keep a manager: make someone else manager first');
    }
  }
}
