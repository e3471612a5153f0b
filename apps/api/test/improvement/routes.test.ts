/**
 * Every improvement REST route, with who may call it, in one table (as test/foundation/routes.ts does for the
 * foundation): no session → 401; another team of the organisation or another organisation → 404 with no
 * data; a bad body → 400 naming the field; an unknown field → 400. Every route the OpenAPI document tags
 * `improvement` must have a row here. Any team member may use every route (co-leadership), so no 403 row.
 */
import { ErrorCode } from '@tillit/protocol';
import { roleWorld, type RoleWorld, TEAM_PEOPLE } from '../foundation/routes.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { improvementApi } from './improvement-fixtures.js';

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  url: (w: W) => string;
  body?: (w: W) => unknown;
  invalid?: { body: unknown; field: string };
}
type W = RoleWorld & {
  ideaId: string;
  cycleId: string;
  measureId: string;
  pointId: string;
  conflictId: string;
  key: string;
};

const base = (w: W) => `/api/teams/${w.team.id}/improvement`;
const ROWS: Row[] = [
  { method: 'GET', path: '/api/teams/{teamId}/improvement', url: base },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/improvement/ideas',
    url: (w) => `${base(w)}/ideas`,
    body: () => ({ title: 'Ny idé' }),
    invalid: { body: { title: '' }, field: 'title' },
  },
  {
    method: 'PATCH',
    path: '/api/teams/{teamId}/improvement/ideas/{ideaId}',
    url: (w) => `${base(w)}/ideas/${w.ideaId}`,
    body: () => ({ status: 'testing' }),
    invalid: { body: { status: 'done' }, field: 'status' },
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/improvement/ideas/{ideaId}/cycles',
    url: (w) => `${base(w)}/ideas/${w.ideaId}/cycles`,
    body: () => ({}),
    invalid: { body: { startedOn: 'i går' }, field: 'startedOn' },
  },
  {
    method: 'PATCH',
    path: '/api/teams/{teamId}/improvement/cycles/{cycleId}',
    url: (w) => `${base(w)}/cycles/${w.cycleId}`,
    body: () => ({ decision: 'adapt' }),
    invalid: { body: { decision: 'maybe' }, field: 'decision' },
  },
  {
    method: 'PUT',
    path: '/api/teams/{teamId}/improvement/fields/{key}',
    url: (w) => `${base(w)}/fields/${encodeURIComponent(w.key)}`,
    body: () => ({ text: 'Text', baseRev: 0 }),
    invalid: { body: { text: 'Text', baseRev: -1 }, field: 'baseRev' },
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/improvement/fields/{key}/history',
    url: (w) => `${base(w)}/fields/${encodeURIComponent(w.key)}/history`,
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/improvement/conflicts/{conflictId}/dismiss',
    url: (w) => `${base(w)}/conflicts/${w.conflictId}/dismiss`,
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/improvement/ideas/{ideaId}/measures',
    url: (w) => `${base(w)}/ideas/${w.ideaId}/measures`,
    body: () => ({ name: 'Fall', better: 'down' }),
    invalid: { body: { name: 'Fall', better: 'sideways' }, field: 'better' },
  },
  {
    method: 'PATCH',
    path: '/api/teams/{teamId}/improvement/measures/{measureId}',
    url: (w) => `${base(w)}/measures/${w.measureId}`,
    body: () => ({ goal: 3 }),
    invalid: { body: { baselinePoints: 1 }, field: 'baselinePoints' },
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/improvement/measures/{measureId}/points',
    url: (w) => `${base(w)}/measures/${w.measureId}/points`,
    body: () => ({ date: '2030-01-02', value: 4 }),
    invalid: { body: { date: '2030-13-40', value: 4 }, field: 'date' },
  },
  {
    method: 'DELETE',
    path: '/api/teams/{teamId}/improvement/points/{pointId}',
    url: (w) => `${base(w)}/points/${w.pointId}`,
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/improvement/measures/{measureId}/chart.svg',
    url: (w) => `${base(w)}/measures/${w.measureId}/chart.svg`,
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/improvement/ideas/{ideaId}/report.md',
    url: (w) => `${base(w)}/ideas/${w.ideaId}/report.md`,
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/improvement/ideas/{ideaId}/report.pdf',
    url: (w) => `${base(w)}/ideas/${w.ideaId}/report.pdf`,
  },
];

let t: TestApp;
let w: W;
beforeAll(async () => {
  t = await startTestApp();
  const rw = await roleWorld(t.url);
  const a = improvementApi(rw.member, rw.team.id);
  const idea = await a.createIdea({ title: 'Hemlig idé i Avdelning 3', aim: 'Färre fall' });
  const cycle = await a.addCycle(idea.id);
  const measure = await a.createMeasure(idea.id, { name: 'Fall per vecka', better: 'down' });
  const withPoint = await a.addPoint(measure.id, { date: '2030-01-01', value: 3 });
  const key = `c:${cycle.id}:objective`;
  await a.saveField(key, 'Först', 0);
  const clash = await improvementApi(rw.facilitator, rw.team.id).saveField(key, 'Sen', 0);
  w = {
    ...rw,
    ideaId: idea.id,
    cycleId: cycle.id,
    measureId: measure.id,
    pointId: withPoint.points[0]!.id,
    conflictId: clash.conflict!.id,
    key,
  };
});
afterAll(() => t.close());

const call = (client: Client, row: Row, body = row.body?.(w)) =>
  client.request(row.method, row.url(w), row.method === 'GET' || row.method === 'DELETE' ? undefined : (body ?? {}));

test('every route tagged "improvement" in the OpenAPI document has a row here', async () => {
  const doc = (await new Client(t.url).get('/api/openapi.json')).body;
  const documented: string[] = [];
  for (const [path, ops] of Object.entries<Record<string, { tags?: string[] }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops))
      if (op.tags?.includes('improvement')) documented.push(`${method.toUpperCase()} ${path}`);
  }
  expect(documented.sort()).toEqual(ROWS.map((r) => `${r.method} ${r.path}`).sort());
  const withBody = ROWS.filter((r) => doc.paths[r.path][r.method.toLowerCase()].requestBody);
  expect(withBody.filter((r) => !r.invalid).map((r) => r.path)).toEqual([]);
});

describe.each(ROWS.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, row) => {
  test('without a session → 401 UNAUTHENTICATED', async () => {
    const res = await call(new Client(t.url), row);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: ErrorCode.Unauthenticated, message: expect.any(String) });
  });

  test('another team of the organisation and another organisation → 404 with no data', async () => {
    for (const persona of ['sameOrgOther', 'outsider'] as const) {
      const res = await call(w[persona].client, row);
      expect({ persona, status: res.status, body: res.body }).toEqual({
        persona,
        status: 404,
        body: { code: ErrorCode.NotFound, message: expect.any(String) },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/Hemlig|Avdelning 3|Färre fall/);
    }
  });

  test('every role of the team gets past authorization', async () => {
    // Read-only rows are safe to call as everyone; writes are proven by the domain tests.
    if (row.method !== 'GET') return;
    for (const persona of TEAM_PEOPLE) {
      const res = await call(w[persona].client, row);
      expect({ persona, status: res.status }).toEqual({ persona, status: 200 });
    }
  });

  if (row.invalid) {
    const invalid = row.invalid;
    test(`invalid body → 400 VALIDATION_FAILED naming "${invalid.field}"`, async () => {
      const res = await call(w.member.client, row, invalid.body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      expect(res.body.issues).toEqual(expect.arrayContaining([{ path: invalid.field, message: expect.any(String) }]));
    });
    test('unknown field → 400 VALIDATION_FAILED', async () => {
      const res = await call(w.member.client, row, { ...(row.body?.(w) as object), isAdmin: true });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.issues)).toContain('isAdmin');
    });
  }
});

test('ids from another team are only looked up: the outsider naming the victim’s ids in their own team gets 404', async () => {
  const own = await t.db.query(`SELECT id FROM teams WHERE id = $1`, [w.outsiderTeam.id]);
  expect(own).toHaveLength(1);
  const ob = `/api/teams/${w.outsiderTeam.id}/improvement`;
  const attempts: [string, string, unknown?][] = [
    ['PATCH', `${ob}/ideas/${w.ideaId}`, { status: 'abandoned' }],
    ['POST', `${ob}/ideas/${w.ideaId}/cycles`, {}],
    ['PATCH', `${ob}/cycles/${w.cycleId}`, { decision: 'abandon' }],
    ['PUT', `${ob}/fields/${encodeURIComponent(w.key)}`, { text: 'Kapad', baseRev: 5 }],
    ['GET', `${ob}/fields/${encodeURIComponent(w.key)}/history`],
    ['POST', `${ob}/conflicts/${w.conflictId}/dismiss`, {}],
    ['POST', `${ob}/ideas/${w.ideaId}/measures`, { name: 'x', better: 'up' }],
    ['PATCH', `${ob}/measures/${w.measureId}`, { name: 'Kapad' }],
    ['POST', `${ob}/measures/${w.measureId}/points`, { date: '2030-01-01', value: 1 }],
    ['DELETE', `${ob}/points/${w.pointId}`],
    ['GET', `${ob}/ideas/${w.ideaId}/report.md`],
    ['GET', `${ob}/measures/${w.measureId}/chart.svg`],
  ];
  for (const [method, url, body] of attempts) {
    const res = await w.outsider.client.request(method, url, body);
    expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
  }
  const board = await w.member.client.get(`/api/teams/${w.team.id}/improvement`);
  expect(board.body.ideas[0]).toMatchObject({ title: 'Hemlig idé i Avdelning 3', status: 'idea' });
  expect(board.body.fields[w.key].text).toBe('Först');
  expect(board.body.measures[0].points).toHaveLength(1);
});
