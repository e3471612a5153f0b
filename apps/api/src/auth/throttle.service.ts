import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tillit/protocol';
import { AppError } from '../common/app-error.js';
import { AuthRepository } from './auth.repository.js';

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Throttles password guessing per account and per address; kept in the database so all API nodes agree. */
@Injectable()
export class ThrottleService {
  constructor(private readonly repo: AuthRepository) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - WINDOW_MS);
    for (const [by, max] of [
      [{ email }, MAX_FAILURES_PER_ACCOUNT],
      [{ ip }, MAX_FAILURES_PER_ADDRESS],
    ] as const) {
      const recent = await this.repo.recentFailures(by, since, max);
      if (recent.length >= max) {
        const oldest = recent[recent.length - 1]!.getTime();
        const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
        throw new AppError(ErrorCode.RateLimited, 'Too many failed sign-in attempts. Wait and try again.', {
          retryAfterSeconds,
        });
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.repo.recordFailure(email, ip);
    await this.repo.deleteFailuresBefore(new Date(Date.now() - 24 * 3600 * 1000));
  }

  async clear(email: string): Promise<void> {
    await this.repo.clearFailures(email);
  }
}
