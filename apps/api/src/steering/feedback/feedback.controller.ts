import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FeedbackDto, FeedbackWallQuery, GiveFeedbackBody, type MyFeedbackDto, ReactBody } from '@tillit/protocol';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../../auth/auth.decorators.js';
import { ApiZodBody, parseOrThrow, uuidParam, zodBody } from '../../common/zod.js';
import { SteeringService } from '../steering.service.js';
import { feedbackWall, findVisibleFeedback, giveFeedback, myFeedback, react, toFeedbackDtos } from './feedback.js';
import { TeamChanges } from '../../live/team-changed.js';

/** Feedback any time: the team's wall, "my feedback", giving and reacting. */
@ApiTags('steering')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('steering')
@Controller('teams/:teamId/steering/feedback')
export class FeedbackController {
  constructor(private readonly steering: SteeringService) {}

  @Get()
  wall(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<FeedbackDto[]> {
    const q = parseOrThrow(FeedbackWallQuery, query);
    return this.steering.run(auth.userId, teamId, async ({ m }) =>
      toFeedbackDtos(m, await feedbackWall(m, teamId, q.before, q.limit), auth.userId),
    );
  }

  @Get('mine')
  mine(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<MyFeedbackDto> {
    return this.steering.run(auth.userId, teamId, async ({ m }) => {
      const { received, given } = await myFeedback(m, teamId, auth.userId);
      return {
        received: await toFeedbackDtos(m, received, auth.userId),
        given: await toFeedbackDtos(m, given, auth.userId),
      };
    });
  }

  @Post()
  @ApiZodBody(GiveFeedbackBody)
  give(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(GiveFeedbackBody)) body: z.output<typeof GiveFeedbackBody>,
  ): Promise<FeedbackDto> {
    return this.steering.run(
      auth.userId,
      teamId,
      async (c) => (await toFeedbackDtos(c.m, [await giveFeedback(c, body)], auth.userId))[0]!,
    );
  }

  @Post(':feedbackId/reactions')
  @ApiZodBody(ReactBody)
  react(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('feedbackId', uuidParam) feedbackId: string,
    @Body(zodBody(ReactBody)) body: z.output<typeof ReactBody>,
  ): Promise<FeedbackDto> {
    return this.steering.run(auth.userId, teamId, async (c) => {
      const f = await findVisibleFeedback(c.m, teamId, feedbackId, auth.userId);
      await react(c, f, body.reaction, body.on);
      return (await toFeedbackDtos(c.m, [f], auth.userId))[0]!;
    });
  }
}
