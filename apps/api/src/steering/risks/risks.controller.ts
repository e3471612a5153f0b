import { Body, Controller, Get, Header, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateRiskBody,
  EscalateBody,
  type EscalationDto,
  EscalationMessageBody,
  EscalationsQuery,
  type RiskDto,
  RiskLogQuery,
  UpdateRiskBody,
} from '@tillit/protocol';
import type { Response } from 'express';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../../auth/auth.decorators.js';
import { ApiZodBody, parseOrThrow, uuidParam, zodBody } from '../../common/zod.js';
import { SteeringService } from '../steering.service.js';
import {
  closeEscalation,
  createRisk,
  escalateRisk,
  escalationDto,
  findEscalation,
  findRisk,
  replyToEscalation,
  riskLog,
  riskLogCsv,
  teamEscalations,
  toRiskDto,
  updateRisk,
} from './risks.js';
import { TeamChanges } from '../../live/team-changed.js';

/** The risk log (filters, sort, CSV) and escalations between meetings. */
@ApiTags('steering')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('steering')
@Controller('teams/:teamId/steering')
export class RisksController {
  constructor(private readonly steering: SteeringService) {}

  @Get('risks')
  list(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<RiskDto[]> {
    const q = parseOrThrow(RiskLogQuery, query);
    return this.steering.run(auth.userId, teamId, async (c) => (await riskLog(c.m, teamId, q, c.now)).map(toRiskDto));
  }

  @Get('risks.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async csv(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const q = parseOrThrow(RiskLogQuery, query);
    const csv = await this.steering.run(auth.userId, teamId, (c) => riskLogCsv(c, q));
    res.setHeader('content-disposition', `attachment; filename="risks-${new Date().toISOString().slice(0, 10)}.csv"`);
    // A byte-order mark so that spreadsheet programs read å, ä and ö right.
    return `\uFEFF${csv}`;
  }

  @Post('risks')
  @ApiZodBody(CreateRiskBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreateRiskBody)) body: z.output<typeof CreateRiskBody>,
  ): Promise<RiskDto> {
    return this.steering.run(auth.userId, teamId, async (c) => toRiskDto(await createRisk(c, body)));
  }

  @Patch('risks/:riskId')
  @ApiZodBody(UpdateRiskBody)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('riskId', uuidParam) riskId: string,
    @Body(zodBody(UpdateRiskBody)) body: z.output<typeof UpdateRiskBody>,
  ): Promise<RiskDto> {
    return this.steering.run(auth.userId, teamId, async (c) =>
      toRiskDto(await updateRisk(c, await findRisk(c.m, teamId, riskId), body)),
    );
  }

  @Post('risks/:riskId/escalations')
  @ApiZodBody(EscalateBody)
  escalate(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('riskId', uuidParam) riskId: string,
    @Body(zodBody(EscalateBody)) body: z.output<typeof EscalateBody>,
  ): Promise<EscalationDto> {
    return this.steering.run(auth.userId, teamId, async (c) => {
      const e = await escalateRisk(c, await findRisk(c.m, teamId, riskId), body.note);
      return escalationDto(c.m, e.id);
    });
  }

  /** Escalations with their threads; open ones oldest first (the age matters), closed ones newest first. */
  @Get('escalations')
  escalations(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<EscalationDto[]> {
    const q = parseOrThrow(EscalationsQuery, query);
    return this.steering.run(auth.userId, teamId, ({ m }) => teamEscalations(m, teamId, q.status));
  }

  @Post('escalations/:escalationId/messages')
  @ApiZodBody(EscalationMessageBody)
  reply(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('escalationId', uuidParam) escalationId: string,
    @Body(zodBody(EscalationMessageBody)) body: z.output<typeof EscalationMessageBody>,
  ): Promise<EscalationDto> {
    return this.steering.run(auth.userId, teamId, async (c) => {
      await replyToEscalation(c, await findEscalation(c.m, teamId, escalationId), body.text);
      return escalationDto(c.m, escalationId);
    });
  }

  @Post('escalations/:escalationId/close')
  close(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('escalationId', uuidParam) escalationId: string,
  ): Promise<EscalationDto> {
    return this.steering.run(auth.userId, teamId, async (c) => {
      await closeEscalation(c, await findEscalation(c.m, teamId, escalationId));
      return escalationDto(c.m, escalationId);
    });
  }
}
