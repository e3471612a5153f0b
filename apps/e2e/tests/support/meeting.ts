/** One person's view of a live meeting room, driven by labels, roles and visible text. */
import { expect, type Locator } from '@playwright/test';
import { fill, type TillitApp } from './app.ts';

export class MeetingRoom {
  constructor(readonly app: TillitApp) {}

  get page() {
    return this.app.page;
  }

  get t() {
    return this.app.t;
  }

  async open(meetingId: string, query = ''): Promise<void> {
    await this.app.goto(`/meetings/${meetingId}${query}`);
    await this.expectConnected();
  }

  connection(): Locator {
    return this.page.locator('.connection-state');
  }

  async expectConnected(): Promise<void> {
    await expect(this.connection()).toHaveText(this.t.meeting.connection.connected);
  }

  /** The current phase's title (every screen shows the same one). */
  phaseTitle(): Locator {
    return this.page.locator('#phase-title');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name });
  }

  async nextPhase(): Promise<void> {
    await this.button(this.t.meeting.controls.next).click();
  }

  captured(): Locator {
    return this.page.getByRole('list', { name: this.t.meeting.capture.list });
  }

  item(list: Locator, text: string): Locator {
    return list.getByRole('listitem').filter({ hasText: text });
  }

  async addItem(text: string): Promise<void> {
    await this.page.getByLabel(this.t.meeting.itemForm.newItem).fill(text);
    await this.button(this.t.meeting.itemForm.add).click();
  }

  votingList(): Locator {
    return this.page.getByRole('list', { name: this.t.meeting.voting.list });
  }

  async vote(text: string): Promise<void> {
    await this.button(`+1 ${fill(this.t.meeting.voting.vote, { text })}`).click();
  }

  waitingCount(count: number): Locator {
    const key = count === 1 ? this.t.meeting.waitingCount_one : this.t.meeting.waitingCount_other;
    return this.page.getByText(fill(key, { count }));
  }
}
