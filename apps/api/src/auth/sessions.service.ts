import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SessionDto } from '@tillit/protocol';
import { User } from '../users/user.entity.js';
import { AuthRepository } from './auth.repository.js';
import type { Session } from './session.entity.js';
import { RevocationBus } from './revocation.bus.js';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly revocations: RevocationBus,
  ) {}

  /** Returns the cookie token; only its hash is stored. */
  async create(userId: string, userAgent: string | undefined): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.repo.createSession({
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, session };
  }

  /** The session behind a cookie token, if it is live; slides its expiry at most once a minute. */
  async authenticate(token: string | undefined): Promise<Session | null> {
    return this.lookup(token, false);
  }

  /** The same, with the person loaded in the same query (a live connection needs their display name). */
  async authenticateWithUser(token: string | undefined): Promise<(Session & { user: User }) | null> {
    return (await this.lookup(token, true)) as (Session & { user: User }) | null;
  }

  private async lookup(token: string | undefined, withUser: boolean): Promise<Session | null> {
    if (!token || token.length > 100) return null;
    const session = await this.repo.sessionByTokenHash(hashToken(token), withUser);
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await this.repo.deleteSession(session.id);
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.repo.touchSession(session.id, new Date(now), new Date(now + SESSION_TTL_MS));
    }
    return session;
  }

  /** Is this session still valid? Used by live connections to re-check between commands. */
  async isLive(sessionId: string): Promise<boolean> {
    return this.repo.sessionExists(sessionId);
  }

  async list(userId: string, currentId: string): Promise<SessionDto[]> {
    await this.repo.deleteExpiredSessions(userId, new Date());
    const rows = await this.repo.sessionsOf(userId);
    return rows.map((s) => ({
      id: s.id,
      current: s.id === currentId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
    }));
  }

  /** Revokes one of the user's sessions; another user's session id revokes nothing. */
  async revoke(userId: string, sessionId: string): Promise<boolean> {
    const revoked = await this.repo.deleteSessionOf(userId, sessionId);
    if (revoked) this.revocations.sessionsRevoked([sessionId]);
    return revoked;
  }

  async revokeOthers(userId: string, keepId: string): Promise<void> {
    const doomed = await this.repo.sessionIdsExcept(userId, keepId);
    if (doomed.length === 0) return;
    await this.repo.deleteSessions(doomed);
    this.revocations.sessionsRevoked(doomed);
  }
}
