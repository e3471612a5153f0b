import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeRoleBody, RenameTeamBody, type MemberDto, type TeamDto } from '@tillit/protocol';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { TeamsService } from './teams.service.js';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<TeamDto[]> {
    return this.teams.listMine(auth.userId);
  }

  @Get(':teamId')
  get(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<TeamDto> {
    return this.teams.get(auth.userId, teamId);
  }

  @Patch(':teamId')
  @ApiZodBody(RenameTeamBody)
  rename(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(RenameTeamBody)) body: RenameTeamBody,
  ): Promise<TeamDto> {
    return this.teams.rename(auth.userId, teamId, body.name);
  }

  @Get(':teamId/members')
  members(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<MemberDto[]> {
    return this.teams.members(auth.userId, teamId);
  }

  @Patch(':teamId/members/:userId')
  @ApiZodBody(ChangeRoleBody)
  changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('userId', uuidParam) userId: string,
    @Body(zodBody(ChangeRoleBody)) body: ChangeRoleBody,
  ): Promise<MemberDto> {
    return this.teams.changeRole(auth.userId, teamId, userId, body.role);
  }

  @Delete(':teamId/members/:userId')
  @HttpCode(204)
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<void> {
    return this.teams.removeMember(auth.userId, teamId, userId);
  }
}
