import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module.js';
import { InvitesController } from '../invites/invites.controller.js';
import { InvitesRepository } from '../invites/invites.repository.js';
import { InvitesService } from '../invites/invites.service.js';
import { OrganizationsController } from '../organizations/organizations.controller.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsRepository } from './teams.repository.js';
import { TeamsService } from './teams.service.js';
import { Invite } from '../invites/invite.entity.js';
import { Organization, OrganizationMember } from '../organizations/organization.entity.js';
import { Team, TeamMember } from './team.entity.js';

/** Organisations, teams, memberships and invites: who belongs where, and with which role. */
@Global()
@Module({
  imports: [AccessModule, TypeOrmModule.forFeature([Organization, OrganizationMember, Team, TeamMember, Invite])],
  controllers: [OrganizationsController, TeamsController, InvitesController],
  providers: [
    OrganizationsService,
    TeamsService,
    InvitesService,
    OrganizationsRepository,
    TeamsRepository,
    InvitesRepository,
  ],
  exports: [TeamsRepository],
})
export class TenancyModule {}
