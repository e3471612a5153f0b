import { expect, test } from '@playwright/test';
import { expectAccessible, newPerson, text, TillitApp, uniqueName, type Lang } from './support/app.ts';

for (const lang of ['sv', 'en'] as const satisfies Lang[]) {
  test(`every page passes axe-core without serious violations (${lang})`, async ({ browser }) => {
    const app = await TillitApp.open(browser);
    await app.goto('/sign-up');
    if (lang !== 'sv') await app.switchLanguage(lang);
    const t = app.t;
    await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(app.page, 'sign-up');

    await app.goto('/sign-in');
    await expect(app.heading(t.auth.signInTitle)).toBeVisible();
    await expectAccessible(app.page, 'sign-in');
    // An error on the page is accessible too.
    await app.fillSignIn({ email: 'nobody@example.test', password: 'not the password' });
    await expect(app.alert()).toBeVisible();
    await expectAccessible(app.page, 'sign-in with error');

    const person = newPerson('Hanna');
    await app.signUp(person);
    await expect(app.heading(t.home.title)).toBeVisible();
    await expectAccessible(app.page, 'home (empty)');

    const orgName = uniqueName('Omsorg');
    await app.createOrganization(orgName);
    await expectAccessible(app.page, 'organisation');

    const teamName = uniqueName('Team');
    await app.createTeam(teamName);
    const link = await app.createInvite({ multiUse: true });
    await expectAccessible(app.page, 'team with invite');

    await app.goto('/');
    await expect(app.page.getByRole('link', { name: teamName })).toBeVisible();
    await expectAccessible(app.page, 'home (with team)');

    await app.openAccount();
    await expectAccessible(app.page, 'account');

    await app.goto('/no-such-page');
    await expectAccessible(app.page, 'not found');

    // The join page, signed out (in the same language, chosen on that device) and signed in.
    const guest = await TillitApp.open(browser);
    await guest.goto(link);
    if (lang !== 'sv') await guest.switchLanguage(lang);
    await expect(guest.page.getByRole('link', { name: guest.t.join.signUp })).toBeVisible();
    await expectAccessible(guest.page, 'join (signed out)');
    await guest.page.getByRole('link', { name: guest.t.join.signUp }).click();
    await guest.signUp(newPerson('Ivar'), { from: null });
    await expect(guest.page.getByRole('button', { name: guest.t.join.accept })).toBeVisible();
    await expectAccessible(guest.page, 'join (signed in)');

    // Narrow phone width: nothing overflows sideways.
    await app.page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/account']) {
      await app.goto(path);
      await expect(app.page.locator('h1')).toBeVisible();
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at 360px on ${path}`).toBeLessThanOrEqual(0);
    }
    await Promise.all([app.close(), guest.close()]);
  });
}

test('a skip link leads keyboard users past the header to the content', async ({ page }) => {
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: text.sv.app.skipToContent });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
