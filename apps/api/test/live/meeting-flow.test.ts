/**
 * A whole meeting through every phase kind, with three real clients: each command's ack, the broadcast to
 * everyone, and at the end every client's state (built only from events) equals a fresh snapshot from the DB.
 */
import { ErrorCode, type MeetingSnapshot } from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { EVERY_PHASE, LiveClient, meetingWorld, shared } from './live-harness.js';

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

test('a meeting through every phase kind: everyone sees every change, and the events rebuild the database state', async () => {
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const mem = await LiveClient.connect(t.url, w.member);
  const mgr = await LiveClient.connect(t.url, w.admin);
  try {
    for (const c of [fac, mem, mgr]) {
      const ack = await c.join(w.meeting.id, { device: c === mgr ? 'wall' : 'phone' });
      expect(ack).toMatchObject({ ok: true, mode: 'snapshot' });
    }
    const s0 = fac.state!;
    expect(s0.meeting).toMatchObject({ state: 'live', facilitatorId: w.facilitator.user.id, currentPhaseIndex: 0 });
    expect(s0.phases.map((p) => p.kind)).toEqual(EVERY_PHASE.map((p) => p.kind));
    expect(s0.timer).toEqual({ status: 'idle', remainingMs: 120_000 });
    expect(mgr.state!.presence.map((p) => p.device).sort()).toEqual(['phone', 'phone', 'wall']);

    // Check-in: answer and pass.
    await mem.ok('checkin.answer', { text: 'Pigg och glad' });
    await fac.ok('checkin.answer', { pass: true });
    // Presence: who is here
    const who = await fac.socket.emitWithAck('meeting:who', { meetingId: w.meeting.id });
    expect(who.ok && who.presence.map((p) => p.userId).sort()).toEqual(
      [w.facilitator.user.id, w.member.user.id, w.admin.user.id].sort(),
    );

    // Timer: start, pause, extend, resume.
    const started = await fac.ok('timer.start', {});
    await fac.ok('timer.pause', {});
    await fac.ok('timer.extend', { seconds: 60 });
    await fac.ok('timer.resume', {});
    await mem.waitForSeq(started.seq + 3);
    expect(mem.state!.timer.status).toBe('running');

    // Capture: items; the member edits own, may not edit the facilitator's; notes are shared.
    await fac.ok('phase.goto', { index: 1 });
    const a = await mem.ok('item.add', { kind: 'plan', text: 'Dusch för Greta kl 10' });
    const b = await fac.ok('item.add', { kind: 'risk', text: 'Halt ute' });
    await mem.ok('item.edit', { itemId: a.result.itemId, text: 'Dusch för Greta kl 10:30' });
    const refused = await mem.cmd('item.edit', { itemId: b.result.itemId, text: 'Ändrat' });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    await mem.ok('item.edit', { itemId: b.result.itemId, notes: 'Sanda trappan' });
    const c = await mem.ok('item.add', { kind: 'idea', text: 'Ny rutin för nycklar' });
    await mem.ok('item.delete', { itemId: c.result.itemId });
    // Wrong phase: voting now is refused.
    expect(await mem.cmd('vote.cast', { itemId: a.result.itemId, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.WrongPhase },
    });
    // Lock input: the member is refused, the facilitator is not.
    await fac.ok('input.lock', { locked: true });
    expect(await mem.cmd('item.add', { kind: 'plan', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InputLocked },
    });
    await fac.ok('input.lock', { locked: false });

    // Review: carry over and done.
    await fac.ok('phase.goto', { index: 2 });
    await mem.ok('review.update', { itemId: a.result.itemId, outcome: 'carry-over', comment: 'Imorgon' });
    await mem.ok('review.update', { itemId: b.result.itemId, outcome: 'done' });

    // Voting: hidden until revealed, limits enforced.
    await fac.ok('phase.goto', { index: 3 });
    await mem.ok('vote.cast', { itemId: a.result.itemId, delta: 1 });
    const v2 = await mem.ok('vote.cast', { itemId: a.result.itemId, delta: 1 });
    expect(v2.result.mine).toEqual({ [a.result.itemId]: 2 });
    expect(await mem.cmd('vote.cast', { itemId: a.result.itemId, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.VoteLimit },
    });
    expect(await mem.cmd('vote.cast', { itemId: b.result.itemId, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Conflict },
    });
    const v3 = await fac.ok('vote.cast', { itemId: a.result.itemId, delta: 1 });
    await mgr.waitForSeq(v3.seq);
    const votingBefore = mgr.state!.phases[3]!;
    expect(votingBefore.kind === 'voting' && votingBefore.state).toEqual({
      revealed: false,
      used: { [w.member.user.id]: 2, [w.facilitator.user.id]: 1 },
      tallies: null,
      mine: {},
    });
    expect(await mem.cmd('vote.reveal', {})).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    const rev = await fac.ok('vote.reveal', {});
    await mgr.waitForSeq(rev.seq);
    const votingAfter = mgr.state!.phases[3]!;
    expect(votingAfter.kind === 'voting' && votingAfter.state.tallies).toEqual({ [a.result.itemId]: 3 });

    // Discussion: focus, notes, an action with owner and due date.
    await fac.ok('phase.goto', { index: 4 });
    await fac.ok('discussion.focus', { itemId: a.result.itemId });
    await mem.ok('item.edit', { itemId: a.result.itemId, notes: 'Behöver två personal' });
    const action = await mem.ok('item.add', {
      kind: 'action',
      text: 'Boka extra personal',
      ownerId: w.member.user.id,
      dueDate: '2030-01-15',
      parentId: a.result.itemId,
    });

    // Hands, ready.
    await mem.ok('hand.raise', {});
    await mgr.ok('hand.raise', {});
    await mem.ok('hand.raise', {});
    await fac.ok('hand.dismiss', { userId: w.member.user.id });
    await mgr.ok('ready.set', { ready: true });

    // Summary and end.
    await fac.ok('phase.goto', { index: 5 });
    await fac.ok('summary.edit', { text: 'Vi planerade dagen.' });
    const end = await fac.ok('meeting.end', {});
    expect(await mem.cmd('item.add', { kind: 'plan', text: 'för sent' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.MeetingEnded },
    });

    for (const cl of [fac, mem, mgr]) await cl.waitForSeq(end.seq);
    const truth = await fresh(mem);
    expect(truth.meeting.state).toBe('ended');
    expect(truth.minutes).toMatchObject({
      summary: 'Vi planerade dagen.',
      actions: [
        expect.objectContaining({ id: action.result.itemId, ownerId: w.member.user.id, dueDate: '2030-01-15' }),
      ],
      votes: [{ tallies: { [a.result.itemId]: 3 } }],
    });
    expect(truth.hands).toEqual([]);
    for (const cl of [fac, mem, mgr]) {
      expect(shared(cl.state!)).toEqual(shared(truth));
      expect(cl.applied.map((e) => e.seq)).toEqual(Array.from({ length: end.seq }, (_, i) => i + 1));
    }
    // The member's own votes came with the acks.
    const myVoting = mem.state!.phases[3]!;
    expect(myVoting.kind === 'voting' && myVoting.state.mine).toEqual({ [a.result.itemId]: 2 });

    // REST: the ended meeting is readable with minutes.
    const rest = await w.member.client.get<MeetingSnapshot>(`/api/meetings/${w.meeting.id}`);
    expect(rest.status).toBe(200);
    expect(shared(rest.body)).toEqual(shared(truth));
  } finally {
    for (const cl of [fac, mem, mgr]) cl.close();
  }
});

test('in-turn check-in, pass rules, ready reset on phase change, hands queue order, focus cleared on delete', async () => {
  const w = await meetingWorld(t.url);
  const res = await w.facilitator.client.post(`/api/teams/${w.team.id}/meetings`, {
    title: 'Etikforum',
    facilitatorId: w.facilitator.user.id,
    phases: [
      { kind: 'check-in', title: 'Runda', settings: { prompt: 'Ett ord?', mode: 'in-turn', allowPass: false } },
      { kind: 'discussion', title: 'Dilemma', timeboxSeconds: 600, settings: { itemKinds: ['note'] } },
    ],
  });
  expect(res.status).toBe(201);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const mem = await LiveClient.connect(t.url, w.member);
  const mgr = await LiveClient.connect(t.url, w.admin);
  try {
    for (const c of [fac, mem, mgr]) await c.join(res.body.id);
    expect(await mem.cmd('checkin.answer', { text: 'Trött' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    await fac.ok('checkin.turn', { userId: w.member.user.id });
    expect(await mem.cmd('checkin.answer', { pass: true })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    await mem.ok('checkin.answer', { text: 'Trött' });
    expect(await fac.cmd('checkin.turn', { userId: w.outsider.user.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ValidationFailed },
    });

    await mem.ok('ready.set', { ready: true });
    await mgr.ok('hand.raise', {});
    await mem.ok('hand.raise', {});
    await mgr.ok('hand.raise', {}); // keeps its place
    await mgr.ok('hand.lower', {});
    await mgr.ok('hand.raise', {}); // back of the queue
    const idleExtend = await fac.ok('timer.extend', { seconds: 30 });
    await mem.waitForSeq(idleExtend.seq);
    expect(mem.state!.hands.map((h) => h.userId)).toEqual([w.member.user.id, w.admin.user.id]);
    expect(mem.state!.ready).toEqual([w.member.user.id]);
    expect(mem.state!.timer).toEqual({ status: 'idle', remainingMs: 30_000 });

    await fac.ok('phase.goto', { index: 1 });
    const note = await mem.ok('item.add', { kind: 'note', text: 'Fallet med nycklarna' });
    await fac.ok('discussion.focus', { itemId: note.result.itemId });
    const del = await mem.ok('item.delete', { itemId: note.result.itemId });
    await fac.waitForSeq(del.seq);
    const discussion = fac.state!.phases[1]!;
    expect(discussion.kind === 'discussion' && discussion.state.focusItemId).toBeNull();
    expect(fac.state!.ready).toEqual([]);
    expect(fac.state!.timer).toEqual({ status: 'idle', remainingMs: 600_000 });
    expect(await fac.cmd('timer.pause', {})).toMatchObject({ ok: false, error: { code: ErrorCode.Conflict } });
    expect(shared(fac.state!)).toEqual(shared(await fresh(fac)));
  } finally {
    for (const c of [fac, mem, mgr]) c.close();
  }
});

test('votes on an item that leaves the board during voting go back to their owners, on every device', async () => {
  const w = await meetingWorld(t.url);
  const res = await w.facilitator.client.post(`/api/teams/${w.team.id}/meetings`, {
    title: 'Prioritering',
    facilitatorId: w.facilitator.user.id,
    phases: [
      { kind: 'capture', title: 'Förslag', settings: { itemKinds: ['idea'] } },
      { kind: 'voting', title: 'Prioritera', settings: { itemKinds: ['idea'], votesPerPerson: 3, maxPerItem: 2 } },
      { kind: 'summary', title: 'Sammanfattning', settings: {} },
    ],
  });
  expect(res.status).toBe(201);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const mem = await LiveClient.connect(t.url, w.member);
  const F = w.facilitator.user.id;
  const M = w.member.user.id;
  const voting = (c: LiveClient) => {
    const p = c.state!.phases[1]!;
    if (p.kind !== 'voting') throw new Error('not the voting phase');
    return p.state;
  };
  /** Both clients, built only from the broadcasts, agree with a fresh snapshot, their own votes included. */
  const agreeWithDatabase = async (seq: number) => {
    for (const c of [fac, mem]) {
      await c.waitForSeq(seq);
      const truth = await fresh(c);
      expect(shared(c.state!)).toEqual(shared(truth));
      const view = truth.phases[1]!;
      expect(view.kind === 'voting' && view.state.mine).toEqual(voting(c).mine);
    }
  };
  try {
    for (const c of [fac, mem]) await c.join(res.body.id);
    const dup = await mem.ok('item.add', { kind: 'idea', text: 'Fler rollatorer' });
    const walkers = await fac.ok('item.add', { kind: 'idea', text: 'Rollatorer i korridoren' });
    const keys = await mem.ok('item.add', { kind: 'idea', text: 'Nyckelskåp' });
    const A = dup.result.itemId;
    const B = walkers.result.itemId;
    const C = keys.result.itemId;
    await fac.ok('phase.goto', { index: 1 });

    // Both spend votes on the item that turns out to be a duplicate; the member spends the whole budget.
    await mem.ok('vote.cast', { itemId: A, delta: 1 });
    await mem.ok('vote.cast', { itemId: A, delta: 1 });
    await mem.ok('vote.cast', { itemId: B, delta: 1 });
    await fac.ok('vote.cast', { itemId: A, delta: 1 });
    const cast = await fac.ok('vote.cast', { itemId: C, delta: 1 });
    expect(await mem.cmd('vote.cast', { itemId: C, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.VoteLimit },
    });
    await mem.waitForSeq(cast.seq);
    expect(voting(mem).used).toEqual({ [M]: 3, [F]: 2 });

    // The duplicate is deleted mid-vote: its votes go back, live, on both devices.
    const del = await mem.ok('item.delete', { itemId: A });
    for (const c of [fac, mem]) {
      await c.waitForSeq(del.seq);
      expect(c.state!.items.map((i) => i.id)).not.toContain(A);
      expect(voting(c).used).toEqual({ [M]: 1, [F]: 1 });
      expect(voting(c).tallies).toBeNull();
    }
    expect(voting(mem).mine).toEqual({ [B]: 1 });
    expect(voting(fac).mine).toEqual({ [C]: 1 });
    await agreeWithDatabase(del.seq);

    // The budget can be spent again, up to the limit and no further.
    await mem.ok('vote.cast', { itemId: B, delta: 1 });
    const again = await mem.ok('vote.cast', { itemId: C, delta: 1 });
    expect(again.result.mine).toEqual({ [B]: 2, [C]: 1 });
    expect(await mem.cmd('vote.cast', { itemId: C, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.VoteLimit },
    });
    await fac.waitForSeq(again.seq);
    expect(voting(fac).used).toEqual({ [M]: 3, [F]: 1 });

    // Closing an item also takes it off the board: the facilitator's vote on the key cabinet comes back.
    const closed = await mem.ok('item.edit', { itemId: C, status: 'done' });
    await agreeWithDatabase(closed.seq);
    expect(voting(fac).used).toEqual({ [M]: 2, [F]: 0 });
    expect(voting(fac).mine).toEqual({});
    expect(voting(mem).mine).toEqual({ [B]: 2 });

    // The results list only items on the board; one deleted after the reveal leaves the results too.
    await fac.ok('vote.cast', { itemId: B, delta: 1 });
    const rev = await fac.ok('vote.reveal', {});
    for (const c of [fac, mem]) {
      await c.waitForSeq(rev.seq);
      expect(voting(c).tallies).toEqual({ [B]: 3 });
    }
    const gone = await fac.ok('item.delete', { itemId: B });
    await agreeWithDatabase(gone.seq);
    for (const c of [fac, mem]) expect(voting(c)).toMatchObject({ tallies: {}, used: { [M]: 0, [F]: 0 } });

    await fac.ok('phase.goto', { index: 2 });
    const end = await fac.ok('meeting.end', {});
    await agreeWithDatabase(end.seq);
    expect(mem.state!.minutes!.votes).toEqual([
      { phaseId: mem.state!.phases[1]!.id, title: 'Prioritera', tallies: {} },
    ]);
  } finally {
    for (const c of [fac, mem]) c.close();
  }
});

test('votes on an item deleted in another meeting come back at the next vote, and the reveal leaves it out', async () => {
  const w = await meetingWorld(t.url);
  const create = (title: string, phases: unknown[]) =>
    w.facilitator.client.post<{ id: string }>(`/api/teams/${w.team.id}/meetings`, {
      title,
      facilitatorId: w.facilitator.user.id,
      phases,
    });
  const votingMeeting = await create('Prioritering', [
    { kind: 'voting', title: 'Prioritera', settings: { itemKinds: ['plan'], votesPerPerson: 2, maxPerItem: 2 } },
  ]);
  const otherMeeting = await create('Eftermiddagsmöte', [
    { kind: 'capture', title: 'Plan', settings: { itemKinds: ['plan'] } },
  ]);
  expect([votingMeeting.status, otherMeeting.status]).toEqual([201, 201]);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  const mem = await LiveClient.connect(t.url, w.member);
  const elsewhere = await LiveClient.connect(t.url, w.facilitator);
  const F = w.facilitator.user.id;
  const M = w.member.user.id;
  const voting = (c: LiveClient) => {
    const p = c.state!.phases[0]!;
    if (p.kind !== 'voting') throw new Error('not the voting phase');
    return p.state;
  };
  try {
    await elsewhere.join(otherMeeting.body.id);
    const a = await elsewhere.ok('item.add', { kind: 'plan', text: 'Promenad efter lunch' });
    const b = await elsewhere.ok('item.add', { kind: 'plan', text: 'Städa förrådet' });
    const [A, B] = [a.result.itemId, b.result.itemId];
    for (const c of [fac, mem]) await c.join(votingMeeting.body.id);
    await mem.ok('vote.cast', { itemId: A, delta: 1 });
    await mem.ok('vote.cast', { itemId: A, delta: 1 });
    await fac.ok('vote.cast', { itemId: A, delta: 1 });
    expect(await mem.cmd('vote.cast', { itemId: B, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.VoteLimit },
    });

    // Deleted in the other meeting: this one hears nothing, but the member's next vote finds the budget back.
    await elsewhere.ok('item.delete', { itemId: A });
    const cast = await mem.ok('vote.cast', { itemId: B, delta: 1 });
    expect(cast.result.mine).toEqual({ [B]: 1 });
    await fac.waitForSeq(cast.seq);
    expect(voting(fac).used).toEqual({ [M]: 1, [F]: 1 });

    // The reveal counts only items that exist, and gives the facilitator's vote back on every device.
    const rev = await fac.ok('vote.reveal', {});
    for (const c of [fac, mem]) {
      await c.waitForSeq(rev.seq);
      expect(voting(c)).toMatchObject({ tallies: { [B]: 1 }, used: { [M]: 1, [F]: 0 } });
      // (Its item list still shows the deleted item until a re-join: item events reach only their own meeting.)
      const truth = await fresh(c);
      expect(c.state!.phases).toEqual(truth.phases);
    }
    expect(voting(fac).mine).toEqual({});
  } finally {
    for (const c of [fac, mem, elsewhere]) c.close();
  }
});
