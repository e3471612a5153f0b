/**
 * Co-edited texts of improvement work (the three questions and every PDSA field), field by field: see
 * FieldDto and apps/api/src/improvement/README.md.
 */
import { z } from 'zod';

/** The Model for Improvement's three questions. */
export const IDEA_FIELDS = ['aim', 'measure', 'change'] as const;
/** Plan (objective, who, where, when, data plan), Do (observations, deviations), Study (learning), Act (next step). */
export const CYCLE_FIELDS = [
  'objective',
  'who',
  'where',
  'when',
  'dataPlan',
  'observations',
  'deviations',
  'learning',
  'nextStep',
] as const;
/** Per question of a cycle: the question (Plan), its prediction (Plan) and the result against it (Study). */
export const QUESTION_FIELDS = ['question', 'prediction', 'result'] as const;
export type IdeaField = (typeof IDEA_FIELDS)[number];
export type CycleField = (typeof CYCLE_FIELDS)[number];
export type QuestionField = (typeof QUESTION_FIELDS)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY_RE = new RegExp(
  `^(?:i:(${UUID}):(${IDEA_FIELDS.join('|')})|c:(${UUID}):(${CYCLE_FIELDS.join('|')})|q:(${UUID}):(${UUID}):(${QUESTION_FIELDS.join('|')}))$`,
);

/**
 * A field's key: `i:<ideaId>:aim`, `c:<cycleId>:objective`, `q:<cycleId>:<questionId>:prediction`.
 * Keys are unique within the whole system (they embed the owner's id).
 */
export const fieldKey = {
  idea: (ideaId: string, field: IdeaField) => `i:${ideaId}:${field}`,
  cycle: (cycleId: string, field: CycleField) => `c:${cycleId}:${field}`,
  question: (cycleId: string, questionId: string, field: QuestionField) => `q:${cycleId}:${questionId}:${field}`,
};

export type ParsedFieldKey =
  | { scope: 'idea'; ideaId: string; field: IdeaField }
  | { scope: 'cycle'; cycleId: string; field: CycleField }
  | { scope: 'question'; cycleId: string; questionId: string; field: QuestionField };

export function parseFieldKey(key: string): ParsedFieldKey | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  if (m[1]) return { scope: 'idea', ideaId: m[1], field: m[2] as IdeaField };
  if (m[3]) return { scope: 'cycle', cycleId: m[3], field: m[4] as CycleField };
  return { scope: 'question', cycleId: m[5]!, questionId: m[6]!, field: m[7] as QuestionField };
}

export const FieldKey = z
  .string()
  .max(120)
  .refine((k) => KEY_RE.test(k), 'not a field key');

/** A co-edited text. A field never written has no entry: read it as text '', rev 0, no editor. */
export interface FieldDto {
  key: string;
  text: string;
  /** Goes up by one with every saved change. */
  rev: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Who is editing it now (a lease, renewed by every save; expired leases count as free). */
  editor: { userId: string; until: string } | null;
}

/** A text that was NOT put into its field (someone else changed it meanwhile): kept, shown, never lost. */
export interface ConflictDto {
  id: string;
  key: string;
  userId: string;
  text: string;
  at: string;
}

/** One entry of a field's history. */
export interface FieldVersionDto {
  id: string;
  key: string;
  /** The field's revision this text became; null for a conflict (it did not go in). */
  rev: number | null;
  kind: 'edit' | 'conflict';
  text: string;
  userId: string | null;
  at: string;
  /** For conflicts: dismissed from view (still here). */
  dismissed: boolean;
}

/** A field as it is now, empty when never written. */
export function improvementField(state: { fields: Record<string, FieldDto> }, key: string): FieldDto {
  return state.fields[key] ?? { key, text: '', rev: 0, updatedBy: null, updatedAt: null, editor: null };
}

/** Who holds the field's lease at `nowMs` (server time), or null. */
export function fieldEditor(field: FieldDto, nowMs: number): string | null {
  return field.editor && Date.parse(field.editor.until) > nowMs ? field.editor.userId : null;
}
