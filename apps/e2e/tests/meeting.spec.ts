import { expect, test } from '@playwright/test';
import type { PhaseTemplate } from '@tillit/protocol';
import { createForumViaApi, signUpViaApi, startMeetingViaApi, teamWithMembers } from './support/api.ts';
import { expectAccessible, fill, newPerson, TillitApp, uniqueName, type Lang } from './support/app.ts';
import { MeetingRoom } from './support/meeting.ts';

test('a facilitator and two members run a live meeting; one drops offline and catches up without losing anything', async ({
  browser,
}) => {
  test.slow(); // three browsers in one meeting
  const [anna, bertil, cecilia] = await Promise.all([
    TillitApp.open(browser),
    TillitApp.open(browser),
    TillitApp.open(browser),
  ]);
  const people = { anna: newPerson('Anna'), bertil: newPerson('Bertil'), cecilia: newPerson('Cecilia') };
  await signUpViaApi(anna.context, people.anna);
  await signUpViaApi(bertil.context, people.bertil);
  await signUpViaApi(cecilia.context, people.cecilia);
  const teamName = uniqueName('Hemtjänst Söder');
  const team = await teamWithMembers(anna.context, [bertil.context, cecilia.context], {
    organization: uniqueName('Omsorgsförvaltningen'),
    team: teamName,
  });

  // The facilitator creates a forum on the team page; its schedule reads in words.
  const t = anna.t;
  await anna.goto(`/teams/${team.id}`);
  await expect(anna.heading(teamName)).toBeVisible();
  await anna.page.getByRole('button', { name: t.forums.create, exact: true }).click();
  await anna.page.getByLabel(t.forums.kind).selectOption({ label: t.forums.kinds.improvement });
  const forumName = uniqueName('Förbättringsträff');
  await anna.page.getByLabel(t.forums.name, { exact: true }).fill(forumName);
  await anna.page.getByLabel(t.forums.repeat).selectOption({ label: t.forums.repeats.weekly });
  await anna.page.getByLabel(t.forums.time).fill('14:00');
  await anna.page.getByRole('checkbox', { name: 'måndag' }).uncheck();
  await anna.page.getByRole('checkbox', { name: 'tisdag' }).uncheck();
  await anna.page.getByRole('checkbox', { name: 'torsdag' }).uncheck();
  await anna.page.getByRole('checkbox', { name: 'fredag' }).uncheck();
  await anna.page.getByRole('button', { name: t.forums.create, exact: true }).click();
  const forum = anna.page
    .getByRole('list', { name: t.forums.list })
    .getByRole('listitem')
    .filter({ hasText: forumName });
  await expect(forum).toContainText(t.forums.kinds.improvement);
  await expect(forum).toContainText(`${fill(t.schedule.weeklyOn, { days: 'onsdag' })} kl. 14:00`);

  // The live part runs a generic forum built from the engine's own phase kinds (the ready-made improvement
  // forum has PDSA phases of its own; improvement.spec.ts covers those), started from the team page.
  const generic = await createForumViaApi(anna.context, team.id, {
    kind: 'custom',
    name: uniqueName('Verksamhetsmöte'),
    schedule: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=14;BYMINUTE=0',
    phases: genericPhases(t),
  });
  await anna.page.reload();
  const genericForum = anna.page
    .getByRole('list', { name: t.forums.list })
    .getByRole('listitem')
    .filter({ hasText: generic.name });
  await genericForum.getByRole('button', { name: fill(t.forums.startNamed, { name: generic.name }) }).click();
  await expect(anna.heading(generic.name)).toBeVisible();
  const meetingId = new URL(anna.page.url()).pathname.split('/').pop() ?? '';
  const a = new MeetingRoom(anna);
  await a.expectConnected();

  // A member joins from the team page; the other from a link.
  const b = new MeetingRoom(bertil);
  await bertil.goto(`/teams/${team.id}`);
  await bertil.page.getByRole('link', { name: fill(bertil.t.meetings.joinNamed, { title: generic.name }) }).click();
  await b.expectConnected();
  const c = new MeetingRoom(cecilia);
  await c.open(meetingId);
  const participants = anna.page.getByRole('region', { name: new RegExp(t.meeting.participants.title) });
  await expect(participants.getByRole('listitem').filter({ hasText: people.cecilia.displayName })).toContainText(
    t.meeting.participants.present,
  );

  // Phase changes reach everyone at once.
  await expect(c.phaseTitle()).toHaveText(t.templates.lastActions);
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(t.templates.ideas);

  // Items: each sees the others' without reloading.
  await b.addItem('Fler sittplatser i väntrummet');
  await c.addItem('Checklista vid överlämning');
  for (const room of [a, b, c]) {
    await expect(room.item(room.captured(), 'Fler sittplatser i väntrummet')).toBeVisible();
    await expect(room.item(room.captured(), 'Checklista vid överlämning')).toBeVisible();
  }

  // Cecilia drops offline, adds an item (kept, shown as waiting), while Bertil adds one too.
  await cecilia.context.setOffline(true);
  await expect(c.connection()).toHaveText(c.t.meeting.connection.offline);
  await c.addItem('Tydligare veckoschema');
  const waitingItem = c.item(c.captured(), 'Tydligare veckoschema');
  await expect(waitingItem).toContainText(c.t.meeting.waiting);
  await expect(c.waitingCount(1)).toBeVisible();
  await b.addItem('Bättre överlämning till natten');
  await expect(a.item(a.captured(), 'Bättre överlämning till natten')).toBeVisible();
  await expect(a.item(a.captured(), 'Tydligare veckoschema')).toHaveCount(0);
  await expect(c.item(c.captured(), 'Bättre överlämning till natten')).toHaveCount(0);

  // Back online: the item is delivered exactly once and she catches up on what she missed.
  await cecilia.context.setOffline(false);
  await c.expectConnected();
  await expect(c.item(c.captured(), 'Bättre överlämning till natten')).toBeVisible();
  await expect(waitingItem).not.toContainText(c.t.meeting.waiting);
  await expect(c.waitingCount(1)).toHaveCount(0);
  for (const room of [a, b, c]) {
    await expect(room.item(room.captured(), 'Tydligare veckoschema')).toHaveCount(1);
    await expect(room.captured().getByRole('listitem')).toHaveCount(4);
  }
  // …and it is stored once: a reload shows the database's state.
  await cecilia.page.reload();
  await c.expectConnected();
  await expect(c.item(c.captured(), 'Tydligare veckoschema')).toHaveCount(1);
  await expect(c.captured().getByRole('listitem')).toHaveCount(4);

  // Dot voting: hidden until the facilitator reveals, then everyone sees the tallies.
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(t.templates.prioritise);
  await b.vote('Checklista vid överlämning');
  await b.vote('Checklista vid överlämning');
  await c.vote('Checklista vid överlämning');
  await c.vote('Tydligare veckoschema');
  await expect(
    anna.page.getByText(fill(t.meeting.voting.usedBy, { name: people.bertil.displayName, used: 2, total: 3 })),
  ).toBeVisible();
  await expect(
    anna.page.getByText(fill(t.meeting.voting.usedBy, { name: people.cecilia.displayName, used: 2, total: 3 })),
  ).toBeVisible();
  // A duplicate removed mid-vote (back in the ideas): the vote on it comes back to Bertil, on every screen.
  await b.vote('Bättre överlämning till natten');
  await expect(bertil.page.getByText(fill(b.t.meeting.voting.left, { left: 0, total: 3 }))).toBeVisible();
  await a.button(t.meeting.controls.previous).click();
  await a.button(fill(t.meeting.items.deleteNamed, { text: 'Bättre överlämning till natten' })).click();
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(t.templates.prioritise);
  await expect(bertil.page.getByText(fill(b.t.meeting.voting.left, { left: 1, total: 3 }))).toBeVisible();
  await expect(
    anna.page.getByText(fill(t.meeting.voting.usedBy, { name: people.bertil.displayName, used: 2, total: 3 })),
  ).toBeVisible();
  await expect(a.votingList()).not.toContainText(fill(t.meeting.voting.total_other, { count: 3 }));
  await a.button(t.meeting.voting.reveal).click();
  for (const room of [a, b, c]) {
    await expect(room.item(room.votingList(), 'Checklista vid överlämning')).toContainText(
      fill(t.meeting.voting.total_other, { count: 3 }),
    );
    await expect(room.item(room.votingList(), 'Tydligare veckoschema')).toContainText(
      fill(t.meeting.voting.total_one, { count: 1 }),
    );
  }

  // Discussion: the facilitator picks the top item; a member adds an action with an owner.
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(t.templates.discuss);
  await a.button(fill(t.meeting.discussion.focusNamed, { text: 'Checklista vid överlämning' })).click();
  await expect(bertil.page.getByRole('heading', { level: 3, name: 'Checklista vid överlämning' })).toBeVisible();
  await bertil.page.getByLabel(bertil.t.meeting.discussion.actionText).fill('Skriv ett första utkast');
  await bertil.page.getByLabel(bertil.t.meeting.discussion.owner).selectOption({ label: people.cecilia.displayName });
  await bertil.page.getByRole('button', { name: bertil.t.meeting.discussion.addAction }).click();
  const actions = cecilia.page.getByRole('list', { name: c.t.meeting.discussion.actions });
  await expect(actions).toContainText('Skriv ett första utkast');
  await expect(actions).toContainText(fill(c.t.meeting.items.owner, { name: people.cecilia.displayName }));

  // Summary and end: the minutes are there for everyone, and on the team page afterwards.
  await a.nextPhase();
  await anna.page
    .getByRole('textbox', { name: t.meeting.summary.text })
    .fill('Vi börjar med checklistan vid överlämning.');
  await a.button(t.meeting.summary.save).click();
  await expect(bertil.page.getByText('Vi börjar med checklistan vid överlämning.')).toBeVisible();
  await a.button(t.meeting.controls.end).click();
  await a.button(t.meeting.controls.confirmEndButton).click();
  for (const room of [a, b, c]) {
    await expect(room.page.getByRole('heading', { level: 2, name: room.t.meeting.minutes.title })).toBeVisible();
  }
  await bertil.goto(`/teams/${team.id}`);
  await bertil.page.getByRole('link', { name: fill(bertil.t.meetings.minutesNamed, { title: generic.name }) }).click();
  const minutes = bertil.page.getByRole('region', { name: bertil.t.meeting.minutes.title });
  await expect(minutes).toContainText('Vi börjar med checklistan vid överlämning.');
  await expect(minutes).toContainText('Tydligare veckoschema');
  await expect(minutes).toContainText('Skriv ett första utkast');
  await Promise.all([anna.close(), bertil.close(), cecilia.close()]);
});

/** Review of last time's actions → ideas → dot vote → discussion with actions → summary. */
function genericPhases(t: TillitApp['t']): PhaseTemplate[] {
  const min = (n: number) => n * 60;
  return [
    { kind: 'review', title: t.templates.lastActions, timeboxSeconds: min(5), settings: { itemKinds: ['action'] } },
    {
      kind: 'capture',
      title: t.templates.ideas,
      timeboxSeconds: min(5),
      settings: { itemKinds: ['idea'], prompt: t.templates.ideasPrompt },
    },
    {
      kind: 'voting',
      title: t.templates.prioritise,
      timeboxSeconds: min(3),
      settings: { itemKinds: ['idea'], votesPerPerson: 3, maxPerItem: 3 },
    },
    { kind: 'discussion', title: t.templates.discuss, timeboxSeconds: min(15), settings: { itemKinds: ['idea'] } },
    { kind: 'summary', title: t.templates.summary, timeboxSeconds: min(2), settings: { prompt: '' } },
  ];
}

const PHASES: PhaseTemplate[] = [
  {
    kind: 'capture',
    title: 'Dagens plan',
    timeboxSeconds: 300,
    settings: { itemKinds: ['plan', 'risk'], prompt: 'Vad gör vi i dag?' },
  },
  {
    kind: 'voting',
    title: 'Prioritera',
    timeboxSeconds: null,
    settings: { itemKinds: ['plan'], votesPerPerson: 3, maxPerItem: 2 },
  },
];

for (const lang of ['sv', 'en'] as const satisfies Lang[]) {
  test(`the meeting room passes axe-core on a laptop, a phone and a wall display (${lang})`, async ({ browser }) => {
    const app = await TillitApp.open(browser, lang);
    const room = new MeetingRoom(app);
    await signUpViaApi(app.context, newPerson('Dora'), lang);
    const colleague = await TillitApp.open(browser, lang);
    await signUpViaApi(colleague.context, newPerson('Erik'), lang);
    const team = await teamWithMembers(app.context, [colleague.context], {
      organization: uniqueName('Skola'),
      team: uniqueName('Arbetslag'),
    });
    const forum = await createForumViaApi(app.context, team.id, {
      kind: 'daily-morning',
      name: uniqueName('Morgonmöte'),
      schedule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
      phases: PHASES,
    });
    const meeting = await startMeetingViaApi(app.context, team.id, forum.id);

    // The team page with its forum and the live meeting.
    await app.goto(`/teams/${team.id}`);
    await expect(app.page.getByText(`${app.t.schedule.weekdays} ${lang === 'sv' ? 'kl.' : 'at'} 08:30`)).toBeVisible();
    await expectAccessible(app.page, 'team page with forums');

    await room.open(meeting.id);
    await room.addItem('Ringa anhöriga');
    await expect(room.item(room.captured(), 'Ringa anhöriga')).toBeVisible();
    await room.button(room.t.meeting.me.raiseHand).click();
    await room.button(room.t.meeting.controls.timerStart).click();
    await expect(app.page.getByText(room.t.meeting.timer.running)).toBeVisible();
    await expectAccessible(app.page, 'meeting room (laptop)');

    await app.page.setViewportSize({ width: 390, height: 844 });
    await expect(app.page.getByLabel(room.t.meeting.itemForm.newItem)).toBeVisible();
    await expectAccessible(app.page, 'meeting room (phone)');
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 390px').toBeLessThanOrEqual(0);

    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.page.getByRole('button', { name: room.t.meeting.wallDisplay }).click();
    await expect(app.page).toHaveURL(/display=wall/);
    await expect(app.page.getByLabel(room.t.meeting.itemForm.newItem)).toHaveCount(0);
    await expect(room.item(room.captured(), 'Ringa anhöriga')).toBeVisible();
    await expectAccessible(app.page, 'meeting room (wall display)');

    // The voting phase, on a laptop again.
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await app.page.getByRole('button', { name: room.t.meeting.wallDisplay }).click();
    await room.nextPhase();
    await expect(room.phaseTitle()).toHaveText('Prioritera');
    await room.vote('Ringa anhöriga');
    await expectAccessible(app.page, 'meeting room (voting)');
    await Promise.all([app.close(), colleague.close()]);
  });
}

test('an app that speaks an older live protocol asks the person to reload', async ({ browser }) => {
  const app = await TillitApp.open(browser);
  await signUpViaApi(app.context, newPerson('Frida'));
  const team = await teamWithMembers(app.context, [], {
    organization: uniqueName('Förvaltning'),
    team: uniqueName('Enhet'),
  });
  const forum = await createForumViaApi(app.context, team.id, {
    kind: 'custom',
    name: uniqueName('Avstämning'),
    phases: PHASES,
  });
  const meeting = await startMeetingViaApi(app.context, team.id, forum.id);
  // Rewrite the socket.io CONNECT packet's handshake auth, as an old build would send it.
  await app.page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) =>
      server.send(
        typeof message === 'string' ? message.replace('"protocolVersion":', '"protocolVersion":-1,"x":') : message,
      ),
    );
  });
  await app.goto(`/meetings/${meeting.id}`);
  await expect(app.alert().filter({ hasText: app.t.meeting.reloadBanner })).toBeVisible();
  await expect(app.page.getByRole('button', { name: app.t.meeting.reload })).toBeVisible();
  await expect(app.page.locator('.connection-state')).toHaveText(app.t.meeting.connection.outdated);
  await app.close();
});
