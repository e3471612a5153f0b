/**
 * The improvement meeting, live: a facilitator and two members capture ideas, dot-vote, fill the chosen
 * idea's PDSA cycle together (each sees who is writing where) and enter ten data points; the run chart shows
 * the median and a shift signal. axe on the meeting room and on the board.
 */
import { expect, test } from '@playwright/test';
import type { CreateForumBody } from '@tillit/protocol';
import { improvementSv as imp } from '../../web/src/improvement/improvement.locales.ts';
import { createForumViaApi, signUpViaApi, startMeetingViaApi, teamWithMembers } from './support/api.ts';
import { expectAccessible, fill, newPerson, TillitApp, uniqueName } from './support/app.ts';
import { MeetingRoom } from './support/meeting.ts';

const PHASES: CreateForumBody['phases'] = [
  { kind: 'review', title: imp.template.review, settings: { itemKinds: ['action'] } },
  { kind: 'pdsa', title: imp.template.running, settings: { part: 'review' } },
  { kind: 'capture', title: imp.template.ideas, settings: { itemKinds: ['idea'] } },
  { kind: 'voting', title: imp.template.vote, settings: { itemKinds: ['idea'], votesPerPerson: 3, maxPerItem: 2 } },
  { kind: 'pdsa', title: imp.template.cycle, settings: { part: 'cycle' } },
  { kind: 'pdsa', title: imp.template.actions, settings: { part: 'actions' } },
  { kind: 'summary', title: imp.template.summary, settings: {} },
];

test('a facilitator and two members run an improvement meeting: capture, vote, a cycle together, ten data points, a shift', async ({
  browser,
}) => {
  test.slow();
  const [anna, bertil, cecilia] = await Promise.all([
    TillitApp.open(browser),
    TillitApp.open(browser),
    TillitApp.open(browser),
  ]);
  const people = { anna: newPerson('Anna'), bertil: newPerson('Bertil'), cecilia: newPerson('Cecilia') };
  await Promise.all([
    signUpViaApi(anna.context, people.anna),
    signUpViaApi(bertil.context, people.bertil),
    signUpViaApi(cecilia.context, people.cecilia),
  ]);
  const team = await teamWithMembers(anna.context, [bertil.context, cecilia.context], {
    organization: uniqueName('Vård och omsorg'),
    team: uniqueName('Avdelning 3'),
  });
  const forum = await createForumViaApi(anna.context, team.id, {
    kind: 'improvement',
    name: 'Förbättringsträff',
    schedule: null,
    phases: PHASES,
  });
  const meeting = await startMeetingViaApi(anna.context, team.id, forum.id);
  const t = anna.t;
  const [a, b, c] = [new MeetingRoom(anna), new MeetingRoom(bertil), new MeetingRoom(cecilia)];
  await Promise.all([a.open(meeting.id), b.open(meeting.id), c.open(meeting.id)]);

  // Review (nothing open yet) → running cycles → capture.
  await a.nextPhase();
  await expect(c.phaseTitle()).toHaveText(imp.template.running);
  await expect(cecilia.page.getByText(imp.phase.noRunning)).toBeVisible();
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(imp.template.ideas);
  await b.addItem('Fast plats för nycklarna');
  await c.addItem('Checklista vid överlämning');
  await expect(a.item(a.captured(), 'Checklista vid överlämning')).toBeVisible();

  // Dot vote, then reveal.
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(imp.template.vote);
  await b.vote('Fast plats för nycklarna');
  await c.vote('Fast plats för nycklarna');
  await c.vote('Checklista vid överlämning');
  await a.button(t.meeting.voting.reveal).click();

  // The chosen idea's cycle: the facilitator takes the most voted idea.
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(imp.template.cycle);
  await a.button(fill(imp.phase.workOn, { title: 'Fast plats för nycklarna' })).click();
  for (const room of [a, b, c])
    await expect(room.page.getByRole('heading', { name: 'Fast plats för nycklarna' })).toBeVisible();
  await a.button(imp.addCycle).click();
  for (const room of [a, b, c])
    await expect(room.page.getByRole('heading', { name: new RegExp(fill(imp.cycle, { n: 1 })) })).toBeVisible();

  // Two members write in two fields at once; each sees who is writing where, and the other's text arrives.
  const objectiveB = bertil.page.getByLabel(imp.fields.objective, { exact: true });
  await objectiveB.click();
  await objectiveB.pressSequentially('Ingen ska behöva leta efter nycklarna', { delay: 10 });
  const objectiveC = cecilia.page
    .locator('.co-field')
    .filter({ has: cecilia.page.getByLabel(imp.fields.objective, { exact: true }) });
  await expect(objectiveC).toContainText(fill(imp.editing, { name: people.bertil.displayName }));
  await expect(cecilia.page.getByLabel(imp.fields.objective, { exact: true })).toHaveValue(
    'Ingen ska behöva leta efter nycklarna',
  );
  await expect(cecilia.page.getByLabel(imp.fields.objective, { exact: true })).toHaveJSProperty('readOnly', true);
  const whoC = cecilia.page.getByLabel(imp.fields.who, { exact: true });
  await whoC.click();
  await whoC.pressSequentially('Dagpersonalen', { delay: 10 });
  await expect(
    bertil.page.locator('.co-field').filter({ has: bertil.page.getByLabel(imp.fields.who, { exact: true }) }),
  ).toContainText(fill(imp.editing, { name: people.cecilia.displayName }));
  await expect(anna.page.getByLabel(imp.fields.who, { exact: true })).toHaveValue('Dagpersonalen');
  await bertil.page.getByLabel(fill(imp.prediction, { n: 1 })).fill('Under en minut att hitta nycklarna');
  await bertil.page.getByLabel(fill(imp.prediction, { n: 1 })).blur();
  await whoC.blur();
  await expect(anna.page.getByLabel(fill(imp.prediction, { n: 1 }))).toHaveValue('Under en minut att hitta nycklarna');
  // Leaving the field frees it: the facilitator can write there now.
  await expect(anna.page.getByLabel(imp.fields.objective, { exact: true })).toHaveJSProperty('readOnly', false);

  // A measure with a baseline of five points, and ten data points from two people.
  await bertil.page.getByRole('button', { name: imp.addMeasure }).click();
  const form = bertil.page.getByRole('form', { name: imp.addMeasure });
  await form.getByLabel(imp.measureName).fill('Minuter att hitta nycklarna');
  await form.getByLabel(imp.unit).fill('min');
  await form.getByRole('radio', { name: imp.betterDown }).check();
  await form.getByLabel(imp.baselinePoints).fill('5');
  await form.getByRole('button', { name: imp.saveMeasure }).click();
  const values = [12, 14, 13, 15, 11, 5, 4, 6, 5, 4];
  for (const [i, value] of values.entries()) {
    const who = i % 2 ? cecilia : bertil;
    const pointForm = who.page.getByRole('form', { name: fill(imp.pointFor, { name: 'Minuter att hitta nycklarna' }) });
    await pointForm.getByLabel(imp.date).fill(`2030-03-${String(i + 1).padStart(2, '0')}`);
    await pointForm.getByLabel(imp.value).fill(String(value));
    await pointForm.getByRole('button', { name: imp.addPoint }).click();
    await expect(who.page.locator('.run-chart circle')).toHaveCount(i + 1);
  }

  // Everyone's run chart: ten points, the median line, and the shift in plain words.
  for (const room of [a, b, c]) {
    const chart = room.page.locator('.run-chart');
    await expect(chart.locator('circle')).toHaveCount(10);
    await expect(chart.locator('.run-chart-median')).toContainText(`${imp.chart.median} 13`);
    await expect(
      chart.getByRole('img', { name: fill(imp.chart.title, { name: 'Minuter att hitta nycklarna (min)' }) }),
    ).toBeVisible();
    await expect(chart.locator('.run-chart-signals')).toContainText(
      'Skift: 6 punkter i rad under medianen (2030-03-05 – 2030-03-10). Det är åt det bättre hållet.',
    );
  }
  await expectAccessible(cecilia.page, 'the improvement meeting, PDSA phase');

  // Actions with owner and due date; then the board shows the idea (keyboard moves) and passes axe.
  await a.nextPhase();
  for (const room of [a, b, c]) await expect(room.phaseTitle()).toHaveText(imp.template.actions);
  await anna.page.getByRole('textbox', { name: imp.phase.actionText, exact: true }).fill('Sätt upp en nyckelkrok');
  await anna.page
    .getByRole('combobox', { name: imp.owner, exact: true })
    .selectOption({ label: people.bertil.displayName });
  await anna.page.getByLabel(imp.phase.due, { exact: true }).fill('2030-03-20');
  await a.button(imp.phase.addAction).click();
  await expect(bertil.page.getByRole('listitem').filter({ hasText: 'Sätt upp en nyckelkrok' }).first()).toBeVisible();

  await bertil.goto(`/teams/${team.id}/improvement`);
  await expect(bertil.heading(imp.board)).toBeVisible();
  const card = bertil.page.locator('.board-card').filter({ hasText: 'Fast plats för nycklarna' });
  await expect(card).toBeVisible();
  const move = card.getByRole('button', {
    name: fill(imp.moveRight, { title: 'Fast plats för nycklarna', status: imp.status.planning }),
  });
  await move.focus();
  await bertil.page.keyboard.press('Enter');
  await expect(
    bertil.page
      .getByRole('region', { name: new RegExp(imp.status.planning) })
      .locator('.board-card')
      .filter({ hasText: 'Fast plats för nycklarna' }),
  ).toBeVisible();
  await expectAccessible(bertil.page, 'the improvement board');

  for (const app of [anna, bertil, cecilia]) await app.close();
});
