import { Global, Module } from '@nestjs/common';
import { TeamAccessService } from './team-access.service.js';

/** The access policy's service, for every module (REST services ask it before they read or change a team). */
@Global()
@Module({ providers: [TeamAccessService], exports: [TeamAccessService] })
export class AccessModule {}
