/** The KASAM dialogue's live events. */
import type { ItemDto, ReviewEntry } from '../live/model.js';
import type { KasamAggregate } from './aggregate.js';

export interface KasamEventPayloads {
  /** One more person answered: only the count. */
  'kasam.answered': { phaseId: string; answered: number };
  'kasam.revealed': { phaseId: string; result: KasamAggregate };
  'kasam.factor.grouped': { phaseId: string; itemId: string; group: string | null };
  'kasam.action.added': { phaseId: string; item: ItemDto };
  'kasam.followed-up': { phaseId: string; itemId: string; entry: ReviewEntry; item: ItemDto };
}
export type KasamEventType = keyof KasamEventPayloads;

declare module '../live/events.js' {
  interface LiveEventTables {
    kasam: KasamEventPayloads;
  }
}
