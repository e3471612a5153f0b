/**
 * The improvement meeting live: capture → vote → a `pdsa` phase working on the chosen idea's cycle, with two
 * real socket clients editing THE SAME field at the same time (nothing lost), measures and data points,
 * and actions that come back in the next improvement meeting's review without anyone copying them.
 */
import { ErrorCode, type CreateForumBody, type MeetingSnapshot, fieldKey } from '@tillit/protocol';
import { world } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { createForum, LiveClient, shared, startMeeting } from '../live/live-harness.js';

const TEMPLATE: CreateForumBody['phases'] = [
  { kind: 'review', title: 'Åtgärder sedan sist', settings: { itemKinds: ['action'] } },
  { kind: 'pdsa', title: 'Pågående cykler', settings: { part: 'review' } },
  { kind: 'capture', title: 'Nya idéer', settings: { itemKinds: ['idea'] } },
  { kind: 'voting', title: 'Prioritera', settings: { itemKinds: ['idea'], votesPerPerson: 3, maxPerItem: 2 } },
  { kind: 'pdsa', title: 'Cykeln', settings: { part: 'cycle' } },
  { kind: 'pdsa', title: 'Åtgärder', settings: { part: 'actions' } },
  { kind: 'summary', title: 'Sammanfattning', settings: {} },
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function fresh(c: LiveClient): Promise<MeetingSnapshot> {
  const probe = await LiveClient.connect(t.url, c.person);
  try {
    const ack = await probe.join(c.meetingId!);
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error('no snapshot');
    return ack.snapshot;
  } finally {
    probe.close();
  }
}

test('an improvement meeting: capture, vote, fill a cycle together, enter data; the next meeting reviews the actions', async () => {
  const w = await world(t.url);
  const forum = await createForum(w.facilitator, w.team.id, {
    kind: 'improvement',
    name: 'Förbättringsträff',
    phases: TEMPLATE,
    facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
  });
  const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const anna = await LiveClient.connect(t.url, w.admin);
  const maja = await LiveClient.connect(t.url, w.member);
  const everyone = [fac, anna, maja];
  try {
    for (const c of everyone) expect(await c.join(meeting.id)).toMatchObject({ ok: true, mode: 'snapshot' });
    expect(fac.state!.improvement).toEqual({ ideas: [], cycles: [], fields: {}, measures: [], conflicts: [] });

    // Capture and vote.
    await fac.ok('phase.goto', { index: 2 });
    const keys = await maja.ok('item.add', { kind: 'idea', text: 'Fast plats för nycklarna' });
    const checklist = await anna.ok('item.add', { kind: 'idea', text: 'Checklista vid överlämning' });
    await fac.ok('phase.goto', { index: 3 });
    await maja.ok('vote.cast', { itemId: keys.result.itemId, delta: 1 });
    await anna.ok('vote.cast', { itemId: keys.result.itemId, delta: 1 });
    await anna.ok('vote.cast', { itemId: checklist.result.itemId, delta: 1 });
    await fac.ok('vote.reveal', {});

    // Work on the chosen idea's cycle.
    await fac.ok('phase.goto', { index: 4 });
    expect(await maja.cmd('pdsa.focus', { ideaId: keys.result.itemId })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    await fac.ok('pdsa.focus', { ideaId: keys.result.itemId });
    const ideaId = keys.result.itemId;
    await maja.ok('idea.update', { ideaId, status: 'planning', ownerId: w.member.user.id });
    const cycle = await fac.ok('cycle.add', { ideaId, startedOn: '2030-03-07' });
    const cycleId = cycle.result.cycleId;

    // Two people in two fields at once: each sees who edits what.
    const objective = fieldKey.cycle(cycleId, 'objective');
    const who = fieldKey.cycle(cycleId, 'who');
    await maja.ok('field.claim', { key: objective });
    await anna.ok('field.claim', { key: who });
    // A claim on a field someone else edits is refused (nothing to lose: no text in it).
    expect(await anna.cmd('field.claim', { key: objective })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    await fac.waitForSeq((await maja.ok('field.save', { key: objective, text: 'Ingen letar', baseRev: 0 })).seq);
    expect(fac.state!.improvement!.fields[objective]).toMatchObject({
      text: 'Ingen letar',
      rev: 1,
      editor: { userId: w.member.user.id },
    });
    await anna.ok('field.save', { key: who, text: 'Dagpersonalen', baseRev: 0, release: true });
    await maja.ok('field.save', { key: objective, text: 'Ingen letar efter nycklar', baseRev: 0, release: true });

    // THE SAME field, at the same moment, from the same revision: one goes in, the other is kept — nothing lost.
    const where = fieldKey.cycle(cycleId, 'where');
    const [a, b] = await Promise.all([
      maja.ok('field.save', { key: where, text: 'Vid personalrummets dörr', baseRev: 0 }),
      anna.ok('field.save', { key: where, text: 'I medicinrummet', baseRev: 0 }),
    ]);
    const results = [a.result, b.result];
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(results.filter((r) => !r.applied)).toEqual([{ applied: false, rev: 1, conflictId: expect.any(String) }]);
    const lastSeq = Math.max(a.seq, b.seq);
    for (const c of everyone) await c.waitForSeq(lastSeq);
    const imp = fac.state!.improvement!;
    const kept = [imp.fields[where]!.text, ...imp.conflicts.filter((c) => c.key === where).map((c) => c.text)].sort();
    expect(kept).toEqual(['I medicinrummet', 'Vid personalrummets dörr']);
    // The loser sees the conflict, takes it into the field from the current revision, and dismisses it.
    const loser = a.result.applied ? anna : maja;
    const winner = loser === anna ? maja : anna;
    // The winner still holds the field (a lease): the loser's merge would be kept as a conflict too. Release it.
    await winner.ok('field.release', { key: where });
    const conflict = imp.conflicts.find((c) => c.key === where)!;
    expect(conflict.userId).toBe(loser.person.user.id);
    await loser.ok('field.save', {
      key: where,
      text: `${imp.fields[where]!.text} och ${conflict.text}`,
      baseRev: 1,
      release: true,
    });
    await loser.ok('conflict.dismiss', { conflictId: conflict.id });

    // A question with its prediction.
    const q = fac.state!.improvement!.cycles[0]!.questionIds[0]!;
    await maja.ok('field.save', {
      key: fieldKey.question(cycleId, q, 'question'),
      text: 'Hittar vi nycklarna snabbare?',
      baseRev: 0,
      release: true,
    });
    await anna.ok('field.save', {
      key: fieldKey.question(cycleId, q, 'prediction'),
      text: 'Under en minut',
      baseRev: 0,
      release: true,
    });

    // A measure and ten data points from two people.
    const measure = await maja.ok('measure.save', {
      ideaId,
      name: 'Minuter att hitta nycklar',
      unit: 'min',
      better: 'down',
      baselinePoints: null,
      goal: 1,
    });
    const values = [12, 14, 13, 15, 11, 5, 4, 6, 5, 4];
    for (const [i, v] of values.entries()) {
      const by = i % 2 ? anna : maja;
      await by.ok('point.add', {
        measureId: measure.result.measureId,
        date: `2030-03-${String(i + 1).padStart(2, '0')}`,
        value: v,
      });
    }

    // Actions for the idea (ordinary action items with owner and due date, parent = the idea).
    await fac.ok('phase.goto', { index: 5 });
    await fac.ok('item.add', {
      kind: 'action',
      text: 'Sätt upp en krok',
      parentId: ideaId,
      ownerId: w.member.user.id,
      dueDate: '2030-03-20',
    });

    // Every client, built only from events, equals a fresh snapshot from the database.
    const seq = (await t.db.query(`SELECT last_seq FROM meetings WHERE id = $1`, [meeting.id]))[0].last_seq as number;
    for (const c of everyone) await c.waitForSeq(seq);
    const truth = await fresh(fac);
    for (const c of everyone) {
      expect(shared(c.state!)).toEqual(shared(truth));
      expect(c.state!.improvement).toEqual(truth.improvement);
    }
    const m = truth.improvement!.measures[0]!;
    expect(m.points.map((p) => p.value)).toEqual(values);
    expect(truth.improvement!.ideas.find((i) => i.id === ideaId)).toMatchObject({
      status: 'planning',
      ownerId: w.member.user.id,
    });
    expect(truth.improvement!.conflicts).toEqual([]);

    await fac.ok('meeting.end', {});
  } finally {
    for (const c of everyone) c.close();
  }

  // The next improvement meeting: the open action is in its review, and the running cycle in its pdsa review.
  const next = await startMeeting(w.facilitator, w.team.id, forum.id);
  const c2 = await LiveClient.connect(t.url, w.member);
  try {
    const ack = await c2.join(next.id);
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error('no snapshot');
    const s = ack.snapshot;
    expect(s.items.filter((i) => i.kind === 'action' && i.status === 'open').map((i) => i.text)).toEqual([
      'Sätt upp en krok',
    ]);
    expect(s.improvement!.cycles.map((c) => [c.number, c.decision])).toEqual([[1, null]]);
    await c2.ok('review.update', { itemId: s.items.find((i) => i.kind === 'action')!.id, outcome: 'done' });
  } finally {
    c2.close();
  }
});

test('a lease runs out: after it, another person may claim the field; the facilitator may free it at once', async () => {
  const w = await world(t.url);
  const forum = await createForum(w.facilitator, w.team.id, {
    kind: 'improvement',
    phases: TEMPLATE,
    facilitation: { mode: 'fixed', userId: w.facilitator.user.id },
  });
  const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const maja = await LiveClient.connect(t.url, w.member);
  const anna = await LiveClient.connect(t.url, w.admin);
  try {
    for (const c of [fac, maja, anna]) await c.join(meeting.id);
    await fac.ok('phase.goto', { index: 2 });
    const idea = await maja.ok('item.add', { kind: 'idea', text: 'Tyst timme' });
    const cycle = await maja.ok('cycle.add', { ideaId: idea.result.itemId });
    const key = fieldKey.cycle(cycle.result.cycleId, 'learning');
    await anna.ok('field.claim', { key });
    // Someone typing into a field held by another: kept as a conflict, not lost.
    const blind = await maja.ok('field.save', { key, text: 'Det blev lugnare', baseRev: 0 });
    expect(blind.result).toMatchObject({ applied: false, conflictId: expect.any(String) });
    expect(await maja.cmd('field.release', { key })).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    // The lease runs out (simulated by moving it into the past).
    await t.db.query(`UPDATE improvement_fields SET editor_until = now() - interval '1 second' WHERE key = $1`, [key]);
    await maja.ok('field.claim', { key });
    await fac.ok('field.release', { key });
    await fac.waitForSeq(fac.lastSeq + 0);
    const s = await fresh(fac);
    expect(s.improvement!.fields[key]).toMatchObject({ editor: null, text: '' });
    expect(s.improvement!.conflicts.map((c) => c.text)).toEqual(['Det blev lugnare']);
  } finally {
    for (const c of [fac, maja, anna]) c.close();
  }
});

test('ids of another team are only looked up: an outsider naming them from their own meeting gets NOT_FOUND', async () => {
  const w = await world(t.url);
  const forum = await createForum(w.facilitator, w.team.id, { kind: 'improvement', phases: TEMPLATE });
  const meeting = await startMeeting(w.facilitator, w.team.id, forum.id);
  const maja = await LiveClient.connect(t.url, w.member);
  const outsiderForum = await createForum(w.outsider, w.outsiderTeam.id, { kind: 'improvement', phases: TEMPLATE });
  const outsiderMeeting = await startMeeting(w.outsider, w.outsiderTeam.id, outsiderForum.id);
  const olle = await LiveClient.connect(t.url, w.outsider);
  try {
    await maja.join(meeting.id);
    await olle.join(outsiderMeeting.id);
    await olle.ok('phase.goto', { index: 4 });
    const idea = await maja.ok('item.add', { kind: 'idea', text: 'Vår idé' });
    const ideaId = idea.result.itemId;
    const cycleId = (await maja.ok('cycle.add', { ideaId })).result.cycleId;
    const measureId = (await maja.ok('measure.save', { ideaId, name: 'Mått', better: 'up' })).result.measureId;
    const pointId = (await maja.ok('point.add', { measureId, date: '2030-01-01', value: 1 })).result.pointId;
    const key = fieldKey.cycle(cycleId, 'objective');
    await maja.ok('field.save', { key, text: 'Vårt syfte', baseRev: 0, release: true });
    const conflictId = (await olle.cmd('field.save', { key, text: 'x', baseRev: 0 })) as unknown as { ok: boolean };
    expect(conflictId).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    const before = await t.db.query(`SELECT key, text, rev FROM improvement_fields WHERE idea_id = $1`, [ideaId]);
    const attempts = [
      olle.cmd('idea.update', { ideaId, status: 'abandoned' }),
      olle.cmd('cycle.add', { ideaId }),
      olle.cmd('cycle.update', { cycleId, decision: 'abandon' }),
      olle.cmd('field.claim', { key }),
      olle.cmd('field.release', { key }),
      olle.cmd('measure.save', { ideaId, measureId, name: 'Kapad', better: 'down' }),
      olle.cmd('point.add', { measureId, date: '2030-01-02', value: 9 }),
      olle.cmd('point.delete', { pointId }),
      olle.cmd('pdsa.focus', { ideaId }),
    ];
    for (const ack of await Promise.all(attempts))
      expect(ack).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    expect(await t.db.query(`SELECT key, text, rev FROM improvement_fields WHERE idea_id = $1`, [ideaId])).toEqual(
      before,
    );
    const [row] = await t.db.query(`SELECT status FROM items WHERE id = $1`, [ideaId]);
    expect(row.status).toBe('open');
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM improvement_points WHERE measure_id = $1`, [measureId]),
    ).toEqual([{ n: 1 }]);
  } finally {
    maja.close();
    olle.close();
  }
});
