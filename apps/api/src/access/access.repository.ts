/**
 * The lookups the access policy decides on. Each takes the runner it should read with: the pool (a
 * DataSource's manager) or the caller's transaction, so a check inside a transaction sees its rows.
 */
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import { runQuery, sqlBuilder, StatementShapes, type ValueOf } from '../database/query-builder.js';
import { OrganizationMember } from '../organizations/organization.entity.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import type { Standing } from './access.policy.js';
import { sessionLiveSql } from './access.sql.js';

export const findTeam = (m: EntityManager, teamId: string): Promise<Team | null> => m.findOneBy(Team, { id: teamId });

/** A person's standing in a team already found. */
export async function teamStanding(m: EntityManager, team: Team, userId: string): Promise<Standing> {
  const [membership, orgMembership] = await Promise.all([
    m.findOneBy(TeamMember, { teamId: team.id, userId }),
    m.findOneBy(OrganizationMember, { organizationId: team.organizationId, userId }),
  ]);
  return { role: membership?.role ?? null, isOrgAdmin: orgMembership?.role === 'admin' };
}

const standingStatement = new StatementShapes((_: null, value: ValueOf<{ teamId: string; userId: string }>) => {
  const userId = value((v) => v.userId);
  return sqlBuilder
    .selectFrom('teams as t')
    .leftJoin('team_members as tm', (j) => j.onRef('tm.team_id', '=', 't.id').on('tm.user_id', '=', userId))
    .leftJoin('organization_members as om', (j) =>
      j.onRef('om.organization_id', '=', 't.organization_id').on('om.user_id', '=', userId),
    )
    .select((eb) => [
      'tm.role as role',
      eb.fn
        .coalesce(eb('om.role', '=', sql.lit('admin')), sql.lit(false))
        .$castTo<boolean>()
        .as('is_org_admin'),
    ])
    .where(
      't.id',
      '=',
      value((v) => v.teamId),
    );
});

/** A person's standing in a team by its id, in one round trip (a team that does not exist: nobody's). */
export async function standingInTeam(
  m: Pick<EntityManager, 'query'>,
  teamId: string,
  userId: string,
): Promise<Standing> {
  const [row] = await runQuery(m, standingStatement.compile('', null, { teamId, userId }));
  return { role: row?.role ?? null, isOrgAdmin: row?.is_org_admin ?? false };
}

export const orgMembership = (
  m: EntityManager,
  userId: string,
  organizationId: string,
): Promise<OrganizationMember | null> => m.findOneBy(OrganizationMember, { organizationId, userId });

/**
 * A meeting, whether the session is still this person's, and the person's standing in the meeting's team:
 * what joining a meeting decides on, in one statement. The command authorization extends it (see
 * live/command-authorization.ts). No row: no such meeting.
 */
export function meetingAccessQuery(meetingId: string, sessionId: string, userId: string) {
  return sqlBuilder
    .selectFrom('meetings as m')
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .leftJoin('team_members as tm', (j) => j.onRef('tm.team_id', '=', 'm.team_id').on('tm.user_id', '=', userId))
    .leftJoin('organization_members as om', (j) =>
      j.onRef('om.organization_id', '=', 't.organization_id').on('om.user_id', '=', userId),
    )
    .select((eb) => [
      'm.team_id',
      'm.facilitator_id',
      sessionLiveSql(sessionId, userId).as('session_live'),
      'tm.role as team_role',
      eb.fn
        .coalesce(eb('om.role', '=', sql.lit('admin')), sql.lit(false))
        .$castTo<boolean>()
        .as('org_admin'),
    ])
    .where('m.id', '=', meetingId);
}

const meetingAccessStatement = new StatementShapes(
  (_: null, value: ValueOf<{ meetingId: string; sessionId: string; userId: string }>) =>
    meetingAccessQuery(
      value((v) => v.meetingId),
      value((v) => v.sessionId),
      value((v) => v.userId),
    ),
);

export async function meetingAccess(
  m: Pick<EntityManager, 'query'>,
  meetingId: string,
  sessionId: string,
  userId: string,
) {
  const [row] = await runQuery(m, meetingAccessStatement.compile('', null, { meetingId, sessionId, userId }));
  return row;
}

/** The standing a meeting-access row found. */
export const standingOf = (row: { team_role: Standing['role']; org_admin: boolean }): Standing => ({
  role: row.team_role,
  isOrgAdmin: row.org_admin,
});
