import { Injectable } from '@nestjs/common';
import { ErrorCode, type SignInBody, type SignUpBody } from '@tillit/protocol';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { ThrottleService } from './throttle.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: ThrottleService,
  ) {}

  async signUp(body: SignUpBody): Promise<User> {
    const local = body.email.split('@')[0]!.toLowerCase();
    if (local.length >= 4 && body.password.toLowerCase().includes(local)) {
      throw new AppError(ErrorCode.ValidationFailed, 'The password must not contain your email address', {
        issues: [{ path: 'password', message: 'must not contain the email address' }],
      });
    }
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.users.create({
        email: body.email,
        passwordHash,
        displayName: body.displayName,
        locale: body.locale ?? 'sv',
      });
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw new AppError(ErrorCode.Conflict, 'An account with this email address already exists');
      }
      throw err;
    }
  }

  async signIn(body: SignInBody, ip: string): Promise<User> {
    await this.throttle.assertAllowed(body.email, ip);
    const user = await this.users.findByEmail(body.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), body.password);
    if (!user || !ok) {
      await this.throttle.recordFailure(body.email, ip);
      throw new AppError(ErrorCode.InvalidCredentials, 'The email address or password is wrong');
    }
    await this.throttle.clear(body.email);
    return user;
  }
}
