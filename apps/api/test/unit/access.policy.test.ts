/** The access policy on its own: every standing × rule × scope, written out as the product decides it. */
import type { TeamRole } from '@tillit/protocol';
import {
  type AccessRule,
  type AccessScope,
  may,
  seesTeam,
  type Standing,
  verdict,
  type Verdict,
} from '../../src/access/access.policy.js';

const RULES: AccessRule[] = ['member', 'facilitator', 'manager'];

/** Who is asking: a team role (or none), an organisation admin or not. */
const standings: Record<string, Standing> = {
  manager: { role: 'manager', isOrgAdmin: false },
  facilitator: { role: 'facilitator', isOrgAdmin: false },
  member: { role: 'member', isOrgAdmin: false },
  'org admin outside the team': { role: null, isOrgAdmin: true },
  'org admin and member': { role: 'member', isOrgAdmin: true },
  nobody: { role: null, isOrgAdmin: false },
};

const A: Verdict = 'allowed';
const F: Verdict = 'forbidden';
const H: Verdict = 'hidden';

/** On the team (REST): member, facilitator, manager. */
const onTeam: Record<string, [Verdict, Verdict, Verdict]> = {
  manager: [A, A, A],
  facilitator: [A, A, F],
  member: [A, F, F],
  'org admin outside the team': [A, A, A],
  'org admin and member': [A, A, A],
  nobody: [H, H, H],
};

/** In a meeting the person does NOT facilitate: a team facilitator is just a member there. */
const inMeeting: Record<string, [Verdict, Verdict, Verdict]> = {
  manager: [A, A, A],
  facilitator: [A, F, F],
  member: [A, F, F],
  'org admin outside the team': [A, A, A],
  'org admin and member': [A, A, A],
  nobody: [H, H, H],
};

/** In a meeting the person facilitates now: the facilitator rule passes, the manager rule does not. */
const facilitatingMeeting: Record<string, [Verdict, Verdict, Verdict]> = {
  manager: [A, A, A],
  facilitator: [A, A, F],
  member: [A, A, F],
  'org admin outside the team': [A, A, A],
  'org admin and member': [A, A, A],
  // Named facilitator but no longer in the team: still never learns the meeting exists.
  nobody: [H, H, H],
};

const cases: [string, AccessScope, Record<string, [Verdict, Verdict, Verdict]>][] = [
  ['on the team', 'team', onTeam],
  ['in a meeting they do not facilitate', { facilitatesMeeting: false }, inMeeting],
  ['in a meeting they facilitate', { facilitatesMeeting: true }, facilitatingMeeting],
];

describe.each(cases)('%s', (_label, scope, table) => {
  const rows = Object.entries(table).flatMap(([who, verdicts]) =>
    RULES.map((rule, i) => [who, rule, verdicts[i]!] as const),
  );
  test.each(rows)('%s, rule %s → %s', (who, rule, expected) => {
    const standing = standings[who]!;
    expect(verdict(rule, standing, scope)).toBe(expected);
    expect(may(rule, standing, scope)).toBe(expected === 'allowed');
  });
});

test('seeing the team is being in it or an admin of its organisation', () => {
  const roles: (TeamRole | null)[] = ['manager', 'facilitator', 'member', null];
  for (const role of roles) {
    for (const isOrgAdmin of [false, true]) expect(seesTeam({ role, isOrgAdmin })).toBe(role !== null || isOrgAdmin);
  }
});

test('every rule of the live protocol is a rule of the policy', async () => {
  const { LIVE_COMMANDS } = await import('@tillit/protocol');
  for (const spec of Object.values(LIVE_COMMANDS)) expect(RULES).toContain(spec.rule);
});
