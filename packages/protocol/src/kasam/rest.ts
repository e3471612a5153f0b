/**
 * KASAM dialogue over REST: the trend of revealed aggregates across meetings (only aggregates that met k
 * exist at all) and the actions to follow up. The live side is in phases.ts and commands.ts.
 */
import { z } from 'zod';
import { uuid } from '../common.js';
import type { ItemDto } from '../live/model.js';
import type { KasamDimension, KasamDimensionAggregate } from './aggregate.js';

/** GET /api/teams/:teamId/kasam/trend?forumId= */
export const KasamTrendQuery = z.strictObject({ forumId: uuid.optional() });

export interface KasamTrendPoint {
  meetingId: string;
  forumId: string | null;
  /** The day of the dialogue (YYYY-MM-DD): no finer time is kept. */
  heldOn: string;
  n: number;
  k: number;
  dimensions: Record<KasamDimension, KasamDimensionAggregate>;
}

/** GET /api/meetings/:meetingId/kasam/follow-up */
export interface KasamFollowUpDto {
  /** Actions from earlier KASAM dialogues of the same forum: open ones, and those followed up in this meeting. */
  actions: ItemDto[];
  /** The aggregate of the previous dialogue of this forum that met k, for comparison. */
  previous: KasamTrendPoint | null;
}
