import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreatePlanItemBody,
  type DayPlanDto,
  DayQuery,
  type PlanItemDto,
  SetAbsenceBody,
  todayIn,
  UpdatePlanItemBody,
} from '@tillit/protocol';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../../auth/auth.decorators.js';
import { ApiZodBody, parseOrThrow, uuidParam, zodBody } from '../../common/zod.js';
import { SteeringService } from '../steering.service.js';
import {
  absencesOn,
  createPlanItem,
  dayItems,
  deletePlanItem,
  editPlanItem,
  findPlanItem,
  followUpPlanItem,
  replaceAssignees,
  setAbsence,
  toPlanDtos,
} from './plans.js';
import { TeamChanges } from '../../live/team-changed.js';

/** The plan of any day, past or coming, between meetings: items can be added ahead. */
@ApiTags('steering')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('steering')
@Controller('teams/:teamId/steering')
export class PlansController {
  constructor(private readonly steering: SteeringService) {}

  @Get('plan')
  plan(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<DayPlanDto> {
    const day = parseOrThrow(DayQuery, query).day ?? todayIn();
    return this.steering.run(auth.userId, teamId, async ({ m }) => ({
      day,
      items: await toPlanDtos(m, await dayItems(m, teamId, day)),
      absences: await absencesOn(m, teamId, day),
    }));
  }

  @Post('plan')
  @ApiZodBody(CreatePlanItemBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreatePlanItemBody)) body: z.output<typeof CreatePlanItemBody>,
  ): Promise<PlanItemDto> {
    return this.steering.run(
      auth.userId,
      teamId,
      async (c) => (await toPlanDtos(c.m, [await createPlanItem(c, body)]))[0]!,
    );
  }

  @Patch('plan/:itemId')
  @ApiZodBody(UpdatePlanItemBody)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('itemId', uuidParam) itemId: string,
    @Body(zodBody(UpdatePlanItemBody)) body: z.output<typeof UpdatePlanItemBody>,
  ): Promise<PlanItemDto> {
    return this.steering.run(auth.userId, teamId, async (c) => {
      const item = await findPlanItem(c.m, teamId, itemId);
      const { assigneeIds, followUp, ...fields } = body;
      await editPlanItem(c, item, fields);
      if (assigneeIds) await replaceAssignees(c, item, assigneeIds);
      if (followUp) await followUpPlanItem(c, item, followUp);
      return (await toPlanDtos(c.m, [item]))[0]!;
    });
  }

  @Delete('plan/:itemId')
  @HttpCode(204)
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('itemId', uuidParam) itemId: string,
  ): Promise<void> {
    await this.steering.run(auth.userId, teamId, async (c) =>
      deletePlanItem(c, await findPlanItem(c.m, teamId, itemId)),
    );
  }

  /** Mark yourself (or, as facilitator or manager, anyone) absent or present on a day. */
  @Put('absences')
  @HttpCode(204)
  @ApiZodBody(SetAbsenceBody)
  async absence(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(SetAbsenceBody)) body: z.output<typeof SetAbsenceBody>,
  ): Promise<void> {
    await this.steering.run(auth.userId, teamId, (c) => setAbsence(c, body.day, body.userId, body.absent));
  }
}
