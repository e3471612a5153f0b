import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { InvitesController } from '../invites/invites.controller.js';
import { InvitesService } from '../invites/invites.service.js';
import { OrganizationsController } from '../organizations/organizations.controller.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

/** Organisations, teams, memberships and invites: who belongs where, and with which role. */
@Global()
@Module({
  imports: [AccessModule],
  controllers: [OrganizationsController, TeamsController, InvitesController],
  providers: [OrganizationsService, TeamsService, InvitesService],
})
export class TenancyModule {}
