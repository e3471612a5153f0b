import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  MeetingHistoryQuery,
  type MeetingDto,
  type MeetingSnapshot,
  StartAdHocMeetingBody,
  StartMeetingBody,
} from '@tillit/protocol';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { ApiZodBody, parseOrThrow, uuidParam, zodBody } from '../common/zod.js';
import { MeetingsService } from './meetings.service.js';

/** Starting meetings and reading them; everything inside a live meeting goes over the socket (see live/). */
@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post('teams/:teamId/forums/:forumId/meetings')
  @ApiZodBody(StartMeetingBody)
  start(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('forumId', uuidParam) forumId: string,
    @Body(zodBody(StartMeetingBody)) body: z.output<typeof StartMeetingBody>,
  ): Promise<MeetingDto> {
    return this.meetings.startFromForum(auth.userId, teamId, forumId, body);
  }

  @Post('teams/:teamId/meetings')
  @ApiZodBody(StartAdHocMeetingBody)
  startAdHoc(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(StartAdHocMeetingBody)) body: z.output<typeof StartAdHocMeetingBody>,
  ): Promise<MeetingDto> {
    return this.meetings.startAdHoc(auth.userId, teamId, body);
  }

  /** Meeting history, newest first. */
  @Get('teams/:teamId/meetings')
  history(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<MeetingDto[]> {
    return this.meetings.history(auth.userId, teamId, parseOrThrow(MeetingHistoryQuery, query));
  }

  @Get('meetings/:meetingId')
  get(@CurrentAuth() auth: AuthContext, @Param('meetingId', uuidParam) meetingId: string): Promise<MeetingSnapshot> {
    return this.meetings.snapshot(auth.userId, meetingId);
  }
}
