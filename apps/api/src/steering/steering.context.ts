/** What every daily-steering operation gets, from a REST route or a live command alike. */
import { ErrorCode, type TeamRole } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { may, type Standing } from '../access/access.policy.js';
import { TeamsRepository } from '../teams/teams.repository.js';

export interface SteeringActor {
  userId: string;
  /** null: an organisation admin who is not a member of the team. */
  role: TeamRole | null;
  isOrgAdmin: boolean;
  /** In a meeting: its facilitator, a manager or an organisation admin; over REST: a facilitator or manager role. */
  mayFacilitate: boolean;
}

export interface SteeringCtx {
  /** The transaction. */
  m: EntityManager;
  teamId: string;
  actor: SteeringActor;
  /** The live meeting the change happens in (null: between meetings). */
  meetingId: string | null;
  now: Date;
}

export const actorFromAccess = (userId: string, access: Standing): SteeringActor => ({
  userId,
  role: access.role,
  isOrgAdmin: access.isOrgAdmin,
  mayFacilitate: may('facilitator', access, 'team'),
});

export const isManager = (a: SteeringActor) => may('manager', a, 'team');

/** Everyone named must be a member of the team (ids from a client are only ever looked up). */
export async function assertMembers(
  m: EntityManager,
  teamId: string,
  ids: readonly string[],
  field: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await new TeamsRepository(m).countMembersAmong(teamId, unique);
  if (found !== unique.length) {
    throw new AppError(ErrorCode.ValidationFailed, 'Not a member of the team', {
      issues: [{ path: field, message: 'not a member of the team' }],
    });
  }
}

export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
