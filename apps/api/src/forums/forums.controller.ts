import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateForumBody, type ForumDto, UpdateForumBody } from '@tillit/protocol';
import type { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { ForumsService } from './forums.service.js';

/** A team's forums (recurring rituals). Members read; facilitators and managers change. */
@ApiTags('forums')
@Controller('teams/:teamId/forums')
export class ForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Get()
  list(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<ForumDto[]> {
    return this.forums.list(auth.userId, teamId);
  }

  @Post()
  @ApiZodBody(CreateForumBody)
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreateForumBody)) body: z.output<typeof CreateForumBody>,
  ): Promise<ForumDto> {
    return this.forums.create(auth.userId, teamId, body);
  }

  @Get(':forumId')
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('forumId', uuidParam) forumId: string,
  ): Promise<ForumDto> {
    return this.forums.get(auth.userId, teamId, forumId);
  }

  @Patch(':forumId')
  @ApiZodBody(UpdateForumBody)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('forumId', uuidParam) forumId: string,
    @Body(zodBody(UpdateForumBody)) body: z.output<typeof UpdateForumBody>,
  ): Promise<ForumDto> {
    return this.forums.update(auth.userId, teamId, forumId, body);
  }

  @Delete(':forumId')
  @HttpCode(204)
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('forumId', uuidParam) forumId: string,
  ): Promise<void> {
    return this.forums.remove(auth.userId, teamId, forumId);
  }
}
