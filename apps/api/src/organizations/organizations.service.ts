import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationDetailDto, OrganizationDto, TeamDto } from '@tillit/protocol';
import { DataSource } from 'typeorm';
import { forbidden } from '../common/app-error.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import { Organization, OrganizationMember } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  async create(userId: string, name: string): Promise<OrganizationDto> {
    return this.db.transaction(async (m) => {
      const org = await m.save(m.create(Organization, { name }));
      await m.insert(OrganizationMember, { organizationId: org.id, userId, role: 'admin' });
      return { id: org.id, name: org.name, myRole: 'admin' };
    });
  }

  async listMine(userId: string): Promise<OrganizationDto[]> {
    const rows = await this.db.manager.find(OrganizationMember, {
      where: { userId },
      relations: { organization: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => ({ id: r.organizationId, name: r.organization!.name, myRole: r.role }));
  }

  async detail(userId: string, organizationId: string): Promise<OrganizationDetailDto> {
    const membership = await this.access.orgRole(userId, organizationId);
    const org = await this.db.manager.findOneByOrFail(Organization, { id: organizationId });
    const isOrgAdmin = membership.role === 'admin';
    const teams = await this.db.manager.find(Team, { where: { organizationId }, order: { name: 'ASC' } });
    const mine = await this.db.manager.find(TeamMember, { where: { userId } });
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
    await this.db.manager.update(Organization, { id: organizationId }, { name });
    return { id: organizationId, name, myRole: 'admin' };
  }
}
