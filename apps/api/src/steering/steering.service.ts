import { Injectable } from '@nestjs/common';
import type { AccessRule } from '../access/access.policy.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { SteeringSettingsRepository } from './settings/steering-settings.repository.js';
import { actorFromAccess, type SteeringCtx } from './steering.context.js';

/**
 * The REST side's one entry: checks the caller's access to the team in the database (another organisation:
 * 404; a standing too low for `rule`: 403), then runs `work` in one transaction with the caller as the actor.
 */
@Injectable()
export class SteeringService {
  constructor(
    private readonly settings: SteeringSettingsRepository,
    private readonly access: TeamAccessService,
  ) {}

  async run<T>(
    userId: string,
    teamId: string,
    work: (c: SteeringCtx) => Promise<T>,
    rule: AccessRule = 'member',
  ): Promise<T> {
    return this.settings.transaction(async (m) => {
      const access = await this.access.require(userId, teamId, rule, m);
      return work({ m, teamId, actor: actorFromAccess(userId, access), meetingId: null, now: new Date() });
    });
  }
}
