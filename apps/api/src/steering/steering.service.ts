import { Injectable } from '@nestjs/common';
import type { TeamRole } from '@tillit/protocol';
import { ANY_MEMBER, TeamAccessService } from '../teams/team-access.service.js';
import { SteeringSettingsRepository } from './settings/steering-settings.repository.js';
import { actorFromAccess, type SteeringCtx } from './steering.context.js';

/**
 * The REST side's one entry: checks the caller's access to the team in the database (another organisation:
 * 404; a role not listed: 403), then runs `work` in one transaction with the caller as the actor.
 */
@Injectable()
export class SteeringService {
  constructor(
    private readonly settings: SteeringSettingsRepository,
    private readonly access: TeamAccessService,
  ) {}

  async run<T>(userId: string, teamId: string, work: (c: SteeringCtx) => Promise<T>, roles: readonly TeamRole[] = ANY_MEMBER): Promise<T> {
    return this.settings.transaction(async (m) => {
      const access = await this.access.require(userId, teamId, roles, m);
      return work({ m, teamId, actor: actorFromAccess(userId, access), meetingId: null, now: new Date() });
    });
  }
}
