import { ErrorCode, type OrganizationDetailDto, type OrganizationDto } from '@tillit/protocol';
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

describe('refusals', () => refusalTests('organizations', () => w));

test('creating an organisation makes you its admin', async () => {
  const p = await signUp(t.url, 'Grundare');
  const res = await p.client.post<OrganizationDto>('/api/organizations', { name: '  Norrby kommun ' });
  expect(res.status).toBe(201);
  expect(res.body).toEqual({ id: expect.any(String), name: 'Norrby kommun', myRole: 'admin' });
  expect((await p.client.get('/api/organizations')).body).toEqual([res.body]);
});

test('the admin sees every team; a member sees only their own', async () => {
  const asAdmin = await w.admin.client.get<OrganizationDetailDto>(`/api/organizations/${w.org.id}`);
  expect(asAdmin.status).toBe(200);
  expect(asAdmin.body).toMatchObject({ id: w.org.id, name: w.org.name, myRole: 'admin' });
  expect(asAdmin.body.teams.map((x) => x.id).sort()).toEqual([w.team.id, w.otherTeam.id].sort());

  const asMember = await w.member.client.get<OrganizationDetailDto>(`/api/organizations/${w.org.id}`);
  expect(asMember.body.myRole).toBe('member');
  expect(asMember.body.teams).toEqual([
    expect.objectContaining({ id: w.team.id, myRole: 'member', isOrgAdmin: false }),
  ]);
});

test('an unknown id and another organisation’s id get the same 404', async () => {
  const foreign = await w.admin.client.get(`/api/organizations/${w.outsiderOrg.id}`);
  const unknown = await w.admin.client.get(`/api/organizations/5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`);
  expect(foreign.status).toBe(404);
  expect(foreign.body).toEqual(unknown.body);
  expect(foreign.body).toEqual({ code: ErrorCode.NotFound, message: expect.any(String) });
});

test('the admin renames the organisation; members see the new name', async () => {
  const p = await signUp(t.url, 'Döper');
  const org = await createOrg(p, 'Gamla namnet');
  const team = await createTeam(p, org.id);
  const m = await signUp(t.url, 'Läser');
  await join(p, team.id, m);
  const res = await p.client.patch(`/api/organizations/${org.id}`, { name: 'Nya namnet' });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: org.id, name: 'Nya namnet', myRole: 'admin' });
  expect((await m.client.get('/api/organizations')).body).toEqual([
    { id: org.id, name: 'Nya namnet', myRole: 'member' },
  ]);
  expect((await m.client.get(`/api/teams/${team.id}`)).body.organizationName).toBe('Nya namnet');
});

test('the admin creates teams and becomes their manager', async () => {
  const res = await w.admin.client.post(`/api/organizations/${w.org.id}/teams`, { name: 'Korttidsboendet' });
  expect(res.status).toBe(201);
  expect(res.body).toEqual({
    id: expect.any(String),
    organizationId: w.org.id,
    organizationName: w.org.name,
    name: 'Korttidsboendet',
    myRole: 'manager',
    isOrgAdmin: true,
  });
  // A plain member of the organisation does not see it.
  const asMember = await w.member.client.get<OrganizationDetailDto>(`/api/organizations/${w.org.id}`);
  expect(asMember.body.teams.map((x) => x.id)).not.toContain(res.body.id);
});

test('a person in two organisations sees both, with a role in each', async () => {
  const p = await signUp(t.url, 'Pendlare');
  const own = await createOrg(p, 'Egna föreningen');
  await join(w.admin, w.team.id, p);
  const orgs = (await p.client.get<OrganizationDto[]>('/api/organizations')).body;
  expect(orgs).toEqual([
    { id: own.id, name: 'Egna föreningen', myRole: 'admin' },
    { id: w.org.id, name: w.org.name, myRole: 'member' },
  ]);
  expect((await p.client.get(`/api/organizations/${w.org.id}`)).status).toBe(200);
  expect((await p.client.get(`/api/organizations/${own.id}`)).status).toBe(200);
  // Being admin of one does not make them admin of the other.
  expect((await p.client.patch(`/api/organizations/${w.org.id}`, { name: 'Kapat' })).status).toBe(403);
  // And the other organisation's people still cannot see theirs.
  expect((await w.member.client.get(`/api/organizations/${own.id}`)).status).toBe(404);
});
