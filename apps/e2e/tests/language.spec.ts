import { expect, test } from '@playwright/test';
import { fill, newPerson, text, TillitApp } from './support/app.ts';

test('the language choice survives a reload and follows the person to a new device', async ({ browser }) => {
  const person = newPerson('Johanna');
  const first = await TillitApp.open(browser);

  // Before sign-in: Swedish by default, remembered on this device.
  await first.goto('/sign-up');
  await expect(first.heading(text.sv.auth.signUpTitle)).toBeVisible();
  await first.switchLanguage('en');
  await expect(first.heading(text.en.auth.signUpTitle)).toBeVisible();
  await first.page.reload();
  await expect(first.heading(text.en.auth.signUpTitle)).toBeVisible();
  await expect(first.page.locator('html')).toHaveAttribute('lang', 'en');

  // Signing up keeps it.
  await first.signUp(person, { from: null });
  await expect(first.page.getByText(fill(text.en.home.greeting, { name: person.displayName }))).toBeVisible();

  // After sign-in the choice is saved for the person.
  await first.switchLanguage('sv');
  await first.page.reload();
  await expect(first.heading(text.sv.home.title)).toBeVisible();
  await first.switchLanguage('en');
  await first.page.reload();
  await expect(first.heading(text.en.home.title)).toBeVisible();

  // A new device starts in Swedish, and switches to the person's language on sign-in.
  const second = await TillitApp.open(browser, 'sv');
  await second.goto('/sign-in');
  await expect(second.heading(text.sv.auth.signInTitle)).toBeVisible();
  await second.fillSignIn(person);
  second.lang = 'en';
  await expect(second.heading(text.en.home.title)).toBeVisible();
  await expect(second.page.locator('html')).toHaveAttribute('lang', 'en');

  // And the account page shows it as the saved language.
  await second.openAccount();
  await expect(second.page.getByRole('combobox', { name: text.en.account.language })).toHaveValue('en');
  await Promise.all([first.close(), second.close()]);
});
