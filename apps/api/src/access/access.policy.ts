/**
 * THE access policy: who may see a team and what they may do in it and in its meetings. Written once, as the
 * table `RULES`; `may` reads it in TypeScript (REST, the join, the transaction path) and `access.sql.ts`
 * renders the same table as SQL for the single-statement hot path. Pure: it decides on facts looked up
 * elsewhere (always from the database, never from ids a client claims).
 *
 * One vocabulary for REST and live (a live command's `rule` in the protocol is one of these):
 * - `member`: anyone in the team, whatever their role;
 * - `facilitator`: on the team (REST), a facilitator or manager; inside a meeting, the meeting's CURRENT
 *   facilitator or a manager — a team facilitator who does not facilitate this meeting does not pass;
 * - `manager`: a manager of the team.
 * An admin of the team's organisation sees every team of it and passes every rule, member or not. Anyone
 * else outside the team does not see it at all (404, never a hint that it exists); someone who sees it
 * but whose standing is too low is forbidden (403).
 */
import type { CommandRule, TeamRole } from '@tillit/protocol';

export type AccessRule = CommandRule | 'manager';

/** What a rule lets through, besides organisation admins (who pass every rule). */
interface RuleDef {
  /** Team roles that pass when the question is asked on the team (REST). */
  team: readonly TeamRole[];
  /** Team roles that pass inside a meeting, whoever facilitates it. */
  meeting: readonly TeamRole[];
  /** Inside a meeting: its current facilitator passes too (while they still see the team). */
  meetingFacilitator: boolean;
}

const ALL_ROLES: readonly TeamRole[] = ['manager', 'facilitator', 'member'];

export const RULES: Readonly<Record<AccessRule, RuleDef>> = {
  member: { team: ALL_ROLES, meeting: ALL_ROLES, meetingFacilitator: false },
  facilitator: { team: ['manager', 'facilitator'], meeting: ['manager'], meetingFacilitator: true },
  manager: { team: ['manager'], meeting: ['manager'], meetingFacilitator: false },
};

/** A person's place in a team, as the database has it. */
export interface Standing {
  /** Their role in the team; null when they are not a member. */
  role: TeamRole | null;
  /** An admin of the team's organisation. */
  isOrgAdmin: boolean;
}

/** Where a question is asked: on the team (REST), or inside a meeting, knowing whether they facilitate it. */
export type AccessScope = 'team' | { facilitatesMeeting: boolean };

export type Verdict = 'allowed' | 'hidden' | 'forbidden';

/** Whether the team is visible at all; when not, the answer is NOT_FOUND (404). */
export const seesTeam = (s: Standing): boolean => s.role !== null || s.isOrgAdmin;

/** Whether the person passes `rule` (seeing the team is part of every rule). */
export function may(rule: AccessRule, s: Standing, scope: AccessScope): boolean {
  if (s.isOrgAdmin) return true;
  if (s.role === null) return false;
  const def = RULES[rule];
  if (scope === 'team') return def.team.includes(s.role);
  return def.meeting.includes(s.role) || (def.meetingFacilitator && scope.facilitatesMeeting);
}

export function verdict(rule: AccessRule, s: Standing, scope: AccessScope): Verdict {
  if (!seesTeam(s)) return 'hidden';
  return may(rule, s, scope) ? 'allowed' : 'forbidden';
}
