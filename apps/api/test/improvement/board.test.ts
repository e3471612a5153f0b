/**
 * The improvement board over REST: ideas with the three questions, origin, owner and status; cycles with
 * questions; co-edited fields with conflicts kept in the history; measures and data points; the reports.
 */
import { ErrorCode, type ImprovementBoardDto, type FieldVersionDto } from '@tillit/protocol';
import { join, signUp, world } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { createForum, LiveClient, startMeeting } from '../live/live-harness.js';
import { readPdf } from '../pdf-text.js';
import { improvementApi } from './improvement-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  t = await startTestApp();
  w = await world(t.url);
});
afterAll(() => t.close());

const board = async () => (await w.member.client.get<ImprovementBoardDto>(`/api/teams/${w.team.id}/improvement`)).body;
const url = (rest: string) => `/api/teams/${w.team.id}/improvement${rest}`;

test('an idea with the three questions, owner and a disturbance as origin; moved through the statuses', async () => {
  // A disturbance captured in a meeting (a team item of kind disturbance) is a possible origin.
  const forum = await createForum(w.facilitator, w.team.id, {
    facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
  });
  const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(meeting.id);
  const dist = await fac.ok('item.add', { kind: 'disturbance', text: 'Nycklarna till medicinskåpet borta' });
  fac.close();
  expect((await board()).origins.map((o) => o.id)).toContain(dist.result.itemId);

  const a = improvementApi(w.member, w.team.id);
  const idea = await a.createIdea({
    title: 'Fast plats för nycklarna',
    aim: 'Ingen ska behöva leta efter nycklar',
    measure: 'Minuter att hitta nycklarna',
    change: 'En nyckelkrok vid dörren',
    ownerId: w.facilitator.user.id,
    originId: dist.result.itemId,
  });
  expect(idea).toMatchObject({
    title: 'Fast plats för nycklarna',
    status: 'idea',
    ownerId: w.facilitator.user.id,
    origin: { id: dist.result.itemId, kind: 'disturbance', text: 'Nycklarna till medicinskåpet borta' },
    authorId: w.member.user.id,
  });
  const b = await board();
  expect(b.fields[`i:${idea.id}:aim`]).toMatchObject({
    text: 'Ingen ska behöva leta efter nycklar',
    rev: 1,
    editor: null,
  });

  for (const status of ['planning', 'testing', 'adopted'] as const) {
    const res = await w.member.client.patch(url(`/ideas/${idea.id}`), { status });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(status);
  }
  // The item follows: an adopted idea is done, so it is not voted on or reviewed as open any more.
  const [row] = await t.db.query(`SELECT status FROM items WHERE id = $1`, [idea.id]);
  expect(row.status).toBe('done');

  // Validation against the team: an owner who is not a member; an origin that is not a risk/disturbance.
  const bad = await w.member.client.patch(url(`/ideas/${idea.id}`), { ownerId: w.outsider.user.id });
  expect(bad.body).toMatchObject({ code: ErrorCode.ValidationFailed, issues: [{ path: 'ownerId' }] });
  const badOrigin = await w.member.client.patch(url(`/ideas/${idea.id}`), { originId: idea.id });
  expect(badOrigin.body).toMatchObject({ code: ErrorCode.ValidationFailed, issues: [{ path: 'originId' }] });
});

test('an idea captured in a meeting is on the board at once (status idea) and gets its row on the first change', async () => {
  const forum = await createForum(w.facilitator, w.team.id);
  const meeting = await startMeeting(w.member, w.team.id, forum.id);
  const mem = await LiveClient.connect(t.url, w.member);
  await mem.join(meeting.id);
  const added = await mem.ok('item.add', { kind: 'idea', text: 'Checklista vid överlämning' });
  mem.close();
  const before = await board();
  expect(before.ideas.find((i) => i.id === added.result.itemId)).toMatchObject({
    status: 'idea',
    ownerId: null,
    origin: null,
  });
  const moved = await w.member.client.patch(url(`/ideas/${added.result.itemId}`), {
    status: 'planning',
    title: 'Checklista vid varje överlämning',
  });
  expect(moved.body).toMatchObject({ status: 'planning', title: 'Checklista vid varje överlämning' });
  // Not an idea: 404.
  const plan = await w.member.client.patch(url(`/ideas/${forum.id}`), { status: 'planning' });
  expect(plan.status).toBe(404);
});

test('cycles are numbered 1, 2, 3 …; questions are added and removed; the Act decision is kept', async () => {
  const a = improvementApi(w.member, w.team.id);
  const idea = await a.createIdea({ title: 'Morgonmöte stående' });
  const c1 = await a.addCycle(idea.id, { startedOn: '2030-01-06' });
  const c2 = await a.addCycle(idea.id);
  expect([c1.number, c2.number]).toEqual([1, 2]);
  expect(c1).toMatchObject({ startedOn: '2030-01-06', decision: null, questionIds: [expect.any(String)] });
  const added = await w.member.client.patch(url(`/cycles/${c1.id}`), { addQuestion: true, decision: 'adapt' });
  expect(added.body.questionIds).toHaveLength(2);
  expect(added.body.decision).toBe('adapt');
  const q2 = added.body.questionIds[1];
  await a.saveField(`q:${c1.id}:${q2}:prediction`, 'Mötet tar under 10 minuter', 0);
  expect((await board()).fields[`q:${c1.id}:${q2}:prediction`]?.text).toBe('Mötet tar under 10 minuter');
  const removed = await w.member.client.patch(url(`/cycles/${c1.id}`), { removeQuestionId: q2 });
  expect(removed.body.questionIds).toHaveLength(1);
  expect((await board()).fields[`q:${c1.id}:${q2}:prediction`]).toBeUndefined();
  // A question key of another cycle does not resolve.
  const wrong = await w.member.client.request('PUT', url(`/fields/${encodeURIComponent(`q:${c2.id}:${q2}:result`)}`), {
    text: 'x',
    baseRev: 0,
  });
  expect(wrong.status).toBe(404);
});

test('a save written from an old revision never overwrites: it is kept as a conflict, in the history, until dismissed', async () => {
  const a = improvementApi(w.member, w.team.id);
  const f = improvementApi(w.facilitator, w.team.id);
  const idea = await a.createIdea({ title: 'Larmrutin' });
  const cycle = await a.addCycle(idea.id);
  const key = `c:${cycle.id}:observations`;
  const first = await a.saveField(key, 'Larmet testades måndag', 0);
  expect(first).toMatchObject({
    applied: true,
    field: { rev: 1, text: 'Larmet testades måndag', editor: null },
    conflict: null,
  });
  // The same person saves again from rev 0: their own change, not a conflict.
  const again = await a.saveField(key, 'Larmet testades måndag och tisdag', 0);
  expect(again).toMatchObject({ applied: true, field: { rev: 2 } });
  // Someone else, writing from rev 0, collides.
  const clash = await f.saveField(key, 'Larmet testades inte', 0);
  expect(clash).toMatchObject({
    applied: false,
    field: { rev: 2, text: 'Larmet testades måndag och tisdag' },
    conflict: { key, userId: w.facilitator.user.id, text: 'Larmet testades inte' },
  });
  expect((await board()).conflicts.map((c) => c.text)).toContain('Larmet testades inte');
  // Saving from the current revision goes in.
  expect(await f.saveField(key, 'Larmet testades måndag och tisdag. Onsdag missades.', 2)).toMatchObject({
    applied: true,
    field: { rev: 3 },
  });

  const history = (await w.member.client.get<FieldVersionDto[]>(url(`/fields/${encodeURIComponent(key)}/history`)))
    .body;
  expect(history.map((v) => [v.kind, v.text, v.rev])).toEqual([
    ['edit', 'Larmet testades måndag och tisdag. Onsdag missades.', 3],
    ['conflict', 'Larmet testades inte', null],
    ['edit', 'Larmet testades måndag och tisdag', 2],
  ]);
  // Dismissing: the author (or a facilitator) may; another member may not. It stays in the history.
  const conflictId = clash.conflict!.id;
  const other = await w.admin.client.post(url(`/conflicts/${conflictId}/dismiss`));
  expect(other.status).toBe(204); // the admin is a manager
  expect((await board()).conflicts.map((c) => c.id)).not.toContain(conflictId);
  const kept = (await w.member.client.get<FieldVersionDto[]>(url(`/fields/${encodeURIComponent(key)}/history`))).body;
  expect(kept.find((v) => v.id === conflictId)).toMatchObject({ dismissed: true, text: 'Larmet testades inte' });
});

test('measures and data points: entered by members in any order, kept in time order; only the author or a facilitator removes', async () => {
  const a = improvementApi(w.member, w.team.id);
  const idea = await a.createIdea({ title: 'Färre fall' });
  const measure = await a.createMeasure(idea.id, {
    name: 'Fall per vecka',
    unit: 'st',
    definition: 'Antal fallrapporter i avvikelsesystemet, måndag–söndag',
    better: 'down',
    goal: 1,
    baselinePoints: 6,
  });
  expect(measure).toMatchObject({ unit: 'st', better: 'down', goal: 1, baselinePoints: 6, points: [] });
  await a.addPoint(measure.id, { date: '2030-01-14', value: 3, note: 'Vecka 3' });
  await a.addPoint(measure.id, { date: '2030-01-07', value: 4.5 });
  const last = await improvementApi(w.admin, w.team.id).addPoint(measure.id, { date: '2030-01-21', value: 2 });
  expect(last.points.map((p) => [p.date, p.value])).toEqual([
    ['2030-01-07', 4.5],
    ['2030-01-14', 3],
    ['2030-01-21', 2],
  ]);
  const adminsPoint = last.points[2]!.id;
  const refused = await w.member.client.delete(url(`/points/${adminsPoint}`));
  expect(refused.status).toBe(403);
  const byFacilitator = await w.facilitator.client.delete(url(`/points/${adminsPoint}`));
  expect(byFacilitator.status).toBe(200);
  expect(byFacilitator.body.points).toHaveLength(2);
  const patched = await w.member.client.patch(url(`/measures/${measure.id}`), {
    goal: null,
    name: 'Fall per vecka (avd 3)',
  });
  expect(patched.body).toMatchObject({ goal: null, name: 'Fall per vecka (avd 3)' });
});

test('the report: Markdown with the questions, every cycle, each chart as an SVG image and the signals; and a PDF', async () => {
  const a = improvementApi(w.member, w.team.id);
  const idea = await a.createIdea({
    title: 'Nyckelkrok',
    aim: 'Inget letande',
    measure: 'Minuter',
    change: 'Krok vid dörren',
  });
  const cycle = await a.addCycle(idea.id, { startedOn: '2030-02-07' });
  await a.saveField(`c:${cycle.id}:objective`, 'Testa kroken en vecka', 0);
  const m = await a.createMeasure(idea.id, { name: 'Minuter att hitta nycklar', unit: 'min', better: 'down' });
  const values = [12, 14, 13, 15, 11, 14, 5, 4, 6, 5, 4, 3];
  for (const [i, v] of values.entries())
    await a.addPoint(m.id, { date: `2030-02-${String(i + 1).padStart(2, '0')}`, value: v });

  const md = await w.member.client.get<string>(url(`/ideas/${idea.id}/report.md`));
  expect(md.status).toBe(200);
  expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
  expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="pdsa-nyckelkrok\.md"/);
  const text = md.body;
  expect(text).toContain('# PDSA-rapport: Nyckelkrok');
  expect(text).toContain('Vad vill vi åstadkomma?');
  expect(text).toContain('Inget letande');
  expect(text).toContain('### Cykel 1 (startade 2030-02-07)');
  expect(text).toContain('Testa kroken en vecka');
  expect(text).toMatch(/!\[Minuter att hitta nycklar\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  expect(text).toMatch(
    /- Skift: 6 punkter i rad under medianen \(2030-02-07 – 2030-02-12\)\. Det är åt det bättre hållet\./,
  );
  const svg = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(text)![1]!, 'base64').toString('utf8');
  expect(svg).toContain('<title id="rc-title">Minuter att hitta nycklar (min)</title>');
  expect(svg).toContain('PDSA 1');

  const en = await w.member.client.get<string>(url(`/ideas/${idea.id}/report.md?lang=en`));
  expect(en.body).toContain('Shift: 6 points in a row below the median');

  const pdf = await fetch(`${t.url}${url(`/ideas/${idea.id}/report.pdf`)}`, {
    headers: { cookie: w.member.client.cookieHeader },
  });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(3000);

  const chart = await w.member.client.get<string>(url(`/measures/${m.id}/chart.svg?lang=en`));
  expect(chart.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  expect(chart.body).toContain('Median');
});

test('the PDF report prints names and text outside Latin-1 as written, chart labels included, in an embedded font', async () => {
  // The standard PDF fonts only know WinAnsi: these used to come out as "?".
  const nguyen = await signUp(t.url, 'Nguyễn Thị Hương');
  await join(w.admin, w.team.id, nguyen);
  const a = improvementApi(w.member, w.team.id);
  const idea = await a.createIdea({
    title: 'Säkra lyft med Čedomir Šahinović',
    aim: 'Łucja Wójcik: färre tunga lyft → mindre ont i ryggen',
    measure: 'Lyft per pass',
    change: 'Ayşe Yılmaz provar “glidlakan” – 200 € styck',
    ownerId: nguyen.user.id,
  });
  const m = await a.createMeasure(idea.id, { name: 'Tunga lyft – Łucja', unit: 'st', better: 'down', goal: 2 });
  for (const [i, v] of [5, 6, 4, 5].entries()) await a.addPoint(m.id, { date: `2030-03-0${i + 1}`, value: v });

  const res = await fetch(`${t.url}${url(`/ideas/${idea.id}/report.pdf`)}`, {
    headers: { cookie: w.member.client.cookieHeader },
  });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = readPdf(bytes);
  // DejaVu Sans, regular and bold, embedded (/FontFile2); the run chart's labels too, no standard font anywhere.
  expect(pdf.fonts.map((f) => [f.baseFont.replace(/^[A-Z]{6}\+/, ''), f.embedded]).sort()).toEqual([
    ['DejaVuSans', true],
    ['DejaVuSans-Bold', true],
  ]);
  // Their ToUnicode maps hold these letters (U+010C for Č …): they were drawn, not replaced.
  const mapped = new Set(pdf.fonts.flatMap((f) => [...f.characters]));
  for (const ch of ['Č', 'Ł', 'ş', 'ı', 'ễ', '→', '€', '“']) expect(mapped).toContain(ch);
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(text).toContain('PDSA-rapport: Säkra lyft med Čedomir Šahinović');
  expect(text).toContain('Ansvarig: Nguyễn Thị Hương');
  expect(text).toContain('Vad vill vi åstadkomma?: Łucja Wójcik: färre tunga lyft → mindre ont i ryggen');
  expect(text).toContain('Ayşe Yılmaz provar “glidlakan” – 200 € styck');
  expect(text).toContain('Tunga lyft – Łucja (st)');
  // The chart's labels are drawn a glyph at a time, in the same font.
  expect(pdf.text.replace(/\s+/g, '')).toContain('Median5');
  expect(text).not.toContain('\ufffd');
  // Subset: the glyphs the report uses, not the whole font (0.7 MB a face).
  expect(bytes.length).toBeLessThan(100_000);
});
