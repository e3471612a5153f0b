/** The ethics forum's live events. */
import type { TimerState } from '../live/model.js';
import type { BreakoutState } from './phases.js';
import type { ChosenTheme } from './themes.js';

export interface EthicsEventPayloads {
  'ethics.theme.chosen': { phaseId: string; theme: ChosenTheme | null };
  /** Groups formed, someone moved, groups opened, called back, or share-back moved on: the whole state. */
  'breakout.changed': { phaseId: string; state: BreakoutState };
  'breakout.summary.edited': { phaseId: string; group: number; text: string };
  'breakout.timer.changed': { phaseId: string; group: number; timer: TimerState };
  /** The group's confidential notes changed (no text: members fetch it over REST). */
  'breakout.notes.changed': { phaseId: string; group: number; rev: number };
}

export type EthicsEventType = keyof EthicsEventPayloads;

declare module '../live/events.js' {
  interface LiveEventTables {
    ethics: EthicsEventPayloads;
  }
}
