import { Injectable } from '@nestjs/common';
import type { OrganizationDetailDto, OrganizationDto, TeamDto } from '@tillit/protocol';
import { forbidden } from '../common/app-error.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly teams: TeamsRepository,
    private readonly access: TeamAccessService,
  ) {}

  async create(userId: string, name: string): Promise<OrganizationDto> {
    return this.organizations.transaction(async (m) => {
      const organizations = new OrganizationsRepository(m);
      const org = await organizations.create(name);
      await organizations.addMember(org.id, userId, 'admin');
      return { id: org.id, name: org.name, myRole: 'admin' };
    });
  }

  async listMine(userId: string): Promise<OrganizationDto[]> {
    const rows = await this.organizations.membershipsOf(userId);
    return rows.map((r) => ({ id: r.organizationId, name: r.organization!.name, myRole: r.role }));
  }

  async detail(userId: string, organizationId: string): Promise<OrganizationDetailDto> {
    const membership = await this.access.orgRole(userId, organizationId);
    const org = await this.organizations.get(organizationId);
    const isOrgAdmin = membership.role === 'admin';
    const teams = await this.teams.inOrganization(organizationId);
    const mine = await this.teams.membershipsOf(userId);
    const roleByTeam = new Map(mine.map((m) => [m.teamId, m.role]));
    const visible: TeamDto[] = teams
      .filter((t) => isOrgAdmin || roleByTeam.has(t.id))
      .map((t) => ({
        id: t.id,
        organizationId,
        organizationName: org.name,
        name: t.name,
        myRole: roleByTeam.get(t.id) ?? null,
        isOrgAdmin,
      }));
    return { id: org.id, name: org.name, myRole: membership.role, teams: visible };
  }

  async rename(userId: string, organizationId: string, name: string): Promise<OrganizationDto> {
    const membership = await this.access.orgRole(userId, organizationId);
    if (membership.role !== 'admin') throw forbidden();
    await this.organizations.rename(organizationId, name);
    return { id: organizationId, name, myRole: 'admin' };
  }
}
