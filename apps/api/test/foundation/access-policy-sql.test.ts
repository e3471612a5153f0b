/**
 * The access policy's SQL form (access.sql.ts, used by the live hot path) decides exactly as its TypeScript
 * form (access.policy.ts) for everyone in and around a team, in every rule and scope.
 */
import { sql } from 'kysely';
import { type AccessRule, type AccessScope, may } from '../../src/access/access.policy.js';
import { standingInTeam } from '../../src/access/access.repository.js';
import { passesSql } from '../../src/access/access.sql.js';
import { runQuery, sqlBuilder } from '../../src/database/query-builder.js';
import { join, type Person, signUp, world } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let people: Record<string, Person>;

beforeAll(async () => {
  t = await startTestApp();
  w = await world(t.url);
  const manager = await signUp(t.url, 'Mona');
  await join(w.admin, w.team.id, manager, 'manager');
  // An admin of the organisation who is not in the team.
  const orgAdmin = await signUp(t.url, 'Ada');
  await join(w.admin, w.otherTeam.id, orgAdmin, 'member');
  await t.db.query(`UPDATE organization_members SET role = 'admin' WHERE user_id = $1`, [orgAdmin.user.id]);
  people = {
    'org admin and manager': w.admin,
    manager,
    facilitator: w.facilitator,
    member: w.member,
    'org admin outside the team': orgAdmin,
    'member of another team': w.sameOrgOther,
    'another organisation': w.outsider,
  };
});

afterAll(() => t?.close());

test('the SQL condition and the predicate agree for every person, rule and scope', async () => {
  const rules: AccessRule[] = ['member', 'facilitator', 'manager'];
  let checked = 0;
  for (const [who, person] of Object.entries(people)) {
    const userId = person.user.id;
    const standing = await standingInTeam(t.db.manager, w.team.id, userId);
    const scopes: [AccessScope, string | null][] = [
      ['team', null],
      [{ facilitatesMeeting: true }, userId],
      [{ facilitatesMeeting: false }, w.member.user.id === userId ? w.facilitator.user.id : w.member.user.id],
      [{ facilitatesMeeting: false }, null],
    ];
    for (const rule of rules) {
      for (const [scope, facilitatorId] of scopes) {
        const teamId = sql<string>`${w.team.id}::uuid`;
        const condition = passesSql(rule, {
          teamId,
          userId,
          scope: scope === 'team' ? 'team' : { facilitatorId: sql<string | null>`${facilitatorId}::uuid` },
        });
        const query = sqlBuilder
          .selectNoFrom((eb) => eb.fn.coalesce(condition, sql.lit(false)).$castTo<boolean>().as('ok'))
          .compile();
        const [row] = await runQuery(t.db, query);
        expect({ who, rule, scope, ok: row!.ok }).toEqual({ who, rule, scope, ok: may(rule, standing, scope) });
        checked++;
      }
    }
  }
  expect(checked).toBe(Object.keys(people).length * 3 * 4);
});
