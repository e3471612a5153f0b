/**
 * The action form every forum shares (ui/ActionForm): an empty text or a half-typed date is refused with a
 * message tied to its field and announced; an add clears the form and puts the focus back in the text field;
 * it works by keyboard alone; and the KASAM dialogue's variant starts with me as owner and keeps the owner.
 */
import { expect, test } from '@playwright/test';
import { createForumViaApi, signUpViaApi, startMeetingViaApi, teamWithMembers } from './support/api.ts';
import { expectAccessible, fill, newPerson, TillitApp, uniqueName } from './support/app.ts';
import { MeetingRoom } from './support/meeting.ts';

test('the action form: validation, focus, announcements, keyboard; the KASAM owner', async ({ browser }) => {
  test.slow(); // two meetings
  const [anna, bertil] = await Promise.all([TillitApp.open(browser), TillitApp.open(browser)]);
  const people = { anna: newPerson('Anna'), bertil: newPerson('Bertil') };
  await signUpViaApi(anna.context, people.anna);
  await signUpViaApi(bertil.context, people.bertil);
  const team = await teamWithMembers(anna.context, [bertil.context], {
    organization: uniqueName('Omsorg'),
    team: uniqueName('Avdelning'),
  });
  const t = anna.t;
  const page = anna.page;
  const room = new MeetingRoom(anna);

  const forum = await createForumViaApi(anna.context, team.id, {
    kind: 'custom',
    name: uniqueName('Verksamhetsmöte'),
    phases: [
      {
        kind: 'capture',
        title: t.templates.ideas,
        timeboxSeconds: null,
        settings: { itemKinds: ['idea'], prompt: '' },
      },
      { kind: 'discussion', title: t.templates.discuss, timeboxSeconds: null, settings: { itemKinds: ['idea'] } },
    ],
  });
  await room.open((await startMeetingViaApi(anna.context, team.id, forum.id)).id);
  await room.addItem('Tydligare överlämning');
  await room.nextPhase();
  await room.button(fill(t.meeting.discussion.focusNamed, { text: 'Tydligare överlämning' })).click();
  const text = page.getByRole('textbox', { name: t.meeting.discussion.actionText, exact: true });
  const owner = page.getByRole('combobox', { name: t.meeting.discussion.owner, exact: true });
  const due = page.getByLabel(t.meeting.discussion.due, { exact: true });
  const add = room.button(t.meeting.discussion.addAction);
  const announcer = page.locator('.announcer');
  const actions = page.getByRole('list', { name: t.meeting.discussion.actions });

  // Nothing written: the field says why, has the focus, and the room's live region says it (again on a retry).
  await add.click();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toBeFocused();
  await expect(text).toHaveAccessibleDescription(t.actionForm.textRequired);
  await expect(announcer).toContainText(t.actionForm.textRequired);
  await expectAccessible(page, 'action form with an error');
  await text.press('Enter');
  await expect(announcer.getByText(t.actionForm.textRequired)).toHaveCount(2);

  // An add: sent with owner and date, the form cleared, the focus back in the text field, announced.
  await text.fill('Skriv en checklista');
  await expect(text).not.toHaveAttribute('aria-invalid', 'true');
  await owner.selectOption({ label: people.bertil.displayName });
  await due.fill('2030-03-20');
  await add.click();
  const added = actions.getByRole('listitem').filter({ hasText: 'Skriv en checklista' });
  await expect(added).toContainText(fill(t.meeting.items.owner, { name: people.bertil.displayName }));
  await expect(added).toContainText('2030');
  await expect(text).toBeFocused();
  await expect(text).toHaveValue('');
  await expect(owner).toHaveValue('');
  await expect(due).toHaveValue('');
  await expect(announcer).toContainText(fill(t.actionForm.added, { text: 'Skriv en checklista' }));

  // By keyboard alone: type, Tab to the owner and pick with an arrow key, Enter from the text field.
  await text.pressSequentially('Boka ett uppföljningsmöte');
  await page.keyboard.press('Tab');
  await expect(owner).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(actions.getByRole('listitem').filter({ hasText: 'Boka ett uppföljningsmöte' })).toContainText(
    fill(t.meeting.items.owner, { name: people.anna.displayName }),
  );
  await expect(text).toBeFocused();

  // A date typed only in part is refused, not dropped without a word.
  await text.fill('Halvt datum');
  await due.focus();
  await page.keyboard.type('04');
  await text.press('Enter');
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(due).toBeFocused();
  await expect(due).toHaveAccessibleDescription(t.actionForm.dueInvalid);
  await expect(text).toHaveValue('Halvt datum');
  await expect(actions).not.toContainText('Halvt datum');

  // KASAM: someone must own the action (no "no owner"); it starts as me and stays as chosen after an add.
  const kasam = await createForumViaApi(anna.context, team.id, {
    kind: 'kasam',
    name: uniqueName('KASAM-samtal'),
    phases: [
      { kind: 'kasam-reflection', title: t.kasam.template.reflection, timeboxSeconds: 600, settings: { k: 3 } },
      { kind: 'kasam-actions', title: t.kasam.template.followUp, settings: {} },
    ],
  });
  await room.open((await startMeetingViaApi(anna.context, team.id, kasam.id)).id);
  await room.nextPhase();
  await expect(room.phaseTitle()).toHaveText(t.kasam.template.followUp);
  const kText = page.getByRole('textbox', { name: t.kasam.actions.text, exact: true });
  const kOwner = page.getByRole('combobox', { name: t.kasam.actions.ownerField, exact: true });
  await expect(kOwner.locator('option')).toHaveCount(2);
  await kText.fill('Fem minuter för avstämning varje fredag');
  await room.button(t.kasam.actions.add).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Fem minuter för avstämning' })).toContainText(
    fill(t.kasam.actions.owner, { name: people.anna.displayName }),
  );
  await expect(kText).toBeFocused();
  await kOwner.selectOption({ label: people.bertil.displayName });
  await kText.fill('Fråga nattpersonalen');
  await kText.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Fråga nattpersonalen' })).toContainText(
    fill(t.kasam.actions.owner, { name: people.bertil.displayName }),
  );
  await expect(kOwner.locator('option:checked')).toHaveText(people.bertil.displayName);
  await expectAccessible(page, 'KASAM actions');

  await Promise.all([anna.close(), bertil.close()]);
});
