import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE } from '@tillit/protocol';
import type { CookieOptions, Response } from 'express';
import { SESSION_TTL_MS } from './sessions.service.js';

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** Double-submit token: readable by our page's script (not httpOnly) and echoed in a header. */
export function csrfCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/' };
}

export function issueCsrfCookie(res: Response, secure: boolean): string {
  const token = randomBytes(24).toString('base64url');
  res.cookie(CSRF_COOKIE, token, csrfCookieOptions(secure));
  return token;
}
