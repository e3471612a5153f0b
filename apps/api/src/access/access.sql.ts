/**
 * The access policy (`RULES` in access.policy.ts) rendered as a SQL condition, for a statement that must
 * check it as it writes (the live hot path: the row lock, the check and the write in one statement).
 * test/foundation/access-policy-sql.test.ts checks it against the TypeScript predicate for everyone, rule and scope.
 */
import { type AliasableExpression, type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { TeamRole } from '@tillit/protocol';
import type { Database } from '../database/query-builder.js';
import { type AccessRule, RULES } from './access.policy.js';

const eb = expressionBuilder<Database>();
const ALL_ROLES = RULES.member.team;

/** In SQL, a meeting's facilitator is a column, not a known fact: the condition compares it. */
export type SqlAccessScope = 'team' | { facilitatorId: Expression<string | null> };

/** `userId` passes `rule` in the team `teamId` (an expression, e.g. the locked meeting's `team_id`). */
export function passesSql(
  rule: AccessRule,
  { teamId, userId, scope }: { teamId: Expression<string>; userId: string; scope: SqlAccessScope },
): Expression<SqlBool> {
  const def = RULES[rule];
  const conditions = [
    eb.exists(membership(teamId, userId, scope === 'team' ? def.team : def.meeting)),
    eb.exists(orgAdmin(teamId, userId)),
  ];
  if (scope !== 'team' && def.meetingFacilitator) {
    conditions.push(eb.and([eb(scope.facilitatorId, '=', userId), eb.exists(membership(teamId, userId, ALL_ROLES))]));
  }
  return eb.or(conditions);
}

function membership(teamId: Expression<string>, userId: string, roles: readonly TeamRole[]) {
  const member = eb
    .selectFrom('team_members as tm')
    .select(sql.lit(1).as('one'))
    .where('tm.team_id', '=', teamId)
    .where('tm.user_id', '=', userId);
  if (ALL_ROLES.every((r) => roles.includes(r))) return member;
  return member.where(
    'tm.role',
    'in',
    roles.map((r) => sql.lit(r)),
  );
}

function orgAdmin(teamId: Expression<string>, userId: string) {
  return eb
    .selectFrom('teams as t')
    .innerJoin('organization_members as om', 'om.organization_id', 't.organization_id')
    .select(sql.lit(1).as('one'))
    .where('t.id', '=', teamId)
    .where('om.user_id', '=', userId)
    .where('om.role', '=', sql.lit('admin'));
}

/** The session still exists and is this person's (signing out, or being signed out, deletes it). */
export const sessionLiveSql = (sessionId: string, userId: string): AliasableExpression<SqlBool> =>
  eb.exists(
    eb
      .selectFrom('sessions as s')
      .select(sql.lit(1).as('one'))
      .where('s.id', '=', sessionId)
      .where('s.user_id', '=', userId),
  );
