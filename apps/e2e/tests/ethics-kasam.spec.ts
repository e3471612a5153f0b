/**
 * Four people (four browser contexts): an ethics forum with a theme, two breakout groups with confidential
 * notes and share-back; then a KASAM dialogue through anonymous answers to the reveal (k = 3). axe-checked
 * on a laptop, a phone and a wall display.
 */
import { expect, test } from '@playwright/test';
import type { MeetingDto, TeamDto } from '@tillit/protocol';
import { createForumViaApi, signUpViaApi, startMeetingViaApi, teamWithMembers } from './support/api.ts';
import { expectAccessible, fill, newPerson, TillitApp, uniqueName } from './support/app.ts';
import { MeetingRoom } from './support/meeting.ts';

test('an ethics forum with two groups and share-back, then a KASAM dialogue through the reveal', async ({
  browser,
}) => {
  test.slow(); // four browsers, two meetings
  const apps = await Promise.all([0, 1, 2, 3].map(() => TillitApp.open(browser)));
  const [anna, bertil, cecilia, david] = apps as [TillitApp, TillitApp, TillitApp, TillitApp];
  const names = ['Anna', 'Bertil', 'Cecilia', 'David'].map(newPerson);
  await Promise.all(apps.map((app, i) => signUpViaApi(app.context, names[i]!)));
  const team: TeamDto = await teamWithMembers(anna.context, [bertil.context, cecilia.context, david.context], {
    organization: uniqueName('Vård och omsorg'),
    team: uniqueName('Korttidsboendet'),
  });
  const t = anna.t;
  const rooms = apps.map((app) => new MeetingRoom(app));
  const [a, b, c, d] = rooms as [MeetingRoom, MeetingRoom, MeetingRoom, MeetingRoom];

  /* Ethics forum ------------------------------------------------------------------------------------ */
  const ethics = await createForumViaApi(anna.context, team.id, {
    kind: 'ethics',
    name: 'Etikforum',
    phases: [
      { kind: 'ethics-theme', title: t.ethicsForum.template.theme, timeboxSeconds: 300, settings: {} },
      { kind: 'breakout', title: t.ethicsForum.template.groups, timeboxSeconds: 900, settings: { groupSize: 2 } },
    ],
    facilitation: { mode: 'rotating' },
  });
  const meeting: MeetingDto = await startMeetingViaApi(anna.context, team.id, ethics.id);
  for (const room of rooms) await room.open(meeting.id);
  const participants = anna.page.getByRole('region', { name: new RegExp(t.meeting.participants.title) });
  for (const n of names)
    await expect(participants.getByRole('listitem').filter({ hasText: n.displayName })).toContainText(
      t.meeting.participants.present,
    );

  // The facilitator takes the suggested theme (one the forum has not used); everyone sees its case.
  await expect(
    anna.page.getByText(fill(t.ethicsForum.theme.suggested, { title: 'Värdighet i vardagen' })),
  ).toBeVisible();
  await a.button(t.ethicsForum.theme.choose).click();
  for (const room of rooms)
    await expect(room.page.getByRole('heading', { name: 'Värdighet i vardagen' })).toBeVisible();
  await expect(david.page.getByText(t.ethicsForum.theme.questions)).toBeVisible();
  // Rotating facilitation: the next facilitator (Bertil, next in the team) is shown ahead.
  await expect(david.page.getByText(fill(t.ethicsForum.rotation.next, { name: names[1]!.displayName }))).toBeVisible();
  await expectAccessible(david.page, 'ethics theme (laptop)');

  // Groups by hand: Bertil and Cecilia in group 1, Anna and David in group 2.
  await a.nextPhase();
  for (const room of rooms) await expect(room.phaseTitle()).toHaveText(t.ethicsForum.template.groups);
  await anna.page.getByLabel(t.ethicsForum.groups.manual).check();
  const groupOf = (name: string) => anna.page.getByLabel(fill(t.ethicsForum.groups.manualGroup, { name }));
  await groupOf(names[0]!.displayName).selectOption({ label: fill(t.ethicsForum.groups.moveTo, { n: 2 }) });
  await groupOf(names[1]!.displayName).selectOption({ label: fill(t.ethicsForum.groups.moveTo, { n: 1 }) });
  await groupOf(names[2]!.displayName).selectOption({ label: fill(t.ethicsForum.groups.moveTo, { n: 1 }) });
  await groupOf(names[3]!.displayName).selectOption({ label: fill(t.ethicsForum.groups.moveTo, { n: 2 }) });
  await a.button(t.ethicsForum.groups.formButton).click();
  await a.button(t.ethicsForum.groups.open).click();
  const groupCard = (room: MeetingRoom, n: number) =>
    room.page.getByRole('region', { name: new RegExp(`^${fill(t.ethicsForum.groups.group, { n })}`) });
  for (const room of rooms) await expect(room.page.getByText(t.ethicsForum.groups.running)).toBeVisible();
  await expect(groupCard(b, 1)).toContainText(t.ethicsForum.groups.yourGroup);
  await expect(groupCard(b, 1).getByRole('timer')).toHaveText(/1[45]:\d\d/);

  // Confidential notes: Bertil writes, Cecilia (same group) sees them; David (other group) never does.
  const SECRET = 'Vi oroar oss för nattbemanningen';
  await groupCard(b, 1).getByLabel(t.ethicsForum.groups.notes).fill(SECRET);
  await groupCard(b, 1).getByRole('button', { name: t.ethicsForum.groups.saveNotes }).click();
  await expect(groupCard(c, 1).getByLabel(t.ethicsForum.groups.notes)).toHaveValue(SECRET);
  await expect(groupCard(d, 2).getByLabel(t.ethicsForum.groups.notes)).toHaveValue('');
  await expect(groupCard(d, 1).getByLabel(t.ethicsForum.groups.notes)).toHaveCount(0);
  // Summaries to share: one per group.
  await groupCard(c, 1).getByLabel(t.ethicsForum.groups.summary).fill('Vi vill våga säga till om misstag.');
  await groupCard(c, 1).getByRole('button', { name: t.ethicsForum.groups.saveSummary }).click();
  await groupCard(d, 2).getByLabel(t.ethicsForum.groups.summary).fill('Värdighet tar inte mer tid.');
  await groupCard(d, 2).getByRole('button', { name: t.ethicsForum.groups.saveSummary }).click();
  await expect(groupCard(a, 2).getByLabel(t.ethicsForum.groups.summary)).toHaveValue('Värdighet tar inte mer tid.');
  await expectAccessible(cecilia.page, 'breakout groups (laptop)');

  // Everyone back; share-back shows each group's summary in turn, to everyone.
  await a.button(t.ethicsForum.groups.recall).click();
  for (const room of rooms) await expect(room.page.getByText(t.ethicsForum.groups.recalled)).toBeVisible();
  await a.button(fill(t.ethicsForum.groups.shareGroup, { n: 1 })).click();
  for (const room of rooms) {
    const shared = room.page.getByRole('region', { name: fill(t.ethicsForum.groups.sharing, { n: 1 }) });
    await expect(shared).toContainText('Vi vill våga säga till om misstag.');
  }
  await a.button(fill(t.ethicsForum.groups.shareGroup, { n: 2 })).click();
  await expect(david.page.getByRole('region', { name: fill(t.ethicsForum.groups.sharing, { n: 2 }) })).toContainText(
    'Värdighet tar inte mer tid.',
  );
  // The secret never reached anyone outside group 1 (not even the facilitator).
  for (const app of [anna, david]) await expect(app.page.getByText(SECRET)).toHaveCount(0);
  await anna.page.goto(`/meetings/${meeting.id}?display=wall`);
  await expect(anna.page.getByRole('region', { name: fill(t.ethicsForum.groups.sharing, { n: 2 }) })).toBeVisible();
  await expectAccessible(anna.page, 'share-back (wall display)');

  /* KASAM dialogue (k lowered to 3) -------------------------------------------------------------------- */
  const kasam = await createForumViaApi(anna.context, team.id, {
    kind: 'kasam',
    name: 'KASAM-samtal',
    phases: [
      { kind: 'kasam-reflection', title: t.kasam.template.reflection, timeboxSeconds: 600, settings: { k: 3 } },
      { kind: 'kasam-factors', title: t.kasam.template.factors, settings: {} },
    ],
    facilitation: { mode: 'fixed', userId: meeting.facilitatorId! },
  });
  const dialogue = await startMeetingViaApi(anna.context, team.id, kasam.id);
  await anna.page.setViewportSize({ width: 1280, height: 800 });
  await david.page.setViewportSize({ width: 390, height: 844 });
  for (const room of rooms) await room.open(dialogue.id);
  await expectAccessible(david.page, 'KASAM reflection (phone)');

  const answer = async (room: MeetingRoom, values: [number, number, number], helps: string) => {
    const page = room.page;
    for (const [i, dim] of (['comprehensibility', 'manageability', 'meaningfulness'] as const).entries()) {
      await page
        .getByRole('group', { name: new RegExp(`^${t.kasam.dimensions[dim]}`) })
        .getByLabel(String(values[i]), { exact: true })
        .check();
    }
    await page.getByLabel(t.kasam.helps).fill(helps);
    await room.button(t.kasam.send).click();
    await expect(page.getByText(t.kasam.thanks)).toBeVisible();
  };
  await answer(b, [5, 4, 6], 'Kollegor som ställer upp');
  await answer(c, [3, 2, 6], 'Tydliga rutiner');
  // With k − 1 answers the facilitator cannot reveal anything.
  await expect(anna.page.getByText(fill(t.kasam.answered_other, { count: 2 }), { exact: true })).toBeVisible();
  await expect(a.button(t.kasam.reveal)).toBeDisabled();
  await answer(d, [6, 5, 7], 'Att brukarna blir glada');
  await expect(anna.page.getByText(fill(t.kasam.answered_other, { count: 3 }), { exact: true })).toBeVisible();
  await a.button(t.kasam.reveal).click();
  for (const room of rooms) {
    await expect(room.page.getByText(t.kasam.closed)).toBeVisible();
    await expect(room.page.getByText('Tydliga rutiner')).toBeVisible();
  }
  await expect(
    bertil.page.getByText(`${t.kasam.dimensions.manageability} · ${fill(t.kasam.median, { value: 4 })}`),
  ).toBeVisible();
  await expect(bertil.page.getByRole('region', { name: t.kasam.trend })).toBeVisible();
  await expectAccessible(bertil.page, 'KASAM reveal (laptop)');
  await expectAccessible(david.page, 'KASAM reveal (phone)');

  for (const app of apps) await app.close();
});
