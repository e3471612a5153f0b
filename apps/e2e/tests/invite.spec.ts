import { expect, test } from '@playwright/test';
import { fill, newPerson, TillitApp, uniqueName } from './support/app.ts';

test('a manager invites a colleague by link, who signs up on the way and joins the team', async ({
  browser,
  baseURL,
}) => {
  const anna = newPerson('Anna');
  const bertil = newPerson('Bertil');
  const orgName = uniqueName('Vård och omsorg');
  const teamName = uniqueName('Hemtjänst Norr');

  const manager = await TillitApp.open(browser);
  await manager.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await manager.signUp(anna);
  await manager.createOrganization(orgName);
  await manager.createTeam(teamName);
  await expect(manager.page.getByText(fill(manager.t.team.yourRole, { role: manager.t.roles.manager }))).toBeVisible();
  await expect(manager.member(anna.displayName)).toContainText(manager.t.roles.manager);

  const link = await manager.createInvite({ role: 'member' });
  expect(link).toMatch(new RegExp(`^${baseURL}/join/`));
  expect(await manager.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Another person, on another device, opens the link.
  const colleague = await TillitApp.open(browser);
  await colleague.goto(link);
  const t = colleague.t;
  await expect(colleague.heading(t.join.title)).toBeVisible();
  await expect(
    colleague.page.getByText(fill(t.join.invitedTo, { team: teamName, organization: orgName })),
  ).toBeVisible();
  await expect(colleague.page.getByText(fill(t.join.asRole, { role: t.roles.member }))).toBeVisible();
  await colleague.page.getByRole('link', { name: t.join.signUp }).click();
  await colleague.signUp(bertil, { from: null });

  // Back on the invite, now signed in: join.
  await expect(colleague.page).toHaveURL(link);
  await expect(colleague.page.getByText(fill(t.join.signedInAs, { name: bertil.displayName }))).toBeVisible();
  await colleague.page.getByRole('button', { name: t.join.accept }).click();
  await expect(colleague.heading(teamName)).toBeVisible();
  await expect(colleague.page.getByText(fill(t.team.yourRole, { role: t.roles.member }))).toBeVisible();
  // A staff member can neither invite nor manage others.
  await expect(colleague.page.getByRole('button', { name: t.invites.create })).toHaveCount(0);
  await expect(
    colleague.page.getByRole('button', { name: fill(t.team.removeNamed, { name: anna.displayName }) }),
  ).toHaveCount(0);

  // The manager sees the new member, and the single-use invite is used up.
  await manager.page.reload();
  await expect(manager.member(bertil.displayName)).toContainText(manager.t.roles.member);
  await expect(manager.page.getByRole('table', { name: manager.t.invites.list })).toContainText(
    manager.t.invites.statusUsedUp,
  );

  // The manager makes the colleague a facilitator; the colleague then may invite.
  await manager.page
    .getByLabel(fill(manager.t.team.roleFor, { name: bertil.displayName }))
    .selectOption(manager.t.roles.facilitator);
  await manager.member(bertil.displayName).getByRole('button', { name: manager.t.team.changeRole }).click();
  await expect(manager.member(bertil.displayName).locator('.badge')).toHaveText(manager.t.roles.facilitator);
  await colleague.page.reload();
  await expect(colleague.page.getByRole('button', { name: t.invites.create })).toBeVisible();

  // The used link no longer works.
  const latecomer = await TillitApp.open(browser);
  await latecomer.goto(link);
  await expect(latecomer.alert()).toHaveText(latecomer.t.errors.INVITE_INVALID);

  await Promise.all([manager.close(), colleague.close(), latecomer.close()]);
});

test('a member leaves the team and a revoked invite stops working', async ({ browser }) => {
  const manager = await TillitApp.open(browser);
  const member = await TillitApp.open(browser);
  const carin = newPerson('Carin');
  const david = newPerson('David');
  const teamName = uniqueName('Korttidsboendet');

  await manager.signUp(carin);
  await manager.createOrganization(uniqueName('Socialförvaltningen'));
  await manager.createTeam(teamName);
  const link = await manager.createInvite({ multiUse: true });

  await member.signUp(david);
  await member.goto(link);
  await member.page.getByRole('button', { name: member.t.join.accept }).click();
  await expect(member.heading(teamName)).toBeVisible();
  await member.page.getByRole('button', { name: member.t.team.leave }).click();
  await member.page.getByRole('button', { name: member.t.team.confirmLeaveButton }).click();
  await expect(member.heading(member.t.home.title)).toBeVisible();
  await expect(member.page.getByText(member.t.home.noTeams)).toBeVisible();

  await manager.page.reload();
  await expect(manager.member(carin.displayName)).toBeVisible();
  await expect(manager.member(david.displayName)).toHaveCount(0);
  const invites = manager.page.getByRole('table', { name: manager.t.invites.list });
  await invites.getByRole('button', { name: manager.t.invites.revoke }).click();
  await expect(invites).toContainText(manager.t.invites.statusRevoked);

  await member.goto(link);
  await expect(member.alert()).toHaveText(member.t.errors.INVITE_INVALID);
  await Promise.all([manager.close(), member.close()]);
});
