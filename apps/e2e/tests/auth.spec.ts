import { expect, test } from '@playwright/test';
import { fill, newPerson, TillitApp } from './support/app.ts';

test('a wrong password shows a clear error; signing in and out works', async ({ browser }) => {
  const person = newPerson('Elin');
  const app = await TillitApp.open(browser);
  await app.signUp(person);
  await app.signOut();

  await app.fillSignIn({ email: person.email, password: 'fel lösenord helt enkelt' });
  await expect(app.alert()).toHaveText(app.t.errors.INVALID_CREDENTIALS);
  await expect(app.heading(app.t.auth.signInTitle)).toBeVisible();

  await app.page.getByLabel(app.t.auth.password).fill(person.password);
  await app.page.getByRole('button', { name: app.t.auth.signInButton }).click();
  await expect(app.heading(app.t.home.title)).toBeVisible();
  await expect(app.page.getByText(fill(app.t.home.greeting, { name: person.displayName }))).toBeVisible();

  await app.signOut();
  // Signed out for real: a protected page sends you to sign in, even after a reload.
  await app.goto('/account');
  await expect(app.heading(app.t.auth.signInTitle)).toBeVisible();
  await app.close();
});

test('repeated wrong passwords are throttled and the wait is shown', async ({ browser }) => {
  const person = newPerson('Fredrik');
  const app = await TillitApp.open(browser);
  await app.signUp(person);
  await app.signOut();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await app.fillSignIn({ email: person.email, password: `inte rätt ${attempt}` });
    await expect(app.alert()).toHaveText(app.t.errors.INVALID_CREDENTIALS);
  }
  await app.fillSignIn({ email: person.email, password: person.password });
  const [before, after] = app.t.errors.RATE_LIMITED.split('{{seconds}}') as [string, string];
  await expect(app.alert()).toHaveText(new RegExp(`^${escape(before)}\\d+${escape(after)}$`));
  await app.close();
});

test('the account page lists sessions; one or all others can be signed out', async ({ browser }) => {
  const person = newPerson('Gunilla');
  const laptop = await TillitApp.open(browser);
  const phone = await TillitApp.open(browser);
  const wallScreen = await TillitApp.open(browser);
  await laptop.signUp(person);
  await phone.signIn(person);
  await wallScreen.signIn(person);

  await laptop.openAccount();
  const t = laptop.t.account;
  await expect(laptop.sessions()).toHaveCount(3);
  await expect(laptop.sessions().filter({ hasText: t.thisDevice })).toHaveCount(1);
  await expect(laptop.page.getByText(person.email)).toBeVisible();

  // Sign out one other device.
  await laptop.sessions().filter({ hasNotText: t.thisDevice }).first().getByRole('button', { name: t.revoke }).click();
  await expect(laptop.sessions()).toHaveCount(2);

  // Then every other device.
  await laptop.page.getByRole('button', { name: t.revokeOthers }).click();
  await expect(laptop.sessions()).toHaveCount(1);
  await expect(laptop.page.getByText(t.onlyThis)).toBeVisible();

  for (const device of [phone, wallScreen]) {
    await device.goto('/');
    await expect(device.heading(device.t.auth.signInTitle)).toBeVisible();
  }
  // This device is still signed in.
  await laptop.page.reload();
  await expect(laptop.heading(t.title)).toBeVisible();
  await Promise.all([laptop.close(), phone.close(), wallScreen.close()]);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
