/**
 * Daily steering between meetings over REST: the plan of any day, absences, the risk log (filters, sort,
 * CSV), escalations, the feedback wall and "my feedback" — and every route refused to people without a
 * session (401), in another team or organisation (404), with too small a role (403) or a bad body (400).
 */
import {
  addDays,
  type DayPlanDto,
  type EscalationDto,
  type FeedbackDto,
  type MyFeedbackDto,
  type PlanItemDto,
  type RiskDto,
} from '@tillit/protocol';
import { world } from '../factories.js';
import { Client, startTestApp, type TestApp } from '../harness.js';
import { addPlanItem, addRisk, escalate, today } from './steering-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await world(t.url);
  base = `/api/teams/${w.team.id}/steering`;
});
afterAll(() => t.close());

test('the plan of any day: adding ahead, editing, following up, people, absences', async () => {
  const ahead = addDays(today(), 3);
  const item = await addPlanItem(w.member, w.team.id, {
    day: ahead,
    title: 'Vårdplanering Nils',
    time: '13.00',
    place: 'Samtalsrummet',
    assigneeIds: [w.member.user.id],
  });
  expect(item).toMatchObject({
    day: ahead,
    status: 'open',
    assigneeIds: [w.member.user.id],
    authorId: w.member.user.id,
  });
  const plan = (await w.facilitator.client.get<DayPlanDto>(`${base}/plan?day=${ahead}`)).body;
  expect(plan.items.map((i) => i.title)).toEqual(['Vårdplanering Nils']);
  expect((await w.member.client.get<DayPlanDto>(`${base}/plan`)).body.day).toBe(today());

  const edited = await w.facilitator.client.patch<PlanItemDto>(`${base}/plan/${item.id}`, {
    assigneeIds: [w.facilitator.user.id, w.admin.user.id],
    followUp: { status: 'carried', reason: 'Anhöriga kunde inte' },
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ status: 'carried', carryReason: 'Anhöriga kunde inte' });
  expect(edited.body.assigneeIds).toEqual([w.facilitator.user.id, w.admin.user.id].sort());

  // Absences: yourself; someone else only as facilitator or manager.
  expect(
    (await w.member.client.request('PUT', `${base}/absences`, { day: ahead, userId: w.member.user.id, absent: true }))
      .status,
  ).toBe(204);
  expect(
    (await w.member.client.request('PUT', `${base}/absences`, { day: ahead, userId: w.admin.user.id, absent: true }))
      .status,
  ).toBe(403);
  expect(
    (
      await w.facilitator.client.request('PUT', `${base}/absences`, {
        day: ahead,
        userId: w.admin.user.id,
        absent: true,
      })
    ).status,
  ).toBe(204);
  expect((await w.member.client.get<DayPlanDto>(`${base}/plan?day=${ahead}`)).body.absences.sort()).toEqual(
    [w.member.user.id, w.admin.user.id].sort(),
  );

  // Delete: author or facilitator; another member may not.
  const other = await addPlanItem(w.facilitator, w.team.id, { title: 'Facilitatorns' });
  expect((await w.member.client.delete(`${base}/plan/${other.id}`)).status).toBe(403);
  expect((await w.member.client.delete(`${base}/plan/${item.id}`)).status).toBe(204);
  expect((await w.member.client.get(`${base}/plan?day=not-a-day`)).status).toBe(400);
});

test('the risk log: filters, sorting, CSV; escalations with a thread and their age', async () => {
  const low = await addRisk(w.member, w.team.id, {
    description: 'Trasig rullstol',
    severity: 'low',
    category: 'Lokaler och utrustning',
  });
  const high = await addRisk(w.member, w.team.id, {
    description: '=HYPERLINK("x") fall i korridoren',
    severity: 'high',
    ownerId: w.facilitator.user.id,
  });
  const dist = await addRisk(w.facilitator, w.team.id, {
    type: 'disturbance',
    description: 'Vikarien kom inte',
    severity: 'medium',
  });
  await w.member.client.patch(`${base}/risks/${low.id}`, {
    status: 'resolved',
    learning: 'Kolla rullstolar varje måndag',
  });
  await t.db.query(`UPDATE risks SET created_at = now() - interval '10 days' WHERE id = $1`, [dist.id]);

  const get = async (q: string) => (await w.member.client.get<RiskDto[]>(`${base}/risks${q}`)).body.map((r) => r.id);
  expect(await get('')).toEqual([high.id, dist.id]); // unresolved, newest first
  expect(await get('?status=all&sort=severity&order=desc')).toEqual([high.id, dist.id, low.id]);
  expect(await get('?status=resolved')).toEqual([low.id]);
  expect(await get(`?ownerId=${w.facilitator.user.id}`)).toEqual([high.id]);
  expect(await get('?type=disturbance')).toEqual([dist.id]);
  expect(await get('?minAgeDays=7')).toEqual([dist.id]);
  expect((await w.member.client.get(`${base}/risks?severity=huge`)).status).toBe(400);

  const csv = await w.member.client.get<string>(`${base}/risks.csv?status=all&sort=severity&order=asc`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="risks-/);
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'id,type,description,category,severity,status,owner,follow_up,learning,escalated,created,resolved,age_days',
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain('Trasig rullstol');
  // A formula is defused, and quotes are doubled.
  expect(lines[3]).toContain(`"'=HYPERLINK(""x"") fall i korridoren"`);
  expect(lines[3]).toContain('Farid');

  const e = await escalate(w.member, w.team.id, high.id, 'Vi behöver halkskydd');
  expect((await w.member.client.post(`${base}/risks/${high.id}/escalations`, {})).status).toBe(409);
  const reply = await w.admin.client.post<EscalationDto>(`${base}/escalations/${e.id}/messages`, {
    text: 'Beställt, kommer torsdag.',
  });
  expect(reply.status).toBe(201);
  expect(reply.body.messages.map((x) => x.text)).toEqual(['Beställt, kommer torsdag.']);
  expect((await w.facilitator.client.post(`${base}/escalations/${e.id}/close`)).status).toBe(403);
  const open = (await w.facilitator.client.get<EscalationDto[]>(`${base}/escalations`)).body;
  expect(open.map((x) => [x.id, x.riskDescription, x.status])).toEqual([[e.id, high.description, 'open']]);
  const closed = await w.member.client.post<EscalationDto>(`${base}/escalations/${e.id}/close`);
  expect(closed.body).toMatchObject({ status: 'closed', closedById: w.member.user.id });
  expect((await w.facilitator.client.get<EscalationDto[]>(`${base}/escalations`)).body).toEqual([]);
  expect(
    (await w.facilitator.client.get<EscalationDto[]>(`${base}/escalations?status=closed`)).body.map((x) => x.id),
  ).toEqual([e.id]);
});

test('feedback any time: the wall, "my feedback", reactions, value tags', async () => {
  const give = (from: typeof w.member, body: Record<string, unknown>) =>
    from.client.post<FeedbackDto>(`${base}/feedback`, body);
  const shared = await give(w.member, {
    receiverIds: [w.facilitator.user.id, w.admin.user.id],
    text: 'Tack för i natt',
    valueTag: 'samarbete',
  });
  expect(shared.status).toBe(201);
  expect(shared.body).toMatchObject({ visibility: 'team', valueTag: 'Samarbete', giverId: w.member.user.id });
  const secret = await give(w.facilitator, {
    receiverIds: [w.member.user.id],
    text: 'Bara till dig',
    visibility: 'receivers',
  });
  expect((await give(w.member, { receiverIds: [w.member.user.id], text: 'Till mig själv' })).status).toBe(400);
  expect((await give(w.member, { receiverIds: [w.outsider.user.id], text: 'Utanför' })).status).toBe(400);
  expect(
    (await give(w.member, { receiverIds: [w.admin.user.id], text: 'Fel värde', valueTag: 'Påhittat' })).status,
  ).toBe(400);
  expect((await give(w.member, { receiverIds: [], text: 'Ingen' })).status).toBe(400);

  const wall = (await w.admin.client.get<FeedbackDto[]>(`${base}/feedback`)).body;
  expect(wall.map((f) => f.text)).toEqual(['Tack för i natt']);
  const page2 = (await w.admin.client.get<FeedbackDto[]>(`${base}/feedback?before=${shared.body.id}`)).body;
  expect(page2).toEqual([]);

  const reacted = await w.admin.client.post<FeedbackDto>(`${base}/feedback/${shared.body.id}/reactions`, {
    reaction: 'clap',
    on: true,
  });
  await w.facilitator.client.post(`${base}/feedback/${shared.body.id}/reactions`, { reaction: 'clap', on: true });
  expect(reacted.body.reactions).toEqual([{ reaction: 'clap', count: 1, mine: true }]);
  const after = (await w.member.client.get<FeedbackDto[]>(`${base}/feedback`)).body[0]!;
  expect(after.reactions).toEqual([{ reaction: 'clap', count: 2, mine: false }]);
  const undone = await w.admin.client.post<FeedbackDto>(`${base}/feedback/${shared.body.id}/reactions`, {
    reaction: 'clap',
    on: false,
  });
  expect(undone.body.reactions).toEqual([{ reaction: 'clap', count: 1, mine: false }]);

  const mine = (await w.member.client.get<MyFeedbackDto>(`${base}/feedback/mine`)).body;
  expect(mine.received.map((f) => f.text)).toEqual(['Bara till dig']);
  expect(mine.given.map((f) => f.text)).toEqual(['Tack för i natt']);
  const adminMine = (await w.admin.client.get<MyFeedbackDto>(`${base}/feedback/mine`)).body;
  expect(adminMine.received.map((f) => f.text)).toEqual(['Tack för i natt']);
  expect(JSON.stringify(adminMine)).not.toContain('Bara till dig');
  expect(
    (await w.admin.client.post(`${base}/feedback/${secret.body.id}/reactions`, { reaction: 'star', on: true })).status,
  ).toBe(404);
});

test('settings: facilitators and managers change values and categories; members may read', async () => {
  expect((await w.member.client.get(`${base}/settings`)).body.valueTags).toContain('Omtanke');
  expect((await w.member.client.patch(`${base}/settings`, { valueTags: ['X'] })).status).toBe(403);
  const res = await w.facilitator.client.patch(`${base}/settings`, { riskCategories: ['Fall', 'Läkemedel'] });
  expect(res.status).toBe(200);
  expect(res.body.riskCategories).toEqual(['Fall', 'Läkemedel']);
  expect((await w.facilitator.client.patch(`${base}/settings`, { valueTags: ['A', 'a'] })).status).toBe(400);
});

describe('every route refuses the wrong people', () => {
  const ID = '00000000-0000-4000-8000-000000000000';
  const routes = (): [string, string, unknown][] => [
    ['GET', `${base}/plan`, undefined],
    ['POST', `${base}/plan`, { day: today(), title: 'x' }],
    ['PATCH', `${base}/plan/${ID}`, { title: 'x' }],
    ['DELETE', `${base}/plan/${ID}`, undefined],
    ['PUT', `${base}/absences`, { day: today(), userId: ID, absent: true }],
    ['GET', `${base}/risks`, undefined],
    ['GET', `${base}/risks.csv`, undefined],
    ['POST', `${base}/risks`, { type: 'risk', description: 'x' }],
    ['PATCH', `${base}/risks/${ID}`, { status: 'resolved' }],
    ['POST', `${base}/risks/${ID}/escalations`, {}],
    ['GET', `${base}/escalations`, undefined],
    ['POST', `${base}/escalations/${ID}/messages`, { text: 'x' }],
    ['POST', `${base}/escalations/${ID}/close`, undefined],
    ['GET', `${base}/feedback`, undefined],
    ['GET', `${base}/feedback/mine`, undefined],
    ['POST', `${base}/feedback`, { receiverIds: [ID], text: 'x' }],
    ['POST', `${base}/feedback/${ID}/reactions`, { reaction: 'heart', on: true }],
    ['GET', `${base}/settings`, undefined],
    ['PATCH', `${base}/settings`, { valueTags: [] }],
  ];

  test('no session: 401; another organisation or another team of the same one: 404', async () => {
    for (const [method, path, body] of routes()) {
      const anon = await new Client(t.url).request(method, path, body);
      expect({ method, path, status: anon.status }).toEqual({ method, path, status: 401 });
      for (const stranger of [w.outsider, w.sameOrgOther]) {
        const res = await stranger.client.request(method, path, body);
        expect({ method, path, status: res.status, code: res.body?.code }).toEqual({
          method,
          path,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    }
  });

  test('bad bodies: 400 with the failing fields', async () => {
    for (const [method, path, body] of routes()) {
      if (body === undefined || method === 'DELETE') continue;
      const res = await w.member.client.request(method, path, { ...(body as object), unexpected: 1 });
      expect({ method, path, status: res.status, code: res.body?.code }).toEqual({
        method,
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  test('ids of another team are not found, and change nothing', async () => {
    const theirs = await addPlanItem(w.sameOrgOther, w.otherTeam.id, { title: 'Deras' });
    const theirRisk = await addRisk(w.sameOrgOther, w.otherTeam.id);
    expect((await w.admin.client.patch(`${base}/plan/${theirs.id}`, { title: 'Kapad' })).status).toBe(404);
    expect((await w.admin.client.delete(`${base}/plan/${theirs.id}`)).status).toBe(404);
    expect((await w.admin.client.patch(`${base}/risks/${theirRisk.id}`, { status: 'resolved' })).status).toBe(404);
    expect((await w.admin.client.post(`${base}/risks/${theirRisk.id}/escalations`, {})).status).toBe(404);
    const [row] = (await t.db.query(`SELECT title FROM plan_items WHERE id = $1`, [theirs.id])) as object[];
    expect(row).toEqual({ title: 'Deras' });
  });
});
