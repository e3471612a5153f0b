import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity.js';
import { UsersController } from '../users/users.controller.js';
import { UsersService } from '../users/users.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { RevocationBus } from './revocation.bus.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { SignInFailure } from './sign-in-attempt.entity.js';
import { ThrottleService } from './throttle.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User, Session, SignInFailure])],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    SessionsService,
    ThrottleService,
    UsersService,
    AuthRepository,
    UsersRepository,
    RevocationBus,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, UsersService, RevocationBus],
})
export class AuthModule {}
