import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignInBody, SignUpBody, type SessionDto, type UserDto } from '@tillit/protocol';
import type { Request, Response } from 'express';
import { notFound } from '../common/app-error.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { toUserDto, UsersService } from '../users/users.service.js';
import { type AuthContext, CurrentAuth, Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For clients that have no CSRF cookie yet: the CSRF middleware sets one on any GET that lacks it. */
  @Public()
  @Get('csrf')
  @HttpCode(204)
  csrf(): void {}

  @Public()
  @Post('sign-up')
  @ApiZodBody(SignUpBody)
  async signUp(
    @Body(zodBody(SignUpBody)) body: SignUpBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.auth.signUp(body);
    const { token } = await this.sessions.create(user.id, req.header('user-agent'));
    setSessionCookie(res, token, this.config.cookieSecure);
    return toUserDto(user);
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiZodBody(SignInBody)
  async signIn(
    @Body(zodBody(SignInBody)) body: SignInBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.auth.signIn(body, req.ip ?? 'unknown');
    const { token } = await this.sessions.create(user.id, req.header('user-agent'));
    setSessionCookie(res, token, this.config.cookieSecure);
    return toUserDto(user);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request & { auth?: AuthContext }, @Res({ passthrough: true }) res: Response) {
    if (req.auth) await this.sessions.revoke(req.auth.userId, req.auth.sessionId);
    clearSessionCookie(res, this.config.cookieSecure);
  }

  @Get('me')
  async me(@CurrentAuth() auth: AuthContext): Promise<UserDto> {
    return toUserDto(await this.users.get(auth.userId));
  }

  @Get('sessions')
  listSessions(@CurrentAuth() auth: AuthContext): Promise<SessionDto[]> {
    return this.sessions.list(auth.userId, auth.sessionId);
  }

  /** "Sign out everywhere else": every session but this one. */
  @Delete('sessions')
  @HttpCode(204)
  async revokeOthers(@CurrentAuth() auth: AuthContext): Promise<void> {
    await this.sessions.revokeOthers(auth.userId, auth.sessionId);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (!(await this.sessions.revoke(auth.userId, id))) throw notFound('No such session');
    if (id === auth.sessionId) clearSessionCookie(res, this.config.cookieSecure);
  }
}
