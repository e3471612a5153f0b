/**
 * Daily steering, live and between meetings, on real parts: the ready-made forums, a morning and an afternoon
 * meeting with three real socket clients (every client's state, built from events alone, equals a fresh
 * snapshot), the next morning's carry-over, escalation to the manager, minutes and their exports.
 */
import { addDays, type ForumDto, type MeetingSnapshot, type SteeringSnapshot } from '@tillit/protocol';
import { createOrg, createTeam, join as joinTeam, type Person, signUp, world } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { LiveClient, relaxRateLimit, startMeeting } from '../live/live-harness.js';
import { readPdf } from '../pdf-text.js';
import { addPlanItem, addRisk, today } from './steering-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let forums: ForumDto[];
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  w = await world(t.url);
  forums = (await w.admin.client.get<ForumDto[]>(`/api/teams/${w.team.id}/forums`)).body;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

const forum = (kind: 'daily-morning' | 'daily-afternoon') => forums.find((f) => f.kind === kind)!;

async function join(p: Person, meetingId: string): Promise<LiveClient> {
  const c = await LiveClient.connect(t.url, p);
  clients.push(c);
  const ack = await c.join(meetingId);
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
  return c;
}

async function fresh(p: Person, meetingId: string): Promise<MeetingSnapshot> {
  const res = await p.client.get<MeetingSnapshot>(`/api/meetings/${meetingId}`);
  expect(res.status).toBe(200);
  return res.body;
}

const sortSteering = (s: SteeringSnapshot | null | undefined) =>
  s && {
    ...s,
    planItems: [...s.planItems].sort((a, b) => (a.id < b.id ? -1 : 1)),
    risks: [...s.risks].sort((a, b) => (a.id < b.id ? -1 : 1)),
    escalations: [...s.escalations].sort((a, b) => (a.id < b.id ? -1 : 1)),
    absences: [...s.absences].sort(),
  };

/** Every client, from events alone, agrees with the database. */
async function expectInSync(meetingId: string, ...cs: LiveClient[]) {
  const seq = Math.max(...cs.map((c) => c.lastSeq));
  for (const c of cs) await c.waitForSeq(seq);
  const db = await fresh(w.admin, meetingId);
  for (const c of cs) expect(sortSteering(c.state!.steering)).toEqual(sortSteering(db.steering));
  return db;
}

test('a new team gets the two ready-made forums in its creator’s language; switching one off keeps it off', async () => {
  expect(forums.map((f) => [f.kind, f.name]).sort()).toEqual([
    ['daily-afternoon', 'Daglig styrning – eftermiddag'],
    ['daily-morning', 'Daglig styrning – morgon'],
  ]);
  expect(forum('daily-morning').phases.map((p) => [p.kind, p.timeboxSeconds])).toEqual([
    ['steering-check-in', 120],
    ['steering-carry-over', 120],
    ['steering-plan', 360],
  ]);
  expect(forum('daily-afternoon').phases.map((p) => p.kind)).toEqual([
    'steering-follow-up',
    'steering-risks',
    'steering-feedback',
  ]);

  // English-speaking creator: English names.
  await w.admin.client.patch('/api/me', { locale: 'en' });
  const team = await createTeam(w.admin, w.org.id, 'Night shift');
  await w.admin.client.patch('/api/me', { locale: 'sv' });
  const theirs = (await w.admin.client.get<ForumDto[]>(`/api/teams/${team.id}/forums`)).body;
  expect(theirs.map((f) => f.name).sort()).toEqual(['Daily steering – afternoon', 'Daily steering – morning']);

  // Off: the forum goes; a later visit (GET settings) does not bring it back; on again: a new one.
  const off = await w.admin.client.patch(`/api/teams/${team.id}/steering/settings`, { morningForum: false });
  expect(off.status).toBe(200);
  expect(off.body.morningForumId).toBeNull();
  expect((await w.admin.client.get(`/api/teams/${team.id}/steering/settings`)).body.morningForumId).toBeNull();
  expect((await w.admin.client.get<ForumDto[]>(`/api/teams/${team.id}/forums`)).body.map((f) => f.kind)).toEqual([
    'daily-afternoon',
  ]);
  const on = await w.admin.client.patch(`/api/teams/${team.id}/steering/settings`, {
    morningForum: true,
    valueTags: ['Omtanke'],
  });
  expect(on.body).toMatchObject({ morningForumId: expect.any(String), valueTags: ['Omtanke'] });
});

test('a team made before daily steering gets its forums on the first visit, once, even when asked twice at once', async () => {
  const team = await createTeam(w.admin, w.org.id, 'Gammalt team');
  await t.db.query(`DELETE FROM forums WHERE team_id = $1`, [team.id]);
  await t.db.query(`DELETE FROM steering_settings WHERE team_id = $1`, [team.id]);
  const [a, b] = await Promise.all([
    w.admin.client.get(`/api/teams/${team.id}/steering/settings`),
    w.admin.client.get(`/api/teams/${team.id}/steering/settings`),
  ]);
  expect([a.status, b.status]).toEqual([200, 200]);
  const list = (await w.admin.client.get<ForumDto[]>(`/api/teams/${team.id}/forums`)).body;
  expect(list.map((f) => f.kind).sort()).toEqual(['daily-afternoon', 'daily-morning']);
});

test('morning → afternoon → next morning, live with three people', async () => {
  const { admin: mgr, facilitator: farid, member: maja } = w;
  const morning = await startMeeting(farid, w.team.id, forum('daily-morning').id, { facilitatorId: farid.user.id });
  const f = await join(farid, morning.id);
  const m = await join(maja, morning.id);
  const a = await join(mgr, morning.id);
  expect(f.state!.steering).toMatchObject({ day: today(), planItems: [], absences: [] });

  // Check-in: a word, a step on the scale, or skip.
  await m.ok('steering.checkin', { word: 'Pigg' });
  await a.ok('steering.checkin', { scale: 4 });
  await f.ok('steering.checkin', { skip: true });
  expect(await m.cmd('steering.checkin', {} as never)).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  });

  // Today's plan: items with one or more people; reassign by tap; absences; who has nothing yet.
  await f.ok('phase.goto', { index: 2 });
  const shower = await f.ok('plan.add', {
    title: 'Dusch rum 4',
    time: '09.00',
    place: 'Avd 3',
    assigneeIds: [maja.user.id],
  });
  const walk = await m.ok('plan.add', { title: 'Promenad med Berit', assigneeIds: [maja.user.id, farid.user.id] });
  await a.ok('plan.assign', { planItemId: shower.result.planItemId, add: [farid.user.id], remove: [maja.user.id] });
  await m.ok('absence.set', { userId: maja.user.id, absent: true });
  await m.ok('absence.set', { userId: maja.user.id, absent: false });
  // Only the facilitator marks someone else absent.
  expect(await m.cmd('absence.set', { userId: mgr.user.id, absent: true })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  await f.ok('absence.set', { userId: mgr.user.id, absent: true });
  // Only people of the team can be assigned.
  expect(await f.cmd('plan.assign', { planItemId: walk.result.planItemId, add: [w.outsider.user.id] })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  });
  let db = await expectInSync(morning.id, f, m, a);
  const shown = db.steering!;
  expect(shown.planItems.map((i) => [i.title, i.assigneeIds])).toEqual([
    ['Dusch rum 4', [farid.user.id]],
    ['Promenad med Berit', [farid.user.id, maja.user.id].sort()],
  ]);
  expect(shown.absences).toEqual([mgr.user.id]);
  expect(db.phases[0]!.kind === 'steering-check-in' && db.phases[0]!.state.answers[maja.user.id]).toMatchObject({
    word: 'Pigg',
    scale: null,
  });
  await f.ok('meeting.end', {});
  await f.waitForSeq(f.lastSeq);
  expect(f.state!.minutes!.steering).toMatchObject({ day: today(), absences: [mgr.user.id], feedbackCount: 0 });
  expect(f.state!.minutes!.steering!.plan.map((i) => i.title)).toEqual(['Dusch rum 4', 'Promenad med Berit']);

  // Afternoon: follow up the plan, capture risks and disturbances, escalate, the manager answers.
  const afternoon = await startMeeting(maja, w.team.id, forum('daily-afternoon').id, { facilitatorId: maja.user.id });
  const f2 = await join(farid, afternoon.id);
  const m2 = await join(maja, afternoon.id);
  const a2 = await join(mgr, afternoon.id);
  expect(m2.state!.steering!.planItems.map((i) => i.title)).toEqual(['Dusch rum 4', 'Promenad med Berit']);
  await f2.ok('plan.follow-up', { planItemId: shower.result.planItemId, status: 'done' });
  expect(
    await f2.cmd('plan.follow-up', { planItemId: walk.result.planItemId, status: 'carried' } as never),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  });
  await f2.ok('plan.follow-up', { planItemId: walk.result.planItemId, status: 'carried', reason: 'Regnade' });

  await m2.ok('phase.goto', { index: 1 });
  const risk = await f2.ok('risk.add', {
    type: 'risk',
    description: 'Lyften på avd 3 låter konstigt',
    category: 'Lokaler och utrustning',
    severity: 'high',
    ownerId: farid.user.id,
    followUpDate: addDays(today(), 3),
  });
  const dist = await m2.ok('risk.add', {
    type: 'disturbance',
    description: 'Medicinleveransen kom sent',
    severity: 'medium',
  });
  await m2.ok('risk.edit', {
    riskId: dist.result.riskId,
    status: 'in-progress',
    learning: 'Beställ en dag tidigare inför helger',
  });
  const esc = await f2.ok('risk.escalate', { riskId: risk.result.riskId, note: 'Behöver servicebeslut' });
  expect(await m2.cmd('risk.escalate', { riskId: risk.result.riskId })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await a2.ok('escalation.reply', { escalationId: esc.result.escalationId, text: 'Jag ringer fastighet i dag.' });
  // A member who did not escalate may not close it; the manager may.
  expect(await m2.cmd('escalation.close', { escalationId: esc.result.escalationId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  db = await expectInSync(afternoon.id, f2, m2, a2);
  const escalation = db.steering!.escalations.find((e) => e.id === esc.result.escalationId)!;
  expect(escalation).toMatchObject({
    status: 'open',
    riskDescription: 'Lyften på avd 3 låter konstigt',
    note: 'Behöver servicebeslut',
  });
  expect(escalation.messages.map((x) => [x.authorId, x.text])).toEqual([[mgr.user.id, 'Jag ringer fastighet i dag.']]);
  expect(db.steering!.planItems.map((i) => [i.title, i.status, i.carryReason])).toEqual([
    ['Dusch rum 4', 'done', null],
    ['Promenad med Berit', 'carried', 'Regnade'],
  ]);

  // Feedback round: everyone receives something; the round shows only who has received (a set).
  await m2.ok('phase.goto', { index: 2 });
  await f2.ok('feedback.give', { receiverIds: [maja.user.id], text: 'Tack för att du tog Berit!', visibility: 'team' });
  await m2.ok('feedback.give', {
    receiverIds: [farid.user.id, mgr.user.id],
    text: 'Ni var lugna i stormen',
    visibility: 'receivers',
  });
  await m2.waitForSeq(m2.lastSeq);
  db = await expectInSync(afternoon.id, f2, m2, a2);
  expect(db.steering!.feedback).toMatchObject({
    received: [farid.user.id, maja.user.id, mgr.user.id].sort(),
    count: 2,
  });
  expect(db.steering!.feedback.shared.map((x) => x.text)).toEqual(['Tack för att du tog Berit!']);
  await m2.ok('meeting.end', {});
  const minutes = (await fresh(mgr, afternoon.id)).minutes!;
  expect(minutes.steering).toMatchObject({ feedbackCount: 2 });
  expect(minutes.steering!.risksRaised.map((r) => r.description)).toEqual([
    'Lyften på avd 3 låter konstigt',
    'Medicinleveransen kom sent',
  ]);
  expect(minutes.steering!.escalations.map((e) => e.messages.length)).toEqual([1]);
  expect(JSON.stringify(minutes)).not.toContain('lugna i stormen');

  // Exports: Markdown and PDF, for members; never before the end; never for another organisation.
  const md = await maja.client.get<string>(`/api/meetings/${afternoon.id}/minutes.md`);
  expect(md.status).toBe(200);
  expect(md.headers.get('content-type')).toContain('text/markdown');
  expect(md.body).toContain('Promenad med Berit');
  expect(md.body).toContain('Antal återkopplingar i rundan: 2');
  expect(md.body).toContain('Jag ringer fastighet i dag');
  expect(md.body).not.toContain('lugna i stormen');
  expect(md.body).not.toContain('Tack för att du tog Berit');
  expect((await maja.client.get<string>(`/api/meetings/${afternoon.id}/minutes.md?lang=en`)).body).toContain(
    'Feedback messages in the round: 2',
  );
  const pdf = await fetch(`${t.url}/api/meetings/${afternoon.id}/minutes.pdf`, {
    headers: { cookie: maja.client.cookieHeader },
  });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.includes(Buffer.from('lugna i stormen'))).toBe(false);
  expect((await w.outsider.client.get(`/api/meetings/${afternoon.id}/minutes.pdf`)).status).toBe(404);
  expect((await w.sameOrgOther.client.get(`/api/meetings/${afternoon.id}/minutes.md`)).status).toBe(404);
  const live = await startMeeting(maja, w.team.id, forum('daily-afternoon').id);
  expect((await maja.client.get(`/api/meetings/${live.id}/minutes.md`)).status).toBe(409);

  // The next morning: yesterday's unfinished item and the open risks come up by themselves.
  const next = await startMeeting(farid, w.team.id, forum('daily-morning').id, { facilitatorId: farid.user.id });
  const f3 = await join(farid, next.id);
  const m3 = await join(maja, next.id);
  await f3.ok('steering.day', { day: addDays(today(), 1) });
  await m3.waitForSeq(f3.lastSeq);
  const st = m3.state!.steering!;
  expect(st.day).toBe(addDays(today(), 1));
  const carried = st.planItems.filter((i) => i.day < st.day);
  expect(carried.map((i) => [i.title, i.carryReason])).toEqual([['Promenad med Berit', 'Regnade']]);
  expect(st.risks.map((r) => r.description).sort()).toEqual([
    'Lyften på avd 3 låter konstigt',
    'Medicinleveransen kom sent',
  ]);
  expect(st.escalations.map((e) => e.status)).toEqual(['open']);
  const taken = await m3.ok('plan.carry', { planItemId: walk.result.planItemId, action: 'take' });
  expect(await m3.cmd('plan.carry', { planItemId: walk.result.planItemId, action: 'drop' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  db = await expectInSync(next.id, f3, m3);
  const copy = db.steering!.planItems.find((i) => i.id === taken.result.planItemId)!;
  expect(copy).toMatchObject({
    day: addDays(today(), 1),
    title: 'Promenad med Berit',
    carriedFromId: walk.result.planItemId,
    status: 'open',
  });
  expect(copy.assigneeIds).toEqual([farid.user.id, maja.user.id].sort());
  expect(db.steering!.planItems.find((i) => i.id === walk.result.planItemId)).toMatchObject({ carriedToId: copy.id });
});

test('steering commands in a meeting without steering phases are refused; ids of another team are only looked up', async () => {
  const outsiderForum = (await w.outsider.client.get<ForumDto[]>(`/api/teams/${w.outsiderTeam.id}/forums`)).body.find(
    (f) => f.kind === 'daily-afternoon',
  )!;
  const theirs = await startMeeting(w.outsider, w.outsiderTeam.id, outsiderForum.id);
  const o = await join(w.outsider, theirs.id);
  const victimPlan = await addPlanItem(w.member, w.team.id, { title: 'Hemligt' });
  const victimRisk = await addRisk(w.member, w.team.id, { description: 'Vår risk' });
  for (const [type, payload] of [
    ['plan.edit', { planItemId: victimPlan.id, title: 'Kapad' }],
    ['plan.delete', { planItemId: victimPlan.id }],
    ['plan.assign', { planItemId: victimPlan.id, add: [w.outsider.user.id] }],
    ['plan.follow-up', { planItemId: victimPlan.id, status: 'done' }],
    ['plan.carry', { planItemId: victimPlan.id, action: 'drop' }],
    ['risk.edit', { riskId: victimRisk.id, status: 'resolved' }],
    ['risk.escalate', { riskId: victimRisk.id }],
    ['feedback.give', { receiverIds: [w.member.user.id], text: 'hej' }],
    ['absence.set', { userId: w.member.user.id, absent: true }],
  ] as const) {
    const ack = await o.cmd(type as never, payload as never);
    expect({ type, ack }).toMatchObject({ type, ack: { ok: false } });
    expect(['NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN']).toContain((ack as { error: { code: string } }).error.code);
  }
  const [row] = (await t.db.query(`SELECT title, status FROM plan_items WHERE id = $1`, [victimPlan.id])) as object[];
  expect(row).toEqual({ title: 'Hemligt', status: 'open' });

  // A meeting of a non-steering forum: the steering commands do not apply.
  const plain = await w.facilitator.client.post<ForumDto>(`/api/teams/${w.team.id}/forums`, {
    kind: 'custom',
    name: 'Ad hoc',
    phases: [{ kind: 'capture', title: 'Samla', settings: { itemKinds: ['note'] } }],
  });
  const meeting = await startMeeting(w.facilitator, w.team.id, plain.body.id);
  const c = await join(w.facilitator, meeting.id);
  expect(await c.cmd('plan.add', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
  expect((await fresh(w.facilitator, meeting.id)).steering).toBeNull();
});

test('the minutes PDF prints names and text outside Latin-1 as written, in an embedded font', async () => {
  // The standard PDF fonts only know WinAnsi: these names used to come out as "?".
  const cedomir = await signUp(t.url, 'Čedomir Šahinović');
  const lucja = await signUp(t.url, 'Łucja Wójcik');
  const ayse = await signUp(t.url, 'Ayşe Yılmaz');
  const nguyen = await signUp(t.url, 'Nguyễn Thị Hương');
  const team = await createTeam(cedomir, (await createOrg(cedomir, 'Vård och omsorg')).id);
  await joinTeam(cedomir, team.id, lucja, 'facilitator');
  await joinTeam(cedomir, team.id, ayse);
  await joinTeam(cedomir, team.id, nguyen);
  await addPlanItem(cedomir, team.id, { title: 'Lyft med “Berit” → rum 4', assigneeIds: [ayse.user.id] });
  await addPlanItem(cedomir, team.id, { title: 'Beställa material', assigneeIds: [cedomir.user.id] });
  const absent = { day: today(), userId: nguyen.user.id, absent: true };
  expect((await cedomir.client.request('PUT', `/api/teams/${team.id}/steering/absences`, absent)).status).toBe(204);
  const afternoon = (await cedomir.client.get<ForumDto[]>(`/api/teams/${team.id}/forums`)).body.find(
    (f) => f.kind === 'daily-afternoon',
  )!;
  const meeting = await startMeeting(cedomir, team.id, afternoon.id, { facilitatorId: lucja.user.id });
  const l = await join(lucja, meeting.id);
  await l.ok('phase.goto', { index: 1 });
  await l.ok('risk.add', {
    type: 'risk',
    description: 'Glidlakan saknas – kostar 200 €',
    severity: 'high',
    ownerId: nguyen.user.id,
  });
  await l.ok('meeting.end', {});

  const res = await fetch(`${t.url}/api/meetings/${meeting.id}/minutes.pdf`, {
    headers: { cookie: ayse.client.cookieHeader },
  });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = readPdf(bytes);
  // DejaVu Sans, regular and bold, embedded (/FontFile2); no standard font anywhere.
  expect(pdf.fonts.map((f) => [f.baseFont.replace(/^[A-Z]{6}\+/, ''), f.embedded]).sort()).toEqual([
    ['DejaVuSans', true],
    ['DejaVuSans-Bold', true],
  ]);
  // Their ToUnicode maps hold these letters (U+010C for Č …): they were drawn, not replaced.
  const mapped = new Set(pdf.fonts.flatMap((f) => [...f.characters]));
  for (const ch of ['Č', 'Ł', 'ş', 'ı', 'ễ', '→', '€', '“']) expect(mapped).toContain(ch);
  // The text as a reader gets it: every name and sign as written, nothing replaced.
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(text).toContain('Samtalsledare: Łucja Wójcik');
  expect(text).toContain('Lyft med “Berit” → rum 4 – Ayşe Yılmaz – planerad');
  expect(text).toContain('Beställa material – Čedomir Šahinović – planerad');
  expect(text).toContain('Frånvarande: Nguyễn Thị Hương');
  expect(text).toContain('Risk: Glidlakan saknas – kostar 200 € · hög · öppen · ansvarig: Nguyễn Thị Hương');
  expect(text).not.toMatch(/[?\ufffd]/);
  // Subset: the document carries the glyphs it uses, not the whole font (0.7 MB a face).
  expect(bytes.length).toBeLessThan(100_000);
});
