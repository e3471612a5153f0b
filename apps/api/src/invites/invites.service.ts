import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type AcceptInviteResultDto,
  type CreateInviteBody,
  type InviteDto,
  type InvitePreviewDto,
} from '@tillit/protocol';
import { hashToken } from '../auth/sessions.service.js';
import { AppError, notFound } from '../common/app-error.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { Invite } from './invite.entity.js';
import { InvitesRepository } from './invites.repository.js';

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

const invalid = () =>
  new AppError(
    ErrorCode.InviteInvalid,
    'This invite link is not valid: it may have expired, been used or been revoked',
  );

@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly teams: TeamsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly access: TeamAccessService,
  ) {}

  async create(userId: string, teamId: string, body: Required<CreateInviteBody>): Promise<InviteDto> {
    await this.access.require(userId, teamId, 'facilitator');
    // Only managers hand out the manager role.
    if (body.role === 'manager') await this.access.require(userId, teamId, 'manager');
    const token = randomBytes(24).toString('base64url');
    const invite = await this.invites.create({
      teamId,
      tokenHash: hashToken(token),
      role: body.role,
      expiresAt: new Date(Date.now() + body.expiresInHours * 3600 * 1000),
      maxUses: body.maxUses,
      uses: 0,
      revokedAt: null,
      createdById: userId,
    });
    return toInviteDto(invite, token);
  }

  async list(userId: string, teamId: string): Promise<InviteDto[]> {
    await this.access.require(userId, teamId, 'facilitator');
    const rows = await this.invites.ofTeam(teamId);
    return rows.map((i) => toInviteDto(i));
  }

  async revoke(userId: string, teamId: string, inviteId: string): Promise<void> {
    await this.access.require(userId, teamId, 'facilitator');
    if (!(await this.invites.revoke(teamId, inviteId, new Date()))) throw notFound();
  }

  private async usable(invites: InvitesRepository, token: string, lock: boolean): Promise<Invite> {
    if (token.length > 100) throw invalid();
    const invite = await invites.byTokenHash(hashToken(token), lock);
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
    const invite = await this.usable(this.invites, token, false);
    const team = await this.teams.get(invite.teamId);
    const org = await this.organizations.get(team.organizationId);
    return {
      organizationName: org.name,
      teamName: team.name,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    };
  }

  /** Joins the team (and its organisation); a person already in the team keeps their role and uses nothing. */
  async accept(userId: string, token: string): Promise<AcceptInviteResultDto> {
    return this.invites.transaction(async (m) => {
      const invites = new InvitesRepository(m);
      const teams = new TeamsRepository(m);
      const invite = await this.usable(invites, token, true);
      const team = await teams.get(invite.teamId);
      if (!(await teams.isMember(team.id, userId))) {
        await teams.addMember(team.id, userId, invite.role);
        await invites.countUse(invite.id);
      }
      await new OrganizationsRepository(m).addMemberIfAbsent(team.organizationId, userId);
      return { teamId: team.id, organizationId: team.organizationId };
    });
  }
}
