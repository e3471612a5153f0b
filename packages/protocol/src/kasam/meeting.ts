/** What a KASAM dialogue leaves in the minutes. */
import type { KasamDimension, KasamDimensionAggregate } from './aggregate.js';

/**
 * What a KASAM dialogue leaves in the minutes. `aggregates` holds only reveals (k was met), and of them only
 * the count, k and median + distribution per dimension (not the texts). Factors carry no author: nothing
 * here ties an answer or a contribution to a person; actions carry their owners.
 */
export interface KasamMinutesDto {
  aggregates: { phaseId: string; n: number; k: number; dimensions: Record<KasamDimension, KasamDimensionAggregate> }[];
  factors: { itemId: string; text: string; group: string | null }[];
  actions: { itemId: string; text: string; ownerId: string | null; dueDate: string | null }[];
}

declare module '../live/model.js' {
  interface MinutesParts {
    /** KASAM dialogues: the revealed aggregate (only if k was met), success factors, actions with owners. */
    kasam?: KasamMinutesDto | null;
  }
}
