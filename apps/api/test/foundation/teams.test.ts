import { ErrorCode, type TeamDto } from '@tillit/protocol';
import { createOrg, createTeam, join, signUp } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { refusalTests, roleWorld, type RoleWorld } from './routes.js';

let t: TestApp;
let w: RoleWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await roleWorld(t.url);
});
afterAll(() => t.close());

describe('refusals', () => refusalTests('teams', () => w));

test('GET /api/teams lists my teams across organisations, with my role', async () => {
  const p = await signUp(t.url, 'Flera');
  const own = await createOrg(p, 'Egen');
  const ownTeam = await createTeam(p, own.id, 'Eget team');
  await join(w.admin, w.team.id, p, 'facilitator');
  const res = await p.client.get<TeamDto[]>('/api/teams');
  expect(res.status).toBe(200);
  expect(res.body).toEqual([
    {
      id: ownTeam.id,
      organizationId: own.id,
      organizationName: 'Egen',
      name: 'Eget team',
      myRole: 'manager',
      isOrgAdmin: true,
    },
    {
      id: w.team.id,
      organizationId: w.org.id,
      organizationName: w.org.name,
      name: w.team.name,
      myRole: 'facilitator',
      isOrgAdmin: false,
    },
  ]);
});

test('each member sees the team with their own role', async () => {
  for (const [persona, role] of [
    ['manager', 'manager'],
    ['facilitator', 'facilitator'],
    ['member', 'member'],
  ] as const) {
    const res = await w[persona].client.get<TeamDto>(`/api/teams/${w.team.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.team.id, name: w.team.name, myRole: role, isOrgAdmin: false });
  }
});

test('an organisation admin sees and manages a team they are not a member of', async () => {
  const team = await createTeam(w.admin, w.org.id, 'Nattpatrullen');
  const boss = await signUp(t.url, 'Chef');
  await join(w.admin, team.id, boss, 'manager');
  expect((await w.admin.client.delete(`/api/teams/${team.id}/members/${w.admin.user.id}`)).status).toBe(204);
  const after = await w.admin.client.get<TeamDto>(`/api/teams/${team.id}`);
  expect(after.body).toMatchObject({ id: team.id, myRole: null, isOrgAdmin: true });
  expect((await w.admin.client.get('/api/teams')).body.map((x: TeamDto) => x.id)).not.toContain(team.id);
  const renamed = await w.admin.client.patch(`/api/teams/${team.id}`, { name: 'Nattpatrullen 2' });
  expect(renamed.status).toBe(200);
  expect((await boss.client.get(`/api/teams/${team.id}`)).body.name).toBe('Nattpatrullen 2');
});

test('a manager who is not an organisation admin renames the team', async () => {
  const res = await w.manager.client.patch<TeamDto>(`/api/teams/${w.team.id}`, { name: ' Avdelning 3A ' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: w.team.id, name: 'Avdelning 3A', myRole: 'manager', isOrgAdmin: false });
  expect((await w.member.client.get(`/api/teams/${w.team.id}`)).body.name).toBe('Avdelning 3A');
  await w.manager.client.patch(`/api/teams/${w.team.id}`, { name: w.team.name });
});

test('an unknown team and another organisation’s team get the same 404', async () => {
  const foreign = await w.admin.client.get(`/api/teams/${w.outsiderTeam.id}`);
  const unknown = await w.admin.client.get(`/api/teams/5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`);
  const malformed = await w.admin.client.get(`/api/teams/not-a-uuid`);
  expect(foreign.status).toBe(404);
  expect(unknown.status).toBe(404);
  expect(malformed.status).toBe(404);
  expect(foreign.body).toEqual({ code: ErrorCode.NotFound, message: expect.any(String) });
  expect(unknown.body).toEqual(foreign.body);
  expect(malformed.body).toEqual(foreign.body);
});
