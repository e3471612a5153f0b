import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ethicsEn, ethicsSv } from '../../../web/src/ethics/ethics.locales.ts';
import { kasamEn, kasamSv } from '../../../web/src/kasam/kasam.locales.ts';
import { en as appEn } from '../../../web/src/locales/en.ts';
import { sv as appSv } from '../../../web/src/locales/sv.ts';
import { phasesEn, phasesSv } from '../../../web/src/phases/phases.locales.ts';
import { scaled } from './time.ts';

// The web keeps each ritual's strings in the ritual's own namespace; the tests read them where they always have.
const sv = { ...appSv, meeting: { ...appSv.meeting, ...phasesSv }, ethicsForum: ethicsSv, kasam: kasamSv };
const en = { ...appEn, meeting: { ...appEn.meeting, ...phasesEn }, ethicsForum: ethicsEn, kasam: kasamEn };

export type Lang = 'sv' | 'en';
/** The web's own dictionaries: tests look for exactly what a person sees, in either language. */
export const text = { sv, en } as const;

/** Fills i18next-style {{placeholders}}, for expecting interpolated strings. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export interface Person {
  email: string;
  displayName: string;
  password: string;
}

let sequence = 0;
/** A unique person, so tests can run in parallel against one database. */
export function newPerson(firstName: string): Person {
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}${(++sequence).toString(36)}`;
  return {
    email: `${firstName.toLowerCase()}.${id}@example.test`,
    displayName: `${firstName} ${id}`,
    password: 'lugn morgon vid kaffet',
  };
}

export function uniqueName(base: string): string {
  return `${base} ${Date.now().toString(36)}${(++sequence).toString(36)}`;
}

/** One person's browser tab, driven the way they would: by labels, roles and visible text. */
export class TillitApp {
  constructor(
    readonly page: Page,
    public lang: Lang = 'sv',
  ) {}

  /** A new browser context (its own cookies and storage: another device or person). */
  static async open(browser: Browser, lang: Lang = 'sv'): Promise<TillitApp> {
    const context = await browser.newContext();
    return new TillitApp(await context.newPage(), lang);
  }

  get t() {
    return text[this.lang];
  }

  get context(): BrowserContext {
    return this.page.context();
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  alert() {
    return this.page.getByRole('alert');
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
  }

  /** Switches the language with the switch in the header and waits until the page shows it. */
  async switchLanguage(lang: Lang): Promise<void> {
    const saved = this.page
      .waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH', {
        timeout: scaled(3_000),
      })
      .catch(() => null);
    await this.page
      .getByRole('group', { name: this.t.language.label })
      .getByRole('button', { name: text[lang].language[lang] })
      .click();
    this.lang = lang;
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
    await expect(this.page.getByRole('button', { name: text[lang].language[lang] })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    if (await this.isSignedIn()) await saved;
  }

  async isSignedIn(): Promise<boolean> {
    return this.page.getByRole('navigation', { name: this.t.app.mainNav }).isVisible();
  }

  async signUp(person: Person, { from = '/sign-up' }: { from?: string | null } = {}): Promise<void> {
    if (from) await this.goto(from);
    await expect(this.heading(this.t.auth.signUpTitle)).toBeVisible();
    await this.page.getByLabel(this.t.auth.email).fill(person.email);
    await this.page.getByLabel(this.t.auth.displayName).fill(person.displayName);
    await this.page.getByLabel(this.t.auth.password).fill(person.password);
    await this.page.getByRole('button', { name: this.t.auth.signUpButton }).click();
    await expect(this.page.getByRole('navigation', { name: this.t.app.mainNav })).toBeVisible();
  }

  async fillSignIn(person: Pick<Person, 'email' | 'password'>): Promise<void> {
    await expect(this.heading(this.t.auth.signInTitle)).toBeVisible();
    await this.page.getByLabel(this.t.auth.email).fill(person.email);
    await this.page.getByLabel(this.t.auth.password).fill(person.password);
    await this.page.getByRole('button', { name: this.t.auth.signInButton }).click();
  }

  async signIn(person: Person): Promise<void> {
    await this.goto('/sign-in');
    await this.fillSignIn(person);
    await expect(this.page.getByRole('navigation', { name: this.t.app.mainNav })).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.t.app.mainNav })
      .getByRole('button', { name: this.t.nav.signOut })
      .click();
    await expect(this.heading(this.t.auth.signInTitle)).toBeVisible();
  }

  /** From home: creates an organisation and ends on its page. */
  async createOrganization(name: string): Promise<void> {
    await this.goto('/');
    await expect(this.heading(this.t.home.title)).toBeVisible();
    await this.page.getByLabel(this.t.home.organizationName).fill(name);
    await this.page.getByRole('button', { name: this.t.home.createOrganization }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** On an organisation's page: creates a team and ends on the team's page. */
  async createTeam(name: string): Promise<void> {
    await this.page.getByLabel(this.t.organization.teamName).fill(name);
    await this.page.getByRole('button', { name: this.t.organization.create }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** On a team's page: creates an invite link, copies it, and returns it. */
  async createInvite({ role = 'member', multiUse = false }: { role?: keyof typeof sv.roles; multiUse?: boolean } = {}) {
    const t = this.t.invites;
    await this.page.getByLabel(t.role).selectOption({ label: this.t.roles[role] });
    await this.page.getByRole('radio', { name: multiUse ? t.multiUse : t.singleUse }).check();
    await this.page.getByRole('button', { name: t.create }).click();
    const field = this.page.getByLabel(t.link);
    await expect(field).toHaveValue(/\/join\/.+/);
    await this.page.getByRole('button', { name: t.copy }).click();
    await expect(this.page.getByRole('status').filter({ hasText: t.copied })).toBeVisible();
    return field.inputValue();
  }

  members() {
    return this.page.getByRole('list', { name: this.t.team.members });
  }

  member(displayName: string) {
    return this.members().getByRole('listitem').filter({ hasText: displayName });
  }

  async openAccount(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.t.app.mainNav })
      .getByRole('link', { name: this.t.nav.account })
      .click();
    await expect(this.heading(this.t.account.title)).toBeVisible();
  }

  sessions() {
    return this.page.getByRole('list', { name: this.t.account.sessions }).getByRole('listitem');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** axe-core on the page as it is now: no serious or critical WCAG violations. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious, `axe on ${where} (${await page.locator('html').getAttribute('lang')})`).toEqual([]);
}
