import { randomBytes } from 'node:crypto';
import type { OrganizationDto, TeamDto, TeamRole, UserDto } from '@tillit/protocol';
import { Client } from './harness.js';

export const PASSWORD = 'correct horse battery';

export interface Person {
  client: Client;
  user: UserDto;
  email: string;
}

export async function signUp(baseUrl: string, name = 'Person'): Promise<Person> {
  const client = new Client(baseUrl);
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(4).toString('hex')}@example.se`;
  const res = await client.post<UserDto>('/api/auth/sign-up', { email, password: PASSWORD, displayName: name });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body, email };
}

export async function createOrg(p: Person, name = 'Omsorgen'): Promise<OrganizationDto> {
  const res = await p.client.post<OrganizationDto>('/api/organizations', { name });
  if (res.status !== 201) throw new Error(`create org failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createTeam(p: Person, orgId: string, name = 'Avdelning 3'): Promise<TeamDto> {
  const res = await p.client.post<TeamDto>(`/api/organizations/${orgId}/teams`, { name });
  if (res.status !== 201) throw new Error(`create team failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** `admin` makes an invite link and `joiner` uses it. */
export async function join(admin: Person, teamId: string, joiner: Person, role: TeamRole = 'member'): Promise<void> {
  const invite = await admin.client.post(`/api/teams/${teamId}/invites`, { role, maxUses: 1 });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const res = await joiner.client.post(`/api/invites/${invite.body.token}/accept`);
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A team with a manager (its creator and org admin), a facilitator and a member, plus an outsider org. */
export async function world(baseUrl: string) {
  const admin = await signUp(baseUrl, 'Anna');
  const org = await createOrg(admin);
  const team = await createTeam(admin, org.id);
  const facilitator = await signUp(baseUrl, 'Farid');
  const member = await signUp(baseUrl, 'Maja');
  await join(admin, team.id, facilitator, 'facilitator');
  await join(admin, team.id, member, 'member');
  const otherTeam = await createTeam(admin, org.id, 'Avdelning 4');
  const sameOrgOther = await signUp(baseUrl, 'Sam');
  await join(admin, otherTeam.id, sameOrgOther, 'member');
  const outsider = await signUp(baseUrl, 'Olle');
  const outsiderOrg = await createOrg(outsider, 'Annan kommun');
  const outsiderTeam = await createTeam(outsider, outsiderOrg.id, 'Hemtjänst');
  return { admin, org, team, facilitator, member, otherTeam, sameOrgOther, outsider, outsiderOrg, outsiderTeam };
}
