import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type KasamFollowUpDto, type KasamTrendPoint, KasamTrendQuery } from '@tillit/protocol';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { parseOrThrow, uuidParam } from '../common/zod.js';
import { KasamService } from './kasam.service.js';
import { TeamChanges } from '../live/team-changed.js';

/** KASAM dialogue: the trend of revealed aggregates, and the actions to follow up. Answers are never readable. */
@ApiTags('kasam')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('kasam')
@Controller()
export class KasamController {
  constructor(private readonly kasam: KasamService) {}

  @Get('teams/:teamId/kasam/trend')
  trend(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<KasamTrendPoint[]> {
    return this.kasam.trend(auth.userId, teamId, parseOrThrow(KasamTrendQuery, query).forumId);
  }

  @Get('meetings/:meetingId/kasam/follow-up')
  followUp(
    @CurrentAuth() auth: AuthContext,
    @Param('meetingId', uuidParam) meetingId: string,
  ): Promise<KasamFollowUpDto> {
    return this.kasam.followUp(auth.userId, meetingId);
  }
}
