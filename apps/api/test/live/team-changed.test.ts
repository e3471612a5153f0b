/**
 * `team:changed`: a change made through REST beside a running meeting (the manager answers an escalation on
 * the escalations page, a risk or an improvement idea edited on their pages) reaches the team's live meetings
 * as a hint; a re-join without lastSeq then shows it. Other teams' meetings hear nothing; a refused request
 * sends nothing.
 */
import type { EscalationDto, ForumDto, RiskDto, TeamChangedEvent } from '@tillit/protocol';
import { type Person, world } from '../factories.js';
import { startTestApp, type TestApp } from '../harness.js';
import { addRisk, escalate } from '../steering/steering-fixtures.js';
import { LiveClient, startMeeting } from './live-harness.js';
import { scaled } from '../time.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A client that records every `team:changed` it hears and lets a test wait for the n-th one. */
async function listening(p: Person, meetingId: string) {
  const c = await LiveClient.connect(t.url, p);
  const heard: TeamChangedEvent[] = [];
  const waiters: (() => void)[] = [];
  c.socket.on('team:changed', (e) => {
    heard.push(e);
    for (const w of waiters.splice(0)) w();
  });
  const ack = await c.join(meetingId);
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
  const nth = async (n: number): Promise<TeamChangedEvent> => {
    const deadline = Date.now() + scaled(10_000);
    while (heard.length < n) {
      if (Date.now() > deadline) throw new Error(`heard ${heard.length} team:changed, wanted ${n}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
    return heard[n - 1]!;
  };
  return { c, heard, nth };
}

async function dailyMeeting(p: Person, teamId: string): Promise<string> {
  const forums = (await p.client.get<ForumDto[]>(`/api/teams/${teamId}/forums`)).body;
  const forum = forums.find((f) => f.kind === 'daily-morning');
  if (!forum) throw new Error('no daily-morning forum');
  return (await startMeeting(p, teamId, forum.id)).id;
}

test('REST changes beside a meeting reach its team as team:changed; a re-join shows them; other teams hear nothing', async () => {
  const w = await world(t.url);
  const base = `/api/teams/${w.team.id}/steering`;
  const risk = await addRisk(w.member, w.team.id, { description: 'Trasig lyft på rum 4' });
  const escalation = await escalate(w.member, w.team.id, risk.id, 'Behöver ny lyft');

  const meetingId = await dailyMeeting(w.member, w.team.id);
  const otherMeetingId = await dailyMeeting(w.sameOrgOther, w.otherTeam.id);
  const mine = await listening(w.member, meetingId);
  const other = await listening(w.sameOrgOther, otherMeetingId);
  const lastSeqBefore = mine.c.lastSeq;

  // The manager answers the escalation on the escalations page.
  const reply = await w.admin.client.post<EscalationDto>(`${base}/escalations/${escalation.id}/messages`, {
    text: 'Beställd, kommer i morgon.',
  });
  expect(reply.status).toBe(201);
  const first = await mine.nth(1);
  // Only the team and the scope: nothing personal, nothing of the content.
  expect(first).toEqual({ teamId: w.team.id, scope: 'steering' });

  // Not sequenced: the meeting's log did not move. A fresh snapshot shows the answer.
  const again = await mine.c.join(meetingId);
  expect(again).toMatchObject({ ok: true, mode: 'snapshot' });
  expect(mine.c.lastSeq).toBe(lastSeqBefore);
  const shown = mine.c.state!.steering!.escalations.find((e) => e.id === escalation.id);
  expect(shown?.messages.map((m) => m.text)).toContain('Beställd, kommer i morgon.');

  // A refused change sends nothing (the facilitator may not close an escalation: 403); the next accepted
  // one (a risk edited on the risk log) is the second hint this socket hears — emits to one socket keep
  // their order, so no sleep is needed to know that nothing came in between.
  expect((await w.facilitator.client.post(`${base}/escalations/${escalation.id}/close`)).status).toBe(403);
  const patched = await w.admin.client.patch<RiskDto>(`${base}/risks/${risk.id}`, { status: 'in-progress' });
  expect(patched.status).toBe(200);
  expect(await mine.nth(2)).toEqual({ teamId: w.team.id, scope: 'steering' });
  await mine.c.join(meetingId);
  expect(mine.c.state!.steering!.risks.find((r) => r.id === risk.id)?.status).toBe('in-progress');

  // The improvement board has its own scope.
  const idea = await w.member.client.post(`/api/teams/${w.team.id}/improvement/ideas`, {
    title: 'Färre avbrott vid läkemedel',
  });
  expect(idea.status).toBe(201);
  expect(await mine.nth(3)).toEqual({ teamId: w.team.id, scope: 'improvement' });

  // The other team's meeting heard none of it: its first hint is its own team's change.
  expect((await addRisk(w.sameOrgOther, w.otherTeam.id)).id).toBeTruthy();
  expect(await other.nth(1)).toEqual({ teamId: w.otherTeam.id, scope: 'steering' });
  expect(other.heard).toHaveLength(1);
  expect(mine.heard).toHaveLength(3);

  // Leaving the meeting leaves the team's hints too.
  const left = await mine.c.socket.timeout(scaled(5000)).emitWithAck('meeting:leave', { meetingId });
  expect(left).toEqual({ ok: true });
  await addRisk(w.member, w.team.id);
  const stillListening = await listening(w.facilitator, meetingId);
  await addRisk(w.member, w.team.id);
  await stillListening.nth(1);
  expect(mine.heard).toHaveLength(3);

  mine.c.close();
  other.c.close();
  stillListening.c.close();
});
