import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TeamChangeScope } from '@tillit/protocol';
import type { Request } from 'express';
import { type Observable, tap } from 'rxjs';
import { LiveHub } from './live.hub.js';

const TEAM_CHANGES = 'tillit:team-changes';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * On a controller (or one route): every successful mutating request (POST, PUT, PATCH, DELETE) on a route
 * with a `:teamId` parameter tells the team's live meetings `team:changed { teamId, scope }` (see
 * TeamChangedInterceptor). `false` on a route opts it out.
 */
export const TeamChanges = (scope: TeamChangeScope | false) => SetMetadata(TEAM_CHANGES, scope);

/**
 * Global (registered in LiveModule): after a `@TeamChanges(scope)` route's handler has resolved — its
 * transaction committed — emit the hint to the team's room. A refused or failed request emits nothing. The
 * event carries only the team id (from the path, already checked by the handler) and the scope.
 */
@Injectable()
export class TeamChangedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly hub: LiveHub,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const scope = this.reflector.getAllAndOverride<TeamChangeScope | false | undefined>(TEAM_CHANGES, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!scope) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const teamId = req.params?.teamId;
    if (READS.has(req.method) || typeof teamId !== 'string' || !UUID.test(teamId)) return next.handle();
    return next.handle().pipe(tap({ complete: () => this.hub.teamChanged(teamId.toLowerCase(), scope) }));
  }
}
