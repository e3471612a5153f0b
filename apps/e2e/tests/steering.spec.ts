/**
 * Daily steering, live, with three people on three devices: the morning meeting (check-in, plan with
 * assignments, absences, nobody left without a task), the same day's afternoon (follow-up, a risk escalated
 * and answered by the manager, a feedback round that ends with everyone having received feedback — and
 * private feedback seen by nobody else), and the next morning's carry-over. The phone and wall layouts are
 * checked with axe, and screenshots are kept in the test's output folder.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addDays, todayIn, type ForumDto, type MeetingDto } from '@tillit/protocol';
import { steeringEn, steeringSv } from '../../web/src/steering/steering.locales.ts';
import { apiGet, signUpViaApi, startMeetingViaApi, teamWithMembers } from './support/api.ts';
import { expectAccessible, fill, newPerson, TillitApp, uniqueName } from './support/app.ts';
import { MeetingRoom } from './support/meeting.ts';
import { scaled } from './support/time.ts';

const s = steeringSv;
const today = () => todayIn();

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

test('morning → afternoon → next morning, live on a laptop, a phone and a wall display', async ({ browser }, info) => {
  test.setTimeout(scaled(150_000));
  const anna = await TillitApp.open(browser); // the manager
  const bertil = await TillitApp.open(browser); // facilitates
  const cecilia = new TillitApp(
    await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage(),
  );
  const people = { anna: newPerson('Anna'), bertil: newPerson('Bertil'), cecilia: newPerson('Cecilia') };
  await signUpViaApi(anna.context, people.anna);
  await signUpViaApi(bertil.context, people.bertil);
  await signUpViaApi(cecilia.context, people.cecilia);
  const teamName = uniqueName('Avdelning 3');
  const team = await teamWithMembers(anna.context, [bertil.context, cecilia.context], {
    organization: uniqueName('Äldreomsorgen'),
    team: teamName,
  });
  const t = anna.t;

  // Every new team has the two ready-made forums.
  await anna.goto(`/teams/${team.id}`);
  const forumList = anna.page.getByRole('list', { name: t.forums.list });
  await expect(forumList).toContainText('Daglig styrning – morgon');
  await expect(forumList).toContainText('Daglig styrning – eftermiddag');
  const forums = await apiGet<ForumDto[]>(anna.context, `/api/teams/${team.id}/forums`);
  const morningForum = forums.find((f) => f.kind === 'daily-morning')!;
  const afternoonForum = forums.find((f) => f.kind === 'daily-afternoon')!;
  const names = {
    anna: people.anna.displayName,
    bertil: people.bertil.displayName,
    cecilia: people.cecilia.displayName,
  };
  const bertilId = (await apiGet<{ id: string }>(bertil.context, '/api/auth/me')).id;

  async function openAll(meeting: MeetingDto) {
    const rooms = [new MeetingRoom(anna), new MeetingRoom(bertil), new MeetingRoom(cecilia)];
    for (const room of rooms) await room.open(meeting.id);
    return rooms as [MeetingRoom, MeetingRoom, MeetingRoom];
  }
  const listItem = (page: Page, list: string, text: string) =>
    page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: text });

  /* ---------------------------------------------------------------- the morning ---------------------------- */
  const morning = await startMeetingViaApi(bertil.context, team.id, morningForum.id, { facilitatorId: bertilId });
  const [a, b, c] = await openAll(morning);
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText('Incheckning');

  // Check-in: a word, a step on the scale, or skip.
  await cecilia.page.getByLabel(s.checkIn.yourWord).fill('Pigg');
  await cecilia.page.getByRole('button', { name: s.checkIn.send }).click();
  await bertil.page.getByRole('radio', { name: s.checkIn.step4 }).check();
  await bertil.page.getByRole('button', { name: s.checkIn.send }).click();
  await anna.page.getByRole('button', { name: s.checkIn.skip }).click();
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(listItem(page, s.checkIn.answers, names.cecilia)).toContainText('Pigg');
    await expect(listItem(page, s.checkIn.answers, names.bertil)).toContainText(fill(s.checkIn.scaleValue, { n: 4 }));
    await expect(listItem(page, s.checkIn.answers, names.anna)).toContainText(s.checkIn.skipped);
  }

  // Nothing carried over on a team's first day.
  await b.nextPhase();
  await expect(c.phaseTitle()).toHaveText('Från i går');
  await expect(cecilia.page.getByText(s.carryOver.none)).toBeVisible();

  // Today's plan: what, when, where, who — live for everyone.
  await b.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText('Dagens plan');
  await bertil.page.getByLabel(s.plan.what).fill('Dusch rum 4');
  await bertil.page.getByLabel(s.plan.when).fill('09.00');
  await bertil.page.getByLabel(s.plan.where).fill('Avd 3');
  await bertil.page.locator('form.plan-form').getByRole('checkbox', { name: names.cecilia }).check();
  await bertil.page.getByRole('button', { name: s.plan.add }).click();
  await cecilia.page.getByLabel(s.plan.what).fill('Promenad med Berit');
  await cecilia.page.getByRole('button', { name: s.plan.add }).click();
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(listItem(page, s.plan.list, 'Dusch rum 4')).toContainText(`09.00 · Avd 3 · ${names.cecilia}`);
    await expect(listItem(page, s.plan.list, 'Promenad med Berit')).toContainText(s.plan.nobody);
    await expect(page.locator('.unassigned')).toContainText(
      fill(s.plan.unassigned, { names: `${names.anna}, ${names.bertil}` }),
    );
  }
  // Assign by tap (Anna, mouse) and by keyboard (Bertil).
  await anna.page
    .getByRole('button', { name: fill(s.plan.assign, { name: names.bertil, title: 'Promenad med Berit' }) })
    .click();
  const toggle = bertil.page.getByRole('button', {
    name: fill(s.plan.assign, { name: names.anna, title: 'Promenad med Berit' }),
  });
  await toggle.focus();
  await bertil.page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(listItem(page, s.plan.list, 'Promenad med Berit')).toContainText(`${names.anna}, ${names.bertil}`);
    await expect(page.locator('.unassigned')).toHaveText(s.plan.allAssigned);
  }
  // Absent: marked by oneself, shown to all.
  await cecilia.page.getByRole('button', { name: fill(s.plan.absentToggle, { name: names.cecilia }) }).click();
  await expect(anna.page.getByText(fill(s.plan.absentList, { names: names.cecilia }))).toBeVisible();
  await cecilia.page.getByRole('button', { name: fill(s.plan.absentToggle, { name: names.cecilia }) }).click();
  await expect(anna.page.getByText(s.plan.noneAbsent)).toBeVisible();

  // Phone and wall display: accessible, and kept as pictures.
  await expectAccessible(cecilia.page, 'the morning plan on a phone');
  await shot(cecilia.page, info, 'morning-plan-phone');
  const wall = await anna.context.newPage();
  const wallApp = new TillitApp(wall);
  await new MeetingRoom(wallApp).open(morning.id, '?display=wall');
  await expect(listItem(wall, s.plan.list, 'Dusch rum 4')).toBeVisible();
  await expectAccessible(wall, 'the morning plan on the wall display');
  await shot(wall, info, 'morning-plan-wall');
  await shot(bertil.page, info, 'morning-plan-laptop');

  // The end: minutes with the plan and assignments, downloadable as Markdown and PDF.
  await bertil.page.getByRole('button', { name: t.meeting.controls.end }).click();
  await bertil.page.getByRole('button', { name: t.meeting.controls.confirmEndButton }).click();
  await expect(
    cecilia.page.getByRole('heading', { name: fill(s.minutes.plan, { date: '' }).trim(), exact: false }),
  ).toBeVisible();
  await expect(anna.page.getByRole('link', { name: s.minutes.pdf })).toBeVisible();
  const md = await anna.context.request.get(`/api/meetings/${morning.id}/minutes.md`);
  expect(md.ok()).toBe(true);
  expect(await md.text()).toContain('Dusch rum 4');
  const pdf = await anna.context.request.get(`/api/meetings/${morning.id}/minutes.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await wall.close();

  /* ---------------------------------------------------------------- the afternoon -------------------------- */
  const afternoon = await startMeetingViaApi(bertil.context, team.id, afternoonForum.id, { facilitatorId: bertilId });
  const [, b2, c2] = await openAll(afternoon);
  await expect(c2.phaseTitle()).toHaveText('Uppföljning av dagens plan');
  await bertil.page.getByRole('button', { name: fill(s.followUp.doneNamed, { title: 'Dusch rum 4' }) }).click();
  await cecilia.page
    .getByRole('button', { name: fill(s.followUp.notDoneNamed, { title: 'Promenad med Berit' }) })
    .click();
  await cecilia.page.getByLabel(fill(s.followUp.reasonFor, { title: 'Promenad med Berit' })).fill('Regnade');
  await cecilia.page.getByRole('button', { name: s.followUp.carry }).click();
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(listItem(page, s.followUp.list, 'Dusch rum 4')).toContainText(s.plan.status.done);
    await expect(listItem(page, s.followUp.list, 'Promenad med Berit')).toContainText(
      fill(s.plan.reason, { reason: 'Regnade' }),
    );
  }

  // A risk, escalated to the manager, who answers in the thread the team sees.
  await b2.nextPhase();
  await expect(c2.phaseTitle()).toHaveText('Risker och störningar');
  await cecilia.page.getByLabel(s.risks.description).fill('Lyften på avd 3 låter konstigt');
  await cecilia.page.getByLabel(s.risks.severity).selectOption({ label: s.risks.severities.high });
  await cecilia.page.getByLabel(s.risks.owner).selectOption({ label: names.bertil });
  await cecilia.page.locator('form.risk-form').getByLabel(s.risks.learning).fill('Anmäl ljud direkt');
  await cecilia.page.locator('form.risk-form').getByRole('button', { name: s.risks.add, exact: true }).click();
  const riskOn = (page: Page) => listItem(page, s.risks.heading, 'Lyften på avd 3 låter konstigt');
  for (const page of [anna.page, bertil.page, cecilia.page])
    await expect(riskOn(page)).toContainText(s.risks.severities.high);
  await bertil.page
    .getByRole('button', { name: fill(s.risks.escalateNamed, { text: 'Lyften på avd 3 låter konstigt' }) })
    .click();
  await bertil.page.getByLabel(s.risks.escalateNote).fill('Behöver servicebeslut');
  await bertil.page.getByRole('button', { name: s.risks.send, exact: true }).click();
  for (const page of [anna.page, bertil.page, cecilia.page])
    await expect(riskOn(page)).toContainText(s.escalation.openToday);
  await anna.page
    .getByLabel(fill(s.escalation.replyLabel, { text: 'Lyften på avd 3 låter konstigt' }))
    .fill('Jag ringer fastighet i dag.');
  await anna.page.getByRole('button', { name: s.escalation.send }).click();
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(riskOn(page)).toContainText(`${names.anna} (${s.escalation.manager}): Jag ringer fastighet i dag.`);
  }
  await expectAccessible(cecilia.page, 'risks and escalation on a phone');
  await shot(cecilia.page, info, 'afternoon-risks-phone');

  // The feedback round: who has not received any yet — never who gave what to whom.
  await b2.nextPhase();
  await expect(c2.phaseTitle()).toHaveText('Positiv återkoppling');
  const waiting = (page: Page) => page.locator('.not-received, .everyone-received');
  await expect(waiting(cecilia.page)).toContainText(names.anna);
  const give = async (app: TillitApp, to: string, text: string, privately: boolean) => {
    const form = app.page.locator('form.feedback-form');
    await form.getByRole('checkbox', { name: to }).check();
    await form.getByLabel(s.feedback.text).fill(text);
    if (privately) await form.getByRole('radio', { name: s.feedback.visibilities.receivers }).check();
    await form.getByRole('button', { name: s.feedback.send, exact: true }).click();
  };
  await give(cecilia, names.bertil, 'Tack för att du tog larmet i natt', false);
  await give(bertil, names.anna, 'Tack för att du alltid ställer upp', true);
  await expect(waiting(anna.page)).toHaveText(fill(s.feedback.notReceived, { names: names.cecilia }));
  await give(anna, names.cecilia, 'Skönt att jobba med dig', false);
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(waiting(page)).toHaveText(s.feedback.everyone);
    await expect(page.getByText(fill(s.feedback.count_other, { count: 3 }))).toBeVisible();
  }
  // The private one reaches Anna, and nobody else ever sees it.
  await expect(anna.page.getByRole('region', { name: s.feedback.toYou })).toContainText(
    'Tack för att du alltid ställer upp',
  );
  await expect(cecilia.page.getByText('Tack för att du alltid ställer upp')).toHaveCount(0);
  expect(await cecilia.page.content()).not.toContain('Tack för att du alltid ställer upp');
  await expectAccessible(cecilia.page, 'the feedback round on a phone');
  await shot(cecilia.page, info, 'afternoon-feedback-phone');
  const wall2 = await anna.context.newPage();
  await new MeetingRoom(new TillitApp(wall2)).open(afternoon.id, '?display=wall');
  await expect(wall2.locator('.everyone-received')).toBeVisible();
  await expectAccessible(wall2, 'the feedback round on the wall display');
  await shot(wall2, info, 'afternoon-feedback-wall');
  await wall2.close();
  await bertil.page.getByRole('button', { name: t.meeting.controls.end }).click();
  await bertil.page.getByRole('button', { name: t.meeting.controls.confirmEndButton }).click();
  await expect(cecilia.page.getByText(fill(s.minutes.feedbackCount_other, { count: 3 }))).toBeVisible();
  expect(await cecilia.page.content()).not.toContain('Tack för att du alltid ställer upp');

  /* ---------------------------------------------------------------- the next morning ----------------------- */
  const next = await startMeetingViaApi(bertil.context, team.id, morningForum.id, { facilitatorId: bertilId });
  const [a3, b3, c3] = await openAll(next);
  await b3.nextPhase();
  await expect(c3.phaseTitle()).toHaveText('Från i går');
  // "Tomorrow" has come: the facilitator moves the meeting to the next day.
  await bertil.page.getByRole('button', { name: s.day.changeDay }).click();
  await bertil.page.getByLabel(s.day.label, { exact: true }).fill(addDays(today(), 1));
  await bertil.page.getByRole('button', { name: s.day.setDay }).click();
  const carried = (page: Page) => listItem(page, s.carryOver.planHeading, 'Promenad med Berit');
  for (const page of [anna.page, bertil.page, cecilia.page]) {
    await expect(carried(page)).toContainText(fill(s.plan.reason, { reason: 'Regnade' }));
    await expect(listItem(page, s.carryOver.risksHeading, 'Lyften på avd 3 låter konstigt')).toContainText(
      s.escalation.openToday,
    );
  }
  await expect(bertil.page.getByRole('list', { name: s.carryOver.planHeading })).not.toContainText('Dusch rum 4');
  await cecilia.page
    .getByRole('button', { name: fill(s.carryOver.takeNamed, { title: 'Promenad med Berit' }) })
    .click();
  for (const page of [anna.page, bertil.page, cecilia.page])
    await expect(carried(page)).toContainText(s.carryOver.taken);
  await shot(cecilia.page, info, 'next-morning-carry-over-phone');
  await b3.nextPhase();
  await expect(a3.phaseTitle()).toHaveText('Dagens plan');
  await expect(listItem(anna.page, s.plan.list, 'Promenad med Berit')).toContainText(`${names.anna}, ${names.bertil}`);

  // Between meetings: the risk log and its CSV.
  await anna.goto(`/teams/${team.id}/steering/risks`);
  await expect(anna.page.getByRole('list', { name: s.riskLog.heading })).toContainText(
    'Lyften på avd 3 låter konstigt',
  );
  const csv = await anna.context.request.get(`/api/teams/${team.id}/steering/risks.csv`);
  expect(await csv.text()).toContain('Lyften på avd 3 låter konstigt');
  await expectAccessible(anna.page, 'the risk log');
  await shot(anna.page, info, 'risk-log-laptop');
  // The feedback wall and "my feedback", in English too.
  await anna.page.getByRole('navigation', { name: s.nav.label }).getByRole('link', { name: s.nav.feedback }).click();
  await expect(anna.page.getByRole('list', { name: s.feedback.wall })).toContainText('Skönt att jobba med dig');
  await expect(anna.page.getByRole('list', { name: s.feedback.received })).toContainText(
    'Tack för att du alltid ställer upp',
  );
  await anna.switchLanguage('en');
  await expect(
    anna.page.getByRole('heading', { level: 1, name: `${steeringEn.title}: ${steeringEn.nav.feedback}` }),
  ).toBeVisible();
  await expectAccessible(anna.page, 'the feedback pages');

  for (const app of [anna, bertil, cecilia]) await app.close();
});
