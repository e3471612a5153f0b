/**
 * Setting up through the API, for tests whose subject is not sign-up or team setup: a person's browser
 * context calls the API with its own cookies (`context.request` shares the cookie jar), exactly as the web
 * app does, CSRF header included. What the people then do is driven through the UI.
 */
import { expect, type APIResponse, type BrowserContext } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type AcceptInviteResultDto,
  type CreateForumBody,
  type ForumDto,
  type InviteDto,
  type MeetingDto,
  type OrganizationDto,
  type StartMeetingBody,
  type TeamDto,
  type UserDto,
} from '@tillit/protocol';
import type { Person } from './app.ts';

async function csrf(context: BrowserContext): Promise<string> {
  let cookie = (await context.cookies()).find((c) => c.name === CSRF_COOKIE);
  if (!cookie) {
    await context.request.get('/api/auth/csrf');
    cookie = (await context.cookies()).find((c) => c.name === CSRF_COOKIE);
  }
  if (!cookie) throw new Error('The API set no CSRF cookie');
  return cookie.value;
}

async function json<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.ok(), `${what}: HTTP ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

export async function apiPost<T>(context: BrowserContext, path: string, body: unknown = {}): Promise<T> {
  const response = await context.request.post(path, { data: body, headers: { [CSRF_HEADER]: await csrf(context) } });
  return json<T>(response, `POST ${path}`);
}

export async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  return json<T>(await context.request.get(path), `GET ${path}`);
}

export function signUpViaApi(context: BrowserContext, person: Person, locale: 'sv' | 'en' = 'sv'): Promise<UserDto> {
  return apiPost<UserDto>(context, '/api/auth/sign-up', { ...person, locale });
}

/** A manager's organisation and team, and the others as members of it. Returns the team. */
export async function teamWithMembers(
  manager: BrowserContext,
  members: BrowserContext[],
  names: { organization: string; team: string },
): Promise<TeamDto> {
  const org = await apiPost<OrganizationDto>(manager, '/api/organizations', { name: names.organization });
  const team = await apiPost<TeamDto>(manager, `/api/organizations/${org.id}/teams`, { name: names.team });
  if (members.length > 0) {
    const invite = await apiPost<InviteDto>(manager, `/api/teams/${team.id}/invites`, {
      role: 'member',
      maxUses: null,
    });
    for (const member of members) {
      await apiPost<AcceptInviteResultDto>(member, `/api/invites/${encodeURIComponent(invite.token ?? '')}/accept`);
    }
  }
  return team;
}

export function createForumViaApi(context: BrowserContext, teamId: string, body: CreateForumBody): Promise<ForumDto> {
  return apiPost<ForumDto>(context, `/api/teams/${teamId}/forums`, body);
}

export function startMeetingViaApi(
  context: BrowserContext,
  teamId: string,
  forumId: string,
  body: StartMeetingBody = {},
): Promise<MeetingDto> {
  return apiPost<MeetingDto>(context, `/api/teams/${teamId}/forums/${forumId}/meetings`, body);
}
