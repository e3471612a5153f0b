import { startTestApp, type TestApp, Client } from './harness.js';
import { signUp } from './factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('health reports the database', async () => {
  const res = await new Client(t.url).get('/api/health');
  expect(res.body).toEqual({ status: 'ok', database: 'up' });
});

test('sign up signs you in', async () => {
  const p = await signUp(t.url, 'Anna');
  const me = await p.client.get('/api/auth/me');
  expect(me.status).toBe(200);
  expect(me.body.displayName).toBe('Anna');
});
