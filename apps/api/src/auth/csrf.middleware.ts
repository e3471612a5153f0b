import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { CSRF_COOKIE, CSRF_HEADER, ErrorCode } from '@tillit/protocol';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { issueCsrfCookie } from './cookies.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must echo the CSRF cookie in a header (double submit). A page on another site
 * can neither read our cookie nor set that header, and the session cookie is SameSite=Lax besides.
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    if (SAFE.has(req.method)) {
      if (typeof cookie !== 'string') issueCsrfCookie(res, this.config.cookieSecure);
      return next();
    }
    const header = req.header(CSRF_HEADER);
    if (
      typeof cookie !== 'string' ||
      typeof header !== 'string' ||
      cookie.length !== header.length ||
      !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))
    ) {
      return next(new AppError(ErrorCode.CsrfFailed, 'Missing or wrong CSRF token; reload the page'));
    }
    next();
  }
}
