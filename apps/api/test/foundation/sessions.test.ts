import { ErrorCode, SESSION_COOKIE, type SessionDto } from '@tillit/protocol';
import { PASSWORD, signUp, type Person } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { refusalTests, roleWorld, type RoleWorld } from './routes.js';

let t: TestApp;
let w: RoleWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await roleWorld(t.url);
});
afterAll(() => t.close());

/** The same person signing in on another device (another cookie jar, another browser). */
async function device(p: Person, userAgent: string): Promise<Client> {
  const client = new Client(t.url, { 'user-agent': userAgent });
  const res = await client.post('/api/auth/sign-in', { email: p.email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return client;
}

const list = async (c: Client) => (await c.get<SessionDto[]>('/api/auth/sessions')).body;

describe('refusals', () => refusalTests('sessions', () => w));

test('lists my sessions, marks the current one, and shows no secrets', async () => {
  const p = await signUp(t.url, 'Lista');
  const phone = await device(p, 'Telefonen/1.0');
  const sessions = await list(phone);
  expect(sessions).toHaveLength(2);
  expect(sessions.filter((s) => s.current)).toEqual([expect.objectContaining({ userAgent: 'Telefonen/1.0' })]);
  for (const s of sessions)
    expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'id', 'lastSeenAt', 'userAgent']);
  expect(JSON.stringify(sessions)).not.toContain(phone.cookies.get(SESSION_COOKIE));
  // Someone else's sessions are not in my list.
  expect((await list(w.member.client)).map((s) => s.id)).not.toEqual(expect.arrayContaining(sessions.map((s) => s.id)));
});

test('revoking a session signs that device out', async () => {
  const p = await signUp(t.url, 'Återkalla');
  const laptop = await device(p, 'Laptop');
  const laptopSession = (await list(laptop)).find((s) => s.current)!;
  const res = await p.client.delete(`/api/auth/sessions/${laptopSession.id}`);
  expect(res.status).toBe(204);
  const after = await laptop.get('/api/auth/me');
  expect(after.status).toBe(401);
  expect(after.body.code).toBe(ErrorCode.Unauthenticated);
  expect((await list(p.client)).map((s) => s.id)).not.toContain(laptopSession.id);
  expect((await p.client.get('/api/auth/me')).status).toBe(200);
});

test('another person’s session id, an unknown one or a malformed one is 404 and revokes nothing', async () => {
  const p = await signUp(t.url, 'Främling');
  const theirs = (await list(w.member.client))[0]!.id;
  for (const id of [theirs, '7d3f1f5e-0c1a-4a7e-9d55-1c2b3a4d5e6f', 'inte-ett-id']) {
    const res = await p.client.delete(`/api/auth/sessions/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
  }
  expect((await w.member.client.get('/api/auth/me')).status).toBe(200);
});

test('sign out everywhere else keeps only this device', async () => {
  const p = await signUp(t.url, 'Överallt');
  const others = [await device(p, 'A'), await device(p, 'B')];
  const res = await p.client.delete('/api/auth/sessions');
  expect(res.status).toBe(204);
  for (const c of others) expect((await c.get('/api/auth/me')).status).toBe(401);
  expect((await p.client.get('/api/auth/me')).status).toBe(200);
  expect(await list(p.client)).toEqual([expect.objectContaining({ current: true })]);
});

test('an expired session is signed out', async () => {
  const p = await signUp(t.url, 'Gammal');
  await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [p.user.id]);
  expect((await p.client.get('/api/auth/me')).status).toBe(401);
});

test('the database holds only a hash of the session token', async () => {
  const p = await signUp(t.url, 'Hashad');
  const token = p.client.cookies.get(SESSION_COOKIE)!;
  const rows = await t.db.query(`SELECT * FROM sessions WHERE user_id = $1`, [p.user.id]);
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows)).not.toContain(token);
});
