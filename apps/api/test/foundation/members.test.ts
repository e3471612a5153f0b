import { ErrorCode, type MemberDto, type TeamDto } from '@tillit/protocol';
import { createTeam, join, signUp, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { refusalTests, roleWorld, type RoleWorld } from './routes.js';

let t: TestApp;
let w: RoleWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await roleWorld(t.url);
});
afterAll(() => t.close());

/** A fresh team in w.org led by a manager who is not an organisation admin, with one member. */
async function teamLedBy() {
  const team = await createTeam(w.admin, w.org.id, 'Dagverksamheten');
  const boss = await signUp(t.url, 'Chef');
  const member = await signUp(t.url, 'Medlem');
  await join(w.admin, team.id, boss, 'manager');
  await join(w.admin, team.id, member, 'member');
  const left = await w.admin.client.delete(`/api/teams/${team.id}/members/${w.admin.user.id}`);
  if (left.status !== 204) throw new Error(`admin could not leave: ${left.status}`);
  return { team, boss, member };
}

const members = async (p: Person, teamId: string) =>
  (await p.client.get<MemberDto[]>(`/api/teams/${teamId}/members`)).body;

describe('refusals', () => refusalTests('members', () => w));

test('every member sees who is in the team, with roles', async () => {
  const res = await w.member.client.get<MemberDto[]>(`/api/teams/${w.team.id}/members`);
  expect(res.status).toBe(200);
  const byName = Object.fromEntries(res.body.map((m) => [m.displayName, m.role]));
  expect(byName).toEqual({ Anna: 'manager', Farid: 'facilitator', Maja: 'member', Mikael: 'manager' });
  for (const m of res.body)
    expect(Object.keys(m).sort()).toEqual(['displayName', 'email', 'joinedAt', 'role', 'userId']);
});

test('a manager changes a role, and the new role takes effect at once', async () => {
  const { team, boss, member } = await teamLedBy();
  expect((await member.client.get(`/api/teams/${team.id}/invites`)).status).toBe(403);
  const res = await boss.client.patch(`/api/teams/${team.id}/members/${member.user.id}`, { role: 'facilitator' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ userId: member.user.id, displayName: 'Medlem', role: 'facilitator' });
  expect((await member.client.get<TeamDto>(`/api/teams/${team.id}`)).body.myRole).toBe('facilitator');
  expect((await member.client.get(`/api/teams/${team.id}/invites`)).status).toBe(200);
  // And back down again.
  await boss.client.patch(`/api/teams/${team.id}/members/${member.user.id}`, { role: 'member' });
  expect((await member.client.get(`/api/teams/${team.id}/invites`)).status).toBe(403);
});

test('a member cannot promote themselves', async () => {
  const { team, member } = await teamLedBy();
  const res = await member.client.patch(`/api/teams/${team.id}/members/${member.user.id}`, { role: 'manager' });
  expect(res.status).toBe(403);
  expect((await members(member, team.id)).find((m) => m.userId === member.user.id)?.role).toBe('member');
});

test('changing the role of someone outside the team is 404', async () => {
  const { team, boss } = await teamLedBy();
  for (const id of [w.sameOrgOther.user.id, w.outsider.user.id]) {
    const res = await boss.client.patch(`/api/teams/${team.id}/members/${id}`, { role: 'facilitator' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
  }
});

test('leaving a team: its routes are 404 afterwards, the organisation membership stays', async () => {
  const { team, member } = await teamLedBy();
  const res = await member.client.delete(`/api/teams/${team.id}/members/${member.user.id}`);
  expect(res.status).toBe(204);
  expect((await member.client.get(`/api/teams/${team.id}`)).status).toBe(404);
  expect((await member.client.get(`/api/teams/${team.id}/members`)).status).toBe(404);
  expect((await member.client.get<TeamDto[]>('/api/teams')).body).toEqual([]);
  const org = await member.client.get(`/api/organizations/${w.org.id}`);
  expect(org.status).toBe(200);
  expect(org.body.teams).toEqual([]);
});

test('a removed member loses every team route (404), and cannot act on the team', async () => {
  const { team, boss, member } = await teamLedBy();
  expect((await boss.client.delete(`/api/teams/${team.id}/members/${member.user.id}`)).status).toBe(204);
  expect((await members(boss, team.id)).map((m) => m.userId)).toEqual([boss.user.id]);
  for (const [method, path] of [
    ['GET', `/api/teams/${team.id}`],
    ['GET', `/api/teams/${team.id}/members`],
    ['GET', `/api/teams/${team.id}/invites`],
    ['POST', `/api/teams/${team.id}/invites`],
    ['DELETE', `/api/teams/${team.id}/members/${boss.user.id}`],
  ] as const) {
    const res = await member.client.request(method, path, method === 'GET' ? undefined : {});
    expect({ path, status: res.status, code: res.body?.code }).toEqual({ path, status: 404, code: ErrorCode.NotFound });
  }
  // Removing them again finds nobody.
  expect((await boss.client.delete(`/api/teams/${team.id}/members/${member.user.id}`)).status).toBe(404);
});

test('a facilitator cannot remove anyone else', async () => {
  const { team, boss, member } = await teamLedBy();
  await boss.client.patch(`/api/teams/${team.id}/members/${member.user.id}`, { role: 'facilitator' });
  const res = await member.client.delete(`/api/teams/${team.id}/members/${boss.user.id}`);
  expect(res.status).toBe(403);
  expect((await members(boss, team.id)).map((m) => m.userId)).toContain(boss.user.id);
});

test('the last manager can neither leave nor step down until someone else leads', async () => {
  const { team, boss, member } = await teamLedBy();
  const leave = await boss.client.delete(`/api/teams/${team.id}/members/${boss.user.id}`);
  expect(leave.status).toBe(409);
  expect(leave.body.code).toBe(ErrorCode.LastAdmin);
  const stepDown = await boss.client.patch(`/api/teams/${team.id}/members/${boss.user.id}`, { role: 'member' });
  expect(stepDown.status).toBe(409);
  expect(stepDown.body.code).toBe(ErrorCode.LastAdmin);
  expect((await members(boss, team.id)).find((m) => m.userId === boss.user.id)?.role).toBe('manager');

  await boss.client.patch(`/api/teams/${team.id}/members/${member.user.id}`, { role: 'manager' });
  expect((await boss.client.delete(`/api/teams/${team.id}/members/${boss.user.id}`)).status).toBe(204);
  expect((await members(member, team.id)).map((m) => [m.userId, m.role])).toEqual([[member.user.id, 'manager']]);
});
