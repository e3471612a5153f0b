import { ErrorCode, PROTOCOL_VERSION, SESSION_COOKIE, type ConnectErrorData } from '@tillit/protocol';
import type { ExtendedError } from 'socket.io';
import type { AppConfig } from '../config/config.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { LiveSocket } from './live.types.js';

/** The `connect_error` a client receives: `err.message` and a typed `err.data`. */
export function connectError(data: ConnectErrorData): ExtendedError {
  const err = new Error(data.message) as ExtendedError;
  err.data = data;
  return err;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * socket.io middleware: runs once per connection, before any event. Checks, in order: the Origin (a page on
 * another site must not ride on the person's cookie; a missing Origin means a non-browser client, which has
 * no ambient cookie to abuse), the protocol version, and the session cookie (the same check as for REST).
 */
export function handshake(config: AppConfig, sessions: SessionsService) {
  const check = async (socket: LiveSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && !config.allowedOrigins.includes(origin)) {
        return next(connectError({ code: ErrorCode.Forbidden, message: 'This origin may not connect' }));
      }
      const auth = socket.handshake.auth as { protocolVersion?: unknown } | undefined;
      if (auth?.protocolVersion !== PROTOCOL_VERSION) {
        return next(
          connectError({
            code: ErrorCode.ProtocolMismatch,
            message: 'The app is out of date: reload the page',
            serverVersion: PROTOCOL_VERSION,
          }),
        );
      }
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      const session = token ? await sessions.authenticateWithUser(token) : null;
      if (!session) return next(connectError({ code: ErrorCode.Unauthenticated, message: 'Sign in to continue' }));
      socket.data = {
        userId: session.userId,
        sessionId: session.id,
        displayName: session.user.displayName,
        device: 'laptop',
        idle: false,
        meetings: [],
      };
      next();
    } catch {
      next(connectError({ code: ErrorCode.Unauthenticated, message: 'Sign in to continue' }));
    }
  };
  // socket.io calls middleware and ignores what it returns; `check` answers every path through `next`, a throw included.
  return (socket: LiveSocket, next: (err?: ExtendedError) => void): void => void check(socket, next);
}
