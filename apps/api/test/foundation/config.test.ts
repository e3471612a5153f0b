import { ConfigError, loadConfig } from '../../src/config/config.js';
import { runTillit } from './process.js';

test('defaults: port 3000, production, embedded database, local origins allowed', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    env: 'production',
    port: 3000,
    databaseUrl: undefined,
    trustProxy: false,
    cookieSecure: false,
    shutdownGraceMs: 10_000,
  });
  expect(config.allowedOrigins).toContain('http://localhost:3000');
});

test('an https PUBLIC_URL makes cookies Secure and is the allowed origin', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://tillit.example.se/', PORT: '8080' });
  expect(config.cookieSecure).toBe(true);
  expect(config.port).toBe(8080);
  expect(config.allowedOrigins).toEqual(['https://tillit.example.se']);
});

test.each([
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['PORT', '-1'],
  ['PORT', ''],
  ['DATABASE_URL', 'mysql://db/tillit'],
  ['DATABASE_URL', ''],
  ['REDIS_URL', 'localhost:6379'],
  ['PUBLIC_URL', 'tillit.example.se'],
  ['ALLOWED_ORIGINS', 'https://ok.example.se, inte en url'],
  ['LOG_LEVEL', 'loud'],
  ['NODE_ENV', 'staging'],
  ['TRUST_PROXY', 'yes'],
  ['COOKIE_SECURE', 'on'],
  ['TILLIT_SHUTDOWN_GRACE_SECONDS', 'soon'],
  ['TILLIT_SHUTDOWN_GRACE_SECONDS', '601'],
])('%s=%j stops the start with a message naming it', (name, value) => {
  expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
});

test('`node dist/main.js` with PORT=abc exits non-zero, naming PORT, before touching any database', async () => {
  const app = await runTillit({ PORT: 'abc', TILLIT_DATA_DIR: '/nonexistent/tillit' });
  const code = await app.exited;
  expect(code).not.toBe(0);
  expect(typeof code).toBe('number');
  expect(app.output()).toMatch(/\bPORT\b/);
  expect(app.output()).not.toMatch(/PostgreSQL/);
});
