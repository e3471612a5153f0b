/**
 * Every foundation REST route, with who may call it, in one table. Each domain's test file runs the
 * refusal cases for its rows (no session, outside the organisation or team, too low a role, a bad body),
 * and api-conventions.test.ts fails when the OpenAPI document lists a route that has no row here.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCode, type InviteDto } from '@tillit/protocol';
import { join, PASSWORD, signUp, world } from '../factories.js';
import { Client } from '../harness.js';

/** world() plus a team manager who is not an organisation admin, and an open invite to the team. */
export async function roleWorld(baseUrl: string) {
  const w = await world(baseUrl);
  const manager = await signUp(baseUrl, 'Mikael');
  await join(w.admin, w.team.id, manager, 'manager');
  const invite = await w.admin.client.post<InviteDto>(`/api/teams/${w.team.id}/invites`, { maxUses: null });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  return { ...w, manager, invite: invite.body };
}
export type RoleWorld = Awaited<ReturnType<typeof roleWorld>>;

/** The people in a RoleWorld: `admin` is the organisation admin (and the team's first manager). */
export const TEAM_PEOPLE = ['admin', 'manager', 'facilitator', 'member'] as const;
export const ORG_PEOPLE = [...TEAM_PEOPLE, 'sameOrgOther'] as const;
export type Persona = (typeof ORG_PEOPLE)[number] | 'outsider';

export type Domain = 'auth' | 'sessions' | 'organizations' | 'teams' | 'members' | 'invites' | 'health';

export interface Route {
  domain: Domain;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it. */
  path: string;
  url: (w: RoleWorld) => string;
  /** A body the route accepts. */
  body?: (w: RoleWorld) => unknown;
  /** A body the schema refuses, and the field the refusal names. */
  invalid?: { body: unknown; field: string };
  /**
   * 'public': no session needed. 'signed-in': any session. Otherwise only `allowed` get past
   * authorization; others in the `scope` get 403 and everyone outside it 404.
   */
  access: 'public' | 'signed-in' | { scope: 'org' | 'team'; allowed: readonly Persona[] };
}

const email = () => `ny-${randomBytes(4).toString('hex')}@example.se`;
const FACILITATORS = ['admin', 'manager', 'facilitator'] as const;
const MANAGERS = ['admin', 'manager'] as const;

export const ROUTES: Route[] = [
  { domain: 'health', method: 'GET', path: '/api/health', url: () => '/api/health', access: 'public' },

  { domain: 'auth', method: 'GET', path: '/api/auth/csrf', url: () => '/api/auth/csrf', access: 'public' },
  {
    domain: 'auth',
    method: 'POST',
    path: '/api/auth/sign-up',
    url: () => '/api/auth/sign-up',
    body: () => ({ email: email(), password: PASSWORD, displayName: 'Ny' }),
    invalid: { body: { email: 'inte-en-adress', password: PASSWORD, displayName: 'Ny' }, field: 'email' },
    access: 'public',
  },
  {
    domain: 'auth',
    method: 'POST',
    path: '/api/auth/sign-in',
    url: () => '/api/auth/sign-in',
    body: (w) => ({ email: w.member.email, password: PASSWORD }),
    invalid: { body: { email: 'x@example.se', password: '' }, field: 'password' },
    access: 'public',
  },
  { domain: 'auth', method: 'POST', path: '/api/auth/sign-out', url: () => '/api/auth/sign-out', access: 'public' },
  { domain: 'auth', method: 'GET', path: '/api/auth/me', url: () => '/api/auth/me', access: 'signed-in' },
  {
    domain: 'auth',
    method: 'PATCH',
    path: '/api/me',
    url: () => '/api/me',
    body: () => ({ displayName: 'Nytt namn' }),
    invalid: { body: { locale: 'de' }, field: 'locale' },
    access: 'signed-in',
  },

  {
    domain: 'sessions',
    method: 'GET',
    path: '/api/auth/sessions',
    url: () => '/api/auth/sessions',
    access: 'signed-in',
  },
  {
    domain: 'sessions',
    method: 'DELETE',
    path: '/api/auth/sessions',
    url: () => '/api/auth/sessions',
    access: 'signed-in',
  },
  {
    domain: 'sessions',
    method: 'DELETE',
    path: '/api/auth/sessions/{id}',
    url: () => `/api/auth/sessions/00000000-0000-4000-8000-000000000000`,
    access: 'signed-in',
  },

  {
    domain: 'organizations',
    method: 'GET',
    path: '/api/organizations',
    url: () => '/api/organizations',
    access: 'signed-in',
  },
  {
    domain: 'organizations',
    method: 'POST',
    path: '/api/organizations',
    url: () => '/api/organizations',
    body: () => ({ name: 'Ny kommun' }),
    invalid: { body: { name: '' }, field: 'name' },
    access: 'signed-in',
  },
  {
    domain: 'organizations',
    method: 'GET',
    path: '/api/organizations/{orgId}',
    url: (w) => `/api/organizations/${w.org.id}`,
    access: { scope: 'org', allowed: ORG_PEOPLE },
  },
  {
    domain: 'organizations',
    method: 'PATCH',
    path: '/api/organizations/{orgId}',
    url: (w) => `/api/organizations/${w.org.id}`,
    body: () => ({ name: 'Nytt namn' }),
    invalid: { body: { name: 'x'.repeat(121) }, field: 'name' },
    access: { scope: 'org', allowed: ['admin'] },
  },
  {
    domain: 'organizations',
    method: 'POST',
    path: '/api/organizations/{orgId}/teams',
    url: (w) => `/api/organizations/${w.org.id}/teams`,
    body: () => ({ name: 'Avdelning 5' }),
    invalid: { body: { name: '   ' }, field: 'name' },
    access: { scope: 'org', allowed: ['admin'] },
  },

  { domain: 'teams', method: 'GET', path: '/api/teams', url: () => '/api/teams', access: 'signed-in' },
  {
    domain: 'teams',
    method: 'GET',
    path: '/api/teams/{teamId}',
    url: (w) => `/api/teams/${w.team.id}`,
    access: { scope: 'team', allowed: TEAM_PEOPLE },
  },
  {
    domain: 'teams',
    method: 'PATCH',
    path: '/api/teams/{teamId}',
    url: (w) => `/api/teams/${w.team.id}`,
    body: () => ({ name: 'Avdelning 3B' }),
    invalid: { body: { name: 42 }, field: 'name' },
    access: { scope: 'team', allowed: MANAGERS },
  },

  {
    domain: 'members',
    method: 'GET',
    path: '/api/teams/{teamId}/members',
    url: (w) => `/api/teams/${w.team.id}/members`,
    access: { scope: 'team', allowed: TEAM_PEOPLE },
  },
  {
    domain: 'members',
    method: 'PATCH',
    path: '/api/teams/{teamId}/members/{userId}',
    url: (w) => `/api/teams/${w.team.id}/members/${w.admin.user.id}`,
    body: () => ({ role: 'facilitator' }),
    invalid: { body: { role: 'admin' }, field: 'role' },
    access: { scope: 'team', allowed: MANAGERS },
  },
  {
    domain: 'members',
    method: 'DELETE',
    path: '/api/teams/{teamId}/members/{userId}',
    // Someone else than the caller: removing yourself is leaving, which every member may do.
    url: (w) => `/api/teams/${w.team.id}/members/${w.admin.user.id}`,
    access: { scope: 'team', allowed: MANAGERS },
  },

  {
    domain: 'invites',
    method: 'GET',
    path: '/api/teams/{teamId}/invites',
    url: (w) => `/api/teams/${w.team.id}/invites`,
    access: { scope: 'team', allowed: FACILITATORS },
  },
  {
    domain: 'invites',
    method: 'POST',
    path: '/api/teams/{teamId}/invites',
    url: (w) => `/api/teams/${w.team.id}/invites`,
    body: () => ({ role: 'member' }),
    invalid: { body: { maxUses: 0 }, field: 'maxUses' },
    access: { scope: 'team', allowed: FACILITATORS },
  },
  {
    domain: 'invites',
    method: 'DELETE',
    path: '/api/teams/{teamId}/invites/{inviteId}',
    url: (w) => `/api/teams/${w.team.id}/invites/${w.invite.id}`,
    access: { scope: 'team', allowed: FACILITATORS },
  },
  {
    domain: 'invites',
    method: 'GET',
    path: '/api/invites/{token}',
    url: (w) => `/api/invites/${w.invite.token}`,
    access: 'public',
  },
  {
    domain: 'invites',
    method: 'POST',
    path: '/api/invites/{token}/accept',
    url: (w) => `/api/invites/${w.invite.token}/accept`,
    access: 'signed-in',
  },
];

const call = (client: Client, route: Route, w: RoleWorld, body = route.body?.(w)) =>
  client.request(route.method, route.url(w), route.method === 'GET' ? undefined : (body ?? {}));

/**
 * Registers, for each route of `domain`, the refusals a person would meet. `getWorld` is read when the
 * tests run (after beforeAll); nothing here may change the world, since every case is refused.
 */
export function refusalTests(domain: Domain, getWorld: () => RoleWorld): void {
  for (const route of ROUTES.filter((r) => r.domain === domain)) {
    const name = `${route.method} ${route.path}`;
    const { access } = route;

    if (access !== 'public') {
      test(`${name}: without a session → 401 UNAUTHENTICATED`, async () => {
        const w = getWorld();
        const res = await call(new Client(w.admin.client.baseUrl), route, w);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ code: ErrorCode.Unauthenticated, message: expect.any(String) });
      });
    }

    if (typeof access === 'object') {
      const hidden: Persona[] = access.scope === 'team' ? ['sameOrgOther', 'outsider'] : ['outsider'];
      test(`${name}: ${hidden.join(' and ')} → 404 NOT_FOUND with no data`, async () => {
        const w = getWorld();
        for (const persona of hidden) {
          const res = await call(w[persona].client, route, w);
          expect({ persona, status: res.status, body: res.body }).toEqual({
            persona,
            status: 404,
            body: { code: ErrorCode.NotFound, message: expect.any(String) },
          });
          // Nothing about the thing leaks, not even its name.
          expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${w.org.name}|${w.team.name}`));
        }
      });

      const scope = access.scope === 'team' ? TEAM_PEOPLE : ORG_PEOPLE;
      const tooLow = scope.filter((p) => !access.allowed.includes(p));
      if (tooLow.length > 0) {
        test(`${name}: ${tooLow.join(', ')} → 403 FORBIDDEN`, async () => {
          const w = getWorld();
          for (const persona of tooLow) {
            const res = await call(w[persona].client, route, w);
            expect({ persona, status: res.status, code: res.body?.code }).toEqual({
              persona,
              status: 403,
              code: ErrorCode.Forbidden,
            });
          }
        });
      }
    }

    if (route.invalid) {
      const { invalid } = route;
      const caller = (w: RoleWorld) =>
        access === 'public'
          ? new Client(w.admin.client.baseUrl)
          : typeof access === 'object'
            ? w[access.allowed[0]!].client
            : w.member.client;

      test(`${name}: invalid body → 400 VALIDATION_FAILED naming "${invalid.field}"`, async () => {
        const w = getWorld();
        const res = await call(caller(w), route, w, invalid.body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe(ErrorCode.ValidationFailed);
        expect(res.body.issues).toEqual(expect.arrayContaining([{ path: invalid.field, message: expect.any(String) }]));
      });

      test(`${name}: unknown field → 400 VALIDATION_FAILED`, async () => {
        const w = getWorld();
        const res = await call(caller(w), route, w, { ...(route.body?.(w) as object), isAdmin: true });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe(ErrorCode.ValidationFailed);
        expect(JSON.stringify(res.body.issues)).toContain('isAdmin');
      });
    }
  }
}
