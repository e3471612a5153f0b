import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateEthicsThemeBody,
  ErrorCode,
  ETHICS_LIMITS,
  type EthicsThemeDto,
  type EthicsThemeLibraryDto,
  EthicsThemesQuery,
  type GroupNotesDto,
  UpdateEthicsThemeBody,
} from '@tillit/protocol';
import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { AppError } from '../common/app-error.js';
import { ApiZodBody, parseOrThrow, uuidParam, zodBody } from '../common/zod.js';
import { EthicsService } from './ethics.service.js';
import { TeamChanges } from '../live/team-changed.js';

/** A group number in a path: anything else names nothing. */
export const groupParam: PipeTransform<string, number> = {
  transform: (value: string) => {
    if (!/^\d{1,2}$/.test(value) || Number(value) >= ETHICS_LIMITS.groups)
      throw new AppError(ErrorCode.NotFound, 'Not found');
    return Number(value);
  },
};

/** Ethics forum: the theme library and the team's own themes; a breakout group's confidential notes. */
@ApiTags('ethics')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('ethics')
@Controller()
export class EthicsController {
  constructor(private readonly ethics: EthicsService) {}

  @Get('teams/:teamId/ethics/themes')
  library(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<EthicsThemeLibraryDto> {
    return this.ethics.library(auth.userId, teamId, parseOrThrow(EthicsThemesQuery, query).forumId);
  }

  @Post('teams/:teamId/ethics/themes')
  @ApiZodBody(CreateEthicsThemeBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreateEthicsThemeBody)) body: z.output<typeof CreateEthicsThemeBody>,
  ): Promise<EthicsThemeDto> {
    return this.ethics.createTheme(auth.userId, teamId, body);
  }

  @Patch('teams/:teamId/ethics/themes/:themeId')
  @ApiZodBody(UpdateEthicsThemeBody)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('themeId', uuidParam) themeId: string,
    @Body(zodBody(UpdateEthicsThemeBody)) body: z.output<typeof UpdateEthicsThemeBody>,
  ): Promise<EthicsThemeDto> {
    return this.ethics.updateTheme(auth.userId, teamId, themeId, body);
  }

  @Delete('teams/:teamId/ethics/themes/:themeId')
  @HttpCode(204)
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('themeId', uuidParam) themeId: string,
  ): Promise<void> {
    return this.ethics.deleteTheme(auth.userId, teamId, themeId);
  }

  /** Members of that group only (not managers, not the facilitator, unless they are in the group). */
  @Get('meetings/:meetingId/phases/:phaseId/groups/:group/notes')
  notes(
    @CurrentAuth() auth: AuthContext,
    @Param('meetingId', uuidParam) meetingId: string,
    @Param('phaseId', uuidParam) phaseId: string,
    @Param('group', groupParam) group: number,
  ): Promise<GroupNotesDto> {
    return this.ethics.groupNotes(auth.userId, meetingId, phaseId, group);
  }
}
