import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationBody,
  CreateTeamBody,
  RenameOrganizationBody,
  type OrganizationDetailDto,
  type OrganizationDto,
  type TeamDto,
} from '@tillit/protocol';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { TeamsService } from '../teams/teams.service.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly teams: TeamsService,
  ) {}

  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<OrganizationDto[]> {
    return this.organizations.listMine(auth.userId);
  }

  @Post()
  @ApiZodBody(CreateOrganizationBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Body(zodBody(CreateOrganizationBody)) body: CreateOrganizationBody,
  ): Promise<OrganizationDto> {
    return this.organizations.create(auth.userId, body.name);
  }

  @Get(':orgId')
  detail(@CurrentAuth() auth: AuthContext, @Param('orgId', uuidParam) orgId: string): Promise<OrganizationDetailDto> {
    return this.organizations.detail(auth.userId, orgId);
  }

  @Patch(':orgId')
  @ApiZodBody(RenameOrganizationBody)
  rename(
    @CurrentAuth() auth: AuthContext,
    @Param('orgId', uuidParam) orgId: string,
    @Body(zodBody(RenameOrganizationBody)) body: CreateOrganizationBody,
  ): Promise<OrganizationDto> {
    return this.organizations.rename(auth.userId, orgId, body.name);
  }

  @Post(':orgId/teams')
  @ApiZodBody(CreateTeamBody)
  createTeam(
    @CurrentAuth() auth: AuthContext,
    @Param('orgId', uuidParam) orgId: string,
    @Body(zodBody(CreateTeamBody)) body: CreateTeamBody,
  ): Promise<TeamDto> {
    return this.teams.create(auth.userId, orgId, body.name);
  }
}
