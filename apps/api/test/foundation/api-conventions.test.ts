import { ErrorCode, SESSION_COOKIE } from '@tillit/protocol';
import { createScratchDatabase } from '../../src/database/scratch.js';
import { createOrg, createTeam, PASSWORD, signUp } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { runTillit, waitHealthy } from './process.js';
import { ROUTES } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const anon = () => new Client(t.url);

test('/api/health reports the database', async () => {
  const res = await anon().get('/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', database: 'up' });
});

test('/api/health says when the database is down (503)', async () => {
  const broken = await startTestApp();
  try {
    await broken.db.destroy();
    const res = await new Client(broken.url).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'down' });
  } finally {
    await broken.close();
  }
});

describe('OpenAPI', () => {
  /** The tags of the foundation controllers; routes of later features are checked by their own tests. */
  const FOUNDATION_TAGS = ['health', 'auth', 'account', 'organizations', 'teams', 'invites'];

  test('/api/openapi.json lists every route, and every foundation route has a row in the refusal table', async () => {
    const res = await anon().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const documented: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { tags?: string[] }>>(res.body.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.tags?.some((tag) => FOUNDATION_TAGS.includes(tag))) documented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    // A route that takes a body has an invalid one in the table, so its validation is tested too.
    const withBody = ROUTES.filter((r) => res.body.paths[r.path][r.method.toLowerCase()].requestBody);
    expect(withBody.filter((r) => !r.invalid).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('request bodies carry the shared zod schemas', async () => {
    const doc = (await anon().get('/api/openapi.json')).body;
    const schema = doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(schema.properties.password.minLength).toBe(10);
    expect(schema.additionalProperties).toBe(false);
  });

  test('/api/docs serves the documentation page', async () => {
    const res = await fetch(`${t.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/swagger/i);
  });
});

describe('errors are typed { code, message }', () => {
  test('malformed JSON → 400 VALIDATION_FAILED', async () => {
    const res = await anon().request('POST', '/api/auth/sign-in', '{"email": "a@example.se", ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: ErrorCode.ValidationFailed, message: expect.any(String) });
  });

  test('a body over 64 KB → 413 PAYLOAD_TOO_LARGE, and nothing is stored', async () => {
    const p = await signUp(t.url, 'Stor');
    const res = await p.client.post('/api/organizations', { name: 'x'.repeat(65 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: ErrorCode.PayloadTooLarge, message: expect.any(String) });
    expect((await p.client.get('/api/organizations')).body).toEqual([]);
  });

  test('a body just under the limit reaches validation', async () => {
    const p = await signUp(t.url, 'Nästan');
    const res = await p.client.post('/api/organizations', { name: 'x'.repeat(60 * 1024) });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: 'name', message: expect.any(String) }]);
  });

  test('an unknown /api route → 404 NOT_FOUND', async () => {
    const res = await anon().get('/api/finns-inte');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: ErrorCode.NotFound, message: expect.any(String) });
  });

  test('a body that is not an object → 400 VALIDATION_FAILED', async () => {
    const p = await signUp(t.url, 'Lista');
    const res = await p.client.post('/api/organizations', ['Omsorgen']);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });

  test('responses do not advertise the framework', async () => {
    const res = await anon().get('/api/health');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

test('the logs never hold passwords, tokens, cookies, email addresses or names people wrote', async () => {
  const database = await createScratchDatabase(process.env.TILLIT_TEST_SERVER_URL!, 'tillit_test');
  const app = await runTillit({ DATABASE_URL: database.url });
  try {
    await waitHealthy(app);
    const p = await signUp(app.url, 'Hemlig');
    const org = await createOrg(p, 'Hemliga förvaltningen');
    const team = await createTeam(p, org.id, 'Hemliga gruppen');
    const invite = await p.client.post(`/api/teams/${team.id}/invites`, {});
    await new Client(app.url).get(`/api/invites/${invite.body.token}`);
    // The same address again (a failed INSERT) and a wrong password (a failed sign-in) too.
    await new Client(app.url).post('/api/auth/sign-up', { email: p.email, password: PASSWORD, displayName: 'Hemlig' });
    await new Client(app.url).post('/api/auth/sign-in', { email: p.email, password: 'fel-men-hemligt' });
    const out = app.output();
    expect(out).toMatch(/"statusCode":201/); // requests are logged…
    for (const secret of [
      PASSWORD,
      'fel-men-hemligt',
      p.email,
      p.client.cookies.get(SESSION_COOKIE)!,
      invite.body.token,
      'Hemliga',
      '$argon2id$',
    ]) {
      expect(out).not.toContain(secret); // …but never what was in them
    }
  } finally {
    app.child.kill('SIGTERM');
    await app.exited;
    await database.drop();
  }
});
