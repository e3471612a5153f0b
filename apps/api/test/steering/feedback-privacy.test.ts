/**
 * The feedback round's promise: nobody is forgotten, and nobody learns who gave private feedback to whom.
 * Every socket frame each participant's connection receives (joins, events, acks — recorded at the engine.io
 * packet level) and every REST answer they get is checked: only the giver and the receivers ever see private
 * feedback, and a receiver sees only themselves among its receivers. Managers and organisation admins are
 * not let in either.
 */
import type { FeedbackDto, ForumDto, MyFeedbackDto } from '@tillit/protocol';
import { join as joinTeam, signUp, world, type Person } from '../factories.js';
import { type Client, startTestApp, type TestApp } from '../harness.js';
import { LiveClient, startMeeting } from '../live/live-harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SECRET = 'Du var fantastisk med Berit i dag';

/** Every object inside a parsed payload. */
function* objects(v: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x);
  else if (v && typeof v === 'object') {
    yield v as Record<string, unknown>;
    for (const x of Object.values(v)) yield* objects(x);
  }
}

/** What a person's connection and browser received, as raw text and parsed. */
class Recorder {
  readonly raw: string[] = [];
  record(c: LiveClient): void {
    const engine = (c.socket.io as unknown as { engine: { on(e: 'packet', f: (p: { data?: unknown }) => void): void } })
      .engine;
    engine.on('packet', (p) => {
      if (typeof p.data === 'string') this.raw.push(p.data);
    });
  }
  async rest(client: Client, path: string): Promise<unknown> {
    const res = await client.get(path);
    this.raw.push(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
    return res.body;
  }
  parsed(): unknown[] {
    return this.raw.map((r) => {
      const json = r.replace(/^\d+/, ''); // socket.io packet type and ack id
      try {
        return JSON.parse(json);
      } catch {
        return r;
      }
    });
  }
}

test('private feedback reaches only its giver and receivers, in every frame and every REST answer', async () => {
  const w = await world(t.url);
  const cecilia = await signUp(t.url, 'Cecilia');
  await joinTeam(w.admin, w.team.id, cecilia, 'member');
  const giver = w.facilitator;
  const maja = w.member;
  const manager = w.admin; // manager of the team AND organisation admin
  const forums = (await manager.client.get<ForumDto[]>(`/api/teams/${w.team.id}/forums`)).body;
  const afternoon = forums.find((f) => f.kind === 'daily-afternoon')!;
  const meeting = await startMeeting(maja, w.team.id, afternoon.id, { facilitatorId: maja.user.id });

  const people: Person[] = [giver, maja, cecilia, manager];
  const rec = new Map(people.map((p) => [p, new Recorder()]));
  const clients = new Map<Person, LiveClient>();
  for (const p of people) {
    const c = await LiveClient.connect(t.url, p);
    rec.get(p)!.record(c);
    await c.join(meeting.id);
    clients.set(p, c);
  }
  try {
    const fac = clients.get(maja)!;
    await fac.ok('phase.goto', { index: 2 });

    // The round starts: nobody has received anything.
    expect(fac.state!.steering!.feedback).toEqual({ shared: [], received: [], count: 0 });

    // Private, to two people; and a shared one from Maja to the giver.
    const given = await clients.get(giver)!.ok('feedback.give', {
      receiverIds: [maja.user.id, cecilia.user.id],
      text: SECRET,
      valueTag: 'Omtanke',
      visibility: 'receivers',
    });
    await fac.ok('feedback.give', {
      receiverIds: [giver.user.id],
      text: 'Tack för hjälpen med lyften',
      visibility: 'team',
    });
    await clients
      .get(cecilia)!
      .ok('feedback.give', { receiverIds: [maja.user.id], text: 'Skönt samarbete', visibility: 'receivers' });
    const last = fac.lastSeq;
    for (const c of clients.values()) await c.waitForSeq(last);

    // Who has NOT received yet: the manager, and only the manager — everyone sees the same set.
    for (const c of clients.values()) {
      expect(c.state!.steering!.feedback.received).toEqual([giver.user.id, maja.user.id, cecilia.user.id].sort());
      expect(c.state!.steering!.feedback.count).toBe(3);
      expect(c.state!.steering!.feedback.shared.map((f) => f.text)).toEqual(['Tack för hjälpen med lyften']);
    }
    // Now the manager gets some, so nobody is forgotten.
    await clients
      .get(cecilia)!
      .ok('feedback.give', { receiverIds: [manager.user.id], text: 'Tack för stödet', visibility: 'receivers' });
    await fac.ok('meeting.end', {});
    for (const c of clients.values()) await c.waitForSeq(fac.lastSeq);
    expect(fac.state!.minutes!.steering!.feedbackCount).toBe(4);

    // REST, as each of them would look around afterwards.
    for (const p of people) {
      const r = rec.get(p)!;
      await r.rest(p.client, `/api/meetings/${meeting.id}`);
      await r.rest(p.client, `/api/meetings/${meeting.id}/minutes.md`);
      await r.rest(p.client, `/api/teams/${w.team.id}/steering/feedback`);
      await r.rest(p.client, `/api/teams/${w.team.id}/steering/feedback/mine`);
      await r.rest(p.client, `/api/teams/${w.team.id}/meetings`);
    }

    // The receivers get it (text and giver), each seeing only themselves among the receivers.
    for (const receiver of [maja, cecilia]) {
      const mine = (await receiver.client.get<MyFeedbackDto>(`/api/teams/${w.team.id}/steering/feedback/mine`)).body;
      const got = mine.received.find((f) => f.id === given.result.feedbackId)!;
      expect(got).toMatchObject({
        text: SECRET,
        giverId: giver.user.id,
        receiverIds: [receiver.user.id],
        valueTag: 'Omtanke',
      });
    }
    // The giver sees whom they gave it to.
    const giverMine = (await giver.client.get<MyFeedbackDto>(`/api/teams/${w.team.id}/steering/feedback/mine`)).body;
    expect(giverMine.given.find((f) => f.id === given.result.feedbackId)!.receiverIds).toEqual(
      [maja.user.id, cecilia.user.id].sort(),
    );

    // Frames and answers: nobody but giver and receivers has the text; nobody learns giver → receiver pairs
    // beyond their own.
    const privatePairs: [Person, Person[], string][] = [
      [giver, [maja, cecilia], SECRET],
      [cecilia, [maja], 'Skönt samarbete'],
      [cecilia, [manager], 'Tack för stödet'],
    ];
    for (const p of people) {
      const raw = rec.get(p)!.raw.join('\n');
      const parsed = rec.get(p)!.parsed();
      expect(rec.get(p)!.raw.length).toBeGreaterThan(10);
      for (const [from, to, text] of privatePairs) {
        const involved = p === from || to.includes(p);
        if (!involved)
          expect({ who: p.user.displayName, leaked: raw.includes(text) }).toEqual({
            who: p.user.displayName,
            leaked: false,
          });
        for (const o of objects(parsed)) {
          if (o.giverId !== from.user.id || o.visibility !== 'receivers') continue;
          // Only the giver (all receivers) or a receiver (only themselves) may hold such an object.
          const receivers = o.receiverIds as string[];
          if (p === from) continue;
          expect({ who: p.user.displayName, receivers }).toEqual({ who: p.user.displayName, receivers: [p.user.id] });
        }
      }
      // No per-person counts anywhere: nothing keyed by person holds a number of feedback messages.
      expect(raw).not.toMatch(/"(given|received)Count"/);
    }
    // The manager (also organisation admin) sees none of the private feedback in "mine" or on the wall.
    const wall = (await manager.client.get<FeedbackDto[]>(`/api/teams/${w.team.id}/steering/feedback`)).body;
    expect(wall.map((f) => f.visibility)).toEqual(['team']);
    // And cannot react to (or find) private feedback they were not part of.
    const react = await manager.client.post(
      `/api/teams/${w.team.id}/steering/feedback/${given.result.feedbackId}/reactions`,
      {
        reaction: 'heart',
        on: true,
      },
    );
    expect(react.status).toBe(404);
    // A receiver may react.
    const ok = await maja.client.post<FeedbackDto>(
      `/api/teams/${w.team.id}/steering/feedback/${given.result.feedbackId}/reactions`,
      {
        reaction: 'heart',
        on: true,
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.reactions).toEqual([{ reaction: 'heart', count: 1, mine: true }]);
    expect(ok.body.receiverIds).toEqual([maja.user.id]);
  } finally {
    for (const c of clients.values()) c.close();
  }
});
