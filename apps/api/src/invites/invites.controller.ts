import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateInviteBody, type AcceptInviteResultDto, type InviteDto, type InvitePreviewDto } from '@tillit/protocol';
import { type AuthContext, CurrentAuth, Public } from '../auth/auth.decorators.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { InvitesService } from './invites.service.js';

@ApiTags('invites')
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Get('teams/:teamId/invites')
  list(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<InviteDto[]> {
    return this.invites.list(auth.userId, teamId);
  }

  @Post('teams/:teamId/invites')
  @ApiZodBody(CreateInviteBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreateInviteBody)) body: Required<CreateInviteBody>,
  ): Promise<InviteDto> {
    return this.invites.create(auth.userId, teamId, body);
  }

  @Delete('teams/:teamId/invites/:inviteId')
  @HttpCode(204)
  revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('inviteId', uuidParam) inviteId: string,
  ): Promise<void> {
    return this.invites.revoke(auth.userId, teamId, inviteId);
  }

  /** Shows whom the link invites to; the token itself is the secret, so no session is needed. */
  @Public()
  @Get('invites/:token')
  preview(@Param('token') token: string): Promise<InvitePreviewDto> {
    return this.invites.preview(token);
  }

  @Post('invites/:token/accept')
  @HttpCode(200)
  accept(@CurrentAuth() auth: AuthContext, @Param('token') token: string): Promise<AcceptInviteResultDto> {
    return this.invites.accept(auth.userId, token);
  }
}
