/** The improvement meeting's live events. */
import type { ItemDto } from '../live/model.js';
import type { ConflictDto, FieldDto } from './co-editing.js';
import type { CycleDto, IdeaDto, MeasureDto } from './model.js';

export interface ImprovementEventPayloads {
  /** The idea, and its item (title = text, status open / done / closed). */
  'improvement.idea': { idea: IdeaDto; item: ItemDto };
  'improvement.cycle': { cycle: CycleDto };
  /** A field's text or its editor changed. */
  'improvement.field': { field: FieldDto };
  /** A save that did not go in: the kept text, and the field as it is. */
  'improvement.conflict': { conflict: ConflictDto; field: FieldDto };
  'improvement.conflict-dismissed': { conflictId: string };
  /** A measure, with all its points (also after a point was added or removed). */
  'improvement.measure': { measure: MeasureDto };
  'pdsa.focused': { phaseId: string; ideaId: string | null };
}
export type ImprovementEventType = keyof ImprovementEventPayloads;

declare module '../live/events.js' {
  interface LiveEventTables {
    improvement: ImprovementEventPayloads;
  }
}
