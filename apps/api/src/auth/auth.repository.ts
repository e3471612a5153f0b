import { LessThan, MoreThan, Not } from 'typeorm';
import { RepositoryBase } from '../common/repository.js';
import type { User } from '../users/user.entity.js';
import { Session } from './session.entity.js';
import { SignInFailure } from './sign-in-attempt.entity.js';

/** Sessions and the sign-in failures that throttle guessing. */
export class AuthRepository extends RepositoryBase {
  createSession(
    fields: Pick<Session, 'tokenHash' | 'userId' | 'lastSeenAt' | 'expiresAt' | 'userAgent'>,
  ): Promise<Session> {
    return this.m.save(this.m.create(Session, fields));
  }

  /** The session with this token hash; with its person loaded in the same query when `withUser`. */
  sessionByTokenHash(hash: string, withUser: boolean): Promise<(Session & { user?: User }) | null> {
    const query = this.m.createQueryBuilder(Session, 's').where('s.token_hash = :hash', { hash });
    if (withUser) query.innerJoinAndSelect('s.user', 'u');
    return query.getOne();
  }

  async touchSession(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.m.update(Session, { id }, { lastSeenAt, expiresAt });
  }

  sessionExists(id: string): Promise<boolean> {
    return this.m.exists(Session, { where: { id } });
  }

  async deleteSession(id: string): Promise<void> {
    await this.m.delete(Session, { id });
  }

  async deleteExpiredSessions(userId: string, now: Date): Promise<void> {
    await this.m.delete(Session, { userId, expiresAt: LessThan(now) });
  }

  sessionsOf(userId: string): Promise<Session[]> {
    return this.m.find(Session, { where: { userId }, order: { lastSeenAt: 'DESC' } });
  }

  /** Deletes the session only if it is this user's; true when one was deleted. */
  async deleteSessionOf(userId: string, id: string): Promise<boolean> {
    return !!(await this.m.delete(Session, { id, userId })).affected;
  }

  async sessionIdsExcept(userId: string, keepId: string): Promise<string[]> {
    return (await this.m.find(Session, { where: { userId, id: Not(keepId) }, select: { id: true } })).map((s) => s.id);
  }

  async deleteSessions(ids: string[]): Promise<void> {
    await this.m.delete(Session, ids);
  }

  /** The times of the latest failures (newest first, at most `max`) for an account or an address since `since`. */
  async recentFailures(by: { email: string } | { ip: string }, since: Date, max: number): Promise<Date[]> {
    const rows = await this.m.find(SignInFailure, {
      where: { ...by, createdAt: MoreThan(since) },
      order: { createdAt: 'DESC' },
      take: max,
      select: { createdAt: true },
    });
    return rows.map((r) => r.createdAt);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.m.insert(SignInFailure, { email, ip });
  }

  async deleteFailuresBefore(before: Date): Promise<void> {
    await this.m.delete(SignInFailure, { createdAt: LessThan(before) });
  }

  async clearFailures(email: string): Promise<void> {
    await this.m.delete(SignInFailure, { email });
  }
}
