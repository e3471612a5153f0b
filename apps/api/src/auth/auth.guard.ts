import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, SESSION_COOKIE } from '@tillit/protocol';
import { AppError } from '../common/app-error.js';
import { type AuthedRequest, IS_PUBLIC } from './auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { setSessionCookie } from './cookies.js';
import { SessionsService, TOUCH_EVERY_MS } from './sessions.service.js';

/** Every route needs a live session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' ? await this.sessions.authenticate(token) : null;
    if (session) {
      req.auth = { userId: session.userId, sessionId: session.id };
      // The server slid the session's expiry; slide the cookie's too, or daily users are signed out at 30 days.
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        setSessionCookie(ctx.switchToHttp().getResponse(), token as string, this.config.cookieSecure);
      }
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    if (!session) throw new AppError(ErrorCode.Unauthenticated, 'Sign in to continue');
    return true;
  }
}
