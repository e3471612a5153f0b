import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type SteeringSettingsDto, UpdateSteeringSettingsBody } from '@tillit/protocol';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../../auth/auth.decorators.js';
import { ApiZodBody, uuidParam, zodBody } from '../../common/zod.js';
import { SteeringService } from '../steering.service.js';
import { provisionSteering, switchReadyMade, toSettingsDto } from './ready-made.js';
import { SteeringSettingsRepository } from './steering-settings.repository.js';
import { TeamChanges } from '../../live/team-changed.js';

@ApiTags('steering')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('steering')
@Controller('teams/:teamId/steering/settings')
export class SteeringSettingsController {
  constructor(private readonly steering: SteeringService) {}

  /** The team's steering settings. A team made before daily steering existed gets its forums here, once. */
  @Get()
  get(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<SteeringSettingsDto> {
    return this.steering.run(auth.userId, teamId, async ({ m }) =>
      toSettingsDto(await provisionSteering(m, teamId, auth.userId)),
    );
  }

  /** Facilitators and managers: the team's values and risk categories; the ready-made forums on or off. */
  @Patch()
  @ApiZodBody(UpdateSteeringSettingsBody)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(UpdateSteeringSettingsBody)) body: z.output<typeof UpdateSteeringSettingsBody>,
  ): Promise<SteeringSettingsDto> {
    return this.steering.run(
      auth.userId,
      teamId,
      async ({ m }) => {
        const settings = await provisionSteering(m, teamId, auth.userId);
        if (body.valueTags) settings.valueTags = body.valueTags;
        if (body.riskCategories) settings.riskCategories = body.riskCategories;
        await new SteeringSettingsRepository(m).update(teamId, {
          valueTags: settings.valueTags,
          riskCategories: settings.riskCategories,
        });
        if (body.morningForum !== undefined)
          await switchReadyMade(m, settings, 'morning', body.morningForum, auth.userId);
        if (body.afternoonForum !== undefined)
          await switchReadyMade(m, settings, 'afternoon', body.afternoonForum, auth.userId);
        return toSettingsDto(settings);
      },
      'facilitator',
    );
  }
}
