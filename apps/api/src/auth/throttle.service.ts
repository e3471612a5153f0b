import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@tillit/protocol';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { SignInFailure } from './sign-in-attempt.entity.js';

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Throttles password guessing per account and per address; kept in the database so all API nodes agree. */
@Injectable()
export class ThrottleService {
  constructor(@InjectRepository(SignInFailure) private readonly failures: Repository<SignInFailure>) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - WINDOW_MS);
    for (const [where, max] of [
      [{ email, createdAt: MoreThan(since) }, MAX_FAILURES_PER_ACCOUNT],
      [{ ip, createdAt: MoreThan(since) }, MAX_FAILURES_PER_ADDRESS],
    ] as const) {
      const recent = await this.failures.find({ where, order: { createdAt: 'DESC' }, take: max, select: { createdAt: true } });
      if (recent.length >= max) {
        const oldest = recent[recent.length - 1]!.createdAt.getTime();
        const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
        throw new AppError(ErrorCode.RateLimited, 'Too many failed sign-in attempts. Wait and try again.', {
          retryAfterSeconds,
        });
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.failures.insert({ email, ip });
    await this.failures.delete({ createdAt: LessThan(new Date(Date.now() - 24 * 3600 * 1000)) });
  }

  async clear(email: string): Promise<void> {
    await this.failures.delete({ email });
  }
}
