import { ErrorCode, type CreateInviteBody, type InviteDto, type MemberDto, type TeamDto } from '@tillit/protocol';
import { createTeam, join, signUp, type Person } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { refusalTests, roleWorld, type RoleWorld } from './routes.js';

let t: TestApp;
let w: RoleWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await roleWorld(t.url);
});
afterAll(() => t.close());

async function invite(
  by: Person,
  body: CreateInviteBody = {},
  teamId = w.team.id,
): Promise<InviteDto & { token: string }> {
  const res = await by.client.post(`/api/teams/${teamId}/invites`, body);
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const accept = (p: Person, token: string) => p.client.post(`/api/invites/${token}/accept`);
const expectInvalid = (res: { status: number; body: any }) => {
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ code: ErrorCode.InviteInvalid, message: expect.any(String) });
};

describe('refusals', () => refusalTests('invites', () => w));

test('a facilitator makes a link; the token is shown once and never listed', async () => {
  const res = await w.facilitator.client.post(`/api/teams/${w.team.id}/invites`, {});
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    teamId: w.team.id,
    role: 'member',
    maxUses: 1,
    uses: 0,
    revoked: false,
    token: expect.any(String),
  });
  const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3600_000;
  expect(hours).toBeGreaterThan(7 * 24 - 1);
  expect(hours).toBeLessThanOrEqual(7 * 24);
  const list = await w.facilitator.client.get<InviteDto[]>(`/api/teams/${w.team.id}/invites`);
  expect(list.body.find((i) => i.id === res.body.id)).toEqual({ ...res.body, token: undefined });
  expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  const [row] = await t.db.query(`SELECT * FROM invites WHERE id = $1`, [res.body.id]);
  expect(JSON.stringify(row)).not.toContain(res.body.token);
});

test('only managers hand out the manager role', async () => {
  const res = await w.facilitator.client.post(`/api/teams/${w.team.id}/invites`, { role: 'manager' });
  expect(res.status).toBe(403);
  expect(res.body.code).toBe(ErrorCode.Forbidden);
  expect((await w.manager.client.post(`/api/teams/${w.team.id}/invites`, { role: 'manager' })).status).toBe(201);
});

test('anyone with the link sees where it leads, without signing in', async () => {
  const inv = await invite(w.manager, { role: 'facilitator' });
  const res = await new Client(t.url).get(`/api/invites/${inv.token}`);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    organizationName: w.org.name,
    teamName: w.team.name,
    role: 'facilitator',
    expiresAt: inv.expiresAt,
  });
});

test('signing up on the way and joining adds team and organisation membership', async () => {
  const inv = await invite(w.facilitator);
  const newcomer = await signUp(t.url, 'Nykomling');
  expect((await newcomer.client.get(`/api/organizations/${w.org.id}`)).status).toBe(404);
  const res = await accept(newcomer, inv.token);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ teamId: w.team.id, organizationId: w.org.id });
  expect((await newcomer.client.get('/api/organizations')).body).toEqual([
    { id: w.org.id, name: w.org.name, myRole: 'member' },
  ]);
  expect((await newcomer.client.get<TeamDto>(`/api/teams/${w.team.id}`)).body.myRole).toBe('member');
  const members = (await w.admin.client.get<MemberDto[]>(`/api/teams/${w.team.id}/members`)).body;
  expect(members).toContainEqual(
    expect.objectContaining({ userId: newcomer.user.id, displayName: 'Nykomling', role: 'member' }),
  );
});

test('a single-use link works once', async () => {
  const inv = await invite(w.manager, { maxUses: 1 });
  const [first, second] = [await signUp(t.url, 'Först'), await signUp(t.url, 'Sen')];
  expect((await accept(first, inv.token)).status).toBe(200);
  expectInvalid(await accept(second, inv.token));
  expectInvalid(await new Client(t.url).get(`/api/invites/${inv.token}`));
  expect((await second.client.get(`/api/teams/${w.team.id}`)).status).toBe(404);
});

test('two people racing for a single-use link: exactly one gets in', async () => {
  const inv = await invite(w.manager, { maxUses: 1 });
  const people = await Promise.all([signUp(t.url, 'Snabb'), signUp(t.url, 'Snabbare')]);
  const results = await Promise.all(people.map((p) => accept(p, inv.token)));
  expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
  const [row] = await t.db.query(`SELECT uses FROM invites WHERE id = $1`, [inv.id]);
  expect(row.uses).toBe(1);
});

test('a multi-use link counts its uses; a limited one stops at its limit', async () => {
  const open = await invite(w.manager, { maxUses: null });
  const limited = await invite(w.manager, { maxUses: 2 });
  const people = [await signUp(t.url, 'Ett'), await signUp(t.url, 'Två'), await signUp(t.url, 'Tre')];
  for (const p of people) expect((await accept(p, open.token)).status).toBe(200);
  const listed = (await w.manager.client.get<InviteDto[]>(`/api/teams/${w.team.id}/invites`)).body;
  expect(listed.find((i) => i.id === open.id)).toMatchObject({ maxUses: null, uses: 3 });

  const more = [await signUp(t.url, 'Fyra'), await signUp(t.url, 'Fem'), await signUp(t.url, 'Sex')];
  expect((await accept(more[0]!, limited.token)).status).toBe(200);
  expect((await accept(more[1]!, limited.token)).status).toBe(200);
  expectInvalid(await accept(more[2]!, limited.token));
});

test('an expired link is refused', async () => {
  const inv = await invite(w.manager, { expiresInHours: 1 });
  await t.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [inv.id]);
  const p = await signUp(t.url, 'Sent');
  expectInvalid(await new Client(t.url).get(`/api/invites/${inv.token}`));
  expectInvalid(await accept(p, inv.token));
  expect((await p.client.get(`/api/teams/${w.team.id}`)).status).toBe(404);
});

test('a revoked link is refused; revoking is for facilitators and managers of that team', async () => {
  const inv = await invite(w.facilitator, { maxUses: null });
  expect((await w.member.client.delete(`/api/teams/${w.team.id}/invites/${inv.id}`)).status).toBe(403);
  // Through another team's path, even one the admin leads, the invite does not exist.
  expect((await w.admin.client.delete(`/api/teams/${w.otherTeam.id}/invites/${inv.id}`)).status).toBe(404);
  expect((await w.facilitator.client.delete(`/api/teams/${w.team.id}/invites/${inv.id}`)).status).toBe(204);
  const listed = (await w.manager.client.get<InviteDto[]>(`/api/teams/${w.team.id}/invites`)).body;
  expect(listed.find((i) => i.id === inv.id)?.revoked).toBe(true);
  const p = await signUp(t.url, 'Försenad');
  expectInvalid(await accept(p, inv.token));
  expectInvalid(await new Client(t.url).get(`/api/invites/${inv.token}`));
});

test('joining while already a member keeps the role and uses nothing', async () => {
  const inv = await invite(w.manager, { role: 'manager', maxUses: 1 });
  const res = await accept(w.facilitator, inv.token);
  expect(res.status).toBe(200);
  expect((await w.facilitator.client.get<TeamDto>(`/api/teams/${w.team.id}`)).body.myRole).toBe('facilitator');
  const [row] = await t.db.query(`SELECT uses FROM invites WHERE id = $1`, [inv.id]);
  expect(row.uses).toBe(0);
});

test('an organisation admin joining a team stays admin of the organisation', async () => {
  const inv = await invite(w.manager, { role: 'member' });
  const otherOrgAdmin = await signUp(t.url, 'Annan');
  await otherOrgAdmin.client.post('/api/organizations', { name: 'Grannkommunen' });
  expect((await accept(otherOrgAdmin, inv.token)).status).toBe(200);
  const orgs = (await otherOrgAdmin.client.get('/api/organizations')).body;
  expect(orgs.map((o: { name: string; myRole: string }) => [o.name, o.myRole])).toEqual([
    ['Grannkommunen', 'admin'],
    [w.org.name, 'member'],
  ]);
  // And joining a team of their own organisation does not lower an organisation admin.
  const team = await createTeam(w.admin, w.org.id, 'Utan admin');
  await join(w.admin, team.id, w.manager, 'manager');
  expect((await w.admin.client.delete(`/api/teams/${team.id}/members/${w.admin.user.id}`)).status).toBe(204);
  expect((await accept(w.admin, (await invite(w.manager, {}, team.id)).token)).status).toBe(200);
  expect((await w.admin.client.get<TeamDto>(`/api/teams/${team.id}`)).body).toMatchObject({
    myRole: 'member',
    isOrgAdmin: true,
  });
  expect((await w.admin.client.get(`/api/organizations/${w.org.id}`)).body.myRole).toBe('admin');
});

test('a made-up or oversized token is an invalid invite', async () => {
  const p = await signUp(t.url, 'Gissare');
  for (const token of ['finns-inte', 'x'.repeat(500)]) {
    expectInvalid(await new Client(t.url).get(`/api/invites/${token}`));
    expectInvalid(await accept(p, token));
  }
});
