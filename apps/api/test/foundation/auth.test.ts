import { CSRF_COOKIE, CSRF_HEADER, ErrorCode, SESSION_COOKIE } from '@tillit/protocol';
import { createOrg, PASSWORD, signUp } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { refusalTests, roleWorld, type RoleWorld } from './routes.js';

let t: TestApp;
let w: RoleWorld;
// Behind a proxy, so tests can act from several addresses with X-Forwarded-For.
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: 'true' });
  w = await roleWorld(t.url);
});
afterAll(() => t.close());

const from = (address: string) => new Client(t.url, { 'x-forwarded-for': address });
const signIn = (client: Client, email: string, password = PASSWORD) =>
  client.post('/api/auth/sign-in', { email, password });

describe('refusals', () => refusalTests('auth', () => w));

describe('sign up', () => {
  test('creates the account and signs in with an httpOnly, SameSite session cookie', async () => {
    const client = new Client(t.url);
    const res = await client.post('/api/auth/sign-up', {
      email: 'Kim.Berg@Example.SE ',
      password: PASSWORD,
      displayName: ' Kim ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'kim.berg@example.se',
      displayName: 'Kim',
      locale: 'sv',
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/auth/me')).body).toEqual(res.body);
  });

  test('stores the password as an argon2id hash, never the password itself', async () => {
    const p = await signUp(t.url, 'Hash');
    const [row] = await t.db.query(`SELECT * FROM users WHERE id = $1`, [p.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  test('the same address in other letter case is taken: 409 CONFLICT', async () => {
    const p = await signUp(t.url, 'Dubbel');
    const res = await new Client(t.url).post('/api/auth/sign-up', {
      email: p.email.toUpperCase(),
      password: PASSWORD,
      displayName: 'Dubbel',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe(ErrorCode.Conflict);
  });

  test.each([
    ['too short', 'kort12345'],
    ['too long', 'x'.repeat(201)],
    ['containing the email address', 'lisa.holm-2024!'],
  ])('refuses a password %s, naming the password field', async (_, password) => {
    const res = await new Client(t.url).post('/api/auth/sign-up', {
      email: 'lisa.holm@example.se',
      password,
      displayName: 'Lisa',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    expect(res.body.issues).toEqual([{ path: 'password', message: expect.any(String) }]);
  });
});

describe('sign in and out', () => {
  test('signs in with the email address in any letter case', async () => {
    const p = await signUp(t.url, 'Stina');
    const client = new Client(t.url);
    const res = await signIn(client, p.email.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(p.user.id);
    expect((await client.get('/api/auth/me')).body.id).toBe(p.user.id);
  });

  test('a wrong password and an unknown account get the same answer', async () => {
    const p = await signUp(t.url, 'Gissa');
    const wrong = await signIn(from('192.0.2.1'), p.email, 'fel lösenord!');
    const unknown = await signIn(from('192.0.2.1'), 'ingen@example.se');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ code: ErrorCode.InvalidCredentials, message: expect.any(String) });
    expect(unknown.body).toEqual(wrong.body);
  });

  test('sign out ends the session on the server, not only the cookie', async () => {
    const p = await signUp(t.url, 'Ut');
    const stolen = new Client(t.url);
    stolen.cookies.set(SESSION_COOKIE, p.client.cookies.get(SESSION_COOKIE)!);
    const res = await p.client.post('/api/auth/sign-out');
    expect(res.status).toBe(204);
    expect(p.client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await p.client.get('/api/auth/me')).status).toBe(401);
    expect((await stolen.get('/api/auth/me')).status).toBe(401);
  });

  test('sign out without a session is harmless', async () => {
    expect((await new Client(t.url).post('/api/auth/sign-out')).status).toBe(204);
  });

  test('PATCH /api/me changes the name and language', async () => {
    const p = await signUp(t.url, 'Byt');
    const res = await p.client.patch('/api/me', { displayName: 'Bytt', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Bytt', locale: 'en' });
    expect((await p.client.get('/api/auth/me')).body).toMatchObject({ displayName: 'Bytt', locale: 'en' });
  });
});

describe('CSRF', () => {
  const rawPost = (p: { client: Client }, headers: Record<string, string>) =>
    fetch(`${t.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: p.client.cookieHeader, ...headers },
      body: JSON.stringify({ name: 'Förfalskad' }),
    });

  test('a state-changing request without the header, or with a wrong one, is refused and changes nothing', async () => {
    const p = await signUp(t.url, 'Csrf');
    const forged: Record<string, string>[] = [
      {},
      { [CSRF_HEADER]: 'x'.repeat(p.client.cookies.get(CSRF_COOKIE)!.length) },
    ];
    for (const headers of forged) {
      const res = await rawPost(p, headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: ErrorCode.CsrfFailed, message: expect.any(String) });
    }
    expect((await p.client.get('/api/organizations')).body).toEqual([]);
    await createOrg(p); // the real page, sending the header, succeeds
  });

  test('the header without the cookie is refused too', async () => {
    const p = await signUp(t.url, 'Csrf2');
    const token = p.client.cookies.get(CSRF_COOKIE)!;
    const res = await fetch(`${t.url}/api/organizations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${SESSION_COOKIE}=${p.client.cookies.get(SESSION_COOKIE)}`,
        [CSRF_HEADER]: token,
      },
      body: JSON.stringify({ name: 'Förfalskad' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe(ErrorCode.CsrfFailed);
  });

  test('the CSRF cookie is readable by the page (not httpOnly) and SameSite=Strict', async () => {
    const res = await fetch(`${t.url}/api/auth/csrf`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${CSRF_COOKIE}=`));
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/HttpOnly/i);
  });
});

describe('sign-in throttling', () => {
  const expectLimited = (res: Awaited<ReturnType<typeof signIn>>) => {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      code: ErrorCode.RateLimited,
      message: expect.any(String),
      retryAfterSeconds: expect.any(Number),
    });
    expect(res.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(res.headers.get('retry-after')).toBe(String(res.body.retryAfterSeconds));
  };

  test('per account: after 5 wrong passwords, even the right one waits, from any address', async () => {
    const victim = await signUp(t.url, 'Offer');
    const bystander = await signUp(t.url, 'Granne');
    for (let i = 0; i < 5; i++)
      expect((await signIn(from(`198.51.100.${i}`), victim.email, 'fel lösenord!')).status).toBe(401);
    expectLimited(await signIn(from('198.51.100.99'), victim.email));
    // Other accounts from the same addresses are not affected.
    expect((await signIn(from('198.51.100.0'), bystander.email)).status).toBe(200);
    // Once the failures are older than the window, the account opens again.
    await t.db.query(`UPDATE sign_in_failures SET created_at = now() - interval '16 minutes' WHERE email = $1`, [
      victim.email,
    ]);
    expect((await signIn(from('198.51.100.99'), victim.email)).status).toBe(200);
  });

  test('per address: after 30 failures on different accounts, that address waits; others do not', async () => {
    const person = await signUp(t.url, 'Adress');
    const attacker = from('203.0.113.7');
    for (let i = 0; i < 30; i++)
      expect((await signIn(attacker, `konto${i}@example.se`, 'fel lösenord!')).status).toBe(401);
    expectLimited(await signIn(attacker, person.email));
    expect((await signIn(from('203.0.113.8'), person.email)).status).toBe(200);
  });

  test('per address: forging X-Forwarded-For does not dodge it (the proxy’s own entry counts)', async () => {
    const person = await signUp(t.url, 'Förfalskat');
    // What our proxy passes on when a client sends its own header: the forged value, then the real address.
    const via = (forged: string) => new Client(t.url, { 'x-forwarded-for': `${forged}, 203.0.113.20` });
    for (let i = 0; i < 30; i++) await signIn(via(`10.0.0.${i}`), `konto${i}@example.se`, 'fel lösenord!');
    expectLimited(await signIn(via('10.0.0.99'), person.email));
  });

  test('a successful sign-in clears the account’s earlier failures', async () => {
    const p = await signUp(t.url, 'Glömsk');
    for (let i = 0; i < 4; i++) await signIn(from('192.0.2.50'), p.email, 'fel lösenord!');
    expect((await signIn(from('192.0.2.50'), p.email)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(from('192.0.2.50'), p.email, 'fel lösenord!')).status).toBe(401);
    expect((await signIn(from('192.0.2.50'), p.email)).status).toBe(200);
  });
});
