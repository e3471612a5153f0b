import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type AcceptInviteResultDto,
  type CreateInviteBody,
  type InviteDto,
  type InvitePreviewDto,
} from '@tillit/protocol';
import { DataSource, type EntityManager } from 'typeorm';
import { hashToken } from '../auth/sessions.service.js';
import { AppError, notFound } from '../common/app-error.js';
import { Organization, OrganizationMember } from '../organizations/organization.entity.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import { Invite } from './invite.entity.js';

const toInviteDto = (i: Invite, token?: string): InviteDto => ({
  id: i.id,
  teamId: i.teamId,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
  maxUses: i.maxUses,
  uses: i.uses,
  revoked: i.revokedAt !== null,
  createdAt: i.createdAt.toISOString(),
  ...(token ? { token } : {}),
});

const invalid = () => new AppError(ErrorCode.InviteInvalid, 'This invite link is not valid: it may have expired, been used or been revoked');

@Injectable()
export class InvitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  async create(userId: string, teamId: string, body: Required<CreateInviteBody>): Promise<InviteDto> {
    await this.access.require(userId, teamId, 'facilitator');
    // Only managers hand out the manager role.
    if (body.role === 'manager') await this.access.require(userId, teamId, 'manager');
    const token = randomBytes(24).toString('base64url');
    const invite = await this.db.manager.save(
      this.db.manager.create(Invite, {
        teamId,
        tokenHash: hashToken(token),
        role: body.role,
        expiresAt: new Date(Date.now() + body.expiresInHours * 3600 * 1000),
        maxUses: body.maxUses,
        uses: 0,
        revokedAt: null,
        createdById: userId,
      }),
    );
    return toInviteDto(invite, token);
  }

  async list(userId: string, teamId: string): Promise<InviteDto[]> {
    await this.access.require(userId, teamId, 'facilitator');
    const rows = await this.db.manager.find(Invite, { where: { teamId }, order: { createdAt: 'DESC' } });
    return rows.map((i) => toInviteDto(i));
  }

  async revoke(userId: string, teamId: string, inviteId: string): Promise<void> {
    await this.access.require(userId, teamId, 'facilitator');
    const result = await this.db.manager.update(Invite, { id: inviteId, teamId }, { revokedAt: new Date() });
    if (!result.affected) throw notFound();
  }

  private async usable(m: EntityManager, token: string, lock: boolean): Promise<Invite> {
    if (token.length > 100) throw invalid();
    const invite = await m.findOne(Invite, {
      where: { tokenHash: hashToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (
      !invite ||
      invite.revokedAt ||
      invite.expiresAt.getTime() <= Date.now() ||
      (invite.maxUses !== null && invite.uses >= invite.maxUses)
    ) {
      throw invalid();
    }
    return invite;
  }

  async preview(token: string): Promise<InvitePreviewDto> {
    const invite = await this.usable(this.db.manager, token, false);
    const team = await this.db.manager.findOneByOrFail(Team, { id: invite.teamId });
    const org = await this.db.manager.findOneByOrFail(Organization, { id: team.organizationId });
    return { organizationName: org.name, teamName: team.name, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
  }

  /** Joins the team (and its organisation); a person already in the team keeps their role and uses nothing. */
  async accept(userId: string, token: string): Promise<AcceptInviteResultDto> {
    return this.db.transaction(async (m) => {
      const invite = await this.usable(m, token, true);
      const team = await m.findOneByOrFail(Team, { id: invite.teamId });
      const existing = await m.findOneBy(TeamMember, { teamId: team.id, userId });
      if (!existing) {
        await m.insert(TeamMember, { teamId: team.id, userId, role: invite.role });
        await m.increment(Invite, { id: invite.id }, 'uses', 1);
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(OrganizationMember)
        .values({ organizationId: team.organizationId, userId, role: 'member' })
        .orIgnore()
        .execute();
      return { teamId: team.id, organizationId: team.organizationId };
    });
  }
}
